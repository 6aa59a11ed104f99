/** Helpers for the spline / prediction / nomogram R-parity tests (test/reference/splines/splines.R). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseDelimited } from '../../../src/io/readTable.js';
import { numericColumn } from '../../../src/io/columns.js';
import type { Table } from '../../../src/io/table.js';

export const SPLINE_DIR = join(process.cwd(), 'test', 'reference', 'splines');
export const ref: any = JSON.parse(readFileSync(join(SPLINE_DIR, 'splines_reference.json'), 'utf8'));

const tables = new Map<string, Table>();
export function table(name: string): Table {
  const file = name === 'pbc80' ? 'pbc.csv' : `${name}.csv`;
  let t = tables.get(name);
  if (!t) {
    t = parseDelimited(file, readFileSync(join(SPLINE_DIR, file), 'utf8'));
    if (name === 'pbc80') t = { ...t, rows: t.rows.slice(0, 80) };
    tables.set(name, t);
  }
  return t;
}

/** A numeric column of a reference data set (empty cells are NaN). */
export function col(data: string, name: string): Float64Array {
  return numericColumn(table(data), name, name);
}

/** Rows where every named column is non-missing, as R's complete.cases. */
export function complete(data: string, names: readonly string[]): Int32Array {
  const cols = names.map((n) => col(data, n));
  const keep: number[] = [];
  for (let i = 0; i < cols[0].length; i++) if (cols.every((c) => Number.isFinite(c[i]))) keep.push(i);
  return Int32Array.from(keep);
}

export function sub(x: Float64Array, rows: Int32Array): Float64Array {
  return Float64Array.from(rows, (i) => x[i]);
}

export const stats = { count: 0, worst: 0 };

export function close(a: number, b: number | null, where: string, tol = 1e-6): void {
  expect(b, `${where}: R value missing`).not.toBeNull();
  const err = Math.abs(a - (b as number));
  const rel = err / Math.max(Math.abs(b as number), 1e-300);
  stats.count++;
  if (Math.abs(b as number) > 1e-8) stats.worst = Math.max(stats.worst, rel);
  expect(err <= tol * Math.abs(b as number) + 1e-12, `${where}: got ${a}, R ${b} (rel ${rel})`).toBe(true);
}

export function closeAll(a: ArrayLike<number>, b: readonly (number | null)[] | number, where: string, tol = 1e-6): void {
  const bb = Array.isArray(b) ? b : [b as number];
  expect(a.length, `${where}: length`).toBe(bb.length);
  for (let i = 0; i < bb.length; i++) close(a[i], bb[i], `${where}[${i}]`, tol);
}

/** jsonlite's auto_unbox writes a one-element vector as a scalar. */
export const arr = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);
