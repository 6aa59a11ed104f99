/**
 * Egger's regression test for funnel-plot asymmetry (Egger, Davey Smith, Schneider & Minder 1997,
 * BMJ 315:629–634), as metafor's regtest() with predictor "sei":
 * - model 'rma' (metafor's default): the meta-regression yᵢ = β₀ + β₁·SEᵢ with the fitted model's
 *   τ² method and test (a mixed-effects model for a random-effects fit; Sterne & Egger 2005);
 * - model 'lm': Egger's original weighted least squares lm(yᵢ ~ SEᵢ, weights 1/vᵢ), t on k − 2 df
 *   with the residual variance estimated (the covariance of the fixed-effect fit times Q/(k − 2)).
 * The test is that of β₁ (z, or t on k − 2 df); β₀ is the limit estimate as SE → 0 with its CI.
 *
 * Contract: k ≥ 3. Pure.
 *
 * @example
 * // metafor dat.bcg (log RR), FE: regtest() z = −4.80194624502346, P = 1.5713e−06; model "lm": t = −1.40128200228933 on 11 df
 * eggerTest(bcg.yi, bcg.vi, { method: 'FE', test: 'z' }).statistic // −4.8019462450…
 */
import { pTTwoSided, qnorm, qt } from '../dist/index.js';
import { fitMetaModel } from './fitMetaModel.js';
import type { MetaOptions } from './types.js';
import { weightedLeastSquares } from './weightedLeastSquares.js';

export interface EggerResult {
  readonly model: 'rma' | 'lm';
  readonly statistic: number;
  /** t df (k − 2) for 'lm' or a knha fit; null for z. */
  readonly df: number | null;
  readonly p: number;
  readonly slope: number;
  readonly limitEstimate: number;
  readonly limitLower: number;
  readonly limitUpper: number;
}

export function eggerTest(yi: Float64Array, vi: Float64Array, options: MetaOptions, model: 'rma' | 'lm' = 'rma'): EggerResult | null {
  const k = yi.length;
  if (k < 3) return null;
  const sei = Float64Array.from(vi, Math.sqrt);
  const level = options.level ?? 0.95;
  const a = 1 - (1 - level) / 2;
  if (model === 'rma') {
    const f = fitMetaModel(yi, vi, sei, options);
    if (!f) return null;
    return Object.freeze({ model, statistic: f.stat[1], df: f.df, p: f.pValue[1], slope: f.b[1], limitEstimate: f.b[0], limitLower: f.ciLower[0], limitUpper: f.ciUpper[0] });
  }
  const w = Float64Array.from(vi, (v) => 1 / v);
  const f = weightedLeastSquares(yi, w, sei);
  if (!f) return null;
  const df = k - 2;
  const sigma2 = f.rss / df;
  const se0 = Math.sqrt(f.vb[0] * sigma2);
  const se1 = Math.sqrt(f.vb[3] * sigma2);
  const t = f.b[1] / se1;
  const c = df > 0 ? qt(a, df) : qnorm(a);
  return Object.freeze({ model, statistic: t, df, p: pTTwoSided(t, df), slope: f.b[1], limitEstimate: f.b[0], limitLower: f.b[0] - c * se0, limitUpper: f.b[0] + c * se0 });
}
