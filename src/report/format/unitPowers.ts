/**
 * Units as a journal sets them: "10^9/L" → "10⁹/L", "10^12/L" → "10¹²/L", "kg/m^2" → "kg/m²".
 * Data files and the study spec write powers with a caret; printed tables, text and captions use
 * superscript digits. Applied to a whole report document at the end of rendering; figures (SVG)
 * are left as drawn.
 *
 * @example
 * unitPowers('platelet count, 10^9/L') // 'platelet count, 10⁹/L'
 */
import type { ReportBlock, ReportDocument } from '../document/reportDocument.js';

const SUPER: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻' };

export function unitPowers(s: string): string {
  return s.replace(/(\d|[a-zA-Zµ])\^(-?\d{1,2})(?=\/|\b|$)/g, (_, base: string, p: string) => base + [...p].map((c) => SUPER[c]).join(''));
}

function block(b: ReportBlock): ReportBlock {
  switch (b.kind) {
    case 'paragraph': return { ...b, text: unitPowers(b.text) };
    case 'list': return { ...b, items: b.items.map(unitPowers) };
    case 'table': {
      const t = b.table;
      return {
        ...b,
        table: {
          ...t,
          title: unitPowers(t.title),
          columns: t.columns.map((c) => ({ ...c, label: unitPowers(c.label) })),
          rows: t.rows.map((r) => ({ ...r, cells: r.cells.map(unitPowers) })),
          footnotes: t.footnotes.map(unitPowers),
        },
      };
    }
    case 'figure': return { ...b, figure: { ...b.figure, caption: unitPowers(b.figure.caption) } };
  }
}

/** The document with every printed power of a unit in superscript. */
export function documentUnitPowers(d: ReportDocument): ReportDocument {
  return { ...d, sections: d.sections.map((s) => ({ ...s, heading: unitPowers(s.heading), blocks: s.blocks.map(block) })) };
}
