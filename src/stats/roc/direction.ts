/**
 * Direction of a marker in ROC analysis: `higher` means higher values indicate a case
 * (pROC direction "<": controls < cases); `lower` means lower values indicate a case (pROC ">").
 * `auto` chooses as pROC 1.18 does: `higher` when the median of the controls is ≤ the median of
 * the cases, else `lower` (so equal medians give `higher`).
 */
export type RocDirection = 'higher' | 'lower';
export type RocDirectionOption = RocDirection | 'auto';

/** pROC's symbol for a direction ("<" or ">"), for output that names both conventions. */
export const pROCDirection = (d: RocDirection): '<' | '>' => (d === 'higher' ? '<' : '>');

/** Median of an ascending-sorted, non-empty array. */
export function sortedMedian(sorted: Float64Array): number {
  const n = sorted.length;
  const h = n >> 1;
  return n % 2 === 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
}

/**
 * The direction `auto` resolves to, from the ascending-sorted marker values of cases and controls
 * (both non-empty). Contract: arrays sorted ascending, no NaN.
 *
 * @example
 * autoDirection(Float64Array.of(2, 3, 5), Float64Array.of(1, 2, 4)) // 'higher'
 */
export function autoDirection(sortedCases: Float64Array, sortedControls: Float64Array): RocDirection {
  return sortedMedian(sortedControls) <= sortedMedian(sortedCases) ? 'higher' : 'lower';
}
