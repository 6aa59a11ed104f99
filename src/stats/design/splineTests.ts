/**
 * Wald tests of a spline covariate (Harrell, Regression Modeling Strategies, 2nd ed. 2015, §2.7.2 and
 * §9.2; rms's anova()): with b the coefficients of the covariate's k − 1 spline terms and V their
 * covariance block, the association test is W = bᵀ V⁻¹ b on k − 1 df; the nonlinearity test uses only
 * the k − 2 nonlinear terms (x', x'', …) on k − 2 df (H₀: the relation is linear).
 *
 * Contract: `variance` is the full p×p covariance (row-major flat or rows), `terms` the 0-based
 * positions of the covariate's terms in the coefficient vector, x first.
 *
 * @example
 * splineWaldTests([2, 1], [[1, 0], [0, 4]], [0, 1]).nonlinear // { chisq: 0.25, df: 1, p: 0.6170750774519738 }
 */
import { pChisqUpper } from '../dist/index.js';
import { cholesky } from '../linalg/cholesky.js';
import { choleskySolve } from '../linalg/choleskySolve.js';

export interface WaldTest {
  readonly chisq: number;
  readonly df: number;
  readonly p: number;
}

/** W = b_Tᵀ V_TT⁻¹ b_T for the coefficient positions T. */
export function waldSubset(coef: ArrayLike<number>, variance: readonly (readonly number[])[] | Float64Array, idx: readonly number[]): WaldTest {
  const m = idx.length;
  const p = coef.length;
  const at = (i: number, j: number): number => (variance instanceof Float64Array ? variance[i * p + j] : variance[i][j]);
  const v = new Float64Array(m * m);
  const b = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    b[r] = coef[idx[r]];
    for (let c = 0; c < m; c++) v[r * m + c] = at(idx[r], idx[c]);
  }
  const x = choleskySolve(cholesky(v, m), b);
  let w = 0;
  for (let r = 0; r < m; r++) w += b[r] * x[r];
  return Object.freeze({ chisq: w, df: m, p: pChisqUpper(w, m) });
}

export function splineWaldTests(coef: ArrayLike<number>, variance: readonly (readonly number[])[] | Float64Array, terms: readonly number[]) {
  return Object.freeze({ overall: waldSubset(coef, variance, terms), nonlinear: waldSubset(coef, variance, terms.slice(1)) });
}
