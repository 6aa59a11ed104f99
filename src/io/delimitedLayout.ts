/**
 * The layout of a delimited text file read straight from its bytes: where each cell starts, no
 * strings made. One pass over the buffer finds the header's fields and, for every data row, the
 * byte offset of each of the header's columns (a short row leaves ABSENT). It reads exactly what
 * papaparse reads with `skipEmptyLines: 'greedy'` for the files it accepts: fields split at the
 * delimiter, rows at the newline sequence given ('\n', '\r\n' or '\r'), a field that starts with
 * a double quote runs to the closing quote (`""` inside is one quote) and may hold delimiters and
 * newlines, and a row whose fields are all blank (whitespace only) is skipped. A file whose quoting
 * is not of that form (a closing quote followed by anything but the delimiter, the newline or the
 * end; an unterminated quote) returns null: the caller then reads it with papaparse, which decides
 * what such a file means. Cell text is decoded (UTF-8) only on request, see `fieldText`.
 *
 * @example
 * const l = scanDelimited(Buffer.from('a,b\n1,"x,y"\n\n2\n'), 0, 0x2c, '\n')!;
 * [l.header, l.nRows, fieldText(l, l.cellStart[1]), l.cellStart[3] === ABSENT] // [['a', 'b'], 2, 'x,y', true]
 */

/** Offset of a cell a row does not have (the row has fewer fields than the header). */
export const ABSENT = 0xffffffff;

export interface DelimitedLayout {
  readonly buf: Uint8Array;
  /** Delimiter byte. */
  readonly delim: number;
  /** First byte of the newline sequence and whether it is '\r\n'. */
  readonly nl0: number;
  readonly crlf: boolean;
  /** The header row's fields as papaparse gives them (untrimmed). */
  readonly header: string[];
  readonly nCols: number;
  /** Data rows (after the header, blank rows skipped). */
  readonly nRows: number;
  /** Byte offset of cell (i, j) at i * nCols + j, or ABSENT. */
  readonly cellStart: Uint32Array;
  /**
   * Numbers read during the scan, by chunk of rows in file order (null when the file was too large
   * to keep them); `preparsedColumn` gives one column's.
   */
  readonly chunks: readonly ScannedRows[] | null;
}

/**
 * Column j's numbers read during the scan: `values[i]` with `kinds[i]` PLAIN_NUMBER or PLAIN_MISSING
 * where the cell is a plain number or empty (as src/io/columnarTable.ts's plainNumbers reads it),
 * PLAIN_UNREAD otherwise; null when the scan kept none. The arrays are fresh (the caller may write).
 */
export function preparsedColumn(l: DelimitedLayout, j: number): { values: Float64Array; kinds: Uint8Array } | null {
  if (!l.chunks || l.chunks[0].slots[j] < 0) return null;
  const values = new Float64Array(l.nRows);
  const kinds = new Uint8Array(l.nRows);
  let at = 0;
  for (const c of l.chunks) {
    const k = c.slots[j];
    values.set(c.values!.subarray(k * c.cap, k * c.cap + c.nRows), at);
    kinds.set(c.kinds!.subarray(k * c.cap, k * c.cap + c.nRows), at);
    at += c.nRows;
  }
  return { values, kinds };
}

/**
 * Where the scan keeps each column's numbers: slot k for the k-th column whose trimmed header is
 * among `names`, −1 for the others (read from the bytes when asked for); every column (slot j) when
 * `names` is null or names none of them.
 */
export function numberSlots(header: readonly string[], names?: readonly string[] | null): Int32Array {
  const slots = new Int32Array(header.length);
  const wanted = names ? new Set(names) : null;
  let k = 0;
  for (let j = 0; j < header.length; j++) slots[j] = !wanted || wanted.has(header[j].trim()) ? k++ : -1;
  if (k === 0) for (let j = 0; j < header.length; j++) slots[j] = j;
  return slots;
}

/** Cell kinds left by the scan's number reading (the same codes as columnarTable's NUMBER, MISSING and its UNREAD). */
export const PLAIN_NUMBER = 0;
export const PLAIN_MISSING = 1;
export const PLAIN_UNREAD = 255;
/** Above this many cells (estimated) the scan does not read numbers: 9 bytes a cell on top of the offsets. */
export const MAX_PREPARSED_CELLS = 40_000_000;
const MAX_EXACT = 9007199254740991;
const P10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

const QUOTE = 0x22;

/** True for the ASCII bytes String.prototype.trim removes. */
const isSpace = (b: number): boolean => b === 32 || (b >= 9 && b <= 13);

const decoder = new TextDecoder('utf-8');

/**
 * Scans `buf` from `start` (after a BOM). Returns null when the quoting is not of the plain form
 * described above (the caller falls back to papaparse) or the file is too large for 32-bit offsets.
 */
export function scanDelimited(
  buf: Uint8Array, start: number, delim: number, newline: '\n' | '\r\n' | '\r',
  onRows?: (rows: number, at: number) => void,
  /** The columns whose numbers the scan reads (trimmed header names; default every column): numberSlots. */
  numbersOf?: readonly string[] | null,
): DelimitedLayout | null {
  const n = buf.length;
  if (n >= ABSENT) return null;
  const nl0 = newline === '\n' ? 10 : 13;
  const crlf = newline === '\r\n';
  const h = scanHeader(buf, start, delim, nl0, crlf);
  if (h === null) return null;
  if (h === 'empty') return { buf, delim, nl0, crlf, header: [], nCols: 0, nRows: 0, cellStart: new Uint32Array(0), chunks: null };
  const { header, p } = h;
  const nCols = header.length;
  const rows = scanRows(buf, p, n, delim, nl0, crlf, nCols, rowsIn(p, n, bytesPerRow(buf, start, p, nl0)), onRows, undefined, numberSlots(header, numbersOf));
  if (!rows) return null;
  return layoutOf(buf, delim, nl0, crlf, header, [rows]);
}

/**
 * The header: the first row that is not blank, and the offset after it; 'empty' when the file has
 * no such row, null when its quoting is not plain.
 */
export function scanHeader(buf: Uint8Array, start: number, delim: number, nl0: number, crlf: boolean): { header: string[]; p: number } | 'empty' | null {
  const n = buf.length;
  let p = start;
  let starts: number[];
  for (;;) {
    if (p >= n) return 'empty';
    const row: number[] = [];
    const r = scanRow(buf, p, delim, nl0, crlf, row);
    if (r < 0) return null;
    const blank = rowBlank(buf, p, r, delim, nl0, crlf, row);
    p = r;
    if (!blank) {
      starts = row;
      break;
    }
  }
  return { header: starts.map((s) => fieldTextAt(buf, s, delim, nl0, crlf)), p };
}

/**
 * Bytes per data row, from the rows in the first 64 KB after the header (`p`), else the header's
 * length (from `start`): what sizes the scan's arrays and decides whether it reads numbers
 * (MAX_PREPARSED_CELLS). The header alone misjudged long exports, whose names are longer than their
 * values: 10,000,000 draws of 32 bytes judged by a 47-byte header were taken for 7.2 million rows,
 * within the limit, and the scan read 450 MB of numbers the limit was there to prevent.
 */
export function bytesPerRow(buf: Uint8Array, start: number, p: number, nl0: number): number {
  const end = Math.min(buf.length, p + 65536);
  let rows = 0;
  let last = p;
  for (let q = buf.indexOf(nl0, p); q >= 0 && q < end; q = buf.indexOf(nl0, q + 1)) {
    rows++;
    last = q + 1;
  }
  return rows >= 8 ? (last - p) / rows : Math.max(1, p - start);
}

/** The expected rows in [from, to) at `perRow` bytes a row, with 5% to spare. */
export function rowsIn(from: number, to: number, perRow: number): number {
  return Math.ceil(((to - from) / perRow) * 1.05) + 16;
}

/** The rows scanned from one or more consecutive chunks (in file order) as one layout. */
export function layoutOf(
  buf: Uint8Array, delim: number, nl0: number, crlf: boolean, header: string[], chunks: readonly ScannedRows[],
): DelimitedLayout {
  const nCols = header.length;
  const pre = chunks.every((c) => c.values !== null);
  const nRows = chunks.reduce((a, c) => a + c.nRows, 0);
  let cellStart: Uint32Array;
  if (chunks.length === 1) cellStart = chunks[0].cellStart.subarray(0, nRows * nCols);
  else {
    cellStart = new Uint32Array(nRows * nCols);
    let at = 0;
    for (const c of chunks) {
      cellStart.set(c.cellStart.subarray(0, c.nRows * nCols), at * nCols);
      at += c.nRows;
    }
  }
  // The chunks are kept for their numbers only: their offsets, copied above, are let go (on
  // 10,000,000 rows of 5 columns, 200 MB).
  const kept = !pre ? null : chunks.length === 1 ? chunks : chunks.map((c) => ({ ...c, cellStart: new Uint32Array(0) }));
  return { buf, delim, nl0, crlf, header, nCols, nRows, cellStart, chunks: kept };
}

/** The data rows of one chunk: offsets row-major (i * nCols + j), numbers column-major (slots[j] * cap + i). */
export interface ScannedRows {
  nRows: number;
  cap: number;
  cellStart: Uint32Array;
  /** Column j's numbers at slot slots[j] (−1: not read in the scan). */
  slots: Int32Array;
  values: Float64Array | null;
  kinds: Uint8Array | null;
}

/**
 * Scans the data rows in [from, to) (`to` the end of the file or just after a newline; the chunk
 * holds whole rows). `capHint` is the expected row count. Returns null when the quoting is not plain.
 */
export function scanRows(
  buf: Uint8Array, from: number, to: number, delim: number, nl0: number, crlf: boolean, nCols: number, capHint: number,
  onRows?: (rows: number, at: number) => void,
  /** Read numbers in the scan (default: when this chunk's cells are within MAX_PREPARSED_CELLS; a file cut into chunks decides for the whole file). */
  preparse?: boolean,
  /** Which columns' numbers are read (numberSlots; default every column). */
  slots: Int32Array = numberSlots(Array.from({ length: nCols }, () => '')),
): ScannedRows | null {
  const n = buf.length;
  let p = from;
  const start = from;
  let cap = Math.max(16, capHint);
  let cellStart = new Uint32Array(cap * nCols);
  // Numbers are read in the same pass (one look at each byte, as data.table::fread does): plain
  // numbers of at most 15 significant digits with a decimal exponent within ±22 are exact by
  // Clinger's fast path (W. D. Clinger, PLDI 1990); any other cell is left to columnarTable.
  let nSlots = 0;
  for (let j = 0; j < nCols; j++) if (slots[j] >= 0) nSlots++;
  const pre = preparse ?? cap * nSlots <= MAX_PREPARSED_CELLS;
  // column-major: cell (i, j) at slots[j] * cap + i
  let values = new Float64Array(pre ? cap * nSlots : 0);
  let kinds = new Uint8Array(pre ? cap * nSlots : 0);
  let nRows = 0;
  const rowStarts: number[] = [];
  while (p < to) {
    if (nRows >= cap) {
      const est = Math.ceil(((nRows + 1) * (to - start)) / Math.max(1, p - start));
      const oldCap = cap;
      cap = Math.max(cap * 2, Math.ceil(est * 1.05) + 16);
      const grown = new Uint32Array(cap * nCols);
      grown.set(cellStart.subarray(0, nRows * nCols));
      cellStart = grown;
      if (pre) {
        const v = new Float64Array(cap * nSlots);
        const k = new Uint8Array(cap * nSlots);
        for (let j = 0; j < nSlots; j++) {
          v.set(values.subarray(j * oldCap, j * oldCap + nRows), j * cap);
          k.set(kinds.subarray(j * oldCap, j * oldCap + nRows), j * cap);
        }
        values = v;
        kinds = k;
      }
    }
    const base = nRows * nCols;
    const rowStart = p;
    // Tight loop for rows of unquoted fields; anything else goes through scanRow.
    let field = 0;
    let simple = true;
    for (;;) {
      if (buf[p] === QUOTE) {
        simple = false;
        break;
      }
      let b = 0;
      if (field < nCols) {
        cellStart[base + field] = p;
        const slot = slots[field];
        if (pre && slot >= 0) {
          // a plain number: [-+]digits[.digits][(e|E)[-+]digits] up to the field's end (columnarTable's plainNumbers)
          const f0 = p;
          b = buf[p];
          let neg = false;
          if (b === 45 || b === 43) {
            neg = b === 45;
            b = buf[++p];
          }
          let m = 0;
          let digits = 0;
          let frac = 0;
          while (b >= 48 && b <= 57) {
            m = m * 10 + (b - 48);
            digits++;
            b = buf[++p];
          }
          if (b === 46) {
            b = buf[++p];
            while (b >= 48 && b <= 57) {
              m = m * 10 + (b - 48);
              digits++;
              frac++;
              b = buf[++p];
            }
          }
          let e = -frac;
          let good = digits > 0 && m <= MAX_EXACT;
          if (good && (b === 101 || b === 69)) {
            b = buf[++p];
            let eneg = false;
            if (b === 45 || b === 43) {
              eneg = b === 45;
              b = buf[++p];
            }
            let x = 0;
            let ed = 0;
            while (b >= 48 && b <= 57 && ed < 6) {
              x = x * 10 + (b - 48);
              ed++;
              b = buf[++p];
            }
            good = ed > 0;
            e += eneg ? -x : x;
          }
          const atEnd = p >= n || b === delim || (b === nl0 && (!crlf || (p + 1 < n && buf[p + 1] === 10)));
          const at = slot * cap + nRows;
          if (good && atEnd && e >= -22 && e <= 22) {
            const v = m === 0 ? 0 : e >= 0 ? m * P10[e] : m / P10[-e];
            values[at] = neg ? -v : v;
            kinds[at] = PLAIN_NUMBER;
          } else if (p === f0 && atEnd) {
            values[at] = NaN;
            kinds[at] = PLAIN_MISSING;
          } else kinds[at] = PLAIN_UNREAD;
        }
      }
      field++;
      while (p < n && (b = buf[p]) !== delim && b !== nl0) p++;
      if (p >= n) break;
      if (b === delim) {
        p++;
        continue;
      }
      if (crlf) {
        if (p + 1 < n && buf[p + 1] === 10) {
          p += 2;
          break;
        }
        simple = false;
        break;
      }
      p++;
      break;
    }
    let blank: boolean;
    if (simple) {
      // Blank when no byte other than spaces, delimiters and the newline (checked only until the first such byte).
      blank = true;
      for (let k = rowStart; k < p; k++) {
        const b = buf[k];
        if (b === delim || b === 32 || (b >= 9 && b <= 13)) continue;
        if (b >= 0x80) {
          blank = rowIsBlank(buf, rowStart, p, delim);
        } else blank = false;
        break;
      }
    } else {
      rowStarts.length = 0;
      const r = scanRow(buf, rowStart, delim, nl0, crlf, rowStarts);
      if (r < 0) return null;
      blank = rowBlank(buf, rowStart, r, delim, nl0, crlf, rowStarts);
      field = rowStarts.length;
      for (let k = 0; k < Math.min(nCols, rowStarts.length); k++) cellStart[base + k] = rowStarts[k];
      if (pre) for (let k = 0; k < nSlots; k++) kinds[k * cap + nRows] = PLAIN_UNREAD;
      p = r;
    }
    if (blank) continue;
    if (field < nCols) {
      cellStart.fill(ABSENT, base + field, base + nCols);
      if (pre)
        for (let k = field; k < nCols; k++) {
          const sl = slots[k];
          if (sl < 0) continue;
          values[sl * cap + nRows] = NaN;
          kinds[sl * cap + nRows] = PLAIN_MISSING;
        }
    }
    nRows++;
    if (onRows && (nRows & 0xffff) === 0) onRows(nRows, p);
  }
  return { nRows, cap, cellStart, slots, values: pre ? values : null, kinds: pre ? kinds : null };
}

/**
 * Scans one row from `p`, pushing each field's start (`row.length` is then its field count); returns the offset after the row's newline
 * (or the end), or -1 when a quoted field is not plain.
 */
function scanRow(buf: Uint8Array, p: number, delim: number, nl0: number, crlf: boolean, row: number[]): number {
  const n = buf.length;
  for (;;) {
    row.push(p);
    if (p < n && buf[p] === QUOTE) {
      let q = p + 1;
      for (;;) {
        const close = indexOfQuote(buf, q, n);
        if (close < 0) return -1;
        if (close + 1 < n && buf[close + 1] === QUOTE) {
          q = close + 2;
          continue;
        }
        p = close + 1;
        break;
      }
      if (p >= n) return p;
      if (buf[p] === delim) {
        p++;
        continue;
      }
      if (buf[p] === nl0 && (!crlf || (p + 1 < n && buf[p + 1] === 10))) return p + (crlf ? 2 : 1);
      return -1;
    }
    for (; p < n; p++) {
      const b = buf[p];
      if (b === delim) break;
      if (b === nl0 && (!crlf || (p + 1 < n && buf[p + 1] === 10))) break;
    }
    if (p >= n) return p;
    if (buf[p] === delim) {
      p++;
      continue;
    }
    return p + (crlf ? 2 : 1);
  }
}

/** Whether every field of the row (starts given) is blank: its text is whitespace to String.prototype.trim. */
function rowBlank(buf: Uint8Array, from: number, to: number, delim: number, nl0: number, crlf: boolean, row: number[]): boolean {
  let nonAscii = false;
  for (const s of row) {
    if (s < to && buf[s] === QUOTE) {
      // Quoted: the content up to the closing quote; an escaped quote is content.
      const q = s + 1;
      for (;;) {
        const close = indexOfQuote(buf, q, buf.length);
        for (let k = q; k < close; k++) {
          const b = buf[k];
          if (b >= 0x80) nonAscii = true;
          else if (!isSpace(b)) return false;
        }
        if (close + 1 < buf.length && buf[close + 1] === QUOTE) return false;
        break;
      }
      continue;
    }
    const e = fieldEnd(buf, s, delim, nl0, crlf);
    for (let k = s; k < e; k++) {
      const b = buf[k];
      if (b >= 0x80) nonAscii = true;
      else if (!isSpace(b)) return false;
    }
  }
  if (!nonAscii) return true;
  return row.every((s) => fieldTextAt(buf, s, delim, nl0, crlf).trim() === '');
}

function indexOfQuote(buf: Uint8Array, from: number, n: number): number {
  for (let k = from; k < n; k++) if (buf[k] === QUOTE) return k;
  return -1;
}

/** A row holding bytes beyond ASCII is blank when every field's text is whitespace to String.prototype.trim. */
function rowIsBlank(buf: Uint8Array, from: number, to: number, delim: number): boolean {
  // Quotes, delimiters and newline bytes are structure, never content that would make the row non-blank
  // here (a quote inside a quoted field already marked it), so the decoded bytes without them decide.
  let s = '';
  let k = from;
  while (k < to) {
    let e = k;
    while (e < to && buf[e] !== delim && buf[e] !== QUOTE) e++;
    s += decoder.decode(buf.subarray(k, e));
    k = e + 1;
  }
  return s.trim() === '';
}

/** The text of the field starting at byte `start`, exactly as papaparse gives it. */
export function fieldText(l: DelimitedLayout, start: number): string {
  return fieldTextAt(l.buf, start, l.delim, l.nl0, l.crlf);
}

function fieldTextAt(buf: Uint8Array, start: number, delim: number, nl0: number, crlf: boolean): string {
  const n = buf.length;
  if (start < n && buf[start] === QUOTE) {
    // Validated by the scan: runs to a closing quote; `""` is one quote.
    let q = start + 1;
    let s = '';
    for (;;) {
      const close = indexOfQuote(buf, q, n);
      s += decoder.decode(buf.subarray(q, close));
      if (close + 1 < n && buf[close + 1] === QUOTE) {
        s += '"';
        q = close + 2;
        continue;
      }
      return s;
    }
  }
  const end = fieldEnd(buf, start, delim, nl0, crlf);
  return decoder.decode(buf.subarray(start, end));
}

/** End (exclusive) of the unquoted field starting at `start`. */
export function fieldEnd(buf: Uint8Array, start: number, delim: number, nl0: number, crlf: boolean): number {
  const n = buf.length;
  let p = start;
  for (; p < n; p++) {
    const b = buf[p];
    if (b === delim) break;
    if (b === nl0 && (!crlf || (p + 1 < n && buf[p + 1] === 10))) break;
  }
  return p;
}
