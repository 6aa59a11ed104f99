/** Loads test/reference/timeroc (timeroc_reference.json from riskRegression/survival and its CSVs). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const DIR = resolve(__dirname, '../../reference/timeroc');

export const REF_DIR = DIR;

export interface RefCase {
  id: string; data: string; time: string; event: string; markers: string[]; times: number[]; tau: number;
  n: number; nDropped: number; events: number;
  auc: { marker: string; time: number; auc: number; se: number; lower: number; upper: number }[];
  contrasts: { a: string; b: string; time: number; diff: number; se: number; lower: number; upper: number; p: number }[];
  concordance: { marker: string; uno: number; unoSe: number; harrell: number; harrellSe: number }[];
}

export const ref: { R: string; packages: Record<string, string>; cases: RefCase[] } = JSON.parse(readFileSync(resolve(DIR, 'timeroc_reference.json'), 'utf8'));

/** One committed CSV: column name → Float64Array (NaN for NA). */
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

/** The complete cases of a reference case, as R's na.omit on (time, status, markers). */
export function caseData(c: RefCase) {
  const d = readCsv(c.data);
  const cols = [c.time, c.event, ...c.markers];
  const keep: number[] = [];
  for (let i = 0; i < d[c.time].length; i++) if (cols.every((k) => !Number.isNaN(d[k][i]))) keep.push(i);
  return {
    time: Float64Array.from(keep, (i) => d[c.time][i]),
    event: Uint8Array.from(keep, (i) => d[c.event][i]),
    markers: c.markers.map((m) => ({ name: m, values: Float64Array.from(keep, (i) => d[m][i]) })),
    nDropped: d[c.time].length - keep.length,
  };
}

export function relErr(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}
