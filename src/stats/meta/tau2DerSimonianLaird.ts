/**
 * DerSimonian–Laird method-of-moments estimator of the between-study variance τ²
 * (DerSimonian & Laird 1986, Control Clin Trials 7:177–188), in its meta-regression form
 * (Raudenbush 2009, in The Handbook of Research Synthesis, 2nd ed., ch. 16):
 * τ² = max(0, (Q − (k − p)) / tr(P)), with Q the residual Q and P the projection of the
 * fixed-effect fit (weights 1/vᵢ).
 *
 * @example
 * // metafor dat.bcg (log RR): rma(yi, vi, method = "DL")$tau2 = 0.3087602628623756
 * tau2DerSimonianLaird(bcg.yi, bcg.vi, null) // 0.30876026286237…
 */
import { weightedLeastSquares } from './weightedLeastSquares.js';

export function tau2DerSimonianLaird(yi: Float64Array, vi: Float64Array, x: Float64Array | null): number {
  const w = new Float64Array(vi.length);
  for (let i = 0; i < vi.length; i++) w[i] = 1 / vi[i];
  const f = weightedLeastSquares(yi, w, x);
  if (!f) return NaN;
  const df = yi.length - f.p;
  return Math.max(0, (f.rss - df) / f.traceP);
}
