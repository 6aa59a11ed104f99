/**
 * Welch's heteroscedastic one-way ANOVA (Welch 1951, Biometrika 38:330–336), R's
 * oneway.test(var.equal = FALSE), SPSS ONEWAY /STATISTICS WELCH. With w_j = n_j/s_j²,
 * x̃ = Σ w_j x̄_j / Σ w_j and Λ = Σ (1 − w_j/Σw)²/(n_j − 1):
 *   F = [Σ w_j (x̄_j − x̃)²/(k−1)] / [1 + 2(k−2)Λ/(k²−1)],  df = (k−1, (k²−1)/(3Λ)).
 * For k = 2 it equals Welch's t² with the same df.
 *
 * Contract: k ≥ 2 groups of ≥ 2 finite values each, every group variance > 0 (else NaN).
 *
 * @example
 * welchAnova([new Float64Array([1, 2, 3]), new Float64Array([4, 5, 7])]).statistic // 10 (= Welch t²)
 */
import { meanVariance } from '../describe/numericSummary.js';
import { pFUpper } from '../dist/index.js';

export interface WelchAnovaResult {
  readonly statistic: number;
  readonly df1: number;
  readonly df2: number;
  readonly p: number;
}

export function welchAnova(groups: readonly ArrayLike<number>[]): WelchAnovaResult {
  const k = groups.length;
  const stats = groups.map((g) => ({ n: g.length, ...meanVariance(g) }));
  const w = stats.map((s) => s.n / s.variance);
  const sw = w.reduce((a, b) => a + b, 0);
  const mt = stats.reduce((a, s, j) => a + w[j] * s.mean, 0) / sw;
  let num = 0;
  let lambda = 0;
  stats.forEach((s, j) => {
    num += w[j] * (s.mean - mt) * (s.mean - mt);
    lambda += (1 - w[j] / sw) ** 2 / (s.n - 1);
  });
  const df1 = k - 1;
  const df2 = (k * k - 1) / (3 * lambda);
  const statistic = num / df1 / (1 + (2 * (k - 2) * lambda) / (k * k - 1));
  const ok = Number.isFinite(statistic) && Number.isFinite(df2);
  return Object.freeze({ statistic: ok ? statistic : NaN, df1, df2: ok ? df2 : NaN, p: ok ? pFUpper(statistic, df1, df2) : NaN });
}
