/**
 * What each value of a column of measurements is, in the unit the column was declared in: a value
 * in that unit, a negative missing-value code (platelets −1: a count cannot be below zero), a value
 * that is implausible in the declared unit but plausible in exactly one other unit of the same
 * quantity (a column mixing cells/µL and 10^9/L, as the UCI HCC file does), a zero, or a value
 * implausible in every unit. Also flags values that are possible but unusual (lymphocytes of
 * 52.4 × 10^9/L). Pure; the cohort layer decides what to do with each class.
 *
 * @example
 * const c = classifyValues([180000, 210, -1], { units: { '/uL': 0.001, '10^9/L': 1 }, declared: '/uL', plausible: [1, 3000], zeroAllowed: false });
 * [0, 1, 2].map((i) => classAt(c, i)) // ['declared', 'other', 'missing-code']
 * unitAt(c, 1)                         // '10^9/L'
 *
 * The classes are kept in typed arrays (one byte a value), so a column of 10,000,000 draws costs
 * 30 MB here, not the 240 MB of three arrays of strings and booleans.
 */

/** The classes, in the order of their codes in `ValueClasses.kind`. */
export const VALUE_CLASS = ['missing', 'declared', 'other', 'missing-code', 'zero', 'implausible'] as const;
export type ValueClass = (typeof VALUE_CLASS)[number];
const MISSING = 0;
const DECLARED = 1;
const OTHER = 2;
const MISSING_CODE = 3;
const ZERO = 4;
const IMPLAUSIBLE = 5;

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
  /** Class of each value: its index in VALUE_CLASS (read with classAt). */
  readonly kind: Uint8Array;
  /** For 'other': 1 + the index in `otherUnits` of the unit the value fits; else 0 (read with unitAt). */
  readonly unit: Uint8Array;
  /** The unit keys other than the declared one, in the order of `units`. */
  readonly otherUnits: readonly string[];
  /** 1: value (canonical unit) above `usualMax`. */
  readonly unusual: Uint8Array;
  /** Number of values in the declared unit. */
  readonly declared: number;
  /** Number of values per other unit. */
  readonly other: Readonly<Record<string, number>>;
}

/** The class of value i. */
export const classAt = (c: ValueClasses, i: number): ValueClass => VALUE_CLASS[c.kind[i]];

/** The unit value i fits when its class is 'other', else null. */
export const unitAt = (c: ValueClasses, i: number): string | null => (c.unit[i] === 0 ? null : c.otherUnits[c.unit[i] - 1]);

export function classifyValues(values: ArrayLike<number>, sys: UnitSystem): ValueClasses {
  const n = values.length;
  const kind = new Uint8Array(n);
  const unit = new Uint8Array(n);
  const unusual = new Uint8Array(n);
  const f = sys.units[sys.declared];
  const fits = (c: number) => sys.plausible === null || (c >= sys.plausible[0] && c <= sys.plausible[1]);
  const others = Object.entries(sys.units).filter(([u, g]) => u !== sys.declared && g !== f);
  const otherCount = new Array<number>(others.length).fill(0);
  const seen: number[] = []; // other units in the order first met (the order of `other`'s keys)
  let declared = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    let k: number;
    let c = NaN;
    if (Number.isNaN(v)) k = MISSING;
    else if (v < 0 && sys.plausible !== null && sys.plausible[0] >= 0) k = MISSING_CODE;
    else if (v === 0) k = sys.zeroAllowed ? DECLARED : ZERO;
    else if (fits(v * f)) k = DECLARED;
    else {
      let hit = -1;
      let hits = 0;
      for (let j = 0; j < others.length; j++) {
        if (fits(v * others[j][1])) {
          hits++;
          hit = j;
        }
      }
      if (hits === 1) {
        k = OTHER;
        unit[i] = hit + 1;
        if (otherCount[hit]++ === 0) seen.push(hit);
        c = v * others[hit][1];
      } else k = IMPLAUSIBLE;
    }
    kind[i] = k;
    if (k === DECLARED) {
      declared++;
      c = v * f;
    }
    if (sys.usualMax != null && c > sys.usualMax) unusual[i] = 1;
  }
  const other: Record<string, number> = {};
  for (const j of seen) other[others[j][0]] = otherCount[j];
  return { kind, unit, otherUnits: others.map(([u]) => u), unusual, declared, other };
}
