import { describe, expect, it } from 'vitest';
import { cholesky } from '../../../src/stats/linalg/cholesky.js';
import { choleskySolve } from '../../../src/stats/linalg/choleskySolve.js';
import { choleskyInverse } from '../../../src/stats/linalg/choleskyInverse.js';

/** A = BᵀB + diag, a well-conditioned SPD matrix from a seeded generator. */
function spd(p: number, seed: number): Float64Array {
  let s = seed;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
  const b = Array.from({ length: p * p }, rnd);
  const a = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      let v = i === j ? 0.5 : 0;
      for (let k = 0; k < p; k++) v += b[k * p + i] * b[k * p + j];
      a[i * p + j] = v;
    }
  return a;
}

describe('cholesky / solve / inverse', () => {
  it('the @example values', () => {
    const a = new Float64Array([4, 2, 2, 3]);
    const f = cholesky(a, 2);
    expect(Array.from(f.d)).toEqual([4, 2]);
    expect(Array.from(f.l)).toEqual([1, 0, 0.5, 1]);
    expect(Array.from(choleskySolve(f, new Float64Array([6, 5])))).toEqual([1, 1]);
    expect(Array.from(choleskyInverse(f))).toEqual([0.375, -0.25, -0.25, 0.5]);
  });
  it('solves and inverts random SPD matrices (p = 1..8)', () => {
    for (let p = 1; p <= 8; p++) {
      const a = spd(p, 11 + p);
      const f = cholesky(a, p);
      expect(f.rank).toBe(p);
      const b = Float64Array.from({ length: p }, (_, i) => i - 1.5);
      const x = choleskySolve(f, b);
      for (let i = 0; i < p; i++) {
        let s = 0;
        for (let k = 0; k < p; k++) s += a[i * p + k] * x[k];
        expect(Math.abs(s - b[i])).toBeLessThan(1e-10);
      }
      const inv = choleskyInverse(f);
      for (let i = 0; i < p; i++)
        for (let j = 0; j < p; j++) {
          let s = 0;
          for (let k = 0; k < p; k++) s += a[i * p + k] * inv[k * p + j];
          expect(Math.abs(s - (i === j ? 1 : 0))).toBeLessThan(1e-10);
        }
    }
  });
  it('flags a singular (collinear) column and leaves it out of solves and inverses', () => {
    // column 2 = column 0 + column 1
    const a = new Float64Array([2, 1, 3, 1, 2, 3, 3, 3, 6]);
    const f = cholesky(a, 3);
    expect(f.singular).toEqual([2]);
    expect(f.rank).toBe(2);
    const x = choleskySolve(f, new Float64Array([3, 3, 6]));
    expect(x[2]).toBe(0);
    expect(x[0]).toBeCloseTo(1, 12);
    expect(x[1]).toBeCloseTo(1, 12);
    const inv = choleskyInverse(f);
    expect([inv[2], inv[5], inv[8]]).toEqual([0, 0, 0]);
  });
  it('a zero matrix is fully singular', () => {
    expect(cholesky(new Float64Array(4), 2).singular).toEqual([0, 1]);
  });
});
