/**
 * Confidence interval for τ² by the Q-profile method (Viechtbauer 2007, Stat Med 26:37–52), as
 * metafor's confint(rma): the limits are the τ² at which the generalised Q statistic equals the
 * upper and lower α/2 quantiles of χ²_{k−p}: Q(τ²_lo) = χ²_{1−α/2}, Q(τ²_hi) = χ²_{α/2}. A limit
 * whose equation has no root in τ² ≥ 0 (Q(0) already below the quantile) is 0. The intervals of
 * τ, I² and H² follow by the monotone maps τ = √τ², I² = 100·τ²/(τ² + s²), H² = (τ² + s²)/s²
 * with s² the typical within-study variance.
 *
 * @example
 * // metafor dat.bcg (log RR), REML: confint() τ² 0.119718361141152 – 1.11147908406093
 * qProfileCi(bcg.yi, bcg.vi, null) // { tau2: [0.11971836…, 1.11147908…], I2: [81.9205…, 97.6780…], … }
 */
import { qchisq } from '../dist/index.js';
import { heterogeneity } from './heterogeneity.js';
import { solveGeneralisedQ } from './generalisedQ.js';

export interface Tau2Interval {
  readonly level: number;
  readonly tau2: readonly [number, number];
  readonly tau: readonly [number, number];
  readonly I2: readonly [number, number];
  readonly H2: readonly [number, number];
  /** Both limits 0: the data are less heterogeneous than expected even at τ² = 0. */
  readonly empty: boolean;
}

export function qProfileCi(yi: Float64Array, vi: Float64Array, x: Float64Array | null, level = 0.95): Tau2Interval | null {
  const het = heterogeneity(yi, vi, x);
  if (!het || het.df < 1) return null;
  const a = (1 - level) / 2;
  const lo = solveGeneralisedQ(yi, vi, x, qchisq(1 - a, het.df)).tau2;
  const hi = solveGeneralisedQ(yi, vi, x, qchisq(a, het.df)).tau2;
  const i2 = (t: number): number => het.fromTau2(t).I2;
  const h2 = (t: number): number => het.fromTau2(t).H2;
  return Object.freeze({ level, tau2: [lo, hi], tau: [Math.sqrt(lo), Math.sqrt(hi)], I2: [i2(lo), i2(hi)], H2: [h2(lo), h2(hi)], empty: hi === 0 } as const);
}
