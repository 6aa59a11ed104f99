/**
 * The inverse (generalised: rows and columns of singular directions are 0) of a symmetric
 * positive semi-definite matrix from its Cholesky factor; used for the variance of Cox
 * coefficients (inverse of the information matrix).
 *
 * Contract: `f` comes from cholesky(A); returns a new symmetric row-major p×p array. O(p³).
 *
 * @example
 * Array.from(choleskyInverse(cholesky(new Float64Array([4, 2, 2, 3]), 2))) // [0.375, -0.25, -0.25, 0.5]
 */
import type { CholeskyFactor } from './cholesky.js';
import { choleskySolve } from './choleskySolve.js';

export function choleskyInverse(f: CholeskyFactor): Float64Array {
  const p = f.p;
  const inv = new Float64Array(p * p);
  const e = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    e.fill(0);
    e[j] = 1;
    const col = choleskySolve(f, e);
    for (let i = 0; i < p; i++) inv[i * p + j] = col[i];
  }
  // exact symmetry
  for (let i = 0; i < p; i++)
    for (let j = 0; j < i; j++) {
      const m = 0.5 * (inv[i * p + j] + inv[j * p + i]);
      inv[i * p + j] = m;
      inv[j * p + i] = m;
    }
  return inv;
}
