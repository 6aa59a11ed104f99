/**
 * Solves A·x = b given the Cholesky factor of A (see cholesky.ts); components in singular
 * directions are 0 (a generalised inverse that leaves those coefficients unchanged).
 *
 * Contract: `f` comes from cholesky(A); b has length p; returns a new array. O(p²).
 *
 * @example
 * Array.from(choleskySolve(cholesky(new Float64Array([4, 2, 2, 3]), 2), new Float64Array([6, 5]))) // [1, 1]
 */
import type { CholeskyFactor } from './cholesky.js';

export function choleskySolve(f: CholeskyFactor, b: Float64Array): Float64Array {
  const { p, l, d } = f;
  const x = new Float64Array(p);
  // forward: L y = b
  for (let i = 0; i < p; i++) {
    if (d[i] === 0) {
      x[i] = 0;
      continue;
    }
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * p + k] * x[k];
    x[i] = s;
  }
  // diagonal: D z = y
  for (let i = 0; i < p; i++) x[i] = d[i] === 0 ? 0 : x[i] / d[i];
  // backward: Lᵀ x = z
  for (let i = p - 1; i >= 0; i--) {
    if (d[i] === 0) continue;
    let s = x[i];
    for (let k = i + 1; k < p; k++) s -= l[k * p + i] * x[k];
    x[i] = s;
  }
  return x;
}
