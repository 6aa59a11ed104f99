/**
 * Suggests the unit of a column of laboratory values from the values themselves: the column's
 * median, converted by each accepted unit of the variable, must fall in the range where cohort
 * medians usually lie (platelets: 20–1000 × 10^9/L; so a median of 185000 means cells/µL).
 * Pure; used by `siilab inspect` to propose units, and by `siilab indices` to explain a refusal.
 *
 * `unit` is the first fitting unit, canonical first; `ambiguous` is true when several fit
 * (AFP in ng/mL and IU/mL differ by 1.21 only: the values cannot tell them apart).
 *
 * @example
 * guessUnit('platelets', [150000, 210000, 180000]).unit // '/uL'
 * guessUnit('albumin', [3.9, 4.2, 3.1]).unit            // 'g/dL'
 * guessUnit('lymphocytePct', [0.25, 0.31, 0.2]).unit    // 'fraction'
 * guessUnit('afp', [12, 400, 35]).ambiguous             // true
 */
import { LAB_VARIABLES, labVariable, type LabVariable } from './labVariables.js';
import { UNITS, unitChoices, unitLabel } from './units.js';

export interface UnitGuess {
  readonly variable: LabVariable;
  /** The suggested unit key (see src/units/units.ts), or null when no unit fits or there are no values. */
  readonly unit: string | null;
  /** Printed form of `unit`. */
  readonly label: string | null;
  /** Every unit whose converted median is typical. */
  readonly candidates: readonly string[];
  readonly ambiguous: boolean;
  /** Median of the finite values, or null. */
  readonly median: number | null;
  /** One sentence saying why. */
  readonly reason: string;
}

function median(values: ArrayLike<number>): number | null {
  const v: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) v.push(values[i]);
  if (v.length === 0) return null;
  v.sort((a, b) => a - b);
  const k = v.length >> 1;
  return v.length % 2 ? v[k] : (v[k - 1] + v[k]) / 2;
}

const fmt = (x: number): string => String(Number(x.toPrecision(4)));

export function guessUnit(variable: LabVariable | string, values: ArrayLike<number>): UnitGuess {
  const v = labVariable(variable);
  if (v === null) throw new TypeError(`guessUnit: unknown variable '${variable}'`);
  const info = LAB_VARIABLES[v];
  const q = UNITS[info.quantity];
  const m = median(values);
  const canonicalLabel = unitLabel(info.quantity, q.canonical);
  if (m === null) return { variable: v, unit: null, label: null, candidates: [], ambiguous: false, median: null, reason: 'the column has no numeric values.' };
  const [lo, hi] = info.typicalMedian;
  const candidates = unitChoices(info.quantity).filter((u) => {
    const c = m * q.units[u].factor;
    return c >= lo && c <= hi;
  });
  const range = `${fmt(lo)}–${fmt(hi)} ${canonicalLabel}`.trimEnd();
  if (candidates.length === 0) {
    return { variable: v, unit: null, label: null, candidates, ambiguous: false, median: m,
      reason: `the median ${fmt(m)} fits no unit of ${info.label} (medians usually lie in ${range}); check the column.` };
  }
  const unit = candidates[0];
  const ambiguous = candidates.length > 1;
  const reason = ambiguous
    ? `the median ${fmt(m)} is typical in ${candidates.map((u) => unitLabel(info.quantity, u)).join(' and ')} alike; check the laboratory's report.`
    : `the median ${fmt(m)} ${unitLabel(info.quantity, unit)} = ${fmt(m * q.units[unit].factor)} ${canonicalLabel} is typical (${range}).`;
  return { variable: v, unit, label: unitLabel(info.quantity, unit), candidates, ambiguous, median: m, reason };
}
