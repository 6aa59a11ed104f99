/**
 * Dates as days since 1970-01-01 (UTC, fractional for a time of day), from the forms hospital
 * exports use: ISO (2020-01-31, 2020-01-31T08:15:00, 2020-01-31 08:15), YYYY/MM/DD, YYYY.MM.DD,
 * YYYYMMDD, 2020年1月31日, DD.MM.YYYY, and A/B/YYYY (or A-B-YYYY) whose order (DMY or MDY) is
 * declared or inferred from the column; Excel serial numbers (days since 1899-12-30) too.
 *
 * @example
 * parseDateText('2020/01/31', null) // 18292
 * excelSerialToDays(43861)          // 18292  (Excel's 2020-01-31)
 */
import type { DateOrder } from '../study/types.js';

const DAY_MS = 86400000;
/** Days between Excel's day 0 (1899-12-30, which absorbs Excel's 1900 leap-year bug) and 1970-01-01. */
const EXCEL_EPOCH = 25569;

export const excelSerialToDays = (serial: number): number => serial - EXCEL_EPOCH;

export function ymdToDays(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): number {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1800 && y <= 2200 && hh < 24 && mm < 60 && ss < 61)) return NaN;
  const t = Date.UTC(y, m - 1, d, hh, mm, ss);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return NaN; // 31 April
  return t / DAY_MS;
}

/** ISO text of a day count (date only when there is no time of day). */
export function daysToIso(days: number): string {
  const s = new Date(Math.round(days * DAY_MS)).toISOString();
  return s.endsWith('T00:00:00.000Z') ? s.slice(0, 10) : s.slice(0, 19);
}

const TIME = '(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?';
const YMD_RE = new RegExp(`^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})${TIME}$`);
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
const CN_RE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
const DOT_DMY_RE = new RegExp(`^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})${TIME}$`);
const SLASH_RE = new RegExp(`^(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})${TIME}$`);

/** The two leading numbers of an A/B/YYYY date, or null when the text is not of that form. */
export function slashParts(s: string): [number, number] | null {
  const m = SLASH_RE.exec(s.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * Parses one date text. `order` decides A/B/YYYY dates (null: only unambiguous ones, where A or
 * B exceeds 12, are read). Returns NaN when the text is not a date in these forms.
 */
export function parseDateText(text: string, order: DateOrder | null): number {
  const s = text.trim();
  let m = YMD_RE.exec(s);
  if (m) return ymdToDays(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  m = COMPACT_RE.exec(s) ?? CN_RE.exec(s);
  if (m) return ymdToDays(+m[1], +m[2], +m[3]);
  m = DOT_DMY_RE.exec(s);
  if (m && order !== 'MDY') return ymdToDays(+m[3], +m[2], +m[1], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  m = SLASH_RE.exec(s);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    const eff: DateOrder | null = order === 'DMY' || order === 'MDY' ? order : a > 12 && b <= 12 ? 'DMY' : b > 12 && a <= 12 ? 'MDY' : null;
    if (eff === null) return NaN;
    const [d, mo] = eff === 'DMY' ? [a, b] : [b, a];
    return ymdToDays(+m[3], mo, d, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  }
  return NaN;
}

/** A number cell as a date: YYYYMMDD when it reads as one, else an Excel serial (1900–2200). */
export function parseDateNumber(x: number): number {
  if (Number.isInteger(x) && x >= 18000101 && x <= 22001231) {
    const d = ymdToDays(Math.floor(x / 10000), Math.floor(x / 100) % 100, x % 100);
    if (!Number.isNaN(d)) return d;
  }
  if (x >= 1 && x < 110000) return excelSerialToDays(x);
  return NaN;
}

/**
 * Infers the day/month order of a column's A/B/YYYY dates: 'DMY' when some A exceeds 12, 'MDY'
 * when some B does, null when none decides (ambiguous) and 'conflict' when both happen.
 */
export function inferDateOrder(texts: readonly string[]): DateOrder | null | 'conflict' | 'none' {
  let dmy = false;
  let mdy = false;
  let any = false;
  for (const t of texts) {
    const p = slashParts(t);
    if (!p) continue;
    any = true;
    if (p[0] > 12 && p[1] <= 12) dmy = true;
    if (p[1] > 12 && p[0] <= 12) mdy = true;
  }
  if (!any) return 'none';
  if (dmy && mdy) return 'conflict';
  return dmy ? 'DMY' : mdy ? 'MDY' : null;
}
