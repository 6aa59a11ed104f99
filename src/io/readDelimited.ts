/**
 * The columnar reading path for a delimited file already in memory as bytes: papaparse guesses the
 * delimiter and newline on the file's first 1 MB (4 MB when that holds ten rows or fewer), as it
 * would on the whole text (it looks at the first 1 MB and ten rows), src/io/delimitedLayout.ts locates every cell, and the Table returned is
 * src/io/columnarTable.ts's (columns parsed on request, rows built only if something asks for them).
 * Returns null for the files this path leaves to papaparse's row reader, so that their reading and
 * messages stay exactly as they were: no header row (`header: false` or `columns:`), decimal commas
 * declared, or possible (a `;`- or tab-separated file with a comma in it and no `decimal: '.'`),
 * quoting that is not plain, a file without a header and a data row (its messages are the row
 * reader's).
 *
 * @example
 * (await readDelimitedColumnar('a.csv', Buffer.from('x,g\n1,a\n2,b\n'), undefined, {}, () => {}))!.columns // ['x', 'g']
 */
import Papa from 'papaparse';
import { columnarTable } from './columnarTable.js';
import { scanDelimitedParallel } from './scanDelimitedParallel.js';
import type { Table } from './table.js';
import type { ReadTableOptions } from './readTable.js';

const GUESS_BYTES = 4 * 1024 * 1024;
const LINE_GUESS_BYTES = 1024 * 1024;

/**
 * How much of the file papaparse needs to guess as it would on the whole text: its newline guess
 * reads the first 1 MB and its delimiter guess the first ten rows. 1 MB when that holds more than
 * twelve line breaks (papaparse splits the whole prefix it is given, so less is faster), else 4 MB.
 */
function guessBytes(buf: Uint8Array, from: number): number {
  const end = Math.min(buf.length, from + LINE_GUESS_BYTES);
  let breaks = 0;
  for (let p = from; breaks <= 12; p++) {
    p = buf.indexOf(10, p);
    if (p < 0 || p >= end) break;
    breaks++;
  }
  if (breaks <= 12) for (let p = from; p < end && breaks <= 12; p++) if (buf[p] === 13) breaks++;
  return breaks > 12 ? LINE_GUESS_BYTES : GUESS_BYTES;
}
const decoder = new TextDecoder('utf-8');

export async function readDelimitedColumnar(
  file: string,
  buf: Uint8Array,
  delimiter: string | undefined,
  opts: ReadTableOptions,
  checkHeader: (file: string, columns: string[]) => void,
  onRows?: (rows: number, at: number) => void,
  threads = 1,
): Promise<Table | null> {
  if (opts.header === false || (opts.columns && opts.columns.length) || opts.decimal === ',') return null;
  const bodyStart = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const prefix = decoder.decode(buf.subarray(bodyStart, Math.min(buf.length, bodyStart + guessBytes(buf, bodyStart))));
  if (prefix.trim() === '') return null;
  const meta = Papa.parse<string[]>(prefix, {
    delimiter: delimiter ?? '',
    delimitersToGuess: [',', '\t', ';', '|'],
    skipEmptyLines: 'greedy',
    preview: 1,
  }).meta;
  const used = meta.delimiter;
  const newline = meta.linebreak;
  if (used.length !== 1 || used.charCodeAt(0) >= 0x80 || (newline !== '\n' && newline !== '\r\n' && newline !== '\r')) return null;
  const layout = await scanDelimitedParallel(buf, bodyStart, used.charCodeAt(0), newline, threads, onRows, opts.numbersOf);
  if (!layout || layout.nCols === 0 || layout.nRows === 0) return null;
  // Decimal commas are sniffed in a file not separated by commas; one without a comma has none.
  if (used !== ',' && opts.decimal !== '.' && buf.indexOf(0x2c, bodyStart) >= 0) return null;
  const columns = layout.header.map((c) => c.trim());
  checkHeader(file, columns);
  return columnarTable({ file, sheet: null, columns, delimiter: used }, layout);
}
