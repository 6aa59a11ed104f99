/**
 * The cutoff explorer's computation (web/src/lib/explorerCompute.ts) equals the engine's public
 * functions — kaplanMeier, logRank, coxph, maxstat — which are themselves checked against R: the
 * explorer calls their fit layers on pre-sorted arrays for speed, so this pins that shortcut.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explore, groupLabels, prepareExplorer, sliderIndex } from '../../web/src/lib/explorerCompute.js';
import { kaplanMeier } from '../../src/stats/survival/kaplanMeier.js';
import { logRank } from '../../src/stats/survival/logRank.js';
import { coxph } from '../../src/stats/survival/cox/coxph.js';
import { maxstat } from '../../src/stats/survival/maxstat.js';

function hong() {
  const lines = readFileSync(join(process.cwd(), 'examples', 'hong2021', 'cohort.csv'), 'utf8').trim().split(/\r?\n/);
  const h = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const col = (name: string) => rows.map((r) => (r[h.indexOf(name)] === '' ? null : Number(r[h.indexOf(name)])));
  const n = col('neutrophils'), l = col('lymphocytes'), p = col('platelets');
  const sii = n.map((x, i) => (x === null || l[i] === null || p[i] === null ? null : (p[i]! * x) / l[i]!));
  return { time: col('os_time'), event: col('os_event'), sii };
}

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('cutoff explorer computation', () => {
  const d = hong();
  const prep = prepareExplorer({ time: d.time, event: d.event, marker: d.sii, outcome: d.event, markerName: 'SII', endpoint: 'os', outcomeName: 'death', unit: 'months' });

  it('takes complete cases and sorted distinct marker values', () => {
    expect(prep.n).toBe(58);
    expect(prep.values.length).toBeGreaterThan(50);
    for (let k = 1; k < prep.values.length; k++) expect(prep.values[k]).toBeGreaterThan(prep.values[k - 1]);
    for (let k = 1; k < prep.n; k++) expect(prep.time[k]).toBeGreaterThanOrEqual(prep.time[k - 1]);
  });

  it('maxstat is the public maxstat (computed once), shown as ≥ the next value: the same patients', () => {
    const m = maxstat(Float64Array.from(d.time as number[]), Float64Array.from(d.event as number[]), Float64Array.from(d.sii as number[]));
    expect(prep.maxstat!.estimate).toBe(m.cutoff);
    expect(prep.maxstat!.cutoff).toBe(m.highFrom);
    expect(m.highFrom).toBe(Math.min(...(d.sii as number[]).filter((x) => x > m.cutoff)));
    const r = explore(prep, prep.maxstat!.cutoff);
    expect([r.nLow, r.nHigh]).toEqual([m.nLow, m.nHigh]);
    expect(rel(r.logRank!.chisq, m.naiveLogRank.chisq)).toBeLessThan(1e-12);
    expect(prep.maxstat!.p).toBe(m.p);
    expect(prep.maxstat!.naiveP).toBe(m.naiveLogRank.p);
  });

  for (const q of [0.25, 0.5, 0.75]) {
    it(`at the ${q * 100}th percentile cutoff: KM, log-rank, Cox HR and accuracy equal the public functions`, () => {
      const cutoff = prep.values[Math.floor(q * (prep.values.length - 1))];
      const r = explore(prep, cutoff);
      const [lo, hi] = groupLabels(prep, cutoff);
      const labels = (d.sii as number[]).map((x) => (x >= cutoff ? hi : lo));
      const lr = logRank(d.time as number[], d.event as number[], labels);
      expect(rel(r.logRank!.chisq, lr.chisq)).toBeLessThan(1e-12);
      expect(rel(r.logRank!.p, lr.p)).toBeLessThan(1e-12);
      const cox = coxph({
        time: Float64Array.from(d.time as number[]), event: Float64Array.from(d.event as number[]),
        covariates: [{ name: 'high', kind: 'numeric', values: Float64Array.from(d.sii as number[], (x) => (x >= cutoff ? 1 : 0)) }],
      });
      const c = cox.coefficients[0];
      expect(rel(r.hr!.hr, c.hr)).toBeLessThan(1e-12);
      expect(rel(r.hr!.lower!, c.lower!)).toBeLessThan(1e-12);
      expect(rel(r.hr!.upper!, c.upper!)).toBeLessThan(1e-12);
      expect(rel(r.hr!.p, c.p)).toBeLessThan(1e-12);
      const km = kaplanMeier(d.time as number[], d.event as number[], { group: labels });
      expect(r.nLow + r.nHigh).toBe(58);
      expect(r.nLow).toBe(km.groups.find((g) => g.group === lo)!.n);
      // The figure shows each group's n and median from the same fit.
      for (const g of km.groups) expect(r.svg).toContain(`n = ${g.n}`);
      let tp = 0, cases = 0, fp = 0, controls = 0;
      (d.sii as number[]).forEach((x, i) => {
        if (d.event[i] === 1) { cases++; if (x >= cutoff) tp++; } else { controls++; if (x >= cutoff) fp++; }
      });
      expect(r.accuracy!.sensitivity).toBe(tp / cases);
      expect(r.accuracy!.specificity).toBe(1 - fp / controls);
      expect(r.svg.startsWith('<svg')).toBe(true);
    });
  }

  it('a hand-checked tiny case: two groups of three', () => {
    // low (x < 5): times 1, 2, 3 all events; high (x ≥ 5): 4+, 5+, 6+ no events.
    const p = prepareExplorer({ time: [1, 2, 3, 4, 5, 6], event: [1, 1, 1, 0, 0, 0], marker: [1, 2, 2, 5, 6, 7], outcome: [1, 1, 1, 0, 0, 0], markerName: 'm', endpoint: 'os', outcomeName: null, unit: 'months' });
    expect(groupLabels(p, 5)).toEqual(['m < 5', 'm ≥ 5']);
    const r = explore(p, 5);
    // A value between two observed ones (the median 3.5) gives the same split as the next observed value.
    expect([explore(p, 3.5).nLow, explore(p, 3.5).nHigh]).toEqual([3, 3]);
    expect(p.cutoffs[sliderIndex(p, 3.5)]).toBe(5);
    expect([r.nLow, r.nHigh, r.eventsLow, r.eventsHigh]).toEqual([3, 3, 3, 0]);
    expect(r.accuracy).toMatchObject({ sensitivity: 0, specificity: 0 }); // "high" catches no event and every non-event
    // Log-rank by hand: deaths at t = 1, 2, 3 with (low, total) at risk (3, 6), (2, 5), (1, 4):
    // E_low = 3/6 + 2/5 + 1/4 = 1.15, V = Σ n_l n_h / N² = 9/36 + 6/25 + 3/16 = 0.6775; χ² = (3 − 1.15)² / 0.6775.
    expect(rel(r.logRank!.chisq, (3 - 1.15) ** 2 / 0.6775)).toBeLessThan(1e-12);
    expect(r.note).toMatch(/not finite/);
  });

  it('the slider, a typed value and the median give the same groups for the same value', () => {
    for (const v of [prep.median, prep.values[3], (prep.values[10] + prep.values[11]) / 2, prep.values[0] - 1, prep.values[prep.values.length - 1] + 1]) {
      const typed = explore(prep, v);
      const slid = explore(prep, prep.cutoffs[sliderIndex(prep, v)]);
      if (typed.nLow > 0 && typed.nHigh > 0) {
        expect([slid.nLow, slid.nHigh]).toEqual([typed.nLow, typed.nHigh]);
        expect(slid.logRank!.chisq).toBe(typed.logRank!.chisq);
      }
    }
  });

  it('direction > as declared in a spec: x > cutoff is high, the maxstat estimate itself', () => {
    const p = prepareExplorer({ time: [1, 2, 3, 4, 5, 6], event: [1, 1, 1, 0, 0, 0], marker: [1, 2, 2, 5, 6, 7], outcome: null, markerName: 'm', endpoint: 'os', outcomeName: null, unit: 'months', direction: '>' });
    expect(groupLabels(p, 2)).toEqual(['m ≤ 2', 'm > 2']);
    expect([explore(p, 2).nLow, explore(p, 2).nHigh]).toEqual([3, 3]);
    expect(Array.from(p.cutoffs)).toEqual([1, 2, 5, 6]);
    expect(p.cutoffs[sliderIndex(p, 3.5)]).toBe(2);
  });

  it('splits leaving fewer than 10 % (or a declared minimum) on one side are flagged', () => {
    // 58 patients: 5 high (8.6 %) is flagged, 6 (10.3 %) is not.
    const sorted = Array.from(prep.marker).sort((a, b) => a - b);
    expect(explore(prep, sorted[58 - 5]).smallGroup).toBe(true);
    expect(explore(prep, sorted[58 - 6]).smallGroup).toBe(false);
    const strict = prepareExplorer({ time: d.time, event: d.event, marker: d.sii, outcome: null, markerName: 'SII', endpoint: 'os', outcomeName: null, unit: 'months', minShare: 0.2 });
    expect(explore(strict, sorted[58 - 6]).smallGroup).toBe(true);
  });

  it('all patients on one side: no test, a note', () => {
    const r = explore(prep, prep.values[prep.values.length - 1] + 1);
    expect(r.nHigh).toBe(0);
    expect(r.logRank).toBeNull();
    expect(r.note).toMatch(/one side/);
  });
});
