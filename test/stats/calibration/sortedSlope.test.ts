import { describe, expect, it } from 'vitest';
import { coxCalibrationSlope } from '../../../src/stats/calibration/coxCalibrationSlope.js';
import { sortedSlope } from '../../../src/stats/calibration/sortedSlope.js';
import { coxSortedData } from '../../../src/stats/survival/cox/sortedData.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('sortedSlope', () => {
  it('the header example (R: coef(coxph(Surv(t, e) ~ lp)) = 0.719378023677)', () => {
    const d = coxSortedData({ stop: new Float64Array([1, 2, 3, 4, 5]), start: null, event: new Uint8Array([1, 1, 1, 0, 1]), columns: [], strata: null, nStrata: 1 });
    const x = Float64Array.from(d.order, (i) => [2, 0, 2, 0, 0][i]);
    expect(sortedSlope(d, x, 'efron', 1e-9, 0)!.slope).toBeCloseTo(0.719378023677, 10);
  });

  it('equals coxCalibrationSlope (slope and SE to 1e-9) with tied deaths, both tie methods, from 0 and from 1', () => {
    let s = 11;
    const rnd = () => (s = (s * 48271) % 2147483647) / 2147483647;
    for (const n of [50, 3000]) {
      const lp = Float64Array.from({ length: n }, () => rnd() * 2 - 1 + 3);
      const time = Float64Array.from(lp, (v) => Math.ceil(-Math.log(rnd()) * 20 * Math.exp(-0.8 * (v - 3)))); // many ties
      const event = Uint8Array.from({ length: n }, () => (rnd() < 0.7 ? 1 : 0));
      const d = coxSortedData({ stop: time, start: null, event, columns: [lp], strata: null, nStrata: 1 });
      const x = Float64Array.from(d.order, (i) => lp[i]);
      for (const ties of ['efron', 'breslow'] as const)
        for (const [eps, init] of [[1e-9, 0], [1e-9, 1], [1e-6, 1]] as const) {
          const want = coxCalibrationSlope(time, event, lp, ties, d, eps, init)!;
          const got = sortedSlope(d, x, ties, eps, init)!;
          expect(rel(got.slope, want.slope)).toBeLessThan(1e-9);
          expect(rel(got.se, want.se)).toBeLessThan(1e-9);
          expect(got.converged).toBe(want.converged);
        }
    }
  });

  it('null for a constant predictor', () => {
    const d = coxSortedData({ stop: new Float64Array([1, 2, 3]), start: null, event: new Uint8Array([1, 1, 0]), columns: [], strata: null, nStrata: 1 });
    expect(sortedSlope(d, new Float64Array([2, 2, 2]), 'efron', 1e-9, 1)).toBeNull();
  });
});
