/**
 * Log odds ratio or log risk ratio of a 2×2 table and its large-sample variance, as metafor's
 * escalc(measure = "OR" | "RR") with its defaults (add = 1/2 to every cell of a table that has a
 * zero cell, to = "only0"):
 * - OR: yᵢ = log(a·d / (b·c)), vᵢ = 1/a + 1/b + 1/c + 1/d (Woolf 1955);
 * - RR: yᵢ = log((a/n₁)/(c/n₂)), vᵢ = 1/a − 1/n₁ + 1/c − 1/n₂ (Greenland & Robins 1985),
 * with a = events and b = non-events in group 1 (e.g. high SII), c, d in group 2.
 * A table with no events in both groups (or events in every patient in both) carries no
 * information on the ratio; it is reported as such (null) rather than given a made-up estimate.
 *
 * @example
 * // dat.bcg Aronson 1948: tpos 4, tneg 119, cpos 11, cneg 128 → escalc RR yi = −0.889311333, vi = 0.325584765
 * binaryEffectSize(4, 123, 11, 139, 'RR') // { yi: −0.88931133…, vi: 0.32558476…, corrected: false }
 */
export type BinaryMeasure = 'OR' | 'RR';

export function binaryEffectSize(events1: number, total1: number, events2: number, total2: number, measure: BinaryMeasure): { yi: number; vi: number; corrected: boolean } | null {
  let a = events1, b = total1 - events1, c = events2, d = total2 - events2;
  if (![a, b, c, d].every((v) => Number.isFinite(v) && v >= 0)) return null;
  if ((a === 0 && c === 0) || (b === 0 && d === 0)) return null;
  const corrected = a === 0 || b === 0 || c === 0 || d === 0;
  if (corrected) {
    a += 0.5; b += 0.5; c += 0.5; d += 0.5;
  }
  if (measure === 'OR') return { yi: Math.log((a * d) / (b * c)), vi: 1 / a + 1 / b + 1 / c + 1 / d, corrected };
  const n1 = a + b, n2 = c + d;
  return { yi: Math.log(a / n1 / (c / n2)), vi: 1 / a - 1 / n1 + 1 / c - 1 / n2, corrected };
}
