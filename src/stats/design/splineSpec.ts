/**
 * Resolves a spline covariate's knots: k = 3…7 knots at Harrell's default quantiles of the column's
 * non-missing values (src/stats/design/rcsKnots.ts; rms::rcs computes them on the whole column, before
 * the model drops incomplete rows), or the given knot values (checked). The result names the k − 1 terms
 * as rms prints them and carries the warning that rms may place tied knots differently.
 *
 * @example
 * splineSpec('x', Float64Array.from({ length: 101 }, (_, i) => i), 4).terms // ['x', "x'", "x''"]
 */
import { splineMessages } from '../../messages/index.js';
import { checkKnots, rcsKnots } from './rcsKnots.js';
import { rcsTermNames } from './rcsBasis.js';

export interface SplineSpec {
  readonly covariate: string;
  readonly knots: readonly number[];
  /** Term names: covariate, covariate', covariate'', … */
  readonly terms: readonly string[];
  /** True when the knots were Harrell's default quantiles (false: given). */
  readonly defaultKnots: boolean;
  readonly warnings: readonly string[];
}

export function splineSpec(name: string, values: ArrayLike<number>, knots: number | readonly number[]): SplineSpec {
  let kn: readonly number[];
  const warnings: string[] = [];
  if (typeof knots === 'number') {
    const r = rcsKnots(values, knots, name);
    kn = r.knots;
    if (r.heavyTies) warnings.push(splineMessages.heavyTies(name));
  } else kn = checkKnots(knots, name);
  return Object.freeze({
    covariate: name,
    knots: kn,
    terms: Object.freeze(rcsTermNames(name, kn.length)),
    defaultKnots: typeof knots === 'number',
    warnings: Object.freeze(warnings),
  });
}
