/**
 * Whether a column's values fit a unit: the median, converted to the canonical unit, must lie in
 * the variable's plausible median range (platelets of 180000 are per µL, not 10^9/L). Also the
 * unit that fits when the declared one does not.
 *
 * @example
 * guessUnitOf('platelets', [150000, 210000, 180000]) // '/uL'
 * guessUnitOf('albumin', [3.9, 4.2, 3.1])            // 'g/dL'
 */
import { CANONICAL } from '../study/canonical.js';
import type { CanonicalVariable } from '../study/types.js';

export function medianOf(values: ArrayLike<number>): number {
  const v = Array.from(values).filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  const n = v.length;
  if (n === 0) return NaN;
  return n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/** True when the median of `values` in `unit` is plausible (always true without a median range or values). */
export function unitFits(variable: CanonicalVariable, unit: string, values: ArrayLike<number>): boolean {
  const info = CANONICAL[variable];
  const f = info.units?.[unit];
  if (f === undefined || !info.medianRange) return true;
  const m = medianOf(values);
  if (Number.isNaN(m)) return true;
  return m * f >= info.medianRange[0] && m * f <= info.medianRange[1];
}

/** The first accepted unit (canonical first) the values fit, or null. */
export function guessUnitOf(variable: CanonicalVariable, values: ArrayLike<number>): string | null {
  const info = CANONICAL[variable];
  if (!info.units) return null;
  const order = [info.unit ?? '', ...Object.keys(info.units).filter((u) => u !== info.unit)];
  for (const u of order) if (u in info.units && unitFits(variable, u, values)) return u;
  return null;
}

/** The plausible median range written in `unit` ('20–1000 10^9/L'). */
export function medianRangeText(variable: CanonicalVariable, unit: string): string {
  const info = CANONICAL[variable];
  const f = info.units?.[unit] ?? 1;
  const r = info.medianRange!;
  const fmt = (x: number) => String(Number((x / f).toPrecision(3)));
  return `${fmt(r[0])}–${fmt(r[1])}${unit ? ' ' + unit : ''}`;
}
