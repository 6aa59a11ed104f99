/**
 * Levene's test of equal variances (Levene 1960), mean-centred as SPSS prints it ("Levene's Test
 * for Equality of Variances") and car::leveneTest(center = mean): the one-way ANOVA F test on the
 * absolute deviations |x_ij − x̄_j| from each group's mean (src/stats/compare/oneWayAnova.ts).
 * (The Brown–Forsythe median-centred variant is car's default, not SPSS's.)
 *
 * Contract: k ≥ 2 groups of finite values, N > k.
 *
 * @example
 * leveneTest([new Float64Array([1, 2, 3]), new Float64Array([4, 5, 9])]).statistic // 4 (p 0.1161)
 */
import { oneWayAnova } from './oneWayAnova.js';

export interface LeveneResult {
  readonly statistic: number;
  readonly df1: number;
  readonly df2: number;
  readonly p: number;
  readonly center: 'mean';
}

export function leveneTest(groups: readonly ArrayLike<number>[]): LeveneResult {
  const dev = groups.map((g) => {
    let s = 0;
    for (let i = 0; i < g.length; i++) s += g[i];
    const m = s / g.length;
    const d = new Float64Array(g.length);
    for (let i = 0; i < g.length; i++) d[i] = Math.abs(g[i] - m);
    return d;
  });
  const a = oneWayAnova(dev);
  return Object.freeze({ statistic: a.statistic, df1: a.df1, df2: a.df2, p: a.p, center: 'mean' });
}
