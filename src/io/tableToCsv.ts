/**
 * A table as CSV text (header row unless the table had none; empty cells for missing), e.g. a
 * corrected copy of an upload. Numbers are written as JavaScript prints them (a dot for decimals).
 *
 * @example tableToCsv({ file: 'x.csv', sheet: null, columns: ['id', 'plt'], rows: [['P1', 180]] }) // 'id,plt\r\nP1,180\r\n'
 */
import Papa from 'papaparse';
import type { Table } from './table.js';

export function tableToCsv(table: Table): string {
  const body = table.rows.map((r) => r.map((c) => (c === null ? '' : String(c))));
  return Papa.unparse(table.header === false ? body : [[...table.columns], ...body]) + '\r\n';
}
