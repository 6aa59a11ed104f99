/** ReportTable → a GitHub-flavoured Markdown table with its title and footnotes. */
import type { ReportTable } from './reportTable.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function tableMarkdown(t: ReportTable): string {
  const lines = [`**${t.title}**`, ''];
  if (t.headerGroups?.length) {
    const spanned: string[] = [];
    for (const g of t.headerGroups) for (let k = 0; k < g.span; k++) spanned.push(g.label);
    lines.push('| ' + t.columns.map((c, j) => cell(spanned[j] ? `${spanned[j]}: ${c.label}` : c.label)).join(' | ') + ' |');
  } else {
    lines.push('| ' + t.columns.map((c) => cell(c.label)).join(' | ') + ' |');
  }
  lines.push('|' + t.columns.map((c) => (c.align === 'right' ? ' ---: ' : c.align === 'center' ? ' :---: ' : ' --- ')).join('|') + '|');
  for (const r of t.rows) {
    if (r.section) {
      lines.push('| ' + [`*${cell(r.cells[0] ?? '')}*`, ...t.columns.slice(1).map(() => '')].join(' | ') + ' |');
      continue;
    }
    const first = (r.indent ? '\u00a0\u00a0'.repeat(r.indent) : '') + cell(r.cells[0] ?? '');
    lines.push('| ' + [first, ...t.columns.slice(1).map((_, j) => cell(r.cells[j + 1] ?? ''))].join(' | ') + ' |');
  }
  if (t.footnotes.length) lines.push('', ...t.footnotes.map((f) => `<sub>${f}</sub>  `));
  return lines.join('\n') + '\n';
}
