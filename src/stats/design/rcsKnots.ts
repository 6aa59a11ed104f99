/**
 * Default knots of a restricted cubic spline: Harrell's quantiles (Regression Modeling Strategies,
 * 2nd ed. 2015, §2.4.6, Table 2.3), as Hmisc::rcspline.eval(x, nk = k, knots.only = TRUE) places them:
 *   k = 3: .10 .50 .90            k = 4: .05 .35 .65 .95          k = 5: .05 .275 .50 .725 .95
 *   k = 6: .05 .23 .41 .59 .77 .95   k = 7: .025 .18333 .34167 .50 .65833 .81667 .975
 * (sample quantiles of the non-missing values, R's type 7); with fewer than 100 values the outer knots
 * are the 5th smallest and the 5th largest value instead (the rule Hmisc documents for small n).
 *
 * Contract: returns strictly increasing knots, or throws an analysis error naming the column when the
 * data cannot carry k distinct knots (fewer than 6 values, or tied quantiles: give fewer or explicit
 * knots). `heavyTies` is true when ≥ 5% of the values sit at the minimum or the maximum and k > 3: Hmisc
 * then switches to an alternative placement (its `fractied` rule), so explicit knots are advisable when
 * parity with rms matters. O(n log n) (one sort).
 *
 * @example
 * rcsKnots(Float64Array.from({ length: 101 }, (_, i) => i), 4).knots // [5, 35, 65, 95]
 */
import { analysisError } from '../../errors.js';
import { splineMessages } from '../../messages/index.js';
import { quantileSorted } from '../describe/quantile.js';

/** Harrell's default knot quantiles for k = 3 … 7. */
export const RCS_KNOT_QUANTILES: Readonly<Record<number, readonly number[]>> = Object.freeze({
  3: [0.1, 0.5, 0.9],
  4: [0.05, 0.35, 0.65, 0.95],
  5: [0.05, 0.275, 0.5, 0.725, 0.95],
  6: [0.05, 0.23, 0.41, 0.59, 0.77, 0.95],
  // seq(.025, .975, length.out = 7)
  7: Array.from({ length: 7 }, (_, i) => 0.025 + (i * 0.95) / 6),
});

export interface RcsKnots {
  readonly knots: readonly number[];
  /** Non-missing values the knots were computed from. */
  readonly n: number;
  readonly heavyTies: boolean;
}

export function rcsKnots(x: ArrayLike<number>, k: number, column = 'x'): RcsKnots {
  const probs = RCS_KNOT_QUANTILES[k];
  if (!probs) throw analysisError(splineMessages.badKnotCount(column, k));
  let n = 0;
  for (let i = 0; i < x.length; i++) if (Number.isFinite(x[i])) n++;
  if (n < 6) throw analysisError(splineMessages.tooFewValues(column, n));
  const s = new Float64Array(n);
  for (let i = 0, j = 0; i < x.length; i++) if (Number.isFinite(x[i])) s[j++] = x[i];
  s.sort();
  const knots = probs.map((p) => quantileSorted(s, p, 7));
  if (n < 100) {
    knots[0] = s[4];
    knots[k - 1] = s[n - 5];
  }
  for (let j = 1; j < k; j++) if (!(knots[j] > knots[j - 1])) throw analysisError(splineMessages.tiedKnots(column, k, knots));
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < n; i++) {
    if (s[i] === s[0]) lo++;
    if (s[i] === s[n - 1]) hi++;
  }
  const heavyTies = k > 3 && Math.max(lo, hi) >= 0.05 * n;
  return Object.freeze({ knots: Object.freeze(knots), n, heavyTies });
}

/** Checks user-given knots: at least 3, finite, strictly increasing. */
export function checkKnots(knots: readonly number[], column = 'x'): readonly number[] {
  if (knots.length < 3 || knots.length > 10) throw analysisError(splineMessages.badKnotCount(column, knots.length));
  for (let j = 0; j < knots.length; j++) {
    if (!Number.isFinite(knots[j]) || (j > 0 && !(knots[j] > knots[j - 1]))) throw analysisError(splineMessages.knotsNotIncreasing(column, knots));
  }
  return Object.freeze([...knots]);
}
