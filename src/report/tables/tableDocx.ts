/**
 * ReportTable → Word elements (docx): a caption paragraph, an editable three-line journal table
 * (rules above and below the header and at the bottom, no vertical lines), and footnote paragraphs.
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Align, ReportTable } from './reportTable.js';

const FONT_SIZE = 18; // half-points: 9 pt
const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

const alignment = (a: Align) => (a === 'right' ? AlignmentType.RIGHT : a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);

function cell(text: string, opts: { align: Align; bold?: boolean; italic?: boolean; top?: boolean; bottom?: boolean; span?: number; indent?: number }): TableCell {
  return new TableCell({
    columnSpan: opts.span,
    borders: { top: opts.top ? rule : none, bottom: opts.bottom ? rule : none, left: none, right: none },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: alignment(opts.align),
        indent: opts.indent ? { left: 240 * opts.indent } : undefined,
        children: [new TextRun({ text, bold: opts.bold, italics: opts.italic, size: FONT_SIZE })],
      }),
    ],
  });
}

export function tableDocx(t: ReportTable): (Paragraph | Table)[] {
  const rows: TableRow[] = [];
  const groups = t.headerGroups ?? [];
  if (groups.length) {
    rows.push(new TableRow({ tableHeader: true, children: groups.map((g) => cell(g.label, { align: 'center', bold: true, top: true, span: g.span, bottom: g.label !== '' })) }));
  }
  rows.push(
    new TableRow({
      tableHeader: true,
      children: t.columns.map((c) => cell(c.label, { align: c.align, bold: true, top: !groups.length, bottom: true })),
    }),
  );
  t.rows.forEach((r, i) => {
    const last = i === t.rows.length - 1;
    if (r.section) {
      rows.push(new TableRow({ children: [cell(r.cells[0] ?? '', { align: 'left', italic: true, span: t.columns.length, bottom: last })] }));
      return;
    }
    rows.push(new TableRow({ children: t.columns.map((c, j) => cell(r.cells[j] ?? '', { align: c.align, bottom: last, indent: j === 0 ? r.indent : undefined })) }));
  });
  return [
    new Paragraph({ spacing: { before: 240, after: 80 }, children: [new TextRun({ text: t.title, bold: true, size: 20 })] }),
    new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }),
    ...t.footnotes.map((f) => new Paragraph({ spacing: { before: 40 }, children: [new TextRun({ text: f, size: 16 })] })),
  ];
}
