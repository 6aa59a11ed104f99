/**
 * Writes a report in the requested formats into an output folder: report.html (self-contained),
 * report.docx (editable tables, 300-dpi figures), report.md, tables/<id>.csv, figures/<id>.svg and
 * .png, the document's attachments (excluded.csv) and results.json. Everything is rendered in memory first, then written into a staging folder
 * and moved into place, so a failure leaves nothing half-written.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportDocument } from './document/reportDocument.js';
import { documentHtml } from './document/documentHtml.js';
import { documentMarkdown } from './document/documentMarkdown.js';
import { documentDocx, type PngImage } from './document/documentDocx.js';
import { tableCsv } from './tables/tableCsv.js';
import { svgToPng } from './png.js';

export type ReportFormat = 'html' | 'docx' | 'md';
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'docx', 'md'];

function pngSize(png: Uint8Array): { w: number; h: number } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { w: v.getUint32(16), h: v.getUint32(20) };
}

/** Renders every file of the report in memory: path (relative to the folder) → content. */
export async function renderReportFiles(doc: ReportDocument, formats: readonly ReportFormat[], extra: Readonly<Record<string, string>> = {}): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  const pngs = new Map<string, PngImage>();
  const toPng = (svg: string, widthMm: number, dpi: number): PngImage => {
    const data = svgToPng(svg, { dpi, widthMm });
    const { w, h } = pngSize(data);
    return { data, widthPx: w, heightPx: h };
  };
  for (const s of doc.sections)
    for (const b of s.blocks) {
      if (b.kind === 'table') files.set(`tables/${b.table.id}.csv`, tableCsv(b.table));
      if (b.kind === 'figure') {
        files.set(`figures/${b.figure.id}.svg`, b.figure.svg);
        const png = toPng(b.figure.svg, b.figure.widthMm, 300);
        pngs.set(b.figure.svg, png);
        files.set(`figures/${b.figure.id}.png`, png.data);
      }
    }
  if (formats.includes('html')) files.set('report.html', documentHtml(doc));
  if (formats.includes('md')) files.set('report.md', documentMarkdown(doc));
  if (formats.includes('docx')) files.set('report.docx', new Uint8Array(await documentDocx(doc, (svg, mm, dpi) => pngs.get(svg) ?? toPng(svg, mm, dpi))));
  for (const [k, v] of Object.entries(doc.attachments ?? {})) files.set(k, v);
  for (const [k, v] of Object.entries(extra)) files.set(k, v);
  return files;
}

/** Writes rendered files into `outDir` through a staging folder (complete or nothing). */
export function writeFilesAtomically(outDir: string, files: ReadonlyMap<string, string | Uint8Array>): string[] {
  mkdirSync(outDir, { recursive: true });
  const staging = join(outDir, `.siilab-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [rel, content] of files) {
      const p = join(staging, rel);
      mkdirSync(join(p, '..'), { recursive: true });
      writeFileSync(p, content);
    }
    const written: string[] = [];
    for (const rel of files.keys()) {
      const dest = join(outDir, rel);
      mkdirSync(join(dest, '..'), { recursive: true });
      if (existsSync(dest)) rmSync(dest, { force: true });
      renameSync(join(staging, rel), dest);
      written.push(dest);
    }
    return written;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    // Remove empty folders the staging left behind.
    if (existsSync(outDir) && readdirSync(outDir).length === 0) rmSync(outDir, { recursive: true, force: true });
  }
}
