/** ReportTable → an HTML <table> fragment (escaped; styled by the report's inline stylesheet). */
import type { ReportTable } from './reportTable.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function tableHtml(t: ReportTable): string {
  const e = escapeHtml;
  const out: string[] = [`<table class="journal" id="${e(t.id)}">`, `<caption>${e(t.title)}</caption>`, '<thead>'];
  if (t.headerGroups?.length) {
    out.push('<tr>' + t.headerGroups.map((g) => `<th colspan="${g.span}" class="group">${e(g.label)}</th>`).join('') + '</tr>');
  }
  out.push('<tr>' + t.columns.map((c) => `<th class="${c.align}">${e(c.label)}</th>`).join('') + '</tr>', '</thead>', '<tbody>');
  for (const r of t.rows) {
    if (r.section) {
      out.push(`<tr class="section"><td colspan="${t.columns.length}">${e(r.cells[0] ?? '')}</td></tr>`);
      continue;
    }
    const cells = t.columns.map((c, j) => {
      const pad = j === 0 && r.indent ? ` style="padding-left:${0.3 + 1.2 * r.indent}em"` : '';
      return `<td class="${c.align}"${pad}>${e(r.cells[j] ?? '')}</td>`;
    });
    out.push('<tr>' + cells.join('') + '</tr>');
  }
  out.push('</tbody>');
  if (t.footnotes.length) {
    out.push(`<tfoot><tr><td colspan="${t.columns.length}">` + t.footnotes.map((f) => `<div>${e(f)}</div>`).join('') + '</td></tr></tfoot>');
  }
  out.push('</table>');
  return out.join('\n');
}
