import { afterAll, describe, expect, it } from 'vitest';
import { cumulativeIncidence } from '../../../src/stats/competing/cumulativeIncidence.js';
import { kaplanMeierCore } from '../../../src/stats/survival/kaplanMeierCore.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { close, lab, num, REF_DIR, reference, tally } from './reference.js';

const small: any = JSON.parse(readFileSync(join(REF_DIR, 'gray_small_reference.json'), 'utf8'));

describe('cumulative incidence vs cmprsk::cuminc', () => {
  for (const c of reference.cif) {
    it(`${c.id}: estimates and variances at every event time, timepoints()`, () => {
      const r = cumulativeIncidence(
        { time: num(c.data, c.time), status: num(c.data, c.status), group: c.group ? lab(c.data, c.group) : null },
        { times: c.times },
      );
      expect(r.n).toBe(c.n);
      for (const ref of c.curves) {
        const cur = r.curves.find((x) => x.group === (c.group ? ref.group : 'all') && x.cause === ref.cause)!;
        expect(cur, `${c.id} ${ref.group} ${ref.cause}`).toBeDefined();
        const times = [ref.time].flat();
        expect(Array.from(cur.table.time)).toEqual(times);
        [ref.est].flat().forEach((e: number, i: number) => close(cur.table.cif[i], e, `${c.id} ${ref.group}/${ref.cause} est[${i}]`, 1e-9));
        [ref.var].flat().forEach((v: number, i: number) => close(cur.table.variance[i], v, `${c.id} ${ref.group}/${ref.cause} var[${i}]`, 1e-6, 1e-12));
      }
      for (const tp of c.timepoints ?? []) {
        const [g, cause] = String(tp.name).split(' ');
        const cur = r.curves.find((x) => x.group === (c.group ? g : 'all') && x.cause === Number(cause))!;
        [tp.est].flat().forEach((e: number | null, i: number) => {
          if (e === null) return; // beyond the last time: cuminc gives NA
          close(cur.at[i].cif, e, `${c.id} ${tp.name} at ${c.times[i]}`, 1e-9);
          close(cur.at[i].variance, [tp.var].flat()[i], `${c.id} ${tp.name} var at ${c.times[i]}`, 1e-6, 1e-12);
        });
      }
    });
  }
});

describe("Gray's test vs cmprsk::cuminc", () => {
  it('has one test per cause with cuminc df', () => {
    for (const c of reference.cif.filter((x: any) => x.tests.length)) {
      const r = cumulativeIncidence({ time: num(c.data, c.time), status: num(c.data, c.status), group: lab(c.data, c.group) });
      expect(r.gray.map((g) => g.cause)).toEqual(c.tests.map((t: any) => t.cause));
      expect(r.gray.map((g) => g.df)).toEqual(c.tests.map((t: any) => t.df));
    }
  });
  it("χ² and P equal cuminc's $Tests on every reference case", () => {
    for (const c of reference.cif.filter((x: any) => x.tests.length)) {
      const r = cumulativeIncidence({ time: num(c.data, c.time), status: num(c.data, c.status), group: lab(c.data, c.group) });
      r.gray.forEach((g, k) => {
        close(g.chisq, c.tests[k].stat, `${c.id} cause ${g.cause} Gray χ²`, 1e-6);
        close(g.p, c.tests[k].pv, `${c.id} cause ${g.cause} Gray P`, 1e-6, 1e-300);
      });
    }
  });
  it(`χ² and P equal cuminc's on ${small.cases.length} small data sets (ties, censoring, 2–3 groups)`, () => {
    for (const [i, c] of small.cases.entries()) {
      const r = cumulativeIncidence({ time: c.time, status: c.status, group: c.group.map(String) });
      for (const t of c.tests) {
        const g = r.gray.find((x) => x.cause === t.cause)!;
        expect(g, `case ${i} (${c.kind}) cause ${t.cause}`).toBeDefined();
        if (t.stat === -1) {
          // cuminc's sentinel for a singular variance (the cause's events only where one group is at risk):
          // siilab tests what is estimable (generalised inverse), with fewer df
          expect(g.df, `case ${i} (${c.kind}) cause ${t.cause} df`).toBeLessThan(t.df);
          continue;
        }
        close(g.chisq, t.stat, `small case ${i} (${c.kind}) cause ${t.cause} χ²`, 1e-9, 1e-12);
        close(g.p, t.pv, `small case ${i} (${c.kind}) cause ${t.cause} P`, 1e-9, 1e-300);
      }
    }
  });
  it('by hand: groups 1, 2, 1 failing at 1, 2, 3 of the one cause: z = −1/6, V = 77/162 (not the log-rank 17/36)', () => {
    const r = cumulativeIncidence({ time: [1, 2, 3], status: [1, 1, 1], group: ['1', '2', '1'] });
    const g = r.gray[0];
    expect(g.score[0]).toBeCloseTo(-1 / 6, 14);
    expect(g.chisq).toBeCloseTo(1 / 36 / (77 / 162), 14);
  });
});

describe('hand-computed case', () => {
  it('without competing events the CIF is 1 − Kaplan–Meier', () => {
    const time = [1, 2, 2, 3, 5, 6];
    const status = [1, 1, 0, 1, 0, 1];
    const r = cumulativeIncidence({ time, status }, { times: [2, 4] });
    // by hand: S = 5/6 at 1, 5/6·4/5 = 2/3 at 2, 2/3·2/3 = 4/9 at 3, 0 at 6
    expect(Array.from(r.curves[0].table.time)).toEqual([1, 2, 3, 6]);
    const hand = [1 / 6, 1 / 3, 5 / 9, 1];
    r.curves[0].table.cif.forEach((f, i) => expect(f).toBeCloseTo(hand[i], 14));
    const km = kaplanMeierCore(new Float64Array(time), status);
    const ev = [0, 1, 2, 4];
    ev.forEach((k, i) => expect(r.curves[0].table.cif[i]).toBeCloseTo(1 - km.surv[k], 14));
    expect(r.curves[0].at[0].cif).toBeCloseTo(1 / 3, 14);
    expect(r.curves[0].at[1].cif).toBeCloseTo(5 / 9, 14);
    // Aalen variance at t = 1 by hand: S(0)² d(Y−d)/(Y²(Y−1)) = 1·5/(36·5) = 1/36
    expect(r.curves[0].table.variance[0]).toBeCloseTo(1 / 36, 14);
    // numbers at risk at 2 and 4
    expect(r.curves[0].at.map((a) => a.nRisk)).toEqual([5, 2]);
  });

  it('refuses non-integer status and data without events', () => {
    expect(() => cumulativeIncidence({ time: [1, 2], status: [1, 1.5] })).toThrow(/not a whole number/);
    expect(() => cumulativeIncidence({ time: [1, 2], status: [0, 0] })).toThrow(/no event/);
  });
});

afterAll(() => {
  console.log(`cuminc parity: ${tally.count} values, worst relative error ${tally.worst.toExponential(2)} (${tally.where})`);
});
