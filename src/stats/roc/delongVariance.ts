/**
 * DeLong variance of one AUC and of the difference of two correlated AUCs, from placement values.
 *
 * DeLong ER, DeLong DM, Clarke-Pearson DL. Biometrics 1988;44:837–845, equations (2)–(4):
 *   S10 = Σ_i (V10_i − A)² / (m − 1),  S01 = Σ_j (V01_j − A)² / (n − 1),
 *   Var(A) = S10 / m + S01 / n;
 * for two markers r, s measured on the same subjects,
 *   Cov(A_r, A_s) = S10^{rs} / m + S01^{rs} / n  with S10^{rs} = Σ_i (V10^r_i − A_r)(V10^s_i − A_s) / (m − 1).
 * The O(n log n) placement values are those of Sun & Xu (2014), see placementValues.ts.
 * These equal pROC's var(roc, method = "delong") and cov(roc1, roc2, method = "delong").
 */
import type { Placements } from './placementValues.js';

/**
 * Numeric core: DeLong covariance of two AUCs whose placements come from the same subjects in the
 * same order (pass the same object twice for the variance). Contract: equal lengths; returns NaN
 * when a group has a single subject (the variance is then undefined; callers report null).
 *
 * @example
 * // cases 2, 3 and controls 1, 2: V10 = (0.75, 1), V01 = (1, 0.75), AUC = 0.875
 * const p = { cases: Float64Array.of(0.75, 1), controls: Float64Array.of(1, 0.75), auc: 0.875 };
 * delongCovariance(p, p) // 0.03125
 */
export function delongCovariance(a: Placements, b: Placements): number {
  const m = a.cases.length;
  const n = a.controls.length;
  if (m < 2 || n < 2) return NaN;
  let s10 = 0;
  for (let i = 0; i < m; i++) s10 += (a.cases[i] - a.auc) * (b.cases[i] - b.auc);
  let s01 = 0;
  for (let j = 0; j < n; j++) s01 += (a.controls[j] - a.auc) * (b.controls[j] - b.auc);
  return s10 / (m - 1) / m + s01 / (n - 1) / n;
}

/** DeLong variance of one AUC. */
export function delongVariance(p: Placements): number {
  return delongCovariance(p, p);
}
