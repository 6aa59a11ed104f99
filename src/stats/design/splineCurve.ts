/**
 * The effect curve of a spline covariate relative to a reference value, as rms::Predict(fit, x,
 * ref.zero = TRUE, fun = exp) draws it for a Cox (hazard ratio) or logistic (odds ratio) model:
 * with B(x) the rcs basis (src/stats/design/rcsBasis.ts) and b, V the covariate's coefficients and their
 * covariance, d = B(x) − B(ref), log ratio = dᵀb, SE = √(dᵀVd), pointwise band exp(dᵀb ± z·SE)
 * (zero width at the reference). Default reference: the median (rms datadist's adjust-to value); default
 * grid: 100 points over rms's display range, the q-th and (1 − q)-th quantiles with q = 10 / max(n, 200).
 *
 * @example
 * splineCurve({ knots: [0.5, 1, 2.3, 14], coef: [2.1586, -121.37, 166.91], variance: [[0.27, -20, 27], [-20, 1489, -2070], [27, -2070, 2878]],
 *   reference: 1.4, grid: [1.4, 4.5] }).points[1].ratio // ≈ 3.03 (R rms::Predict: 3.0308)
 */
import { qnorm } from '../dist/index.js';
import { quantileSorted } from '../describe/quantile.js';
import { rcsRow } from './rcsBasis.js';

export interface SplineCurvePoint {
  readonly x: number;
  readonly logRatio: number;
  readonly se: number;
  readonly ratio: number;
  readonly lower: number;
  readonly upper: number;
}

export interface SplineCurve {
  readonly reference: number;
  readonly confLevel: number;
  readonly points: readonly SplineCurvePoint[];
}

export interface SplineCurveInput {
  readonly knots: readonly number[];
  /** The k − 1 spline coefficients (x, x', …). */
  readonly coef: ArrayLike<number>;
  /** Their (k − 1)×(k − 1) covariance. */
  readonly variance: readonly (readonly number[])[];
  /** Reference value (ratio 1); default the median of `values`. */
  readonly reference?: number;
  readonly grid?: readonly number[];
  /** The covariate's values in the fitted data (for the default reference and grid). */
  readonly values?: ArrayLike<number>;
  readonly confLevel?: number;
  readonly gridSize?: number;
}

/** rms datadist's display range: q-th and (1 − q)-th quantiles with q = 10 / max(n, 200). */
export function displayRange(sorted: ArrayLike<number>): [number, number] {
  const q = 10 / Math.max(sorted.length, 200);
  return [quantileSorted(sorted, q, 7), quantileSorted(sorted, 1 - q, 7)];
}

export function splineCurve(input: SplineCurveInput): SplineCurve {
  const m = input.knots.length - 1;
  let sorted: Float64Array | null = null;
  if (input.values) {
    const v = Array.from(input.values as ArrayLike<number>).filter(Number.isFinite);
    sorted = Float64Array.from(v).sort();
  }
  const reference = input.reference ?? (sorted ? quantileSorted(sorted, 0.5, 7) : NaN);
  let grid = input.grid;
  if (!grid) {
    const [lo, hi] = sorted ? displayRange(sorted) : [input.knots[0], input.knots[m]];
    const g = input.gridSize ?? 100;
    grid = Array.from({ length: g }, (_, i) => lo + ((hi - lo) * i) / (g - 1));
  }
  const confLevel = input.confLevel ?? 0.95;
  const z = qnorm(1 - (1 - confLevel) / 2);
  const b0 = rcsRow(reference, input.knots);
  const points = grid.map((x) => {
    const b = rcsRow(x, input.knots);
    const d = b.map((v, j) => v - b0[j]);
    let lr = 0;
    let var_ = 0;
    for (let j = 0; j < m; j++) {
      lr += d[j] * input.coef[j];
      for (let k = 0; k < m; k++) var_ += d[j] * input.variance[j][k] * d[k];
    }
    const se = Math.sqrt(Math.max(var_, 0));
    return Object.freeze({ x, logRatio: lr, se, ratio: Math.exp(lr), lower: Math.exp(lr - z * se), upper: Math.exp(lr + z * se) });
  });
  return Object.freeze({ reference, confLevel, points: Object.freeze(points) });
}
