/**
 * Sample quantiles of sorted data by Hyndman & Fan (1996, Am. Stat. 50:361–365) definitions:
 * type 7 (R's default: h = (n−1)p) and type 6 (SPSS "weighted average at x_(n+1)p", Minitab:
 * h = (n+1)p − 1, clamped to the data), both 0-based with linear interpolation between order
 * statistics x[⌊h⌋] and x[⌊h⌋+1].
 *
 * Contract: `sorted` is ascending, finite, non-empty; 0 ≤ p ≤ 1.
 *
 * @example
 * quantileSorted(new Float64Array([1, 2, 3, 4]), 0.25, 7) // 1.75
 * quantileSorted(new Float64Array([1, 2, 3, 4]), 0.25, 6) // 1.25
 */
export type QuantileType = 6 | 7;

export function quantileSorted(sorted: ArrayLike<number>, p: number, type: QuantileType = 7): number {
  const n = sorted.length;
  let h = type === 7 ? (n - 1) * p : (n + 1) * p - 1;
  if (h <= 0) return sorted[0];
  if (h >= n - 1) return sorted[n - 1];
  // guard against p·n landing a hair below an integer (R uses a 4·eps fuzz in the same place)
  const r = Math.round(h);
  if (Math.abs(h - r) < 4 * Number.EPSILON * Math.max(1, Math.abs(h))) h = r;
  const lo = Math.floor(h);
  const f = h - lo;
  return f === 0 ? sorted[lo] : sorted[lo] + f * (sorted[lo + 1] - sorted[lo]);
}
