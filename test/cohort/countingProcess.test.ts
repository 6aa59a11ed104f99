import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { byPatientThenTime, countingProcess } from '../../src/cohort/countingProcess.js';

const dir = 'test/reference/cohort';
const ref = JSON.parse(readFileSync(`${dir}/tmerge_reference.json`, 'utf8'));

function csv(file: string): Record<string, number[]> {
  const [head, ...lines] = readFileSync(`${dir}/${file}`, 'utf8').trim().split('\n');
  const cols = head.split(',').map((h) => h.replace(/"/g, ''));
  const out: Record<string, number[]> = Object.fromEntries(cols.map((c) => [c, []]));
  for (const l of lines) l.split(',').forEach((v, j) => out[cols[j]].push(v === 'NA' ? NaN : Number(v)));
  return out;
}

describe('countingProcess equals survival::tmerge (event + tdc)', () => {
  for (const name of ['pbc', 'hand'] as const) {
    test(name, () => {
      const base = csv(`tmerge_${name}_base.csv`);
      const labs = csv(`tmerge_${name}_labs.csv`);
      const pos = new Map(base.id.map((id, i) => [id, i]));
      const r = countingProcess(
        { time: base.time, event: base.event },
        { patient: labs.id.map((id) => pos.get(id)!), time: labs.day, values: { albumin: labs.albumin, bili: labs.bili, platelet: labs.platelet } },
      );
      const e = ref.cases[name];
      expect(Array.from(r.patient, (p) => base.id[p])).toEqual(e.id);
      expect(Array.from(r.start)).toEqual(e.tstart);
      expect(Array.from(r.stop)).toEqual(e.tstop);
      expect(Array.from(r.event)).toEqual(e.event);
      for (const v of ['albumin', 'bili', 'platelet']) {
        expect(Array.from(r.covariates[v], (x) => (Number.isNaN(x) ? null : x))).toEqual(e[v]);
      }
    });
  }
  test('hand-computed: split at 40, value from time 0, event on the last row; no rows for time 0', () => {
    const r = countingProcess({ time: [100, 0], event: [1, 1] }, { patient: [0, 0, 0, 1], time: [0, 40, 120, 0], values: { sii: [300, 500, 900, 1] } });
    expect(Array.from(r.patient)).toEqual([0, 0]);
    expect(Array.from(r.start)).toEqual([0, 40]);
    expect(Array.from(r.stop)).toEqual([40, 100]);
    expect(Array.from(r.event)).toEqual([0, 1]);
    expect(Array.from(r.covariates.sii)).toEqual([300, 500]);
  });
});

describe('byPatientThenTime', () => {
  test('the radix passes give the comparator sort\'s order (ties in time, −0, patients in any order); NaN times take the comparator', () => {
    let s = 17;
    const rnd = () => (s = (s * 48271) % 2147483647) / 2147483647;
    const M = 5000;
    const n = 300;
    const patient = Int32Array.from({ length: M }, () => Math.floor(rnd() * n));
    const time = Float64Array.from({ length: M }, () => (rnd() < 0.05 ? -0 : Math.floor(rnd() * 40) - 5));
    const cmp = (t: ArrayLike<number>) => Array.from({ length: M }, (_, k) => k).sort((a, b) => patient[a] - patient[b] || t[a] - t[b] || a - b);
    expect(Array.from(byPatientThenTime(patient, time, n))).toEqual(cmp(time));
    const withNaN = Float64Array.from(time, (t, k) => (k % 97 === 0 ? NaN : t));
    expect(Array.from(byPatientThenTime(patient, withNaN, n))).toEqual(cmp(withNaN));
  });
});
