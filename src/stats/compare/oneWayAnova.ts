/**
 * One-way analysis of variance (Fisher), the F test of equal means in k groups; R's
 * anova(lm(x ~ g)) / oneway.test(var.equal = TRUE), SPSS ONEWAY:
 *   F = [Σ n_j (x̄_j − x̄)² / (k−1)] / [Σ_j Σ_i (x_ij − x̄_j)² / (N−k)],  df = (k−1, N−k).
 * Group means first, then sums of squares around them (two-pass, for accuracy).
 *
 * Contract: k ≥ 2 groups, each with ≥ 1 finite value, N > k. When the within-group sum of squares
 * is 0 the statistic is NaN.
 *
 * @example
 * oneWayAnova([new Float64Array([1, 2, 3]), new Float64Array([4, 5, 6])]) // { statistic: 13.5, df1: 1, df2: 4, p: 0.0213..., ... }
 */
import { pFUpper } from '../dist/index.js';

export interface AnovaResult {
  readonly statistic: number;
  readonly df1: number;
  readonly df2: number;
  readonly p: number;
  readonly ssBetween: number;
  readonly ssWithin: number;
}

export function oneWayAnova(groups: readonly ArrayLike<number>[]): AnovaResult {
  const k = groups.length;
  let total = 0;
  let nTotal = 0;
  const means = groups.map((g) => {
    let s = 0;
    for (let i = 0; i < g.length; i++) s += g[i];
    total += s;
    nTotal += g.length;
    return s / g.length;
  });
  const grand = total / nTotal;
  let ssb = 0;
  let ssw = 0;
  groups.forEach((g, j) => {
    const m = means[j];
    ssb += g.length * (m - grand) * (m - grand);
    for (let i = 0; i < g.length; i++) ssw += (g[i] - m) * (g[i] - m);
  });
  const df1 = k - 1;
  const df2 = nTotal - k;
  const statistic = ssw > 0 ? ssb / df1 / (ssw / df2) : NaN;
  return Object.freeze({
    statistic,
    df1,
    df2,
    p: Number.isFinite(statistic) ? pFUpper(statistic, df1, df2) : NaN,
    ssBetween: ssb,
    ssWithin: ssw,
  });
}
