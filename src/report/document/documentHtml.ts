/**
 * ReportDocument → one self-contained HTML file: styles inline, figures as inline SVG, no
 * external request of any kind (no fonts, scripts or images fetched), printable.
 *
 * On screen, figures are drawn between FIGURE_MIN_PX_PER_MM and FIGURE_MAX_PX_PER_MM CSS px per mm
 * of their print width, so their 7-pt text shows at 11–12.6 px: never shrunk to illegibility
 * (a figure wider than the screen scrolls), never blown up. Tables scroll sideways inside their
 * own box with the first column kept in view when the screen is narrower than they are.
 */
import type { ReportBlock, ReportDocument } from './reportDocument.js';
import { escapeHtml as e, tableHtml } from '../tables/tableHtml.js';
import { svgWidthMm } from '../figures/svgWidth.js';

const STYLE = `
:root { color-scheme: light; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; color: #111; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; } h3 { font-size: 1.05rem; margin-top: 1.6rem; }
.subtitle { color: #444; margin-top: 0; } .banner { background: #fff3cd; border: 1px solid #d4a72c; padding: 0.6rem 0.9rem; font-weight: 600; }
.note { color: #444; font-size: 0.92rem; } .warning { background: #fdecea; border-left: 4px solid #b3261e; padding: 0.4rem 0.7rem; }
table.journal { border-collapse: collapse; margin: 1rem 0 0.4rem; font-size: 0.9rem; width: 100%; }
table.journal caption { text-align: left; font-weight: 700; padding-bottom: 0.4rem; }
table.journal thead tr:first-child th { border-top: 2px solid #000; } table.journal thead tr:last-child th { border-bottom: 1px solid #000; }
table.journal tbody tr:last-child td { border-bottom: 2px solid #000; } table.journal th, table.journal td { padding: 0.2rem 0.5rem; vertical-align: top; }
table.journal th.group { border-bottom: 1px solid #000; } .right { text-align: right; } .center { text-align: center; } .left { text-align: left; }
table.journal tr.section td { font-style: italic; padding-top: 0.45rem; } table.journal tfoot td { font-size: 0.8rem; color: #333; padding-top: 0.4rem; }
figure { margin: 1.5rem 0; max-width: var(--fig-max, 100%); } .figure-scroll { overflow-x: auto; }
.figure-scroll svg { display: block; width: 100%; min-width: var(--fig-min, 0); height: auto; } figcaption { font-size: 0.9rem; color: #333; margin-top: 0.3rem; }
.table-scroll { overflow-x: auto; margin: 1rem 0 0.4rem; } .table-scroll > table.journal { margin: 0; }
table.journal td.right, table.journal td.center { white-space: nowrap; }
.table-scroll table.journal tbody tr:not(.section) td:first-child, .table-scroll table.journal thead tr:last-child th:first-child { position: sticky; left: 0; z-index: 1; background: #fff; min-width: 8rem; }
body { --content: min(calc(100vw - 3rem), 60rem); }
.table-scroll table.journal caption { position: sticky; left: 0; max-width: var(--content); }
.table-scroll table.journal tfoot td > div { position: sticky; left: 0.5rem; max-width: calc(var(--content) - 1rem); }
@media (max-width: 900px) { body { padding: 0 0.75rem; margin-top: 1rem; } }
.provenance { margin-top: 3rem; font-size: 0.8rem; color: #555; border-top: 1px solid #ddd; padding-top: 0.5rem; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } figure, table { break-inside: avoid; }
  .table-scroll, .figure-scroll { overflow: visible; } .figure-scroll svg { min-width: 0; } .table-scroll table.journal th, .table-scroll table.journal td { position: static; } }
`;

/** CSS px per mm of a figure's print width on screen: 7-pt text shows at ≥ 11 px … */
export const FIGURE_MIN_PX_PER_MM = 4.5;
/** … and at most 12.6 px (1.35 × its print size). */
export const FIGURE_MAX_PX_PER_MM = 5.1;

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p class="${b.style ?? 'normal'}">${e(b.text)}</p>`;
    case 'list':
      return '<ul>' + b.items.map((i) => `<li>${e(i)}</li>`).join('') + '</ul>';
    case 'table':
      return `<div class="table-scroll">${tableHtml(b.table)}</div>`;
    case 'figure': {
      const svg = b.figure.svg.replace(/^<\?xml[^>]*>\s*/, '');
      // Scaled from the size the SVG is drawn at (its text is 7 pt at that width).
      const mm = svgWidthMm(svg) ?? b.figure.widthMm;
      const size = `--fig-max:${Math.round(mm * FIGURE_MAX_PX_PER_MM)}px;--fig-min:${Math.round(mm * FIGURE_MIN_PX_PER_MM)}px`;
      return `<figure id="${e(b.figure.id)}" style="${size}"><div class="figure-scroll">${svg}</div><figcaption>${e(b.figure.caption)}</figcaption></figure>`;
    }
  }
}

export function documentHtml(doc: ReportDocument): string {
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${e(doc.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${e(doc.title)}</h1><p class="subtitle">${e(doc.subtitle)}</p>`,
  ];
  if (doc.banner) parts.push(`<p class="banner" role="note">${e(doc.banner)}</p>`);
  for (const s of doc.sections) {
    const h = s.level === 2 ? 'h3' : 'h2';
    parts.push(`<section id="${e(s.id)}"><${h}>${e(s.heading)}</${h}>`, ...s.blocks.map(block), '</section>');
  }
  parts.push(`<p class="provenance">${e(doc.provenance)}</p>`, '</body></html>');
  return parts.join('\n') + '\n';
}
