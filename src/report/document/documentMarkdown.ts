/** ReportDocument → Markdown; figures are referenced as files written beside it (figures/<id>.svg). */
import type { ReportDocument } from './reportDocument.js';
import { tableMarkdown } from '../tables/tableMarkdown.js';

export function documentMarkdown(doc: ReportDocument, figureDir = 'figures'): string {
  const out = [`# ${doc.title}`, '', `_${doc.subtitle}_`, ''];
  if (doc.banner) out.push(`> **${doc.banner}**`, '');
  for (const s of doc.sections) {
    out.push(`${s.level === 2 ? '###' : '##'} ${s.heading}`, '');
    for (const b of s.blocks) {
      if (b.kind === 'paragraph') out.push(b.style === 'warning' ? `> ⚠ ${b.text}` : b.text, '');
      else if (b.kind === 'list') out.push(...b.items.map((i) => `- ${i}`), '');
      else if (b.kind === 'table') out.push(tableMarkdown(b.table));
      else out.push(`![${b.figure.caption}](${figureDir}/${b.figure.id}.svg)`, '', `*${b.figure.caption}*`, '');
    }
  }
  out.push('---', '', `<sub>${doc.provenance}</sub>`, '');
  return out.join('\n');
}
