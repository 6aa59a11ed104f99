/**
 * Pointwise confidence limits of S(t) from Greenwood's standard error of −log S
 * (Klein & Moeschberger, Survival Analysis, 2nd ed., 2003, §4.3, eqs. 4.3.1–4.3.3;
 * Kalbfleisch & Prentice 2002, §1.4), with z = Φ⁻¹(1 − (1 − level)/2):
 *  - plain:   S ± z·S·σ, clipped to [0, 1];
 *  - log:     exp(log S ± z·σ), upper clipped at 1 (R's default);
 *  - log-log: exp(−exp(log(−log S) ± z·σ/|log S|)).
 * Undefined limits are NaN: S = 0 (σ infinite) for all three, S = 1 for log-log — as R reports NA.
 *
 * Contract: `surv` and `seLog` have equal length; z > 0. Checks nothing.
 *
 * @example survivalConfidenceInterval(new Float64Array([0.6]), new Float64Array([0.3651484]), 'log', 1.959964)
 * // { lower: Float64Array [0.293316…], upper: Float64Array [1] }
 */
import type { ConfType } from './types.js';

export function survivalConfidenceInterval(
  surv: Float64Array,
  seLog: Float64Array,
  confType: ConfType,
  z: number,
): { lower: Float64Array; upper: Float64Array } {
  const m = surv.length;
  const lower = new Float64Array(m);
  const upper = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const [lo, hi] = limits(surv[i], seLog[i], confType, z);
    lower[i] = lo;
    upper[i] = hi;
  }
  return { lower, upper };
}

/** The limits at one point (NaN where undefined). */
export function limits(s: number, sigma: number, confType: ConfType, z: number): [number, number] {
  if (!(s > 0) || !Number.isFinite(sigma)) return [NaN, NaN];
  if (confType === 'plain') {
    const h = z * s * sigma;
    return [Math.max(s - h, 0), Math.min(s + h, 1)];
  }
  if (confType === 'log') {
    const ls = Math.log(s);
    return [Math.exp(ls - z * sigma), Math.min(Math.exp(ls + z * sigma), 1)];
  }
  if (s >= 1) return [NaN, NaN];
  const ls = Math.log(s);
  const ll = Math.log(-ls);
  const h = (z * sigma) / -ls;
  return [Math.exp(-Math.exp(ll + h)), Math.exp(-Math.exp(ll - h))];
}
