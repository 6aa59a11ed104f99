/**
 * Reads CSV, TSV (or .txt, delimiter sniffed) and XLSX files into a Table.
 * CSV/TSV files are read by the columnar path (src/io/readDelimited.ts: cells located in the bytes,
 * numbers parsed from them, columns on request) with papaparse's delimiter and newline guess; a file
 * that path does not take (no header row, decimal commas, unusual quoting) and in-memory text are
 * parsed by papaparse into rows, as is every file with SIILAB_READER=rows. XLSX is streamed by
 * exceljs's WorkbookReader (the first sheet unless `sheet` is given; no workbook model is built).
 * A file without a header row is read with `header: false` (names from `columns`, else V1…Vn);
 * decimal commas are read when declared (`decimal: ','`) or sniffed in a `;`- or tab-separated file.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import Papa from 'papaparse';
import type ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { dataError } from '../errors.js';
import { ioMessages } from '../messages/index.js';
import { sniffDecimalComma, withDecimalComma } from './decimalMark.js';
import { isNumberText } from './columns.js';
import type { Cell, Table } from './table.js';
import { readDelimitedColumnar } from './readDelimited.js';
import { defaultReadThreads, MIN_PARALLEL_BYTES } from './scanDelimitedParallel.js';
import { columnarOf } from './columnarTable.js';
import { readProgress, type ReadProgress } from './readProgress.js';

export interface ReadTableOptions {
  sheet?: string | null;
  /** False: the file has no header row; the first row is data. Default true. */
  header?: boolean | null;
  /** Column names of a file without a header row (one per field); implies `header: false`. */
  columns?: readonly string[] | null;
  /** Decimal mark of numbers written as text; default: '.' unless a `;`- or tab-separated file shows decimal commas. */
  decimal?: '.' | ',' | null;
  /** Progress of a long read on stderr (src/io/readProgress.ts): true always, false never, else on a terminal after 1 s. */
  progress?: boolean | null;
  /**
   * The columns a command will read as numbers, when it knows them (a delimited file's scan then
   * reads only their numbers, and keeps no memory for the others: `siilab roc` reads 2 of a file's
   * 8 columns). Any column can still be read; one not named is read from the bytes when asked for.
   * Default: every column.
   */
  numbersOf?: readonly string[] | null;
}

/** The header options with `columns` implying no header; a header declared beside `columns` is refused. */
function headerOf(file: string, opts: ReadTableOptions): { header: boolean; names: readonly string[] | null } {
  const names = opts.columns && opts.columns.length ? opts.columns : null;
  if (names && opts.header === true) throw dataError(ioMessages.columnsWithHeader(file));
  return { header: names ? false : opts.header !== false, names };
}

export async function readTable(file: string, opts: ReadTableOptions = {}): Promise<Table> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw dataError(ioMessages.fileUnreadable(file, 'not a regular file'));
    size = s.size;
  } catch (e) {
    if (e instanceof Error && e.name === 'SiilabError') throw e;
    throw dataError(ioMessages.fileMissing(file));
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return readXlsx(file, opts);
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt' || ext === '.tab') {
    const progress = readProgress(file, size, opts.progress);
    // a large file is read into shared memory, where the scan's worker threads see it too
    const threads = size >= MIN_PARALLEL_BYTES && process.env.SIILAB_READER !== 'rows' ? defaultReadThreads() : 1;
    const buf = progress.active || threads > 1 ? await readBytes(file, size, progress, threads > 1) : await readFile(file);
    const delimiter = ext === '.tsv' || ext === '.tab' ? '\t' : undefined;
    if (process.env.SIILAB_READER !== 'rows') {
      const t = await readDelimitedColumnar(file, buf, delimiter, opts, checkHeader, progress.active ? (rows, at) => progress.update('rows', rows, at / buf.length) : undefined, threads);
      if (t) {
        progress.done(t.columns.length ? columnarOf(t)!.nRows : 0);
        return t;
      }
    }
    const t = parseDelimited(file, buf.toString('utf8'), delimiter, opts);
    progress.done(t.rows.length);
    return t;
  }
  if (ext === '.xls') throw dataError(ioMessages.fileUnreadable(file, 'old binary .xls is not supported; save it as .xlsx or .csv'));
  throw dataError(ioMessages.unknownFormat(file));
}

/** The file's bytes, read in 16 MB pieces so that a long read can say how far it is. */
async function readBytes(file: string, size: number, progress: ReadProgress, shared = false): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = shared ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await fh.read(buf, at, Math.min(16 * 2 ** 20, size - at), at);
      if (bytesRead === 0) break;
      at += bytesRead;
      progress.update('bytes', 0, at / Math.max(1, size));
    }
    return at === size ? buf : buf.subarray(0, at);
  } finally {
    await fh.close();
  }
}

/** Parses delimited text (delimiter sniffed when not given). Exported for in-memory uploads. */
export function parseDelimited(file: string, text: string, delimiter?: string, opts: ReadTableOptions = {}): Table {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw dataError(ioMessages.fileEmpty(file));
  const parsed = Papa.parse<string[]>(body, {
    delimiter: delimiter ?? '',
    delimitersToGuess: [',', '\t', ';', '|'],
    skipEmptyLines: 'greedy',
  });
  const all = parsed.data;
  if (all.length === 0) throw dataError(ioMessages.fileEmpty(file));
  const used = parsed.meta.delimiter;
  const t = toTable(file, null, all, opts);
  const decimal = opts.decimal ?? (used !== ',' && sniffDecimalComma(file, t.columns, t.rows, t.header === false ? 1 : 2) ? ',' : '.');
  if (decimal === '.') return { ...t, delimiter: used };
  return { ...t, rows: withDecimalComma(file, t.columns, t.rows, t.header === false ? 1 : 2), decimal, delimiter: used };
}

/** Header (or `columns`/V1…Vn) and rows from a matrix of cells; rows are padded with nulls to the header. */
function toTable(file: string, sheet: string | null, matrix: readonly (readonly (Cell | undefined)[] | undefined)[], opts: ReadTableOptions): Table {
  const { header, names } = headerOf(file, opts);
  let columns: string[];
  if (header) {
    const first = matrix[0] ?? [];
    columns = Array.from({ length: first.length }, (_, j) => (first[j] === null || first[j] === undefined ? '' : String(first[j]).trim()));
    checkHeader(file, columns);
    if (matrix.length < 2) throw dataError(ioMessages.noDataRows(file));
  } else {
    const width = Math.max(0, ...matrix.map((r) => r?.length ?? 0));
    if (names) {
      const wide = matrix.findIndex((r) => (r?.length ?? 0) > names.length);
      if (wide >= 0) throw dataError(ioMessages.columnsCountMismatch(file, names.length, wide + 1, matrix[wide]!.length));
      if (names.length > width) {
        const widest = matrix.findIndex((r) => (r?.length ?? 0) === width);
        throw dataError(ioMessages.columnsCountMismatch(file, names.length, widest + 1, width));
      }
      columns = names.map((n) => n.trim());
      const seen = new Set<string>();
      for (const c of columns) {
        if (seen.has(c)) throw dataError(ioMessages.duplicateColumnName(file, c));
        seen.add(c);
      }
    } else columns = Array.from({ length: width }, (_, j) => `V${j + 1}`);
  }
  const rows: Cell[][] = [];
  for (let i = header ? 1 : 0; i < matrix.length; i++) {
    const src = matrix[i] ?? [];
    const row: Cell[] = new Array(columns.length);
    for (let j = 0; j < columns.length; j++) row[j] = src[j] ?? null;
    rows.push(row);
  }
  return header ? { file, sheet, columns, rows } : { file, sheet, columns, rows, header: false };
}

function checkHeader(file: string, columns: string[]): void {
  // A header of numbers and missing codes only ('1,0,?,67') is the first data row of a file without one.
  const named = columns.filter((c) => c !== '');
  if (columns.length >= 2 && named.length > 0 && columns.every((c) => isNumberText(c) || /^[+-]?\d*,\d+$/.test(c))) {
    throw dataError(ioMessages.headerLooksLikeData(file, columns));
  }
  const seen = new Set<string>();
  for (const c of columns) {
    if (c === '') continue;
    if (seen.has(c)) throw dataError(ioMessages.duplicateColumn(file, c));
    seen.add(c);
  }
}

/**
 * A workbook's sheet, streamed: exceljs's WorkbookReader parses the zip entries as they come (shared
 * strings and styles cached, so that strings and dates are resolved as the whole-workbook reader
 * resolves them), and only the cells of the chosen sheet are kept, one row at a time; the others
 * are read past. No model of the workbook (a Cell object with its style for every cell) is built.
 * The sheet is the one named, else the first in the workbook's order (workbook.xml), whichever
 * sheetN.xml holds it. exceljs is loaded only when a workbook is read: its ~70 ms of module
 * loading is not every CSV command's.
 */
async function streamSheet(file: string, input: string | Readable, opts: ReadTableOptions): Promise<Table> {
  const { default: Excel } = await import('exceljs');
  const sheet = opts.sheet ?? null;
  const reader = new Excel.stream.xlsx.WorkbookReader(input as never, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'cache', worksheets: 'emit', entries: 'ignore' });
  const book = reader as unknown as { model?: { sheets?: { name: string; rId: string }[] }; workbookRels?: { Id: string; Target: string }[] };
  let matrix: Cell[][] | null = null;
  let found: string | null = null;
  let names: string[] = [];
  try {
    for await (const ws of reader) {
      const id = (ws as unknown as { id: number | string }).id;
      const order = book.model?.sheets ?? [];
      names = order.map((x) => x.name);
      const rel = (book.workbookRels ?? []).find((r) => r.Target.replace(/^\/?(xl\/)?/, '') === `worksheets/sheet${id}.xml`);
      const at = rel ? order.findIndex((x) => x.rId === rel.Id) : -1;
      const name = at >= 0 ? order[at].name : `Sheet${id}`;
      const wanted = matrix === null && (sheet === null ? at === 0 || (at < 0 && order.length === 0) : name === sheet);
      const rows: Cell[][] = [];
      const merges = new Set<string>();
      if (wanted) {
        const w = ws as unknown as { iterator: AsyncIterable<Buffer> };
        w.iterator = withMergeRanges(w.iterator, merges);
      }
      for await (const row of ws) {
        if (!wanted) continue;
        const cells: Cell[] = [];
        row.eachCell({ includeEmpty: true }, (cell, colNo) => {
          cells[colNo - 1] = cellValue(cell.value);
        });
        rows[row.number - 1] = cells;
      }
      if (wanted) {
        fillMerges(rows, merges);
        matrix = rows;
        found = name;
      }
    }
  } catch (e) {
    throw dataError(ioMessages.fileUnreadable(file, `not a valid .xlsx workbook: ${(e as Error).message}`));
  }
  if (matrix === null || found === null) {
    if (sheet !== null) throw dataError(ioMessages.sheetMissing(file, sheet, names));
    throw dataError(ioMessages.fileEmpty(file));
  }
  return sheetToTable(file, found, matrix, opts);
}

/**
 * The bytes of a sheet's XML passed through unchanged, collecting the ranges of its merged cells
 * (`<mergeCell ref="A2:A18"/>`, after the rows), which exceljs's streaming reader skips.
 */
async function* withMergeRanges(chunks: AsyncIterable<Buffer>, ranges: Set<string>): AsyncIterable<Buffer> {
  let carry = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const b = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    if (b.indexOf('<mergeCell ') >= 0) for (const m of b.toString('latin1').matchAll(/<mergeCell\s+ref="([A-Z]+[0-9]+):([A-Z]+[0-9]+)"/g)) ranges.add(`${m[1]}:${m[2]}`);
    carry = Buffer.from(b.subarray(Math.max(0, b.length - 64)));
    yield chunk;
  }
}

/** Every cell of a merged range takes its top-left cell's value, as exceljs's workbook model gives it. */
function fillMerges(rows: Cell[][], ranges: ReadonlySet<string>): void {
  const at = (ref: string) => {
    const m = /^([A-Z]+)([0-9]+)$/.exec(ref)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  for (const range of ranges) {
    const [a, b] = range.split(':').map(at);
    const value = rows[a.row]?.[a.col] ?? null;
    for (let r = a.row; r <= b.row; r++) {
      const row = (rows[r] ??= []);
      for (let c = a.col; c <= b.col; c++) row[c] = value;
    }
  }
}

async function readXlsx(file: string, opts: ReadTableOptions): Promise<Table> {
  return streamSheet(file, file, opts);
}

/** Reads an in-memory XLSX (uploads), streamed as a file is. */
export async function parseXlsx(file: string, data: Buffer, sheet: string | null = null, opts: ReadTableOptions = {}): Promise<Table> {
  return streamSheet(file, Readable.from([data]), { ...opts, sheet });
}

/** The table of a sheet's rows (row n at n − 1; missing rows and cells are empty). */
function sheetToTable(file: string, name: string, matrix: Cell[][], opts: ReadTableOptions): Table {
  // Drop leading/trailing fully empty rows; keep interior ones as rows of nulls.
  const isEmpty = (r: Cell[] | undefined) => !r || r.every((c) => c === null || c === '');
  while (matrix.length && isEmpty(matrix[matrix.length - 1])) matrix.pop();
  if (matrix.length === 0 || isEmpty(matrix[0])) throw dataError(ioMessages.fileEmpty(file));
  const t = toTable(file, name, matrix, opts);
  // Spreadsheet numbers are numbers; only numbers stored as text ('5,2') follow a declared decimal comma.
  return opts.decimal === ',' ? { ...t, rows: withDecimalComma(file, t.columns, t.rows, t.header === false ? 1 : 2), decimal: ',' } : t;
}

/** A cell of a workbook as siilab reads it (exported for the test that compares with the whole-workbook reader). */
export function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString().replace(/\.000Z$/, '').replace(/Z$/, '');
  if (typeof v === 'object') {
    if ('result' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return null;
  }
  return String(v);
}
