/** Loads the R reference cases for Cox regression (test/reference/survival/cox_reference.json). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDelimited } from '../../../../src/io/readTable.js';
import { binaryColumn, labelColumn, numericColumn } from '../../../../src/io/columns.js';
import { readCovariate } from '../../../../src/io/covariates.js';
import type { CoxInput } from '../../../../src/stats/survival/cox/types.js';

export const REF_DIR = join(process.cwd(), 'test', 'reference', 'survival');

export interface RefCase {
  id: string;
  data: string;
  start: string | null;
  time: string;
  event: string;
  eventValue: string | null;
  covariates: string[];
  categorical: string[];
  ref: Record<string, string> | [];
  strata: string | null;
  ties: 'efron' | 'breslow';
}

export interface RefResult {
  id: string;
  n: number;
  nDropped: number;
  events: number;
  terms: string[];
  coef: number[];
  hr: number[];
  se: number[];
  z: number[];
  p: number[];
  lower: (number | null)[];
  upper: (number | null)[];
  loglik: number[];
  iter: number;
  lr: number[];
  wald: number[];
  score: number[];
  concordance: number;
  concordanceSe: number;
  concordanceCounts: Record<string, number>;
  zph: { terms: string[]; chisq: number[]; df: number[]; p: number[]; global: number[] };
  means: number[];
  linearPredictors: number[];
  warnings: string[];
  baseline: { time: number[]; hazard: number[]; hazardZero: number[]; strata: string[] | null };
}

export const reference = JSON.parse(readFileSync(join(REF_DIR, 'cox_reference.json'), 'utf8')) as {
  R: string;
  survival: string;
  cases: RefCase[];
  results: RefResult[];
};
// jsonlite unboxes vectors of length 1: make the list fields arrays again
const asArray = <T>(v: T | T[] | null | undefined): T[] => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]);
for (const c of reference.cases) {
  c.covariates = asArray(c.covariates);
  c.categorical = asArray(c.categorical);
}
for (const r of reference.results) r.warnings = asArray(r.warnings);

export const csvPath = (c: RefCase): string => join(REF_DIR, `cox_${c.data}.csv`);

export function refMap(c: RefCase): Map<string, string> {
  return new Map(Array.isArray(c.ref) ? [] : Object.entries(c.ref));
}

/** The CoxInput for a reference case, read with the project's own column readers. */
export function caseInput(c: RefCase): CoxInput {
  const file = csvPath(c);
  const t = parseDelimited(file, readFileSync(file, 'utf8'));
  return {
    time: numericColumn(t, c.time, '--time'),
    start: c.start ? numericColumn(t, c.start, '--start') : null,
    event: binaryColumn(t, c.event, '--event', c.eventValue),
    covariates: c.covariates.map((v) => readCovariate(t, v, '--covariates', c.categorical.includes(v))),
    strata: c.strata ? labelColumn(t, c.strata, '--strata') : null,
    ties: c.ties,
    reference: refMap(c),
  };
}

/** CLI arguments reproducing a reference case. */
export function caseArgs(c: RefCase): string[] {
  const a = ['cox', csvPath(c), '--time', c.time, '--event', c.event, '--covariates', c.covariates.join(','), '--ties', c.ties, '--json'];
  if (c.start) a.push('--start', c.start);
  if (c.eventValue !== null) a.push('--event-value', c.eventValue);
  if (c.strata) a.push('--strata', c.strata);
  if (c.categorical.length) a.push('--categorical', c.categorical.join(','));
  for (const [k, v] of refMap(c)) a.push('--ref', `${k}=${v}`);
  return a;
}

/** |a − b| ≤ tol·max(|b|, floor): relative, with an absolute floor for values near 0. */
export function close(a: number, b: number, tol = 1e-6, floor = 1e-12): boolean {
  return Math.abs(a - b) <= tol * Math.max(Math.abs(b), floor);
}

export function expectClose(what: string, a: number | null | undefined, b: number, tol = 1e-6, floor = 1e-12): void {
  if (a === null || a === undefined || !close(a, b, tol, floor))
    throw new Error(`${what}: siilab ${a} vs R ${b} (rel. error ${a == null ? 'n/a' : Math.abs(a - b) / Math.abs(b)})`);
}
