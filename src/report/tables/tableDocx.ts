/**
 * ReportTable → Word elements (docx): a caption paragraph, an editable three-line journal table
 * (rules above and below the header and at the bottom, no vertical lines), and footnote paragraphs.
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { docxColumnWidths, docxColumnsFit } from './docxColumnWidths.js';
import type { Align, ReportTable } from './reportTable.js';

const FONT_SIZE = 18; // half-points: 9 pt
/** Text width of an A4 page with 2 cm margins (twips). */
export const TEXT_WIDTH = 11906 - 2 * 1134;
const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

const alignment = (a: Align) => (a === 'right' ? AlignmentType.RIGHT : a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);

function cell(text: string, opts: { align: Align; bold?: boolean; italic?: boolean; top?: boolean; bottom?: boolean; span?: number; indent?: number; width?: number; size?: number }): TableCell {
  return new TableCell({
    columnSpan: opts.span,
    width: opts.width !== undefined ? { size: opts.width, type: WidthType.DXA } : undefined,
    borders: { top: opts.top ? rule : none, bottom: opts.bottom ? rule : none, left: none, right: none },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: alignment(opts.align),
        indent: opts.indent ? { left: 240 * opts.indent } : undefined,
        children: [new TextRun({ text, bold: opts.bold, italics: opts.italic, size: opts.size ?? FONT_SIZE })],
      }),
    ],
  });
}

/** Widens the columns under a header group whose label would break mid-word ("Multivariab-le" over two empty columns), taking the width from the widest other column. */
function fitHeaderGroups(widths: number[], groups: readonly { label: string; span: number }[], fontPt: number): void {
  let at = 0;
  for (const g of groups) {
    const cols = Array.from({ length: g.span }, (_, k) => at + k);
    at += g.span;
    const need = Math.max(0, ...g.label.split(/\s+/).map((w) => w.length)) * fontPt * 20 * 0.6 + 160;
    const have = cols.reduce((s, j) => s + widths[j], 0);
    if (have >= need) continue;
    const donor = widths.map((w, j) => [w, j] as const).filter(([, j]) => !cols.includes(j)).sort((a, b) => b[0] - a[0])[0];
    if (!donor) continue;
    const give = Math.min(need - have, donor[0] / 2);
    widths[donor[1]] -= give;
    for (const j of cols) widths[j] += give / cols.length;
  }
  for (let j = 0; j < widths.length; j++) widths[j] = Math.round(widths[j]);
}

export function tableDocx(t: ReportTable): (Paragraph | Table)[] {
  const rows: TableRow[] = [];
  const groups = t.headerGroups ?? [];
  const cols = t.columns.map((c, j) => [c.label, ...t.rows.filter((r) => !r.section).map((r) => r.cells[j] ?? '')]);
  const align = t.columns.map((c) => c.align);
  // A wide table (ROC with sensitivity, specificity and Youden's index) steps down to 8 or 7.5 pt
  // rather than breaking "AFP_mean" or a number over two lines; half-points as Word counts them.
  const size = [FONT_SIZE, 16, 15].find((hp) => docxColumnsFit(cols, align, TEXT_WIDTH, hp / 2)) ?? 15;
  const widths = docxColumnWidths(cols, align, TEXT_WIDTH, size / 2);
  fitHeaderGroups(widths, groups, size / 2);
  let at = 0;
  const spanWidth = (span: number) => widths.slice(at, (at += span)).reduce((s, w) => s + w, 0);
  if (groups.length) {
    rows.push(new TableRow({ tableHeader: true, children: groups.map((g) => cell(g.label, { align: 'center', bold: true, top: true, span: g.span, bottom: g.label !== '', width: spanWidth(g.span), size })) }));
  }
  rows.push(
    new TableRow({
      tableHeader: true,
      children: t.columns.map((c, j) => cell(c.label, { align: c.align, bold: true, top: !groups.length, bottom: true, width: widths[j], size })),
    }),
  );
  t.rows.forEach((r, i) => {
    const last = i === t.rows.length - 1;
    if (r.section) {
      rows.push(new TableRow({ children: [cell(r.cells[0] ?? '', { align: 'left', italic: true, span: t.columns.length, bottom: last, width: TEXT_WIDTH, size })] }));
      return;
    }
    rows.push(new TableRow({ children: t.columns.map((c, j) => cell(r.cells[j] ?? '', { align: c.align, bottom: last, indent: j === 0 ? r.indent : undefined, width: widths[j], size })) }));
  });
  return [
    new Paragraph({ spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true, children: [new TextRun({ text: t.title, bold: true, size: 20 })] }),
    new Table({ rows, width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED }),
    ...t.footnotes.map((f) => new Paragraph({ spacing: { before: 40 }, children: [new TextRun({ text: f, size: 16 })] })),
  ];
}
