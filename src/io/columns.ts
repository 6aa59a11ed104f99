/**
 * Turning a Table's cells into typed columns, refusing bad cells with a message that names
 * file, row and column. Missing cells become NaN (numbers) or null (labels); callers drop them.
 */
import { dataError } from '../errors.js';
import { ioMessages } from '../messages/index.js';
import { closestName } from './closestName.js';
import { isMissingCell, rowNumber, type Cell, type Table } from './table.js';
import { columnarOf, NOT_FINITE, NUMBER, TEXT } from './columnarTable.js';

/** Index of column `name`, or a data error naming the option that asked for it. */
export function columnIndex(table: Table, name: string, option: string): number {
  const j = table.columns.indexOf(name);
  if (j >= 0) return j;
  const ci = table.columns.findIndex((c) => c.toLowerCase() === name.toLowerCase());
  const suggestion = ci >= 0 ? table.columns[ci] : closestName(name, table.columns);
  throw dataError(ioMessages.columnMissing(table.file, name, option, suggestion, [...table.columns]));
}

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Parses one cell as a number: NaN when missing, a data error when it is text. */
export function parseNumberCell(c: Cell, table: Table, i: number, column: string): number {
  if (isMissingCell(c)) return NaN;
  if (typeof c === 'number') {
    if (!Number.isFinite(c)) throw dataError(ioMessages.notFinite(table.file, rowNumber(i, table), column, String(c)));
    return c;
  }
  const s = c!.trim();
  if (!NUMBER_RE.test(s)) {
    // '5,2' in a file read with decimal points: say how to declare decimal commas.
    const hint = table.decimal !== ',' && /^[+-]?\d*,\d+$/.test(s);
    throw dataError((hint ? ioMessages.decimalCommaNotDeclared : ioMessages.notANumber)(table.file, rowNumber(i, table), column, s));
  }
  const v = Number(s);
  if (!Number.isFinite(v)) throw dataError(ioMessages.notFinite(table.file, rowNumber(i, table), column, s));
  return v;
}

export function isNumberText(c: Cell): boolean {
  if (isMissingCell(c)) return true;
  if (typeof c === 'number') return Number.isFinite(c);
  return NUMBER_RE.test(c!.trim());
}

/** A numeric column (NaN = missing). */
export function numericColumn(table: Table, name: string, option: string, opts: { nonNegative?: boolean } = {}): Float64Array {
  const j = columnIndex(table, name, option);
  const src = columnarOf(table);
  if (src) {
    // Columnar path: the same checks in the same row order, the message from parseNumberCell on the cell's text.
    const { values, kinds, text, notFinite } = src.numeric(j);
    if (text || notFinite || opts.nonNegative) {
      for (let i = 0; i < values.length; i++) {
        if (kinds[i] === TEXT || kinds[i] === NOT_FINITE) parseNumberCell(src.cell(i, j), table, i, name);
        if (opts.nonNegative && values[i] < 0) throw dataError(ioMessages.negativeNotAllowed(table.file, rowNumber(i, table), name, values[i]));
      }
    }
    return src.takeNumeric(j);
  }
  const out = new Float64Array(table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    const v = parseNumberCell(table.rows[i][j], table, i, name);
    if (opts.nonNegative && v < 0) throw dataError(ioMessages.negativeNotAllowed(table.file, rowNumber(i, table), name, v));
    out[i] = v;
  }
  return out;
}

const TRUE_TOKENS = new Set(['1', 'true', 'yes', 'y', 't']);
const FALSE_TOKENS = new Set(['0', 'false', 'no', 'n', 'f']);

/**
 * A 0/1 column (NaN = missing). Accepts 0/1 and true/false (yes/no); with `positive`, a cell equal
 * to it is 1 and any other non-missing value is 0.
 */
export function binaryColumn(
  table: Table,
  name: string,
  option: string,
  positive: string | null,
  kind: 'event' | 'outcome' = 'event',
): Float64Array {
  const j = columnIndex(table, name, option);
  const pos = positive === null ? null : positive.trim().toLowerCase();
  const src = columnarOf(table);
  if (src) return binaryColumnar(table, src, j, name, pos, kind);
  const out = new Float64Array(table.rows.length);
  for (let i = 0; i < table.rows.length; i++) {
    const c = table.rows[i][j];
    if (isMissingCell(c)) {
      out[i] = NaN;
      continue;
    }
    let s = String(c).trim().toLowerCase();
    if (pos !== null) {
      if (typeof c === 'number' && NUMBER_RE.test(pos)) out[i] = c === Number(pos) ? 1 : 0;
      else out[i] = s === pos ? 1 : 0;
      continue;
    }
    if (NUMBER_RE.test(s)) s = String(Number(s));
    if (TRUE_TOKENS.has(s)) out[i] = 1;
    else if (FALSE_TOKENS.has(s)) out[i] = 0;
    else {
      const msg = kind === 'event' ? ioMessages.eventNotBinary : ioMessages.outcomeNotBinary;
      throw dataError(msg(table.file, rowNumber(i, table), name, String(c)));
    }
  }
  return out;
}

/** binaryColumn on a columnar table: every cell is text, read as binaryColumn reads a text cell. */
function binaryColumnar(table: Table, src: NonNullable<ReturnType<typeof columnarOf>>, j: number, name: string, pos: string | null, kind: 'event' | 'outcome'): Float64Array {
  const n = src.nRows;
  const out = new Float64Array(n);
  const fail = (i: number): never => {
    const msg = kind === 'event' ? ioMessages.eventNotBinary : ioMessages.outcomeNotBinary;
    throw dataError(msg(table.file, rowNumber(i, table), name, String(src.cell(i, j))));
  };
  if (pos !== null) {
    const labels = src.labels(j);
    for (let i = 0; i < n; i++) {
      const s = labels[i];
      out[i] = s === null ? NaN : s.toLowerCase() === pos ? 1 : 0;
    }
    return out;
  }
  const { values, kinds } = src.numeric(j);
  let labels: (string | null)[] | null = null;
  for (let i = 0; i < n; i++) {
    const k = kinds[i];
    if (k === NUMBER) {
      const v = values[i];
      if (v === 1) out[i] = 1;
      else if (v === 0) out[i] = 0;
      else fail(i);
    } else if (k === TEXT) {
      labels ??= src.labels(j);
      const s = labels[i]!.toLowerCase();
      if (TRUE_TOKENS.has(s)) out[i] = 1;
      else if (FALSE_TOKENS.has(s)) out[i] = 0;
      else fail(i);
    } else if (k === NOT_FINITE) fail(i);
    else out[i] = NaN;
  }
  return out;
}

/** A label column: each cell as a trimmed string, null when missing. Numbers print as R would (no trailing .0). */
export function labelColumn(table: Table, name: string, option: string): (string | null)[] {
  const j = columnIndex(table, name, option);
  const src = columnarOf(table);
  if (src) return src.takeLabels(j);
  return table.rows.map((r) => {
    const c = r[j];
    if (isMissingCell(c)) return null;
    return typeof c === 'number' ? String(c) : c!.trim();
  });
}

/** True when every non-missing cell of the column reads as a number. */
export function isNumericColumn(table: Table, name: string, option: string): boolean {
  const j = columnIndex(table, name, option);
  const src = columnarOf(table);
  if (src) return src.numeric(j).text === 0;
  return table.rows.every((r) => isNumberText(r[j]));
}
