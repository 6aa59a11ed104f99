/**
 * Paule–Mandel estimator of τ² (Paule & Mandel 1982, J Res Natl Bur Stand 87:377–385; for
 * meta-analysis and meta-regression, DerSimonian & Kacker 2007; Veroniki et al. 2016, Res Synth
 * Methods 7:55–79): the τ² ≥ 0 at which the generalised Q statistic equals its expectation k − p,
 * 0 when Q(0) < k − p. Solved by bracketed Newton to relative 1e-15 (metafor uses uniroot with
 * its `tol`; the reference runs it at 1e-12).
 *
 * @example
 * // metafor dat.bcg (log RR): rma(yi, vi, method = "PM")$tau2 = 0.3181…
 * tau2PauleMandel(bcg.yi, bcg.vi, null).tau2 // 0.3181…
 */
import { solveGeneralisedQ } from './generalisedQ.js';

export function tau2PauleMandel(yi: Float64Array, vi: Float64Array, x: Float64Array | null): { tau2: number; iterations: number } {
  const p = x ? 2 : 1;
  return solveGeneralisedQ(yi, vi, x, yi.length - p);
}
