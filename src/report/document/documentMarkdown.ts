/**
 * ReportDocument → Markdown. Figures are linked as the 300-dpi PNG files written beside it
 * (figures/<id>.png, see writeReport.ts): PNG shows in every Markdown viewer and goes through
 * pandoc into Word without converters. The web app ships report.md with those files in one .zip.
 */
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
      // Image and caption in one paragraph (a hard line break between them): viewers show the caption
      // under the image, and pandoc does not print it twice (an image alone in a paragraph becomes a
      // figure captioned with its alt text).
      else out.push(`![${b.figure.caption.replace(/([[\]\\])/g, '\\$1')}](${figureDir}/${b.figure.id}.png)\\`, `*${b.figure.caption}*`, '');
    }
  }
  out.push('---', '', `<sub>${doc.provenance}</sub>`, '');
  return out.join('\n');
}
