import { afterAll, describe, expect, it } from 'vitest';
import { cumulativeIncidence } from '../../../src/stats/competing/cumulativeIncidence.js';
import { kaplanMeierCore } from '../../../src/stats/survival/kaplanMeierCore.js';
import { close, lab, num, reference, tally } from './reference.js';

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

describe("Gray's test score vs cmprsk", () => {
  it('has one test per cause with cuminc df', () => {
    for (const c of reference.cif.filter((x: any) => x.tests.length)) {
      const r = cumulativeIncidence({ time: num(c.data, c.time), status: num(c.data, c.status), group: lab(c.data, c.group) });
      expect(r.gray.map((g) => g.cause)).toEqual(c.tests.map((t: any) => t.cause));
      expect(r.gray.map((g) => g.df)).toEqual(c.tests.map((t: any) => t.df));
    }
  });
  // The variance is not cmprsk's finite-sample form (grayTest.ts): χ² within 2% of cuminc's $Tests
  // on these data (measured: 0.01–1.7%); the P values then agree to about two significant digits.
  it("χ² within 2% of cuminc's on every reference case", () => {
    for (const c of reference.cif.filter((x: any) => x.tests.length)) {
      const r = cumulativeIncidence({ time: num(c.data, c.time), status: num(c.data, c.status), group: lab(c.data, c.group) });
      r.gray.forEach((g, k) => {
        const rel = Math.abs(g.chisq / c.tests[k].stat - 1);
        expect(rel, `${c.id} cause ${g.cause}: siilab ${g.chisq}, cmprsk ${c.tests[k].stat}`).toBeLessThanOrEqual(0.02);
      });
    }
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
