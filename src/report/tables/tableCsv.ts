/** ReportTable → CSV (one header row, section rows as a first cell only, footnotes omitted). */
import type { ReportTable } from './reportTable.js';
import { csvCell } from './csvCell.js';

export function tableCsv(t: ReportTable): string {
  const lines = [t.columns.map((c) => csvCell(c.label)).join(',')];
  for (const r of t.rows) lines.push(t.columns.map((_, j) => csvCell(r.cells[j] ?? '')).join(','));
  return lines.join('\r\n') + '\r\n';
}
