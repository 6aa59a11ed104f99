/**
 * One column of a table as cells, and the table's row count, without building every row of a table
 * read by the columnar path (src/io/columnarTable.ts: the column's cells, short ASCII ones interned,
 * cached per column); any other table gives `rows[i][j]`. The cells are shared: do not modify.
 *
 * @example
 * columnCells(table, table.columns.indexOf('draw_date')) // ['2019-02-06', '2019-04-08', …]
 */
import { columnarOf } from './columnarTable.js';
import type { Cell, Table } from './table.js';

export function columnCells(table: Table, j: number): readonly Cell[] {
  const src = columnarOf(table);
  if (src) return src.rawCells(j);
  return table.rows.map((r) => r[j]);
}

export function rowCount(table: Table): number {
  return columnarOf(table)?.nRows ?? table.rows.length;
}
