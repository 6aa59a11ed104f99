/**
 * SHA-256 of a table's content as read from a database: the column names and every cell in row
 * order, each written with its type (number, text or missing) and separated unambiguously, so that
 * the same rows give the same hash however the database stores them, and a changed cell, a row more
 * or a reordered result gives another. A bundle records it beside the query, as it records the
 * SHA-256 of a file's bytes.
 *
 * @example
 * rowsHash(['a'], [[1], ['x'], [null]]).length // 64
 */
import { createHash } from 'node:crypto';
import type { Cell } from './table.js';

export function rowsHash(columns: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(columns));
  let buf = '';
  for (const r of rows) {
    for (const c of r) buf += c === null ? '\u0000N' : typeof c === 'number' ? `\u0000n${c}` : `\u0000s${c.length}:${c}`;
    buf += '\n';
    if (buf.length > 1 << 16) {
      h.update(buf);
      buf = '';
    }
  }
  h.update(buf);
  return h.digest('hex');
}
