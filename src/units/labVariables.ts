/**
 * The laboratory variables the indices are computed from: their quantity (and so their units),
 * the physiological range a single value must lie in (canonical unit), whether an exact zero is
 * possible, and the range a cohort's median usually lies in (used to guess a column's unit).
 *
 * The ranges are deliberately wide (they hold the values of very ill patients, e.g. platelets of
 * 2 × 10^9/L or a bilirubin of 800 µmol/L); what they catch is a value that no human blood has,
 * which nearly always means a wrong unit or a typing error.
 *
 * @example
 * LAB_VARIABLES.platelets.plausible // [1, 3000]  (10^9/L)
 */
import type { Quantity } from './units.js';

export type LabVariable =
  | 'neutrophils' | 'lymphocytes' | 'platelets' | 'monocytes' | 'wbc'
  | 'neutrophilPct' | 'lymphocytePct' | 'afp' | 'albumin' | 'bilirubin' | 'inr';

export interface LabVariableInfo {
  readonly label: string;
  readonly quantity: Quantity;
  /** Smallest and largest plausible positive value, canonical unit. */
  readonly plausible: readonly [number, number];
  /** Whether an exact 0 is a possible result (e.g. no monocytes counted). */
  readonly zeroAllowed: boolean;
  /** Where a cohort's median usually lies, canonical unit (for guessing a column's unit). */
  readonly typicalMedian: readonly [number, number];
  /** Above this (canonical unit) a value is possible but unusual enough to be flagged per row (lymphocytes 52.4 × 10^9/L). */
  readonly usualMax?: number;
}

export const LAB_VARIABLES: Readonly<Record<LabVariable, LabVariableInfo>> = {
  neutrophils: { label: 'neutrophils', quantity: 'count', plausible: [0.01, 100], zeroAllowed: true, typicalMedian: [0.5, 30], usualMax: 50 },
  lymphocytes: { label: 'lymphocytes', quantity: 'count', plausible: [0.01, 100], zeroAllowed: false, typicalMedian: [0.1, 10], usualMax: 20 },
  platelets: { label: 'platelets', quantity: 'count', plausible: [1, 3000], zeroAllowed: false, typicalMedian: [20, 1000], usualMax: 1500 },
  monocytes: { label: 'monocytes', quantity: 'count', plausible: [0.01, 50], zeroAllowed: true, typicalMedian: [0.02, 5], usualMax: 10 },
  wbc: { label: 'white cells', quantity: 'count', plausible: [0.1, 500], zeroAllowed: false, typicalMedian: [1, 60], usualMax: 100 },
  neutrophilPct: { label: 'neutrophils (%)', quantity: 'percent', plausible: [0.1, 100], zeroAllowed: true, typicalMedian: [20, 98] },
  lymphocytePct: { label: 'lymphocytes (%)', quantity: 'percent', plausible: [0.1, 100], zeroAllowed: false, typicalMedian: [1, 75] },
  afp: { label: 'AFP', quantity: 'afp', plausible: [0.1, 1e7], zeroAllowed: true, typicalMedian: [1, 1e5] },
  albumin: { label: 'albumin', quantity: 'albumin', plausible: [5, 80], zeroAllowed: false, typicalMedian: [15, 60] },
  bilirubin: { label: 'bilirubin', quantity: 'bilirubin', plausible: [1, 1000], zeroAllowed: false, typicalMedian: [3, 120] },
  inr: { label: 'INR', quantity: 'ratio', plausible: [0.5, 15], zeroAllowed: false, typicalMedian: [0.8, 4] },
};

/** Names other parts use for the same variables (src/study canonical names) → LabVariable. */
export const LAB_VARIABLE_ALIASES: Readonly<Record<string, LabVariable>> = {
  whiteCells: 'wbc', neutrophilPercent: 'neutrophilPct', lymphocytePercent: 'lymphocytePct',
};

/** The LabVariable `name` stands for, or null. */
export function labVariable(name: string): LabVariable | null {
  if (Object.prototype.hasOwnProperty.call(LAB_VARIABLES, name)) return name as LabVariable;
  return LAB_VARIABLE_ALIASES[name] ?? null;
}
