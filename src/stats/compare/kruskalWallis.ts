/**
 * Kruskal–Wallis rank test of k independent samples (Kruskal & Wallis 1952, JASA 47:583–621),
 * with the tie correction, as R's kruskal.test and SPSS:
 *   H = [12/(N(N+1)) Σ R_j²/n_j − 3(N+1)] / [1 − Σ(t³−t)/(N³−N)],  df = k − 1, p = P(χ²_df ≥ H).
 *
 * Contract: k ≥ 2 non-empty groups of finite values, not all tied (else NaN).
 *
 * @example
 * kruskalWallis([new Float64Array([1, 2, 3]), new Float64Array([4, 5, 6])]) // { statistic: 3.857142857142857, df: 1, p: 0.0495... }
 */
import { pChisqUpper } from '../dist/index.js';
import { midranks } from '../describe/midranks.js';

export interface KruskalWallisResult {
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
}

export function kruskalWallis(groups: readonly ArrayLike<number>[]): KruskalWallisResult {
  let n = 0;
  for (const g of groups) n += g.length;
  const pooled = new Float64Array(n);
  let o = 0;
  for (const g of groups) for (let i = 0; i < g.length; i++) pooled[o++] = g[i];
  const { ranks, tieSum } = midranks(pooled);
  let s = 0;
  o = 0;
  for (const g of groups) {
    let r = 0;
    for (let i = 0; i < g.length; i++) r += ranks[o++];
    s += (r * r) / g.length;
  }
  const denom = 1 - tieSum / (n * n * n - n);
  const h = ((12 / (n * (n + 1))) * s - 3 * (n + 1)) / denom;
  const df = groups.length - 1;
  const ok = denom > 0 && Number.isFinite(h);
  return Object.freeze({ statistic: ok ? h : NaN, df, p: ok ? pChisqUpper(h, df) : NaN });
}
