/** Helpers for the competing-risks R-parity tests: reference JSON, data CSVs, comparison with a count. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseDelimited } from '../../../src/io/readTable.js';
import { labelColumn, numericColumn } from '../../../src/io/columns.js';
import type { Table } from '../../../src/io/table.js';

export const REF_DIR = join(process.cwd(), 'test', 'reference', 'competing');
export const reference: any = JSON.parse(readFileSync(join(REF_DIR, 'competing_reference.json'), 'utf8'));

const tables = new Map<string, Table>();
export function loadCsv(name: string): Table {
  let t = tables.get(name);
  if (!t) {
    const file = `competing_${name}.csv`;
    t = parseDelimited(file, readFileSync(join(REF_DIR, file), 'utf8'));
    tables.set(name, t);
  }
  return t;
}
export const num = (data: string, col: string): Float64Array => numericColumn(loadCsv(data), col, col);
export const lab = (data: string, col: string): (string | null)[] => labelColumn(loadCsv(data), col, col);

export const tally = { count: 0, worst: 0, where: '' };
/** |a − b| ≤ tol·max(|b|, floor): relative with an absolute floor for values near 0. */
export function close(a: number | null, b: number, where: string, tol = 1e-6, floor = 1e-8): void {
  expect(a, where).not.toBeNull();
  const err = Math.abs((a as number) - b) / Math.max(Math.abs(b), floor);
  tally.count++;
  if (err > tally.worst) {
    tally.worst = err;
    tally.where = where;
  }
  expect(err, `${where}: siilab ${a}, R ${b}`).toBeLessThanOrEqual(tol);
}
