/**
 * Descriptive summary of a numeric sample for baseline tables: n, mean, SD (n − 1 denominator),
 * median, quartiles (Hyndman & Fan type 7 as R by default, or type 6 as SPSS), min and max.
 * Mean and variance by the two-pass algorithm (Chan, Golub & LeVeque 1983, Am. Stat. 37:242) for
 * accuracy; one sort for the quantiles.
 *
 * Contract: `values` finite (missing values already dropped); n ≥ 1 (SD is NaN when n = 1).
 *
 * @example
 * numericSummary(new Float64Array([1, 2, 3, 4])) // { n: 4, mean: 2.5, sd: 1.2909944487358056, median: 2.5, q1: 1.75, q3: 3.25, min: 1, max: 4, quantileType: 7 }
 */
import { quantileSorted, type QuantileType } from './quantile.js';

export interface NumericSummary {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly min: number;
  readonly max: number;
  readonly quantileType: QuantileType;
}

/** Mean and sample variance (two-pass, with the compensating correction term). */
export function meanVariance(values: ArrayLike<number>): { mean: number; variance: number } {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i];
  const mean = s / n;
  let ss = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    ss += d * d;
    c += d;
  }
  return { mean: mean + c / n, variance: n > 1 ? (ss - (c * c) / n) / (n - 1) : NaN };
}

export function numericSummary(values: Float64Array, quantileType: QuantileType = 7): NumericSummary {
  const { mean, variance } = meanVariance(values);
  const sorted = Float64Array.from(values).sort();
  return Object.freeze({
    n: values.length,
    mean,
    sd: Math.sqrt(variance),
    median: quantileSorted(sorted, 0.5, quantileType),
    q1: quantileSorted(sorted, 0.25, quantileType),
    q3: quantileSorted(sorted, 0.75, quantileType),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    quantileType,
  });
}
