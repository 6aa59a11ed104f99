/** Helpers for the survival R-parity tests: reference JSON, data CSVs, relative comparison. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseDelimited } from '../../../src/io/readTable.js';
import { binaryColumn, labelColumn, numericColumn } from '../../../src/io/columns.js';
import type { Table } from '../../../src/io/table.js';

export const REF_DIR = join(process.cwd(), 'test', 'reference', 'survival');

export function loadReference(name: string): any {
  return JSON.parse(readFileSync(join(REF_DIR, name), 'utf8'));
}

const tables = new Map<string, Table>();
export function loadCsv(file: string): Table {
  let t = tables.get(file);
  if (!t) {
    t = parseDelimited(file, readFileSync(join(REF_DIR, file), 'utf8'));
    tables.set(file, t);
  }
  return t;
}

export function columnsOf(c: { file: string; time: string; event: string; eventValue?: string | number | null; group?: string | null; strata?: string | null }) {
  const t = loadCsv(c.file);
  return {
    time: numericColumn(t, c.time, '--time'),
    event: binaryColumn(t, c.event, '--event', c.eventValue == null ? null : String(c.eventValue)),
    group: c.group ? labelColumn(t, c.group, '--group') : null,
    strata: c.strata ? labelColumn(t, c.strata, '--strata') : null,
  };
}

/** Tracks the largest relative error seen (reported by the tests). */
export const worst = { rel: 0, where: '', count: 0 };

/** a ≈ b within `tol` relative (with a 1e-12 absolute floor); null/NaN must match null. */
export function close(a: number | null | undefined, b: number | null | undefined, where: string, tol = 1e-6): void {
  const an = a === null || a === undefined || Number.isNaN(a);
  const bn = b === null || b === undefined || Number.isNaN(b as number);
  if (an || bn) {
    expect(an, `${where}: got ${a}, R ${b}`).toBe(bn);
    return;
  }
  worst.count++;
  const err = Math.abs((a as number) - (b as number));
  const rel = err / Math.max(Math.abs(b as number), 1e-300);
  if (Math.abs(b as number) > 1e-10 && rel > worst.rel) {
    worst.rel = rel;
    worst.where = where;
  }
  expect(err <= tol * Math.abs(b as number) + 1e-12, `${where}: got ${a}, R ${b} (rel ${rel})`).toBe(true);
}

export function closeArray(a: ArrayLike<number>, b: readonly (number | null)[] | number | null, where: string, tol = 1e-6): void {
  const bb = Array.isArray(b) ? b : [b as number | null];
  expect(a.length, `${where}: length`).toBe(bb.length);
  for (let i = 0; i < bb.length; i++) close(a[i], bb[i], `${where}[${i}]`, tol);
}
