/**
 * A patient's laboratory values as given (with the units they were given in) → canonical values,
 * each checked for plausibility, with neutrophils and lymphocytes derived from the white-cell
 * count and the differential percentages when their absolute counts are not given.
 * Throws a data error (exit 3) on the first implausible value; the message names value, unit and fix.
 *
 * @example
 * normaliseInputs({ neutrophils: 4200, lymphocytes: 1400, platelets: 210000 }, { count: '/uL' }).values.platelets
 * // { variable: 'platelets', value: 210, unit: '10^9/L', given: { value: 210000, unit: 'cells/µL' }, source: 'given' }
 */
import { dataError } from '../errors.js';
import { indicesMessages as M } from '../messages/indices.js';
import { differentialProblem } from './checkDifferential.js';
import { countFromPercent } from './countsFromPercent.js';
import { LAB_VARIABLES, type LabVariable } from './labVariables.js';
import { normalise, type NormalisedValue } from './normalise.js';
import type { Quantity } from './units.js';

export type RawLabInputs = Partial<Record<LabVariable, number | null>>;
export type InputUnits = Partial<Record<Quantity, string>>;

export interface PatientValue extends NormalisedValue {
  /** 'given', or 'white cells × %' when derived from the differential. */
  readonly source: 'given' | 'white cells × %';
}

export interface PatientInputs {
  readonly values: Partial<Record<LabVariable, PatientValue>>;
  readonly warnings: readonly string[];
}

const DEFAULT_UNITS: Readonly<Record<Quantity, string>> = {
  count: '10^9/L', percent: '%', afp: 'ng/mL', albumin: 'g/L', bilirubin: 'umol/L', ratio: '',
};

/** Order in which values are checked (so the first refusal is the most basic one). */
const ORDER: readonly LabVariable[] = ['neutrophils', 'lymphocytes', 'platelets', 'monocytes', 'wbc', 'neutrophilPct', 'lymphocytePct', 'afp', 'albumin', 'bilirubin', 'inr'];

export function normaliseInputs(raw: RawLabInputs, units: InputUnits = {}, unitOptions: Partial<Record<Quantity, string>> = {}): PatientInputs {
  const values: Partial<Record<LabVariable, PatientValue>> = {};
  const warnings: string[] = [];
  for (const v of ORDER) {
    const x = raw[v];
    if (x === null || x === undefined) continue;
    const quantity = LAB_VARIABLES[v].quantity;
    values[v] = { ...normalise(v, x, units[quantity] ?? DEFAULT_UNITS[quantity], unitOptions[quantity]), source: 'given' };
  }
  const np = values.neutrophilPct?.value ?? null;
  const lp = values.lymphocytePct?.value ?? null;
  const problem = differentialProblem(np, lp);
  if (problem !== null) throw dataError(problem);
  const derive = (target: 'neutrophils' | 'lymphocytes', pct: PatientValue | undefined) => {
    if (!pct) return;
    const wbc = values.wbc;
    if (!wbc) {
      if (!values[target]) throw dataError(M.percentNeedsWbc(LAB_VARIABLES[pct.variable].label));
      return;
    }
    const fromPct = countFromPercent(wbc.value, pct.value);
    const given = values[target];
    if (given) {
      if (Math.abs(given.value - fromPct) > 0.1 * Math.max(given.value, fromPct)) warnings.push(M.countsDisagree(LAB_VARIABLES[target].label, given.value, fromPct));
      return;
    }
    const checked = normalise(target, fromPct, '10^9/L', unitOptions.count);
    values[target] = { ...checked, given: { value: fromPct, unit: '10^9/L' }, source: 'white cells × %' };
  };
  derive('neutrophils', values.neutrophilPct);
  derive('lymphocytes', values.lymphocytePct);
  return { values, warnings };
}
