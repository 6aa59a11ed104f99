/**
 * Telling a rounding slip from a contradiction. A printed value that misses the recomputed range
 * by at most one unit in its last printed digit (e.g. χ² 0.826477 printed "0.827": rounded twice,
 * 0.8265 → 0.827) is a likely reporting slip → warning; a larger miss is an error.
 *
 * @example
 * lastDigitSlip(parsePrinted('0.827')!, { lo: 0.826477, hi: 0.826477 }) // true
 */
import type { Interval, PrintedNumber } from './printed.js';

/** Gap between two intervals (0 when they overlap). */
export function gap(a: Interval, b: Interval): number {
  return Math.max(0, a.lo - b.hi, b.lo - a.hi);
}

/** True when a printed "=" value misses the range by no more than one unit in its last digit. */
export function lastDigitSlip(printed: PrintedNumber, range: Interval): boolean {
  if (printed.relation !== '=' || !(printed.half > 0)) return false;
  return gap(printed, range) <= 2 * printed.half * (1 + 1e-9);
}

/** Severity of a mismatch of a printed value against a recomputed range. */
export function mismatchSeverity(printed: PrintedNumber, range: Interval): 'error' | 'warning' {
  return lastDigitSlip(printed, range) ? 'warning' : 'error';
}
