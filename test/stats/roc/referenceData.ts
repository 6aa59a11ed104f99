/** Loads test/reference/roc (roc.json from pROC 1.18.0 and the CSVs it was computed on). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const DIR = resolve(__dirname, '../../reference/roc');

export const ref = JSON.parse(readFileSync(resolve(DIR, 'roc.json'), 'utf8'));

/** Reads one of the committed numeric CSVs: column name → Float64Array (NaN for an empty cell or NA). */
export function readCsv(name: string): Record<string, Float64Array> {
  const lines = readFileSync(resolve(DIR, name), 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',').map((h) => h.replace(/"/g, ''));
  const cols: Record<string, Float64Array> = {};
  header.forEach((h) => (cols[h] = new Float64Array(lines.length - 1)));
  lines.slice(1).forEach((line, i) => {
    line.split(',').forEach((c, j) => (cols[header[j]][i] = c === '' || c === 'NA' ? NaN : Number(c)));
  });
  return cols;
}

/** Complete cases of the outcome and the markers. */
export function completeCases(d: Record<string, Float64Array>, outcome: string, markers: string[]) {
  const keep: number[] = [];
  for (let i = 0; i < d[outcome].length; i++) if ([outcome, ...markers].every((c) => !Number.isNaN(d[c][i]))) keep.push(i);
  const pick = (c: string) => Float64Array.from(keep, (i) => d[c][i]);
  return { y: pick(outcome), x: Object.fromEntries(markers.map((m) => [m, pick(m)])) as Record<string, Float64Array>, nDropped: d[outcome].length - keep.length };
}

/** R's JSON writes ±Inf thresholds as strings. */
export const num = (v: number | string | null): number => (v === 'Inf' ? Infinity : v === '-Inf' ? -Infinity : v === null ? NaN : Number(v));

/** Relative difference (absolute below 1e-300). */
export function relErr(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}
