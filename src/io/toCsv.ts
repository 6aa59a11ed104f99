/** Rows → CSV text (RFC 4180 quoting, formula-safe cells via csvCell), for data files siilab writes. */
import { csvCell } from '../report/tables/csvCell.js';

export function toCsv(columns: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const out = [columns.map(csvCell).join(',')];
  for (const r of rows) out.push(r.map(csvCell).join(','));
  return out.join('\n') + '\n';
}
