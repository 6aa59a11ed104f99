/**
 * A model's inputs in the units its terms were fitted in. The calculator holds every laboratory
 * value in siilab's canonical unit (albumin g/L, counts 10^9/L); a model fitted with `keepUnit`
 * (albumin per g/dL) says so in its term's `unit`, and the value is converted back before the
 * coefficient is applied — otherwise 40 g/L would enter a per-g/dL coefficient as 40, not 4.
 *
 * @example
 * inTermUnits([{ term: 'albumin', variable: 'albumin', coef: -0.84, unit: 'g/dL' }], { albumin: 40 })
 * // { values: { albumin: 4 }, notes: ['albumin entered the model as 4 g/dL (40 g/L converted to the unit the model was fitted in)'] }
 */
import type { ModelTerm } from './modelFile.js';
import { LAB_VARIABLES, labVariable } from '../units/labVariables.js';
import { UNITS, parseUnit, unitLabel } from '../units/units.js';

export interface TermInputs {
  readonly values: Readonly<Record<string, number | null>>;
  /** One line per converted value (shown beside the prediction). */
  readonly notes: readonly string[];
}

const shown = (x: number): string => String(Number(x.toPrecision(6)));

export function inTermUnits(terms: readonly ModelTerm[], canonical: Readonly<Record<string, number | null>>): TermInputs {
  const values: Record<string, number | null> = { ...canonical };
  const notes: string[] = [];
  const done = new Set<string>();
  for (const t of terms) {
    if (t.unit === undefined || done.has(t.variable)) continue;
    const lab = labVariable(t.variable);
    const v = canonical[t.variable];
    if (lab === null || v === null || v === undefined) continue;
    const quantity = LAB_VARIABLES[lab].quantity;
    const key = parseUnit(quantity, t.unit);
    if (key === null) continue; // not a unit of this quantity: the model file's check reports it
    const q = UNITS[quantity];
    if (key === q.canonical) continue;
    const x = Number((v / q.units[key].factor).toPrecision(12));
    values[t.variable] = x;
    done.add(t.variable);
    notes.push(`${t.variable} entered the model as ${shown(x)} ${unitLabel(quantity, key)} (${shown(v)} ${unitLabel(quantity, q.canonical)} converted to the unit the model was fitted in)`);
  }
  return { values, notes };
}
