/**
 * Whether a column's values fit a unit: the median, converted to the canonical unit, must lie in
 * the range where cohort medians usually lie (platelets of 180000 are per µL, not 10^9/L). For
 * laboratory variables the guess is src/units' guessUnit; the same rule covers the others.
 *
 * @example
 * guessUnitOf('platelets', [150000, 210000, 180000]) // '/uL'
 * guessUnitOf('albumin', [3.9, 4.2, 3.1])            // 'g/dL'
 * guessUnitOf('tumourSize', [45, 32, 61])            // 'mm'
 */
import { kthSmallest } from '../stats/describe/kthSmallest.js';
import { guessUnit } from '../units/guessUnit.js';
import { labVariable } from '../units/labVariables.js';
import { variableUnits } from './variableUnits.js';

export function medianOf(values: ArrayLike<number>, counts?: ArrayLike<number>): number {
  if (counts) return weightedMedian(values, counts);
  let n = 0;
  const v = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) v[n++] = values[i];
  if (n === 0) return NaN;
  // selection, not a sort (kthSmallest.ts); for even n the lower middle value is the largest of
  // the half below the upper one
  const w = v.subarray(0, n);
  const upper = kthSmallest(w, n >> 1);
  if (n % 2) return upper;
  let lower = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (w[i] > lower) lower = w[i];
  return (lower + upper) / 2;
}

/**
 * The median of values that stand for `counts[i]` values each (distinct values and their counts):
 * the same number medianOf gives on the values written out.
 */
function weightedMedian(values: ArrayLike<number>, counts: ArrayLike<number>): number {
  const idx: number[] = [];
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]) && counts[i] > 0) {
    idx.push(i);
    n += counts[i];
  }
  if (n === 0) return NaN;
  idx.sort((a, b) => values[a] - values[b]);
  const at = (q: number) => {
    let c = 0;
    for (const i of idx) if ((c += counts[i]) > q) return values[i];
    return values[idx[idx.length - 1]];
  };
  return n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

/** True when the median of `values` in `unit` (a unit key) is typical (always true without a range or values). */
export function unitFits(variable: string, unit: string, values: ArrayLike<number>, counts?: ArrayLike<number>): boolean {
  const u = variableUnits(variable);
  if (!u || !u.medianRange) return true;
  const m = medianOf(values, counts);
  if (Number.isNaN(m)) return true;
  const c = m * u.factor(unit);
  return c >= u.medianRange[0] && c <= u.medianRange[1];
}

/** The first accepted unit key (canonical first) the values fit, or null. */
export function guessUnitOf(variable: string, values: ArrayLike<number>): string | null {
  if (labVariable(variable) !== null) return guessUnit(variable, values).unit;
  const u = variableUnits(variable);
  if (!u) return null;
  return u.choices.find((k) => unitFits(variable, k, values)) ?? null;
}

/** The typical median range written in `unit` ('20–1000 10^9/L'). */
export function medianRangeText(variable: string, unit: string): string {
  const u = variableUnits(variable)!;
  const f = u.factor(unit);
  const r = u.medianRange!;
  const fmt = (x: number) => String(Number((x / f).toPrecision(3)));
  const label = u.label(unit);
  return `${fmt(r[0])}–${fmt(r[1])}${label ? ' ' + label : ''}`;
}
