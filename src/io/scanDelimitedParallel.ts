/**
 * src/io/delimitedLayout.ts's scan on several threads: a file held in a SharedArrayBuffer, with no
 * double quote anywhere in its body (so that every newline sequence ends a row), is cut at row
 * boundaries into one chunk a thread; this thread scans the first chunk while worker threads
 * (scanWorker.ts, kept warm in src/analysis/parallel/workerPool.ts) scan the others, and the chunks
 * are joined in file order. The layout equals scanDelimited's on the same bytes: the same rows, the
 * same blank rows skipped, the same numbers (test/io/scanDelimitedParallel.test.ts). Any other
 * file, a small one (under 8 MB) or `threads` 1 is scanned by scanDelimited in this thread.
 *
 * @example
 * const l = await scanDelimitedParallel(sharedBytes, 0, 0x2c, '\n', 2); // l.nRows, l.values[j] …
 */
import { availableParallelism } from 'node:os';
import { bytesPerRow, layoutOf, MAX_PREPARSED_CELLS, numberSlots, rowsIn, scanDelimited, scanHeader, scanRows, type DelimitedLayout, type ScannedRows } from './delimitedLayout.js';
import { compiledWorkerUrl, releaseWorker, takeWorker } from '../analysis/parallel/workerPool.js';

/** Below this size one thread scans faster than starting another. */
export const MIN_PARALLEL_BYTES = 8 * 2 ** 20;

/** Threads the scan uses by default: two where the machine has them (SIILAB_READ_THREADS overrides). */
export function defaultReadThreads(): number {
  const env = Number(process.env.SIILAB_READ_THREADS);
  if (Number.isInteger(env) && env >= 1) return env;
  return Math.min(2, availableParallelism());
}

/** The compiled scan worker next to this module, or in dist/ when running from src/ (tests); null if absent. */
export function scanWorkerUrl(): URL | null {
  return compiledWorkerUrl('./scanWorker.js', import.meta.url);
}

export async function scanDelimitedParallel(
  buf: Uint8Array, start: number, delim: number, newline: '\n' | '\r\n' | '\r', threads: number,
  onRows?: (rows: number, at: number) => void,
  /** The columns whose numbers the scan reads (trimmed header names; default every column). */
  numbersOf?: readonly string[] | null,
): Promise<DelimitedLayout | null> {
  const n = buf.length;
  const url = threads > 1 && n >= MIN_PARALLEL_BYTES && buf.buffer instanceof SharedArrayBuffer && buf.byteOffset === 0 ? scanWorkerUrl() : null;
  if (!url || buf.indexOf(0x22, start) >= 0) return scanDelimited(buf, start, delim, newline, onRows, numbersOf);
  const nl0 = newline === '\n' ? 10 : 13;
  const crlf = newline === '\r\n';
  const h = scanHeader(buf, start, delim, nl0, crlf);
  if (h === null || h === 'empty') return scanDelimited(buf, start, delim, newline, onRows, numbersOf);
  const { header, p } = h;
  const nCols = header.length;
  // chunk boundaries: just after the first newline sequence at or after each equal share of the body
  const bounds = [p];
  for (let k = 1; k < threads; k++) {
    const b = rowBoundary(buf, Math.max(bounds[k - 1], p + Math.floor(((n - p) * k) / threads)), nl0, crlf);
    if (b >= n) break;
    bounds.push(b);
  }
  bounds.push(n);
  const perRow = bytesPerRow(buf, start, p, nl0);
  const capOf = (a: number, b: number) => rowsIn(a, b, perRow);
  // Numbers are read in the scan only when the whole file's cells are within the limit (not each chunk's).
  const slots = numberSlots(header, numbersOf);
  let nSlots = 0;
  for (let j = 0; j < nCols; j++) if (slots[j] >= 0) nSlots++;
  const preparse = capOf(bounds[0], n) * nSlots <= MAX_PREPARSED_CELLS;
  const sab = buf.buffer as SharedArrayBuffer;
  const pending = bounds.slice(1, -1).map((from, k) => {
    const to = bounds[k + 2];
    const w = takeWorker(url);
    return new Promise<ScannedRows | null>((resolve, reject) => {
      w.once('message', (m: { rows: ScannedRows | null }) => {
        releaseWorker(url, w);
        resolve(m.rows);
      });
      w.once('error', (e) => reject(e));
      w.once('exit', (code) => reject(new Error(`the CSV scan worker stopped (exit code ${code})`)));
      w.postMessage({ id: k + 1, sab, from, to, delim, nl0, crlf, nCols, capHint: capOf(from, to), preparse, slots });
    });
  });
  const first = scanRows(buf, bounds[0], bounds[1], delim, nl0, crlf, nCols, capOf(bounds[0], bounds[1]), onRows, preparse, slots);
  const rest = await Promise.all(pending);
  if (!first || rest.some((r) => r === null)) return null;
  return layoutOf(buf, delim, nl0, crlf, header, [first, ...(rest as ScannedRows[])]);
}

/** The offset just after the first row-ending newline sequence at or after `from` (n when none). */
function rowBoundary(buf: Uint8Array, from: number, nl0: number, crlf: boolean): number {
  const n = buf.length;
  let q = from;
  for (;;) {
    q = buf.indexOf(nl0, q);
    if (q < 0) return n;
    if (!crlf) return q + 1;
    if (q + 1 < n && buf[q + 1] === 10) return q + 2;
    q++;
  }
}
