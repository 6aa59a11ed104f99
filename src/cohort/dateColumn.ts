/**
 * A table column read as dates (days since 1970-01-01, NaN when missing). The day/month order of
 * A/B/YYYY dates is the declared one, else inferred from the column; a column where no value
 * decides it is refused (03/04/2020 could be 3 April or 4 March), as is a value that is no date.
 *
 * @example
 * dateColumn(table, 'TACE date', 'DMY') // Float64Array of day numbers
 */
import { dataError } from '../errors.js';
import { cohortMessages } from '../messages/index.js';
import { columnIndex } from '../io/columns.js';
import { columnCells } from '../io/columnCells.js';
import { columnarOf } from '../io/columnarTable.js';
import { isoDateBytes } from './isoDateBytes.js';
import { isMissingCell, rowNumber, type Table } from '../io/table.js';
import type { DateOrder } from '../study/types.js';
import { inferDateOrder, parseDateNumber, parseDateText, slashParts } from './parseDate.js';

/** A date written as a plain number in a text file (an Excel serial or YYYYMMDD). */
const NUMERIC = /^\d+(\.\d+)?$/;

export function dateColumn(table: Table, column: string, order: DateOrder | null, option = 'the study file'): Float64Array {
  const j = columnIndex(table, column, option);
  // a delimited file's column of ISO dates (and missing cells) is read from its bytes: the same day
  // numbers as below, no string per cell (isoDateBytes.ts); any other column, or cell, the general way
  const src = columnarOf(table);
  if (src) {
    const iso = src.mapBytes(j, isoDateBytes, (s) => (s === null || isMissingCell(s) ? NaN : undefined));
    if (iso) return iso;
  }
  const cells = columnCells(table, j);
  const texts: string[] = [];
  for (const c of cells) if (typeof c === 'string' && !isMissingCell(c)) texts.push(c);
  let eff: DateOrder | null = order;
  if (eff === null) {
    const inferred = inferDateOrder(texts);
    if (inferred === 'conflict') {
      const ex = texts.find((t) => slashParts(t) !== null)!;
      throw dataError(cohortMessages.ambiguousDates(table.file, column, ex));
    }
    if (inferred === null) {
      const ex = texts.find((t) => slashParts(t) !== null)!;
      throw dataError(cohortMessages.ambiguousDates(table.file, column, ex));
    }
    eff = inferred === 'none' ? null : inferred;
  }
  const out = new Float64Array(cells.length);
  // a long export repeats few distinct dates: each text is parsed once
  const parsed = new Map<string, number>();
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (isMissingCell(c)) {
      out[i] = NaN;
      continue;
    }
    let v: number;
    if (typeof c === 'number') v = parseDateNumber(c);
    else {
      const known = parsed.get(c!);
      if (known !== undefined) v = known;
      else {
        v = NUMERIC.test(c!.trim()) ? parseDateNumber(Number(c!.trim())) : parseDateText(c!, eff);
        parsed.set(c!, v);
      }
    }
    if (Number.isNaN(v)) {
      const text = String(c).trim();
      if (order !== null && slashParts(text)) throw dataError(cohortMessages.dateOrderConflict(table.file, rowNumber(i, table), column, text, order));
      throw dataError(cohortMessages.notADate(table.file, rowNumber(i, table), column, text));
    }
    out[i] = v;
  }
  return out;
}

/** True when every non-missing cell of column `j` reads as a date (numbers only count when `numbersToo`). */
export function looksLikeDates(table: Table, j: number, numbersToo: boolean): boolean {
  let n = 0;
  for (const c of columnCells(table, j)) {
    if (isMissingCell(c)) continue;
    if (typeof c === 'number' || NUMERIC.test(c!.trim())) {
      if (!numbersToo || Number.isNaN(parseDateNumber(Number(c)))) return false;
    } else {
      const s = c!.trim();
      if (Number.isNaN(parseDateText(s, 'DMY')) && Number.isNaN(parseDateText(s, 'MDY'))) return false;
    }
    n++;
  }
  return n > 0;
}
