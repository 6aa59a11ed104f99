/**
 * One laboratory value converted to its canonical unit, after the plausibility check: the
 * normalised value and unit, and the value and unit as given (echoed in every output).
 * Refuses (data error, exit 3) with the message of `plausibilityProblem`.
 *
 * @example
 * normalise('platelets', 180000, '/uL')
 * // { variable: 'platelets', value: 180, unit: '10^9/L', given: { value: 180000, unit: 'cells/µL' } }
 * normalise('bilirubin', 1.2, 'mg/dL').value // 20.52 (µmol/L)
 */
import { dataError } from '../errors.js';
import { LAB_VARIABLES, type LabVariable } from './labVariables.js';
import { plausibilityProblem } from './plausibility.js';
import { UNITS, unitLabel } from './units.js';

export interface NormalisedValue {
  readonly variable: LabVariable;
  /** Value in the canonical unit. */
  readonly value: number;
  /** The canonical unit, printed form ('10^9/L', 'ng/mL', 'g/L', 'µmol/L', '%', ''). */
  readonly unit: string;
  /** The value and unit as the caller gave them. */
  readonly given: { readonly value: number; readonly unit: string };
}

export function normalise(variable: LabVariable, value: number, unit: string, unitOption?: string): NormalisedValue {
  const problem = plausibilityProblem(variable, value, unit, unitOption);
  if (problem !== null) throw dataError(problem);
  const quantity = LAB_VARIABLES[variable].quantity;
  const q = UNITS[quantity];
  // Round away binary noise of the conversion (0.001 × 180000 = 180.00000000000003).
  const v = Number((value * q.units[unit].factor).toPrecision(12));
  return { variable, value: v, unit: unitLabel(quantity, q.canonical), given: { value, unit: unitLabel(quantity, unit) } };
}
