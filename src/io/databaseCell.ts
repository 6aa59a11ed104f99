/**
 * A database value as a Table cell, read by the same rules as a cell of a file: numbers stay
 * numbers (an integer beyond 2^53 becomes its digits as text, never a rounded number), dates become
 * ISO text (`2020-03-04`, or `2020-03-04T10:11:12` when the time is not midnight), booleans `true`
 * / `false` (which event and outcome columns read as 1 / 0), NULL and NaN are missing, anything
 * else its text.
 *
 * @example
 * databaseCell(2n) // 2
 * databaseCell(new Date('2020-03-04T00:00:00Z')) // '2020-03-04'
 */
import type { Cell } from './table.js';

export function databaseCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace(/\.000Z$|Z$/, '');
  }
  return String(v);
}
