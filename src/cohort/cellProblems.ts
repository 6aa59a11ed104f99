/**
 * Row-level problems `siilab inspect` finds before any mapping is run: text in a number column,
 * a stray code in a 0/1 column (strayCells.ts), a negative follow-up time, and a patient id repeated
 * in a one-row-per-patient file. Each names column, spreadsheet row and value and carries a
 * suggested replacement ('' = leave the cell empty) for the page's fix control and the message.
 *
 * @example
 * cellProblems(table, columns, suggestions, 'id', true)[0]
 * // { column: 'platelets', row: 8, value: 'high', kind: 'notNumber', suggestion: '', message: "cohort.csv, row 8, column 'platelets': …" }
 */
import { isMissingCell, rowNumber, type Table } from '../io/table.js';
import { cohortMessages as M } from '../messages/cohort.js';
import type { ColumnProfile } from './columnProfile.js';
import type { MappingSuggestion } from './suggestMapping.js';
import { maxStray } from './strayCells.js';

export interface CellProblem {
  readonly column: string;
  /** Spreadsheet row (the header is row 1). */
  readonly row: number;
  readonly value: string;
  readonly kind: 'notNumber' | 'notBinary' | 'negativeTime' | 'duplicateId';
  /** Suggested replacement of the cell ('' = leave it empty, i.e. missing). */
  readonly suggestion: string;
  readonly message: string;
}

const TIME_NAME = /time|months?$|days?$|futime|_os$|^os_|pfs|rfs|dfs|survival|follow/i;

/** A number hidden in a typo: decimal comma, a trailing unit, the letter o for a zero; else ''. */
export function numberFromTypo(v: string): string {
  const t = v.trim().replace(/(?<=\d)[oO]|[oO](?=\d)/g, '0').replace(/^(-?\d+),(\d+)$/, '$1.$2');
  const m = /^(-?\d+(?:\.\d+)?)\s*[a-zA-Z%/^µ×x\d.\s]*$/.exec(t);
  return m && Number.isFinite(Number(m[1])) ? String(Number(m[1])) : '';
}

export function cellProblems(
  table: Table, columns: readonly ColumnProfile[], suggestions: readonly MappingSuggestion[], idColumn: string | null, wide: boolean,
): CellProblem[] {
  const out: CellProblem[] = [];
  for (const c of columns) {
    if (!c.stray) continue;
    for (const cell of c.stray.cells) {
      if (c.stray.kind === 'notNumber') {
        const s = numberFromTypo(cell.value);
        out.push({ column: c.name, row: cell.row, value: cell.value, kind: 'notNumber', suggestion: s, message: M.strayText(table.file, cell.row, c.name, cell.value, s) });
      } else out.push({ column: c.name, row: cell.row, value: cell.value, kind: 'notBinary', suggestion: '', message: M.strayCode(table.file, cell.row, c.name, cell.value) });
    }
  }
  const timeColumns = new Set(suggestions.filter((s) => s.variable === 'followUpTime').map((s) => s.column));
  for (const c of columns) if ((c.type === 'number' || c.type === 'integer') && TIME_NAME.test(c.name)) timeColumns.add(c.name);
  for (const name of timeColumns) {
    const j = table.columns.indexOf(name);
    const neg: number[] = [];
    let filled = 0;
    table.rows.forEach((r, i) => {
      const v = r[j];
      if (isMissingCell(v)) return;
      filled++;
      const x = typeof v === 'number' ? v : Number(String(v).trim());
      if (Number.isFinite(x) && x < 0) neg.push(i);
    });
    if (neg.length === 0 || neg.length > maxStray(filled)) continue;
    for (const i of neg) {
      const value = String(table.rows[i][j]).trim();
      const s = String(Math.abs(Number(value)));
      out.push({ column: name, row: rowNumber(i, table), value, kind: 'negativeTime', suggestion: s, message: M.negativeTime(table.file, rowNumber(i, table), name, value, s) });
    }
  }
  if (wide && idColumn) {
    const j = table.columns.indexOf(idColumn);
    const seen = new Map<string, number>();
    table.rows.forEach((r, i) => {
      const v = r[j];
      if (isMissingCell(v)) return;
      const id = String(v).trim();
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, i);
        return;
      }
      let k = 2;
      while (seen.has(`${id}-${k}`)) k++;
      const s = `${id}-${k}`;
      out.push({ column: idColumn, row: rowNumber(i, table), value: id, kind: 'duplicateId', suggestion: s, message: M.duplicateId(table.file, rowNumber(i, table), idColumn, id, rowNumber(first, table), s) });
    });
  }
  return out.sort((a, b) => a.row - b.row || (a.column < b.column ? -1 : 1));
}
