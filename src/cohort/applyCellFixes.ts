/**
 * Applies the user's corrections of row-level problems (cellProblems.ts) to a table: each fix names
 * the spreadsheet row and the column and gives the new text ('' = empty). A fix naming a row or
 * column the table does not have is refused by name.
 *
 * @example applyCellFixes(table, [{ row: 8, column: 'platelets', value: '180' }]).rows[6][14] // '180'
 */
import { usageError } from '../errors.js';
import { cohortMessages as M } from '../messages/cohort.js';
import type { Cell, Table } from '../io/table.js';

export interface CellFix {
  readonly row: number;
  readonly column: string;
  readonly value: string;
}

export function applyCellFixes(table: Table, fixes: readonly CellFix[]): Table {
  const first = table.header === false ? 1 : 2;
  const rows: Cell[][] = table.rows.map((r) => [...r]);
  for (const f of fixes) {
    const j = table.columns.indexOf(f.column);
    const i = f.row - first;
    if (j < 0 || !Number.isInteger(i) || i < 0 || i >= rows.length) throw usageError(M.badFix(table.file, f.row, f.column));
    rows[i][j] = f.value.trim() === '' ? null : f.value.trim();
  }
  return { ...table, rows };
}
