/**
 * A case computed by hand: two studies y = (0, 2), v = (1, 1).
 * FE: μ = 1, SE = √(1/2); Q = 2 on 1 df; tr(P) = Σw − Σw²/Σw = 1 → DL τ² = (2 − 1)/1 = 1.
 * PM: Q(τ²) = 2/(1 + τ²) = 1 → τ² = 1. REML: yᵀP²y = 2w², tr(P) = w → w = 1/2 → τ² = 1.
 * RE: μ = 1, SE = 1; s² = 1 → I² = 50 %, H² = 2. Q-profile: Q(0) = 2 < χ²₁(0.975) → lower 0;
 * upper 2/(1 + τ²) = χ²₁(0.025) → τ² = 2/χ²₁(0.025) − 1. HKSJ: s² = Σw e²/(k − 1) = 1 → SE 1, t₁.
 */
import { describe, expect, it } from 'vitest';
import { fitMetaModel } from '../../../src/stats/meta/fitMetaModel.js';
import { qProfileCi } from '../../../src/stats/meta/qProfileCi.js';
import { predictionInterval } from '../../../src/stats/meta/predictionInterval.js';
import { weightedLeastSquares } from '../../../src/stats/meta/weightedLeastSquares.js';
import { qchisq, qnorm, qt } from '../../../src/stats/dist/index.js';
import { close } from './reference.js';

const y = new Float64Array([0, 2]);
const v = new Float64Array([1, 1]);

describe('hand case y = (0, 2), v = (1, 1)', () => {
  it('fixed effect', () => {
    const f = fitMetaModel(y, v, null, { method: 'FE', test: 'z' })!;
    close(f.b[0], 1, 1e-15);
    close(f.se[0], Math.SQRT1_2, 1e-15);
    close(f.Q, 2, 1e-15);
    close(f.I2, 50, 1e-14);
    close(f.H2, 2, 1e-15);
    expect(predictionInterval(f)).toBeNull();
  });
  for (const method of ['DL', 'PM', 'REML'] as const) {
    it(`${method}: τ² = 1, μ = 1, SE = 1, I² = 50 %`, () => {
      const f = fitMetaModel(y, v, null, { method, test: 'z' })!;
      close(f.tau2, 1, 1e-12);
      close(f.b[0], 1, 1e-12);
      close(f.se[0], 1, 1e-12);
      close(f.I2, 50, 1e-12);
      close(f.H2, 2, 1e-12);
      const pi = predictionInterval(f)!;
      close(pi.upper, 1 + qnorm(0.975) * Math.sqrt(2), 1e-12);
    });
  }
  it('Hartung–Knapp: s² = 1, t on 1 df', () => {
    const f = fitMetaModel(y, v, null, { method: 'DL', test: 'knha' })!;
    close(f.knhaScale, 1, 1e-12);
    expect(f.df).toBe(1);
    close(f.ciUpper[0], 1 + qt(0.975, 1), 1e-12);
  });
  it('Q-profile interval', () => {
    const ci = qProfileCi(y, v, null)!;
    expect(ci.tau2[0]).toBe(0);
    close(ci.tau2[1], 2 / qchisq(0.025, 1) - 1, 1e-12);
  });
  it('weighted least squares with a moderator (a straight line through three points)', () => {
    const r = weightedLeastSquares(new Float64Array([1, 3, 5]), new Float64Array([1, 2, 1]), new Float64Array([0, 1, 2]))!;
    close(r.b[0], 1, 1e-14);
    close(r.b[1], 2, 1e-14);
    expect(r.rss).toBeLessThan(1e-24);
    // XᵀWX = [[4, 4], [4, 6]] → Var(b₁) = 4/(24 − 16) = 0.5
    close(r.vb[3], 0.5, 1e-14);
    const r1 = weightedLeastSquares(new Float64Array([1, 2, 4]), new Float64Array([1, 1, 2]), null)!;
    expect([r1.b[0], r1.vb[0], r1.rss]).toEqual([2.75, 0.25, 6.75]);
  });
});
