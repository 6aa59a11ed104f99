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
import { guessUnit } from '../units/guessUnit.js';
import { labVariable } from '../units/labVariables.js';
import { variableUnits } from './variableUnits.js';

export function medianOf(values: ArrayLike<number>): number {
  let n = 0;
  const v = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) v[n++] = values[i];
  if (n === 0) return NaN;
  const sorted = v.subarray(0, n).sort();
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/** True when the median of `values` in `unit` (a unit key) is typical (always true without a range or values). */
export function unitFits(variable: string, unit: string, values: ArrayLike<number>): boolean {
  const u = variableUnits(variable);
  if (!u || !u.medianRange) return true;
  const m = medianOf(values);
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
