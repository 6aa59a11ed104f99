/**
 * The log ratio and its standard error from a printed ratio (hazard, odds or risk ratio) with its
 * confidence interval: SE = (log U − log L) / (2·z), z = Φ⁻¹(1 − α/2) (1.959964 for 95%), the
 * Wald interval's half-width on the log scale (Parmar, Torri & Stewart 1998, Stat Med 17:2815–2834;
 * Tierney et al. 2007, Trials 8:16). The log ratio is log of the printed ratio.
 *
 * A Wald interval is symmetric on the log scale: the ratio is the geometric mean √(L·U). As the
 * paper audit does (src/audit/checks/ratioCi.ts), the check allows for the rounding of the three
 * printed numbers (half a unit in their last printed digit): `symmetric` is false only when no
 * unrounded values could make the ratio the geometric mean of its limits. Then the SE from the CI
 * is still used, but the interval is not of the Wald kind (profile likelihood, bootstrap, a typo),
 * and the analyst should be told.
 *
 * @example
 * seFromRatioCi('2.211', '1.089', '4.489')
 * // { yi: 0.79345…, se: 0.36150…, symmetric: true, geometricMean: 2.2110…, inside: true }
 */
import { qnorm } from '../dist/index.js';
import { overlaps, parsePrinted } from '../../audit/printed.js';

export interface RatioFromCi {
  readonly yi: number;
  readonly se: number;
  /** The ratio lies inside [L, U]. */
  readonly inside: boolean;
  /** The ratio can be the geometric mean of its limits within the printed rounding. */
  readonly symmetric: boolean;
  /** √(L·U) from the printed limits. */
  readonly geometricMean: number;
}

/** Values as printed (strings keep their decimals; numbers are taken as exact). Null when not positive numbers with L < U. */
export function seFromRatioCi(ratio: string | number, lower: string | number, upper: string | number, level = 0.95): RatioFromCi | null {
  const r = parsePrinted(ratio), L = parsePrinted(lower), U = parsePrinted(upper);
  if (!r || !L || !U || r.relation !== '=' || L.relation !== '=' || U.relation !== '=') return null;
  if (!(r.value > 0 && L.value > 0 && U.value > 0 && L.value < U.value)) return null;
  const z = qnorm(1 - (1 - level) / 2);
  const se = (Math.log(U.value) - Math.log(L.value)) / (2 * z);
  const gm = { lo: Math.sqrt(Math.max(L.lo, 0) * Math.max(U.lo, 0)), hi: Math.sqrt(L.hi * U.hi) };
  return Object.freeze({
    yi: Math.log(r.value),
    se,
    inside: r.hi >= L.lo && r.lo <= U.hi,
    symmetric: overlaps(r, gm),
    geometricMean: Math.sqrt(L.value * U.value),
  });
}
