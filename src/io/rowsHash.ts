/**
 * SHA-256 of a table's content as read from a database: the column names and every cell in row
 * order, each written with its type (number, text or missing) and separated unambiguously, so that
 * the same rows give the same hash however the database stores them, and a changed cell, a row more
 * or a reordered result gives another. A bundle records it beside the query, as it records the
 * SHA-256 of a file's bytes. `RowsHash` takes the rows a batch at a time (a result read by a cursor
 * or in chunks) and gives the same digest as `rowsHash` over all of them.
 *
 * @example
 * rowsHash(['a'], [[1], ['x'], [null]]).length // 64
 * const h = new RowsHash(['a']); h.add([[1]]); h.add([['x'], [null]]);
 * h.digest() === rowsHash(['a'], [[1], ['x'], [null]]) // true
 */
import { createHash, type Hash } from 'node:crypto';
import type { Cell } from './table.js';

export class RowsHash {
  private readonly h: Hash;
  private buf = '';
  rows = 0;

  constructor(columns: readonly string[]) {
    this.h = createHash('sha256');
    this.h.update(JSON.stringify(columns));
  }

  add(rows: readonly (readonly Cell[])[]): void {
    let buf = this.buf;
    for (const r of rows) {
      for (const c of r) buf += c === null ? '\u0000N' : typeof c === 'number' ? `\u0000n${c}` : `\u0000s${c.length}:${c}`;
      buf += '\n';
      if (buf.length > 1 << 16) {
        this.h.update(buf);
        buf = '';
      }
    }
    this.buf = buf;
    this.rows += rows.length;
  }

  digest(): string {
    this.h.update(this.buf);
    this.buf = '';
    return this.h.digest('hex');
  }
}

export function rowsHash(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const h = new RowsHash(columns);
  h.add(rows);
  return h.digest();
}
