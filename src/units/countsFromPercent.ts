/**
 * Absolute counts from the white-cell count and a differential percentage:
 * count (10^9/L) = white cells (10^9/L) × percentage / 100.
 *
 * @example
 * countFromPercent(6.5, 62) // 4.03
 */
export function countFromPercent(wbc: number, percent: number): number {
  return Number(((wbc * percent) / 100).toPrecision(12));
}
