/** Number formatting for audit findings: recomputed values to 4 significant digits, intervals as "a to b". */
import type { Interval } from './printed.js';

/** 4 significant digits (P values below 1e-4 in exponent form). @example num(4.48345) // "4.483" */
export function num(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : x < 0 ? '−∞' : 'undefined';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a < 1e-4 || a >= 1e7) return x.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  return String(Number(x.toPrecision(digits)));
}

/** "4.480 to 4.487" (or the single number when the ends agree to 4 digits). */
export function iv(i: Interval, digits = 4): string {
  const a = num(i.lo, digits);
  const b = num(i.hi, digits);
  return a === b ? a : `${a} to ${b}`;
}

/** A fraction k/n as "63/110". */
export function frac(k: number, n: number): string {
  return `${k}/${n}`;
}
