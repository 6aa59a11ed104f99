/**
 * A cut-off as every label, table, sentence and the cutoff explorer print it: 6 significant digits,
 * enough to identify the split.
 *
 * @example cutoffText(1092.2134) // '1092.21'
 */
export function cutoffText(value: number): string {
  return String(Number(value.toPrecision(6)));
}
