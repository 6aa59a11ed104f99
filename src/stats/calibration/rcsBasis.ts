/**
 * Restricted cubic spline basis (Stone & Koo 1985; Harrell, Regression Modeling Strategies, 2nd
 * ed. 2015, §2.4.5, eq. 2.25) for the smooth calibration curve: for knots k₁ < … < k_K the K − 1
 * columns are x and, for j = 1 … K − 2,
 *   (x − k_j)₊³ − (x − k_{K−1})₊³ (k_K − k_j)/(k_K − k_{K−1}) + (x − k_K)₊³ (k_{K−1} − k_j)/(k_K − k_{K−1}),
 * divided by (k_K − k₁)² (Harrell's "norm = 2" scaling, which changes no fitted value).
 * `calibrationKnots` puts 3 knots at the 10th, 50th and 90th percentiles (R quantile type 7),
 * Harrell's default for 3 knots, as Austin, Harrell & van Klaveren (2020) use for calibration.
 *
 * @example
 * rcsBasis(new Float64Array([0, 1, 2, 3]), [0.5, 1.5, 2.5])[1] // Float64Array [0, 0.03125, 0.78125, 2.25]  (R: Hmisc::rcspline.eval(0:3, c(.5, 1.5, 2.5)))
 */
import { quantileSorted } from '../describe/quantile.js';

export function calibrationKnots(x: ArrayLike<number>, probs: readonly number[] = [0.1, 0.5, 0.9]): number[] {
  const s = Float64Array.from(x).sort();
  return probs.map((p) => quantileSorted(s, p, 7));
}

export function rcsBasis(x: ArrayLike<number>, knots: readonly number[]): Float64Array[] {
  const n = x.length;
  const K = knots.length;
  const kK = knots[K - 1];
  const kK1 = knots[K - 2];
  const norm = (kK - knots[0]) * (kK - knots[0]);
  const cube = (v: number) => (v > 0 ? v * v * v : 0);
  const cols: Float64Array[] = [Float64Array.from(x)];
  for (let j = 0; j < K - 2; j++) {
    const kj = knots[j];
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      c[i] = (cube(xi - kj) - (cube(xi - kK1) * (kK - kj)) / (kK - kK1) + (cube(xi - kK) * (kK1 - kj)) / (kK - kK1)) / norm;
    }
    cols.push(c);
  }
  return cols;
}
