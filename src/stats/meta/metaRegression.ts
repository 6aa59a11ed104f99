/**
 * Meta-regression on one moderator (Thompson & Higgins 2002, Stat Med 21:1559–1573), as metafor's
 * rma(yi, vi, mods = ~ x, method, test): the mixed-effects model with τ² the residual
 * between-study variance (estimated by the same method with the moderator in the model), the
 * slope's omnibus test QM (Wald χ²₁ = b₁²/Var(b₁) under "z"; F(1, k − 2) with the Hartung–Knapp
 * covariance under "knha"), the residual heterogeneity test QE (Cochran's Q of the fixed-effect
 * fit with the moderator, k − 2 df), residual I² and H², and the proportion of τ² accounted for,
 * R² = max(0, 100·(τ²₀ − τ²)/τ²₀) with τ²₀ from the model without the moderator (Raudenbush 2009).
 *
 * Contract: k ≥ 3 and a moderator that varies (else null). Pure; frozen result.
 *
 * @example
 * // metafor dat.bcg (log RR) ~ ablat, REML: slope −0.029…, QM …, τ² residual …
 * metaRegression(bcg.yi, bcg.vi, bcg.ablat, { method: 'REML', test: 'z' }).fit.b[1] // −0.0291…
 */
import { pChisqUpper, pFUpper } from '../dist/index.js';
import { fitMetaModel } from './fitMetaModel.js';
import type { MetaFit, MetaOptions } from './types.js';

export interface MetaRegressionResult {
  readonly fit: MetaFit;
  /** Omnibus test of the moderator: χ²₁ (test z) or F(1, k − 2) (knha). */
  readonly QM: number;
  readonly QMdf: readonly [number, number | null];
  readonly QMp: number;
  /** Percentage of τ² accounted for by the moderator; null for the FE model or when τ²₀ = 0. */
  readonly R2: number | null;
  readonly tau2WithoutModerator: number | null;
}

export function metaRegression(yi: Float64Array, vi: Float64Array, x: Float64Array, options: MetaOptions): MetaRegressionResult | null {
  if (yi.length < 3) return null;
  const fit = fitMetaModel(yi, vi, x, options);
  if (!fit) return null;
  const z = fit.b[1] / fit.se[1];
  const QM = z * z;
  const knha = fit.df !== null;
  const QMp = knha ? pFUpper(QM, 1, fit.df as number) : pChisqUpper(QM, 1);
  let R2: number | null = null;
  let tau2WithoutModerator: number | null = null;
  if (options.method !== 'FE') {
    const f0 = fitMetaModel(yi, vi, null, options);
    tau2WithoutModerator = f0 ? f0.tau2 : null;
    if (f0 && f0.tau2 > 0) R2 = Math.max(0, (100 * (f0.tau2 - fit.tau2)) / f0.tau2);
  }
  return Object.freeze({ fit, QM, QMdf: [1, knha ? fit.df : null] as const, QMp, R2, tau2WithoutModerator });
}
