/**
 * Writes a report in the requested formats into an output folder: report.html (self-contained),
 * report.docx (editable tables, 300-dpi figures), report.md, tables/<id>.csv, figures/<id>.svg and
 * .png, the document's attachments (excluded.csv) and results.json. Everything is rendered in memory first
 * (but a JSON file, written as it is serialised: JsonContent), then written into a staging folder and
 * moved into place, so a failure leaves nothing half-written.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportDocument } from './document/reportDocument.js';
import { documentHtml } from './document/documentHtml.js';
import { documentMarkdown } from './document/documentMarkdown.js';
import { documentDocx, type PngImage } from './document/documentDocx.js';
import { tableCsv } from './tables/tableCsv.js';
import { svgToPng, svgToPngAsync } from './png.js';
import { collectGarbage } from '../runtime/collectGarbage.js';
import { jsonPieces } from './jsonPieces.js';

/** A JSON file written in pieces as it is serialised (jsonPieces.ts), never as one string; a newline ends it. */
export interface JsonContent {
  readonly json: unknown;
}

/** What a report file holds: text, bytes, or a value written as JSON. */
export type FileContent = string | Uint8Array | JsonContent;

/** The bytes of a report file (UTF-8 for text; JSON content serialised whole, for a store that takes bytes). */
export function fileBytes(content: FileContent): Uint8Array {
  if (content instanceof Uint8Array) return content;
  if (typeof content === 'string') return new TextEncoder().encode(content);
  const parts: string[] = [];
  jsonPieces(content.json, (s) => parts.push(s));
  parts.push('\n');
  return new TextEncoder().encode(parts.join(''));
}

/**
 * Writes `value` as JSON text (2-space indentation, a final newline) to `path` through one 1 MB
 * buffer: each piece is copied into it as it is made, so the pieces die young instead of piling up
 * in the heap until a flush.
 */
export function writeJsonFile(path: string, value: unknown): void {
  const fd = openSync(path, 'w');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let at = 0;
    const put = (s: string) => {
      if (at + s.length * 3 > buf.length) {
        writeSync(fd, buf, 0, at);
        at = 0;
        if (s.length * 3 > buf.length) {
          writeSync(fd, s);
          return;
        }
      }
      at += buf.write(s, at);
    };
    jsonPieces(value, put);
    put('\n');
    if (at > 0) writeSync(fd, buf, 0, at);
  } finally {
    closeSync(fd);
  }
}

export { REPORT_FORMATS, type ReportFormat } from './reportFormat.js';
import type { ReportFormat } from './reportFormat.js';

function pngSize(png: Uint8Array): { w: number; h: number } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { w: v.getUint32(16), h: v.getUint32(20) };
}

/** Renders every file of the report in memory: path (relative to the folder) → content. */
export async function renderReportFiles(doc: ReportDocument, formats: readonly ReportFormat[], extra: Readonly<Record<string, string | JsonContent>> = {}): Promise<Map<string, FileContent>> {
  const files = new Map<string, FileContent>();
  const pngs = new Map<string, PngImage>();
  const image = (data: Uint8Array): PngImage => {
    const { w, h } = pngSize(data);
    return { data, widthPx: w, heightPx: h };
  };
  const toPng = (svg: string, widthMm: number, dpi: number): PngImage => image(svgToPng(svg, { dpi, widthMm }));
  // every figure's PNG at once, on the thread pool (the same bytes as svgToPng)
  const figures = doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'figure' ? [b.figure] : [])));
  const rendered = await Promise.all(figures.map((f) => svgToPngAsync(f.svg, { dpi: 300, widthMm: f.widthMm })));
  figures.forEach((f, k) => pngs.set(f.svg, image(rendered[k])));
  // resvg's pixel buffers (a few MB a figure) are freed only when their small wrappers are collected
  collectGarbage();
  for (const s of doc.sections)
    for (const b of s.blocks) {
      if (b.kind === 'table') files.set(`tables/${b.table.id}.csv`, tableCsv(b.table));
      if (b.kind === 'figure') {
        files.set(`figures/${b.figure.id}.svg`, b.figure.svg);
        files.set(`figures/${b.figure.id}.png`, pngs.get(b.figure.svg)!.data);
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
export function writeFilesAtomically(outDir: string, files: ReadonlyMap<string, FileContent>): string[] {
  mkdirSync(outDir, { recursive: true });
  const staging = join(outDir, `.siilab-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [rel, content] of files) {
      const p = join(staging, rel);
      mkdirSync(join(p, '..'), { recursive: true });
      if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(p, content);
      else writeJsonFile(p, content.json);
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
