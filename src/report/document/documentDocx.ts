/**
 * ReportDocument → a Word .docx (docx library): headings, paragraphs, editable journal tables and
 * figures embedded as 300-dpi PNG. The SVG→PNG renderer is passed in so this stays free of I/O.
 */
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, ShadingType, TextRun, type Table } from 'docx';
import type { ReportDocument } from './reportDocument.js';
import { tableDocx } from '../tables/tableDocx.js';

export interface PngImage {
  readonly data: Uint8Array;
  readonly widthPx: number;
  readonly heightPx: number;
}

/** Renders an SVG to PNG at `dpi` for a print width of `widthMm`. */
export type SvgToPng = (svg: string, widthMm: number, dpi: number) => PngImage;

const MM_PER_INCH = 25.4;

export async function documentDocx(doc: ReportDocument, toPng: SvgToPng): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: doc.title })] }),
    new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true, color: '444444' })] }),
  ];
  if (doc.banner) {
    children.push(
      new Paragraph({
        shading: { type: ShadingType.CLEAR, fill: 'FFF3CD', color: 'auto' },
        spacing: { before: 120, after: 120 },
        children: [new TextRun({ text: doc.banner, bold: true })],
      }),
    );
  }
  for (const s of doc.sections) {
    // A heading stays on the page of what follows it (no heading alone at the foot of a page).
    children.push(new Paragraph({ heading: s.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1, keepNext: true, keepLines: true, children: [new TextRun({ text: s.heading })] }));
    for (const b of s.blocks) {
      if (b.kind === 'paragraph') {
        children.push(new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: b.text, italics: b.style === 'note', color: b.style === 'warning' ? 'B3261E' : undefined })] }));
      } else if (b.kind === 'list') {
        for (const it of b.items) children.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: it })] }));
      } else if (b.kind === 'table') {
        children.push(...tableDocx(b.table));
      } else {
        const png = toPng(b.figure.svg, b.figure.widthMm, 300);
        // Word sizes images in pixels at 96 dpi: print width in mm → 96-dpi pixels.
        const w = Math.round((b.figure.widthMm / MM_PER_INCH) * 96);
        const h = Math.round((w * png.heightPx) / png.widthPx);
        children.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 200 },
            keepNext: true,
            children: [new ImageRun({ type: 'png', data: png.data, transformation: { width: w, height: h }, altText: { name: b.figure.id, title: b.figure.id, description: b.figure.caption } })],
          }),
          new Paragraph({ spacing: { after: 200 }, children: [new TextRun({ text: b.figure.caption, size: 18 })] }),
        );
      }
    }
  }
  children.push(new Paragraph({ spacing: { before: 400 }, children: [new TextRun({ text: doc.provenance, size: 16, color: '555555' })] }));
  const d = new Document({
    creator: 'siilab',
    title: doc.title,
    styles: { default: { document: { run: { font: 'Arial', size: 21 } } } },
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } }, children }],
  });
  return Packer.toBuffer(d);
}
