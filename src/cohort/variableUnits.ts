/**
 * The unit system of a variable, in one shape: for the laboratory variables it is src/units'
 * (units, aliases, plausible single values, typical cohort medians — the indices engineer's
 * tables, shared with `siilab indices`); for the others (tumour size, age, NLR, monocyte %) it is
 * the canonical table in src/study/canonical.ts.
 *
 * @example
 * variableUnits('platelets')!.parse('cells/µL') // '/uL'
 * variableUnits('platelets')!.factor('/uL')     // 0.001
 * variableUnits('tumourSize')!.factor('mm')     // 0.1
 */
import { LAB_VARIABLES, labVariable } from '../units/labVariables.js';
import { parseUnit, UNITS, unitChoices, unitLabel } from '../units/units.js';
import { CANONICAL, isCanonical } from '../study/canonical.js';

export interface VariableUnits {
  /** Canonical unit key. */
  readonly canonical: string;
  /** Accepted unit keys, canonical first. */
  readonly choices: readonly string[];
  /** The unit key a written unit means, or null. */
  parse(text: string): string | null;
  /** Factor converting a value in `unit` (a key) to the canonical unit. */
  factor(unit: string): number;
  label(unit: string): string;
  /** Plausible single values (canonical unit), or null. */
  readonly plausible: readonly [number, number] | null;
  /** Whether an exact zero is possible (a zero lymphocyte count is kept and reported as such). */
  readonly zeroAllowed: boolean;
  /** Where a cohort's median usually lies (canonical unit), or null. */
  readonly medianRange: readonly [number, number] | null;
  /** Above this (canonical unit) a value is possible but unusual and flagged per row, or null. */
  readonly usualMax: number | null;
}

export function variableUnits(name: string): VariableUnits | null {
  const lab = labVariable(name);
  if (lab !== null) {
    const info = LAB_VARIABLES[lab];
    const q = UNITS[info.quantity];
    return {
      canonical: q.canonical,
      choices: unitChoices(info.quantity),
      parse: (t) => parseUnit(info.quantity, t),
      factor: (u) => q.units[u].factor,
      label: (u) => unitLabel(info.quantity, u),
      plausible: info.plausible,
      zeroAllowed: info.zeroAllowed,
      medianRange: info.typicalMedian,
      usualMax: info.usualMax ?? null,
    };
  }
  if (!isCanonical(name)) return null;
  const c = CANONICAL[name];
  if (!c.units) return null;
  const units = c.units;
  return {
    canonical: c.unit ?? '',
    choices: [c.unit ?? '', ...Object.keys(units).filter((u) => u !== c.unit)].filter((u) => u in units),
    parse: (t) => (Object.prototype.hasOwnProperty.call(units, t) ? t : (Object.keys(units).find((u) => u.toLowerCase() === t.trim().toLowerCase()) ?? null)),
    factor: (u) => units[u],
    label: (u) => u,
    plausible: c.plausible ?? null,
    zeroAllowed: true,
    medianRange: c.medianRange ?? null,
    usualMax: null,
  };
}
