/** Reads the data sets and R results written by test/reference/validation/validation.R. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(process.cwd(), 'test/reference/validation');

export const reference = JSON.parse(readFileSync(join(dir, 'validation_reference.json'), 'utf8'));

export function readCsv(name: string): Record<string, Float64Array> {
  const lines = readFileSync(join(dir, name), 'utf8').trim().split('\n');
  const head = lines[0].split(',').map((h) => h.replace(/"/g, ''));
  const cols: Record<string, Float64Array> = {};
  head.forEach((h, j) => (cols[h] = Float64Array.from(lines.slice(1), (l) => Number(l.split(',')[j]))));
  return cols;
}

export const lung = readCsv('validation_lung.csv');
export const infert = readCsv('validation_infert.csv');
export const lungEvent = Uint8Array.from(lung.status);
export const coxCovariates: string[] = reference.cox.covariates;
export const logisticCovariates: string[] = reference.logistic.covariates;
