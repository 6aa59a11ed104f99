/**
 * What each value of a column of measurements is, in the unit the column was declared in: a value
 * in that unit, a negative missing-value code (platelets −1: a count cannot be below zero), a value
 * that is implausible in the declared unit but plausible in exactly one other unit of the same
 * quantity (a column mixing cells/µL and 10^9/L, as the UCI HCC file does), a zero, or a value
 * implausible in every unit. Also flags values that are possible but unusual (lymphocytes of
 * 52.4 × 10^9/L). Pure; the cohort layer decides what to do with each class.
 *
 * @example
 * classifyValues([180000, 210, -1], { units: { '/uL': 0.001, '10^9/L': 1 }, declared: '/uL', plausible: [1, 3000], zeroAllowed: false }).kind
 * // ['declared', 'other', 'missing-code']
 */

export type ValueClass = 'missing' | 'declared' | 'other' | 'missing-code' | 'zero' | 'implausible';

export interface UnitSystem {
  /** Unit key → factor to the canonical unit. */
  readonly units: Readonly<Record<string, number>>;
  /** The declared unit key. */
  readonly declared: string;
  /** Plausible single values, canonical unit (null: no check). */
  readonly plausible: readonly [number, number] | null;
  /** Whether an exact zero is a possible result (a zero that is not is classed 'zero'). */
  readonly zeroAllowed: boolean;
  /** Values above this (canonical unit) are possible but unusual and are flagged. */
  readonly usualMax?: number | null;
}

export interface ValueClasses {
  readonly kind: readonly ValueClass[];
  /** For 'other': the unit key the value fits; else null. */
  readonly unit: readonly (string | null)[];
  /** Value (canonical unit) above `usualMax`. */
  readonly unusual: readonly boolean[];
  /** Number of values in the declared unit. */
  readonly declared: number;
  /** Number of values per other unit. */
  readonly other: Readonly<Record<string, number>>;
}

export function classifyValues(values: ArrayLike<number>, sys: UnitSystem): ValueClasses {
  const kind: ValueClass[] = new Array(values.length);
  const unit: (string | null)[] = new Array(values.length).fill(null);
  const unusual: boolean[] = new Array(values.length).fill(false);
  const other: Record<string, number> = {};
  let declared = 0;
  const f = sys.units[sys.declared];
  const fits = (c: number) => sys.plausible === null || (c >= sys.plausible[0] && c <= sys.plausible[1]);
  const others = Object.entries(sys.units).filter(([u, g]) => u !== sys.declared && g !== f);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) kind[i] = 'missing';
    else if (v < 0 && sys.plausible !== null && sys.plausible[0] >= 0) kind[i] = 'missing-code';
    else if (v === 0) kind[i] = sys.zeroAllowed ? 'declared' : 'zero';
    else if (fits(v * f)) kind[i] = 'declared';
    else {
      const m = others.filter(([, g]) => fits(v * g));
      if (m.length === 1) {
        kind[i] = 'other';
        unit[i] = m[0][0];
        other[m[0][0]] = (other[m[0][0]] ?? 0) + 1;
      } else kind[i] = 'implausible';
    }
    if (kind[i] === 'declared') declared++;
    const c = kind[i] === 'declared' ? v * f : kind[i] === 'other' ? v * sys.units[unit[i]!] : NaN;
    if (sys.usualMax != null && c > sys.usualMax) unusual[i] = true;
  }
  return { kind, unit, unusual, declared, other };
}
