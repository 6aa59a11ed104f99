/**
 * Cholesky factorisation A = L·D·Lᵀ of a small symmetric positive semi-definite p×p matrix
 * (row-major Float64Array), with singular-column detection.
 *
 * Contract: `a` is symmetric (only the lower triangle is read) and is not modified. A pivot not
 * larger than `tol` × (largest diagonal element of A) marks that column singular: its row and
 * column of L are zeroed, D is 0 there, and solves/inverses treat the direction as absent (the
 * coefficient is left unchanged), as in a generalised Cholesky for information matrices
 * (Golub & Van Loan, Matrix Computations, 4th ed., §4.2). O(p³).
 *
 * @example
 * const f = cholesky(new Float64Array([4, 2, 2, 3]), 2);
 * Array.from(f.d) // [4, 2]
 */
export interface CholeskyFactor {
  readonly p: number;
  /** Unit lower-triangular L (row-major p×p); the diagonal is 1 (0 for a singular column). */
  readonly l: Float64Array;
  /** Diagonal D (0 for a singular column). */
  readonly d: Float64Array;
  /** Number of non-singular columns. */
  readonly rank: number;
  /** 0-based indices of the singular columns. */
  readonly singular: readonly number[];
}

export function cholesky(a: Float64Array, p: number, tol = 1.8189894035458617e-12): CholeskyFactor {
  const l = new Float64Array(p * p);
  const d = new Float64Array(p);
  let maxDiag = 0;
  for (let i = 0; i < p; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i * p + i]));
  const eps = maxDiag * tol;
  const singular: number[] = [];
  for (let j = 0; j < p; j++) {
    let pivot = a[j * p + j];
    for (let k = 0; k < j; k++) pivot -= l[j * p + k] * l[j * p + k] * d[k];
    if (!(pivot > eps) || !Number.isFinite(pivot)) {
      singular.push(j);
      d[j] = 0;
      continue; // row j of L stays 0
    }
    d[j] = pivot;
    l[j * p + j] = 1;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j];
      for (let k = 0; k < j; k++) s -= l[i * p + k] * l[j * p + k] * d[k];
      l[i * p + j] = s / pivot;
    }
  }
  return { p, l, d, rank: p - singular.length, singular };
}
