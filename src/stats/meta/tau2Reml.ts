/**
 * Restricted maximum-likelihood estimator of τ² by Fisher scoring (Viechtbauer 2005, J Educ Behav
 * Stat 30:261–293; Raudenbush 2009): τ² ← τ² + (yᵀP²y − tr(P)) / tr(P²), P = W − WX(XᵀWX)⁻¹XᵀW,
 * W = diag(1/(vᵢ + τ²)), truncated at 0, from the DerSimonian–Laird value, until |Δτ²| <
 * REML_TOLERANCE (1e-12; metafor's default threshold is 1e-5, the reference runs metafor at 1e-12).
 * At the estimate the SE of τ² is √(2 / tr(P²)) (inverse Fisher information).
 *
 * Contract: k > p; returns converged = false (and the last value) after REML_MAX_ITER steps.
 *
 * @example
 * // metafor dat.bcg (log RR): rma(yi, vi, method = "REML")$tau2 = 0.313243258136486, se.tau2 = 0.166425752836973
 * tau2Reml(bcg.yi, bcg.vi, null) // { tau2: 0.31324325813648…, se: 0.16642575…, iterations: …, converged: true }
 */
import { REML_MAX_ITER, REML_TOLERANCE } from './types.js';
import { tau2DerSimonianLaird } from './tau2DerSimonianLaird.js';
import { weightedLeastSquares } from './weightedLeastSquares.js';

export function tau2Reml(yi: Float64Array, vi: Float64Array, x: Float64Array | null): { tau2: number; se: number | null; iterations: number; converged: boolean } {
  const k = yi.length;
  const w = new Float64Array(k);
  let tau2 = tau2DerSimonianLaird(yi, vi, x);
  if (!Number.isFinite(tau2)) return { tau2: NaN, se: null, iterations: 0, converged: false };
  let it = 0;
  let converged = false;
  let tracePP = NaN;
  while (it < REML_MAX_ITER) {
    it++;
    for (let i = 0; i < k; i++) w[i] = 1 / (vi[i] + tau2);
    const f = weightedLeastSquares(yi, w, x);
    if (!f) return { tau2: NaN, se: null, iterations: it, converged: false };
    tracePP = f.tracePP;
    let next = tau2 + (f.yPPy - f.traceP) / f.tracePP;
    if (next < 0) next = 0;
    const delta = Math.abs(next - tau2);
    tau2 = next;
    if (delta < REML_TOLERANCE) {
      converged = true;
      break;
    }
  }
  for (let i = 0; i < k; i++) w[i] = 1 / (vi[i] + tau2);
  const f = weightedLeastSquares(yi, w, x);
  if (f) tracePP = f.tracePP;
  return { tau2, se: tracePP > 0 ? Math.sqrt(2 / tracePP) : null, iterations: it, converged };
}
