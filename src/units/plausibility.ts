/**
 * Whether a single laboratory value, in the unit it was declared in, is a value human blood can
 * have. Returns the problem as a user-facing sentence (naming value, unit and likely fix), or
 * null. When the value is implausible in the declared unit but plausible in another unit of the
 * same quantity, the message says so ("platelets 180000 declared as 10^9/L look like cells/µL").
 *
 * @example
 * plausibilityProblem('platelets', 210, '10^9/L')  // null
 * plausibilityProblem('platelets', 180000, '10^9/L', '--count-unit')
 * // "platelets = 180000 10^9/L is outside the physiological range 1–3000 10^9/L. It looks like cells/µL
 * //  (180000 cells/µL = 180 10^9/L): pass --count-unit /uL, or give 180 10^9/L."
 */
import { indicesMessages as M } from '../messages/indices.js';
import { LAB_VARIABLES, type LabVariable } from './labVariables.js';
import { UNITS, unitLabel } from './units.js';

const fmt = (x: number): string => String(Number(x.toPrecision(4)));

export function plausibilityProblem(variable: LabVariable, value: number, unit: string, unitOption?: string): string | null {
  const info = LAB_VARIABLES[variable];
  const q = UNITS[info.quantity];
  const u = q.units[unit];
  const label = unitLabel(info.quantity, unit);
  if (!Number.isFinite(value)) return M.notFinite(info.label, value);
  if (!u) return M.unknownUnit(unitOption ?? 'unit', unit, Object.keys(q.units));
  if (value < 0) return M.negative(info.label, value, label);
  if (value === 0) {
    if (info.zeroAllowed) return null;
    return variable === 'lymphocytes' ? M.zeroLymphocytes(value, label) : M.zeroNotPossible(info.label, value, label);
  }
  const c = value * u.factor;
  const [lo, hi] = info.plausible;
  if (c >= lo && c <= hi) return null;
  // Implausible: would another unit of the same quantity make it plausible?
  let hint: string | null = null;
  for (const [other, o] of Object.entries(q.units)) {
    if (other === unit) continue;
    const co = value * o.factor;
    if (co >= lo && co <= hi) {
      const fix = unitOption ? M.unitFixOption(unitOption, other) : M.unitFixDeclare(o.label);
      hint = M.looksLikeUnit(value, o.label, co, unitLabel(info.quantity, q.canonical), fix, co / u.factor, label);
      break;
    }
  }
  if (variable === 'lymphocytes' && c < lo && hint === null) return M.zeroLymphocytes(value, label);
  return M.outOfRange(info.label, value, label, fmt(lo / u.factor), fmt(hi / u.factor), hint);
}
