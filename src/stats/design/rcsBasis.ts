/**
 * The restricted cubic spline basis (Stone & Koo 1985, Proc. Stat. Comp. Sect. ASA 45–48; Harrell,
 * Regression Modeling Strategies, 2nd ed. 2015, §2.4.5, eq. 2.25) in the truncated-power form, with
 * Harrell's normalisation (Hmisc rcspline.eval norm = 2, which rms::rcs uses): for knots t₁ < … < t_k,
 * the k − 1 columns are X and, for j = 1 … k − 2,
 *   [(X − t_j)₊³ − (X − t_{k−1})₊³ (t_k − t_j)/(t_k − t_{k−1}) + (X − t_k)₊³ (t_{k−1} − t_j)/(t_k − t_{k−1})] / (t_k − t₁)².
 * The function is linear beyond the outer knots. Terms are named as rms prints them: `x`, `x'`, `x''`, …
 * NaN stays NaN (the caller drops incomplete rows). O(n·k).
 *
 * @example
 * rcsBasis(Float64Array.of(0.9, 3), [0.6, 1.1, 2.2, 6.5])[1] // Float64Array [0.000775639184…, 0.376945945765…] (R: rcspline.eval)
 * rcsTermNames('bili', 4) // ['bili', "bili'", "bili''"]
 */

/** Column j (0-based; 0 is x itself) of the basis at one value. */
export function rcsValue(x: number, knots: readonly number[], j: number): number {
  if (j === 0) return x;
  const k = knots.length;
  const tk = knots[k - 1];
  const tk1 = knots[k - 2];
  const tj = knots[j - 1];
  const norm = (tk - knots[0]) * (tk - knots[0]);
  const c = (v: number) => (v > 0 ? v * v * v : 0);
  return (c(x - tj) - (c(x - tk1) * (tk - tj)) / (tk - tk1) + (c(x - tk) * (tk1 - tj)) / (tk - tk1)) / norm;
}

/** The k − 1 basis values at one x. */
export function rcsRow(x: number, knots: readonly number[]): number[] {
  return Array.from({ length: knots.length - 1 }, (_, j) => rcsValue(x, knots, j));
}

/** The k − 1 basis columns for the values x (column-major). */
export function rcsBasis(x: ArrayLike<number>, knots: readonly number[]): Float64Array[] {
  const n = x.length;
  const cols = Array.from({ length: knots.length - 1 }, () => new Float64Array(n));
  for (let j = 0; j < cols.length; j++) {
    const col = cols[j];
    for (let i = 0; i < n; i++) col[i] = rcsValue(x[i], knots, j);
  }
  return cols;
}

/** rms's term names: the column, then one more prime per nonlinear term. */
export function rcsTermNames(name: string, k: number): string[] {
  return Array.from({ length: k - 1 }, (_, j) => name + "'".repeat(j));
}
