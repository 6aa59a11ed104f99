/**
 * A Table backed by a delimited file's bytes (src/io/delimitedLayout.ts) instead of row arrays.
 * Columns are made on request and cached: `numeric(j)` parses numbers straight from the bytes into
 * a Float64Array (no string per cell; a cell that is not a plain ASCII number is decoded and read
 * by the same rules as src/io/columns.ts), `labels(j)` gives each cell's trimmed text (short ASCII
 * cells interned, so a 1,000,000-row group column makes a handful of strings). `rows` is still
 * there, built on first use, so every reader of Table works unchanged; src/io/columns.ts and
 * src/io/covariates.ts take the columnar path when `columnarOf(table)` is set.
 *
 * Numbers: a cell of at most 15 significant digits and a decimal exponent within ±22 is the exact
 * quotient or product of two doubles (Clinger's fast path: W. D. Clinger, "How to read floating
 * point numbers accurately", PLDI 1990), hence equal to Number(text); any other number is read with
 * Number on its text.
 *
 * @example
 * const t = columnarTable({ file: 'a.csv', sheet: null, columns: ['x'], delimiter: ',' }, scanDelimited(Buffer.from('x\n1.5\nNA\n'), 0, 0x2c, '\n')!);
 * Array.from(columnarOf(t)!.numeric(0).values) // [1.5, NaN]
 */
import { ABSENT, fieldEnd, fieldText, preparsedColumn, type DelimitedLayout } from './delimitedLayout.js';
import { isMissingCell, type Cell, type Table } from './table.js';

/** Cell kinds of a numeric column. */
export const NUMBER = 0;
export const MISSING = 1;
export const TEXT = 2;
/** Written as a number but outside the doubles ('1e999'). */
export const NOT_FINITE = 3;

export interface NumericCells {
  /** The value of each cell; NaN where the cell is missing, text or not finite. */
  readonly values: Float64Array;
  /** Kind of each cell (NUMBER, MISSING, TEXT, NOT_FINITE). */
  readonly kinds: Uint8Array;
  /** Count of TEXT cells and of NOT_FINITE cells. */
  readonly text: number;
  readonly notFinite: number;
}

const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const P10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const MAX_EXACT = 9007199254740991;
const QUOTE = 0x22;
const latin1 = new TextDecoder('latin1');

export class DelimitedColumns {
  private readonly num = new Map<number, NumericCells>();
  private readonly lab = new Map<number, (string | null)[]>();
  private materialized: Cell[][] | null = null;

  constructor(private layout: DelimitedLayout) {}

  /** Forgets every column made so far (not the numbers read during the scan): made again if asked for. */
  forgetColumns(): void {
    this.num.clear();
    this.lab.clear();
    this.raw.clear();
    this.materialized = null;
  }

  /**
   * Forgets every column made so far and the numbers read during the scan, keeping the bytes and
   * the cell offsets: what is asked for again is made again from them, the same. For a reader done
   * with a table's columns (buildPatients, after its variables), so that a 100,000-patient cohort
   * does not carry each column twice, as text and as numbers, through the rest of the study.
   */
  release(): void {
    this.forgetColumns();
    if (this.layout.chunks) this.layout = { ...this.layout, chunks: null };
  }

  get nRows(): number {
    return this.layout.nRows;
  }

  /** The cell as papaparse gives it: its text, or null when the row is too short to have it. */
  cell(i: number, j: number): string | null {
    const s = this.layout.cellStart[i * this.layout.nCols + j];
    return s === ABSENT ? null : fieldText(this.layout, s);
  }

  /** Every row as Cell[] (what the row-array reader returns). */
  rows(): Cell[][] {
    if (this.materialized) return this.materialized;
    const { nRows, nCols } = this.layout;
    const out: Cell[][] = new Array(nRows);
    const cols = Array.from({ length: nCols }, (_, j) => this.rawCells(j));
    for (let i = 0; i < nRows; i++) {
      const r: Cell[] = new Array(nCols);
      for (let j = 0; j < nCols; j++) r[j] = cols[j][i];
      out[i] = r;
    }
    return (this.materialized = out);
  }

  private readonly raw = new Map<number, (string | null)[]>();

  /** The raw cells of column j (untrimmed text, null for an absent cell); ASCII cells of up to 14 bytes interned. Cached: do not modify. */
  rawCells(j: number): (string | null)[] {
    let v = this.raw.get(j);
    if (!v) this.raw.set(j, (v = this.mapCells(j, (s) => s)));
    return v;
  }

  /** Column j as labels: null when missing, else the trimmed text (labelColumn's reading). */
  labels(j: number): (string | null)[] {
    let v = this.lab.get(j);
    if (!v) this.lab.set(j, (v = this.mapCells(j, (s) => (s === null || isMissingCell(s) ? null : s.trim()))));
    return v;
  }

  private mapCells<T>(j: number, f: (s: string | null) => T): T[] {
    const { buf, nRows, nCols, cellStart, delim, nl0, crlf } = this.layout;
    const out: T[] = new Array(nRows);
    // Interning by the bytes of cells up to 14 ASCII bytes: the first 7 bytes and the rest (with the
    // length) as two keys of at most 52 bits (dates such as 2019-02-06, ids, short numbers).
    const memo = new Map<number, T>();
    const memo2 = new Map<number, Map<number, T>>();
    const absent = f(null);
    for (let i = 0; i < nRows; i++) {
      const s = cellStart[i * nCols + j];
      if (s === ABSENT) {
        out[i] = absent;
        continue;
      }
      if (buf[s] !== QUOTE) {
        const e = fieldEnd(buf, s, delim, nl0, crlf);
        const len = e - s;
        if (len <= 14) {
          let k1 = 0;
          let k2 = 0;
          let ascii = true;
          for (let k = s; k < e; k++) {
            const b = buf[k];
            if (b >= 0x80) {
              ascii = false;
              break;
            }
            if (k - s < 7) k1 = k1 * 128 + b;
            else k2 = k2 * 128 + b;
          }
          if (ascii) {
            k2 = k2 * 16 + len;
            let m = memo;
            if (len > 6) {
              m = memo2.get(k1)!;
              if (!m) memo2.set(k1, (m = new Map()));
            } else k2 = k1 * 16 + len;
            let v = m.get(k2);
            if (v === undefined && !m.has(k2)) m.set(k2, (v = f(latin1.decode(buf.subarray(s, e)))));
            out[i] = v as T;
            continue;
          }
        }
      }
      out[i] = f(fieldText(this.layout, s));
    }
    return out;
  }

  /**
   * Column j's numbers for a caller that keeps them (numericColumn, readCovariate): numeric(j)'s
   * values, handed over instead of copied — no longer cached here, so that nobody else sees the
   * caller's writes (asked for again, the column is made again from the bytes, the same).
   */
  takeNumeric(j: number): Float64Array {
    const c = this.numeric(j);
    this.num.delete(j);
    return c.values;
  }

  /** Column j's labels for a caller that keeps them (labelColumn, readCovariate), handed over as takeNumeric. */
  takeLabels(j: number): (string | null)[] {
    const v = this.labels(j);
    this.lab.delete(j);
    return v;
  }

  /**
   * Column j as numbers read by `read` straight from each unquoted cell's bytes, buf[start, end)
   * (a reader of one fixed form, such as ISO dates, needs no string per cell); a cell `read` returns
   * undefined for, a quoted cell and an absent one (null) go to `other` with their text. Null when
   * `other` returns undefined for some cell: the caller then reads the column its general way.
   */
  mapBytes(
    j: number,
    read: (buf: Uint8Array, start: number, end: number) => number | undefined,
    other: (s: string | null) => number | undefined,
  ): Float64Array | null {
    const { buf, nRows, nCols, cellStart, delim, nl0, crlf } = this.layout;
    const out = new Float64Array(nRows);
    for (let i = 0; i < nRows; i++) {
      const s = cellStart[i * nCols + j];
      let v: number | undefined;
      if (s !== ABSENT && buf[s] !== QUOTE) v = read(buf, s, fieldEnd(buf, s, delim, nl0, crlf));
      if (v === undefined) v = other(s === ABSENT ? null : fieldText(this.layout, s));
      if (v === undefined) return null;
      out[i] = v;
    }
    return out;
  }

  /** Column j parsed as numbers (see the header). */
  numeric(j: number): NumericCells {
    let c = this.num.get(j);
    if (!c) this.num.set(j, (c = this.parseNumeric(j)));
    return c;
  }

  private parseNumeric(j: number): NumericCells {
    const { buf, nRows, nCols, cellStart, delim, nl0, crlf } = this.layout;
    let values: Float64Array;
    let kinds: Uint8Array;
    const pre = preparsedColumn(this.layout, j); // read during the scan (delimitedLayout.ts)
    if (pre) ({ values, kinds } = pre);
    else {
      values = new Float64Array(nRows);
      kinds = new Uint8Array(nRows);
      plainNumbers(buf, cellStart, nRows, nCols, j, delim, nl0, crlf, values, kinds);
    }
    let text = 0;
    let notFinite = 0;
    for (let i = 0; i < nRows; i++) {
      if (kinds[i] !== UNREAD) continue;
      const k = this.readCell(cellStart[i * nCols + j], values, i);
      kinds[i] = k;
      if (k === TEXT) text++;
      else if (k === NOT_FINITE) notFinite++;
    }
    return { values, kinds, text, notFinite };
  }

  /** Reads the cell starting at `start` into values[i]; returns its kind. */
  private readCell(start: number, values: Float64Array, i: number): number {
    const { buf, delim, nl0, crlf } = this.layout;
    const n = buf.length;
    if (start === ABSENT) {
      values[i] = NaN;
      return MISSING;
    }
    // Fast path: [spaces][+-]digits[.digits][(e|E)[+-]digits][spaces] then the field's end.
    let p = start;
    let b = p < n ? buf[p] : -1;
    let ok = true;
    // Leading spaces (never the delimiter or the newline: those end the field).
    while (p < n && b !== delim && (b === 32 || (b >= 9 && b <= 13)) && !(b === nl0 && (!crlf || (p + 1 < n && buf[p + 1] === 10)))) b = ++p < n ? buf[p] : -1;
    if (p >= n || b === delim || (b === nl0 && (!crlf || (p + 1 < n && buf[p + 1] === 10)))) {
      values[i] = NaN;
      return MISSING;
    }
    const numStart = p;
    let neg = false;
    if (b === 45 || b === 43) {
      neg = b === 45;
      p++;
    }
    let m = 0;
    let digits = 0;
    let frac = 0;
    let exact = true;
    while (p < n && (b = buf[p]) >= 48 && b <= 57) {
      m = m * 10 + (b - 48);
      digits++;
      p++;
    }
    if (p < n && buf[p] === 46) {
      p++;
      while (p < n && (b = buf[p]) >= 48 && b <= 57) {
        m = m * 10 + (b - 48);
        digits++;
        frac++;
        p++;
      }
    }
    if (m > MAX_EXACT) exact = false;
    if (digits === 0) ok = false;
    let e10 = 0;
    if (ok && p < n && ((b = buf[p]) === 101 || b === 69)) {
      p++;
      let eneg = false;
      if (p < n && ((b = buf[p]) === 45 || b === 43)) {
        eneg = b === 45;
        p++;
      }
      let ed = 0;
      while (p < n && (b = buf[p]) >= 48 && b <= 57) {
        if (e10 < 100000) e10 = e10 * 10 + (b - 48);
        ed++;
        p++;
      }
      if (ed === 0) ok = false;
      if (eneg) e10 = -e10;
    }
    const numEnd = p;
    if (ok) {
      for (;;) {
        if (p >= n) break;
        b = buf[p];
        if (b === delim || (b === nl0 && (!crlf || (p + 1 < n && buf[p + 1] === 10)))) break;
        if (b === 32 || (b >= 9 && b <= 13)) p++;
        else {
          ok = false;
          break;
        }
      }
    }
    if (ok) {
      const e = e10 - frac;
      let v: number;
      if (exact && m === 0) v = 0;
      else if (exact && e >= 0 && e <= 22) v = m * P10[e];
      else if (exact && e < 0 && e >= -22) v = m / P10[-e];
      else v = Number(latin1.decode(buf.subarray(neg || buf[numStart] === 43 ? numStart + 1 : numStart, numEnd)));
      if (neg) v = -v;
      if (Number.isFinite(v)) {
        values[i] = v;
        return NUMBER;
      }
      values[i] = NaN;
      return NOT_FINITE;
    }
    // Anything else (missing codes, text, quoted or non-ASCII cells): by the text, as src/io/columns.ts reads it.
    const s = fieldText(this.layout, start);
    values[i] = NaN;
    if (isMissingCell(s)) return MISSING;
    const t = s.trim();
    if (!NUMBER_RE.test(t)) return TEXT;
    const v = Number(t);
    if (!Number.isFinite(v)) return NOT_FINITE;
    values[i] = v;
    return NUMBER;
  }
}

/** Cells left for readCell by plainNumbers. */
const UNREAD = 255;

/**
 * The tight loop: every cell of column j that is a plain number ([-+]digits[.digits][(e|E)[-+]digits]
 * right up to the field's end, at most 15 significant digits, exponent within ±22) or empty; UNREAD
 * for any other cell.
 */
function plainNumbers(
  buf: Uint8Array, cellStart: Uint32Array, nRows: number, nCols: number, j: number,
  delim: number, nl0: number, crlf: boolean, values: Float64Array, kinds: Uint8Array,
): void {
  const n = buf.length;
  for (let i = 0, k = j; i < nRows; i++, k += nCols) {
    let p = cellStart[k];
    if (p === ABSENT) {
      values[i] = NaN;
      kinds[i] = MISSING;
      continue;
    }
    const f0 = p;
    let b = p < n ? buf[p] : -1;
    let neg = false;
    if (b === 45 || b === 43) {
      neg = b === 45;
      b = ++p < n ? buf[p] : -1;
    }
    let m = 0;
    let digits = 0;
    let frac = 0;
    while (b >= 48 && b <= 57) {
      m = m * 10 + (b - 48);
      digits++;
      b = ++p < n ? buf[p] : -1;
    }
    if (b === 46) {
      b = ++p < n ? buf[p] : -1;
      while (b >= 48 && b <= 57) {
        m = m * 10 + (b - 48);
        digits++;
        frac++;
        b = ++p < n ? buf[p] : -1;
      }
    }
    let e = -frac;
    let good = digits > 0 && m <= MAX_EXACT;
    if (good && (b === 101 || b === 69)) {
      b = ++p < n ? buf[p] : -1;
      let eneg = false;
      if (b === 45 || b === 43) {
        eneg = b === 45;
        b = ++p < n ? buf[p] : -1;
      }
      let x = 0;
      let ed = 0;
      while (b >= 48 && b <= 57 && ed < 6) {
        x = x * 10 + (b - 48);
        ed++;
        b = ++p < n ? buf[p] : -1;
      }
      good = ed > 0;
      e += eneg ? -x : x;
    }
    const atEnd = b === -1 || b === delim || (b === nl0 && (!crlf || (p + 1 < n && buf[p + 1] === 10)));
    if (good && atEnd && e >= -22 && e <= 22) {
      const v = m === 0 ? 0 : e >= 0 ? m * P10[e] : m / P10[-e];
      values[i] = neg ? -v : v;
      kinds[i] = NUMBER;
    } else if (p === f0 && atEnd) {
      values[i] = NaN;
      kinds[i] = MISSING;
    } else kinds[i] = UNREAD;
  }
}

const sources = new WeakMap<Table, DelimitedColumns>();

/** The columnar source of a table read by the columnar path, if it is one. */
export function columnarOf(table: Table): DelimitedColumns | undefined {
  return sources.get(table);
}

/** A Table over `layout` whose `rows` are built on first use. */
export function columnarTable(
  meta: { file: string; sheet: null; columns: readonly string[]; delimiter: string },
  layoutOrSource: DelimitedLayout | DelimitedColumns,
): Table {
  const src = layoutOrSource instanceof DelimitedColumns ? layoutOrSource : new DelimitedColumns(layoutOrSource);
  const t: Table = {
    file: meta.file,
    sheet: meta.sheet,
    columns: meta.columns,
    get rows() {
      return src.rows();
    },
    delimiter: meta.delimiter,
  };
  sources.set(t, src);
  return t;
}

/**
 * The table under another file name (the name the user typed, for messages), keeping the columnar
 * source; `{ ...table, file }` would work too but builds every row.
 */
export function withFile(table: Table, file: string): Table {
  const src = sources.get(table);
  if (!src) return { ...table, file };
  return columnarTable({ file, sheet: null, columns: table.columns, delimiter: table.delimiter ?? ',' }, src);
}
