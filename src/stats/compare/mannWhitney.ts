/**
 * Mann–Whitney U / Wilcoxon rank-sum test for two independent samples (Mann & Whitney 1947;
 * Wilcoxon 1945) by the normal approximation with the tie-corrected variance (Lehmann,
 * Nonparametrics, 1975, §1.4):
 *   W = R_a − n_a(n_a+1)/2  (the U statistic of the first sample; R's wilcox.test "W"),
 *   σ² = n_a n_b/12 · [(N+1) − Σ(t³−t)/(N(N−1))],  z = (W − n_a n_b/2 − c)/σ,
 * with c = 0 by default (SPSS "Asymp. Sig."; R wilcox.test(exact = FALSE, correct = FALSE)) or
 * c = sign(W − n_a n_b/2)·0.5 with the continuity correction (R's default correct = TRUE).
 * Two-sided p = 2Φ(−|z|). SPSS prints U = min(W, n_a n_b − W); both are returned. Without ties and
 * with both samples smaller than 50 (R's default rule for exact = NULL) the exact two-sided p is given
 * beside it as `exactP` (src/stats/compare/mannWhitneyExact.ts); otherwise `exactP` is null.
 *
 * Contract: a, b finite, each non-empty, not all values tied (else z is NaN).
 *
 * @example
 * mannWhitney(new Float64Array([1, 2, 3]), new Float64Array([4, 5, 6])) // { statistic: 0, u: 0, z: -1.9639..., p: 0.0495..., correct: false, exactP: 0.1, ... }
 */
import { pNormTwoSided } from '../dist/index.js';
import { midranks } from '../describe/midranks.js';
import { mannWhitneyExactP } from './mannWhitneyExact.js';

export interface MannWhitneyResult {
  /** W: U statistic of the first sample (R's W). */
  readonly statistic: number;
  /** min(W, n_a n_b − W), as SPSS prints "Mann-Whitney U". */
  readonly u: number;
  readonly z: number;
  readonly p: number;
  readonly correct: boolean;
  /** Exact two-sided p (no ties, both samples < 50), else null. */
  readonly exactP: number | null;
  readonly method: 'normal approximation, tie-corrected';
}

export function mannWhitney(a: ArrayLike<number>, b: ArrayLike<number>, opts: { correct?: boolean } = {}): MannWhitneyResult {
  const na = a.length;
  const nb = b.length;
  const n = na + nb;
  const pooled = new Float64Array(n);
  for (let i = 0; i < na; i++) pooled[i] = a[i];
  for (let i = 0; i < nb; i++) pooled[na + i] = b[i];
  const { ranks, tieSum } = midranks(pooled);
  let ra = 0;
  for (let i = 0; i < na; i++) ra += ranks[i];
  const w = ra - (na * (na + 1)) / 2;
  const centre = w - (na * nb) / 2;
  const sigma = Math.sqrt(((na * nb) / 12) * (n + 1 - tieSum / (n * (n - 1))));
  const correct = opts.correct === true;
  const c = correct ? Math.sign(centre) * 0.5 : 0;
  const z = sigma > 0 ? (centre - c) / sigma : NaN;
  return Object.freeze({
    statistic: w,
    u: Math.min(w, na * nb - w),
    z,
    p: Number.isFinite(z) ? pNormTwoSided(z) : NaN,
    correct,
    exactP: tieSum === 0 && na < 50 && nb < 50 ? mannWhitneyExactP(w, na, nb) : null,
    method: 'normal approximation, tie-corrected',
  });
}
