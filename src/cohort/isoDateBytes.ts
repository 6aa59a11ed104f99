/**
 * An ISO date written as exactly YYYY-MM-DD, read from its bytes: the day number parseDateText
 * gives for it (days since 1970-01-01), or undefined for any other text (then read as text) and
 * for a date that does not exist (31 April: the text reader says so). Day numbers are kept per
 * (year, month, day) in a table, so a long export's repeated draw dates cost one lookup each.
 *
 * @example
 * isoDateBytes(Buffer.from('2020-01-31'), 0, 10) // 18292
 * isoDateBytes(Buffer.from('31/01/2020'), 0, 10) // undefined
 */
import { ymdToDays } from './parseDate.js';

const FIRST_YEAR = 1800;
const YEARS = 401; // 1800–2200, ymdToDays's range
/** Day number per (year, month, day) slot, NaN until computed; `known` marks computed slots. */
const days = new Float64Array(YEARS * 12 * 31);
const known = new Uint8Array(YEARS * 12 * 31);

const digit = (b: number): number => (b >= 48 && b <= 57 ? b - 48 : -1);

export function isoDateBytes(buf: Uint8Array, start: number, end: number): number | undefined {
  if (end - start !== 10 || buf[start + 4] !== 45 || buf[start + 7] !== 45) return undefined;
  const y0 = digit(buf[start]);
  const y1 = digit(buf[start + 1]);
  const y2 = digit(buf[start + 2]);
  const y3 = digit(buf[start + 3]);
  const m0 = digit(buf[start + 5]);
  const m1 = digit(buf[start + 6]);
  const d0 = digit(buf[start + 8]);
  const d1 = digit(buf[start + 9]);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return undefined;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (y < FIRST_YEAR || y >= FIRST_YEAR + YEARS || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const k = ((y - FIRST_YEAR) * 12 + (m - 1)) * 31 + (d - 1);
  if (!known[k]) {
    days[k] = ymdToDays(y, m, d);
    known[k] = 1;
  }
  const v = days[k];
  return Number.isNaN(v) ? undefined : v;
}
