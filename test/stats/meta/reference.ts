/** Helpers for the meta-analysis R-parity tests: metafor's reference JSON and the data CSVs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseDelimited } from '../../../src/io/readTable.js';
import { labelColumn, numericColumn } from '../../../src/io/columns.js';

export const REF_DIR = join(process.cwd(), 'test', 'reference', 'meta');

export const reference: any = JSON.parse(readFileSync(join(REF_DIR, 'meta_reference.json'), 'utf8'));

export interface MetaSet {
  study: string[];
  yi: Float64Array;
  vi: Float64Array;
  column(name: string): Float64Array;
  labels(name: string): string[];
}

const sets = new Map<string, MetaSet>();
export function loadSet(name: string): MetaSet {
  let s = sets.get(name);
  if (!s) {
    const file = `meta_${name}.csv`;
    const t = parseDelimited(file, readFileSync(join(REF_DIR, file), 'utf8'));
    const num = (c: string): Float64Array => numericColumn(t, c, c);
    const lab = (c: string): string[] => labelColumn(t, c, c).map((v) => v ?? '');
    s = { study: lab('study'), yi: num('yi'), vi: num('vi'), column: num, labels: lab };
    sets.set(name, s);
  }
  return s;
}

/** |actual − expected| ≤ rel·max(|expected|, floor): relative, with an absolute floor for values at 0. */
export function close(actual: number | null | undefined, expected: number | null | undefined, rel = 1e-6, floor = 1e-8): void {
  if (expected === null || expected === undefined) {
    expect(actual ?? null).toBeNull();
    return;
  }
  expect(actual).not.toBeNull();
  const a = actual as number;
  const tol = Math.max(rel * Math.abs(expected), floor);
  if (!(Math.abs(a - expected) <= tol)) expect(a, `tolerance ${tol}`).toBe(expected);
}

/** Counts compared values, for the report of how many numbers matched. */
export const counter = { n: 0 };
export function closeCount(actual: number | null | undefined, expected: number | null | undefined, rel = 1e-6, floor = 1e-8): void {
  counter.n++;
  close(actual, expected, rel, floor);
}
