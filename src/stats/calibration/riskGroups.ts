/**
 * Risk groups for a calibration table: patients split at the quantiles of their predicted risk
 * (R: cut(risk, unique(quantile(risk, 0:g / g)), include.lowest = TRUE); intervals closed on the
 * right, the first also on the left; quantile type 7). Tied risks stay in one group, so fewer
 * than g groups result when breaks coincide.
 *
 * @example
 * riskGroups(new Float64Array([0.1, 0.2, 0.3, 0.4]), 2) // { code: Int32Array [0, 0, 1, 1], count: 2, breaks: [0.1, 0.25, 0.4] }
 */
import { quantileSorted } from '../describe/quantile.js';

export interface RiskGrouping {
  /** Group index (0-based, ascending risk) per patient. */
  readonly code: Int32Array;
  readonly count: number;
  /** Group boundaries (count + 1 values). */
  readonly breaks: readonly number[];
}

export function riskGroups(risk: ArrayLike<number>, g: number): RiskGrouping {
  const s = Float64Array.from(risk).sort();
  const breaks: number[] = [];
  for (let k = 0; k <= g; k++) {
    const q = quantileSorted(s, k / g, 7);
    if (breaks.length === 0 || q > breaks[breaks.length - 1]) breaks.push(q);
  }
  if (breaks.length === 1) breaks.push(breaks[0]);
  const count = breaks.length - 1;
  const code = new Int32Array(risk.length);
  for (let i = 0; i < risk.length; i++) {
    let lo = 1;
    let hi = count; // first break index k ≥ 1 with risk ≤ breaks[k]
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (risk[i] <= breaks[mid]) hi = mid;
      else lo = mid + 1;
    }
    code[i] = lo - 1;
  }
  return { code, count, breaks };
}
