/**
 * A printed number and the interval of unrounded values that round to it.
 *
 * A value printed with d decimals stands for any x with |x − printed| ≤ 0.5·10^(−d) (closed, so that
 * both round-half-up and round-half-to-even printings are accepted: 13/160 = 8.125 may be printed
 * "8.12" or "8.13"). "<0.001" stands for [0, 0.001] (P values, proportions) — more generally
 * (−∞, 0.001]; ">0.99" for [0.99, ∞). Unicode minus and "≤", "≥" are accepted.
 *
 * @example
 * parsePrinted('2.751') // { text: '2.751', value: 2.751, decimals: 3, half: 0.0005, lo: 2.7505, hi: 2.7515, relation: '=' }
 * parsePrinted('<0.001').lo // -Infinity
 */
export type Relation = '=' | '<' | '>';

export interface PrintedNumber {
  readonly text: string;
  /** The printed number itself (the bound for "<"/">"). */
  readonly value: number;
  /** Digits after the decimal point (negative for an exponent form like 1e3). */
  readonly decimals: number;
  /** Half a unit in the last printed digit. */
  readonly half: number;
  readonly lo: number;
  readonly hi: number;
  readonly relation: Relation;
}

const RE = /^(<=|>=|≤|≥|<|>|=)?\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*%?$/;

/** Parses a printed number; null when the text is not a number (e.g. "/", "NA"). */
export function parsePrinted(x: string | number): PrintedNumber | null {
  // Unicode minus; thousands separators ("25,522") between groups of three digits.
  const text = typeof x === 'number' ? String(x) : x.trim().replace(/\u2212/g, '-').replace(/(\d),(?=\d{3}(\D|$))/g, '$1');
  const m = RE.exec(text);
  if (!m || (m[3] === '' && (m[4] === undefined || m[4] === ''))) {
    if (typeof x === 'number' && Number.isFinite(x)) return exact(x);
    return null;
  }
  const rel = m[1] ?? '=';
  const frac = m[4] ?? '';
  const exp = m[5] !== undefined ? Number(m[5]) : 0;
  const value = Number(`${m[2]}${m[3] || '0'}.${frac || '0'}e${exp}`);
  const decimals = frac.length - exp;
  const half = 0.5 * 10 ** -decimals;
  const relation: Relation = rel === '<' || rel === '<=' || rel === '≤' ? '<' : rel === '>' || rel === '>=' || rel === '≥' ? '>' : '=';
  const lo = relation === '<' ? -Infinity : relation === '>' ? value : value - half;
  const hi = relation === '<' ? value : relation === '>' ? Infinity : value + half;
  return { text: typeof x === 'number' ? String(x) : x.trim(), value, decimals, half, lo, hi, relation };
}

function exact(x: number): PrintedNumber {
  return { text: String(x), value: x, decimals: Infinity, half: 0, lo: x, hi: x, relation: '=' };
}

/** A closed interval of real numbers. */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/** Relative slack for floating-point comparisons of interval ends. */
const EPS = 1e-9;

/** True when two closed intervals share a point (up to floating-point slack). */
export function overlaps(a: Interval, b: Interval): boolean {
  const tol = EPS * Math.max(1, Math.abs(a.lo), Math.abs(a.hi), Math.abs(b.lo), Math.abs(b.hi));
  return a.lo <= b.hi + tol && b.lo <= a.hi + tol;
}

/** True when x lies in the closed interval (up to floating-point slack). */
export function contains(a: Interval, x: number): boolean {
  return overlaps(a, { lo: x, hi: x });
}

/** The interval as [lo, hi], clipped to [floor, ceil] (e.g. a P value to [0, 1]). */
export function clip(a: Interval, floor: number, ceil: number): Interval {
  return { lo: Math.max(floor, a.lo), hi: Math.min(ceil, a.hi) };
}

/** The values a printed P value stands for, within [0, 1]. */
export function pRange(p: PrintedNumber): Interval {
  return clip(p, 0, 1);
}

/** A confidence level as printed (0.95, "95" or "95%"), default 0.95. */
export function ciLevelOf(x: string | number | undefined): number {
  if (x === undefined) return 0.95;
  const p = parsePrinted(x);
  if (!p || !(p.value > 0)) return 0.95;
  return p.value > 1 ? p.value / 100 : p.value;
}
