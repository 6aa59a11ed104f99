/**
 * What a column holds, for `siilab inspect`: inferred type (number, integer, binary, category,
 * date, text), missing share, range or levels. Dates are strings that read as dates, or numbers
 * in a column whose name says date/time and whose values are Excel serials of 1950–2100.
 *
 * @example
 * columnProfile(table, 2) // { name: 'PLT', type: 'number', missingShare: 0.02, min: 41, max: 612, median: 187, ... }
 */
import { columnCells } from '../io/columnCells.js';
import { isNumberText } from '../io/columns.js';
import { isMissingCell, rowNumber, type Table } from '../io/table.js';
import { strayCells } from './strayCells.js';
import type { ValueType } from '../study/types.js';
import { daysToIso, parseDateNumber, parseDateText } from './parseDate.js';
import { looksLikeDates } from './dateColumn.js';

export interface LevelCount {
  level: string;
  n: number;
}

export interface ColumnProfile {
  readonly name: string;
  readonly type: ValueType;
  readonly n: number;
  readonly missing: number;
  readonly missingShare: number;
  /** Numbers and dates (ISO text for dates); null for labels. */
  readonly min: number | string | null;
  readonly max: number | string | null;
  readonly median: number | string | null;
  /** Levels with counts (most frequent first, at most 12) for binary, category and text columns. */
  readonly levels: LevelCount[] | null;
  readonly distinct: number;
  /** Long files: the id column was filled only on each patient's first row and is counted carried forward. */
  readonly carriedForward?: boolean;
  /** Long files: patients with no value on any of their rows. */
  readonly patientsMissing?: number;
  /** Long files, binary and category columns: patients with each level (on at least one row). */
  readonly patientLevels?: LevelCount[] | null;
  /** Long files: every patient has one value of the column on all rows that give one (age, sex, outcome). */
  readonly constantWithinPatient?: boolean;
  /** A few cells that do not fit the rest (typos; strayCells.ts): the type is that of the other cells. Rows are spreadsheet rows. */
  readonly stray?: { readonly kind: 'notNumber' | 'notBinary'; readonly cells: readonly { readonly row: number; readonly value: string }[] };
}

/** A column name that says date or time (its numbers may be Excel serial dates). */
export const DATE_NAME = /date|time|日期|时间|dt$/i;
const EXCEL_1950 = 18264;
const EXCEL_2100 = 73051;

/** A number that may be a date: an Excel serial day of 1950–2100, or a compact yyyymmdd of those years. */
export function serialOrCompactDate(x: number): boolean {
  return (x >= EXCEL_1950 && x <= EXCEL_2100) || (Number.isInteger(x) && x >= 19500101 && x <= 21001231);
}

function median(sorted: number[]): number {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

export function columnProfile(table: Table, j: number): ColumnProfile {
  const name = table.columns[j];
  // the column's cells alone (a columnar table builds no rows: src/io/columnCells.ts)
  const cells = columnCells(table, j);
  const n = cells.length;
  const found = strayCells(table, j);
  const skip = new Set(found?.rows ?? []);
  const present = cells.filter((c, i) => !isMissingCell(c) && !skip.has(i));
  const missing = n - present.length - skip.size;
  const stray = found ? { stray: { kind: found.kind, cells: found.rows.map((i, k) => ({ row: rowNumber(i, table), value: found.values[k] })) } } : {};
  const base = { name, n, missing, missingShare: n ? missing / n : 0, ...stray };
  const counts = new Map<string, number>();
  for (const c of present) {
    const k = typeof c === 'number' ? String(c) : c!.trim();
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const levels = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 12).map(([level, k]) => ({ level, n: k }));
  const distinct = counts.size;
  if (present.length === 0) return { ...base, type: 'text', min: null, max: null, median: null, levels: [], distinct };

  const allNumeric = present.every((c) => isNumberText(c));
  const numbers = allNumeric ? present.map((c) => (typeof c === 'number' ? c : Number(c!.trim()))) : [];
  const serialDates = allNumeric && DATE_NAME.test(name) && numbers.every(serialOrCompactDate);
  if ((!allNumeric && looksLikeDates(table, j, true)) || serialDates) {
    const days = present
      .map((c) => (typeof c === 'number' ? parseDateNumber(c) : serialDates ? parseDateNumber(Number(c!.trim())) : NaN))
      .map((d, i) => (Number.isNaN(d) ? dateOf(present[i]) : d))
      .filter((d) => !Number.isNaN(d))
      .sort((a, b) => a - b);
    return { ...base, type: 'date', min: daysToIso(days[0]), max: daysToIso(days[days.length - 1]), median: daysToIso(median(days)), levels: null, distinct };
  }
  if (allNumeric) {
    const sorted = [...numbers].sort((a, b) => a - b);
    const isBinary = distinct <= 2 && sorted.every((x) => x === 0 || x === 1);
    const isInt = sorted.every((x) => Number.isInteger(x));
    const type: ValueType = isBinary ? 'binary' : isInt && distinct <= 6 ? 'category' : isInt ? 'integer' : 'number';
    return {
      ...base,
      type,
      min: sorted[0],
      max: sorted[sorted.length - 1],
      median: median(sorted),
      levels: type === 'binary' || type === 'category' ? levels : null,
      distinct,
    };
  }
  const type: ValueType = distinct <= 2 ? 'binary' : distinct <= Math.max(12, Math.ceil(present.length * 0.05)) && distinct < present.length ? 'category' : 'text';
  return { ...base, type, min: null, max: null, median: null, levels, distinct };
}

function dateOf(c: unknown): number {
  return typeof c === 'string' ? parseDateLoose(c) : NaN;
}

function parseDateLoose(s: string): number {
  const a = parseDateText(s, 'DMY');
  return Number.isNaN(a) ? parseDateText(s, 'MDY') : a;
}

/** Profiles of every column. */
export function tableProfile(table: Table): ColumnProfile[] {
  return table.columns.map((_, j) => columnProfile(table, j));
}
