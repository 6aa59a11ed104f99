// survivalNetBenefit (one sort, a pass per threshold) against its definition computed the direct
// way: kmRiskAt on the treated rows for each threshold (a sort each). Equal to the bit, on data
// with tied times, deaths and censorings tied, ties of risk at the thresholds, horizons before the
// first time, at a time, and after the last (where a last censoring makes S(t) undefined: null).
import { describe, expect, it } from 'vitest';
import { survivalNetBenefit } from '../../../src/stats/decision/survivalNetBenefit.js';
import { kmRiskAt } from '../../../src/stats/calibration/kmRiskAt.js';
import { defaultThresholds } from '../../../src/stats/decision/decisionCurve.js';
import { xoshiro128ss } from '../../../src/stats/roc/prng.js';

function direct(time: Float64Array, event: Uint8Array, risk: Float64Array, horizon: number, thresholds: readonly number[]): (number | null)[] {
  const n = time.length;
  return thresholds.map((pt) => {
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (risk[i] >= pt) rows.push(i);
    if (rows.length === 0) return 0;
    const km = kmRiskAt(time, event, horizon, rows);
    if (km.risk === null) return null;
    const p = rows.length / n;
    return km.risk * p - (1 - km.risk) * p * (pt / (1 - pt));
  });
}

describe('survivalNetBenefit', () => {
  it('equals kmRiskAt on the treated rows, threshold by threshold, to the bit', () => {
    const rng = xoshiro128ss(2008);
    for (const n of [1, 2, 7, 60, 2000]) {
      const time = Float64Array.from({ length: n }, () => Math.round(rng.next() * 40) / 2);
      const event = Uint8Array.from({ length: n }, () => (rng.next() < 0.4 ? 1 : 0));
      const risk = Float64Array.from({ length: n }, () => Math.round(rng.next() * 100) / 100);
      for (const horizon of [-1, 0, 3, 7.5, 12, 19.5, 20, 25]) {
        const thresholds = [...defaultThresholds(), 0.005, 0.995];
        expect(survivalNetBenefit(time, event, risk, horizon, thresholds), `n ${n}, horizon ${horizon}`).toEqual(direct(time, event, risk, horizon, thresholds));
      }
    }
  });

  it('null where the treated group is censored last before t; 0 where no one is treated', () => {
    const time = Float64Array.of(1, 2, 3, 4);
    const event = Uint8Array.of(1, 0, 1, 0);
    const risk = Float64Array.of(0.9, 0.8, 0.2, 0.1);
    // treated at 0.5: rows 0, 1 (death at 1, censored at 2): S(5) undefined
    expect(survivalNetBenefit(time, event, risk, 5, [0.5, 0.95])).toEqual([null, 0]);
    // at t = 2 it is defined: S = 1/2, risk 1/2, P(treated) 1/2: 1/4 − 1/4 · 1 = 0
    expect(survivalNetBenefit(time, event, risk, 2, [0.5])).toEqual([0]);
  });
});
