/**
 * Seeded random numbers for simulation: @stdlib's 32-bit Mersenne Twister (same stream as
 * numpy's RandomState for the same seed), normal deviates by inversion (Φ⁻¹ from @stdlib).
 */
import mt19937 from '@stdlib/random-base-mt19937';
import { qnorm } from '../stats/dist/index.js';

export interface Rng {
  /** Uniform on the open interval (0, 1). */
  uniform(): number;
  normal(): number;
  /** Fisher–Yates shuffle in place. */
  shuffle<T>(a: T[]): T[];
}

export function createRng(seed: number): Rng {
  const gen = mt19937.factory({ seed: seed >>> 0 || 1 }) as unknown as { normalized: () => number };
  const uniform = (): number => {
    let u = gen.normalized();
    while (u <= 0) u = gen.normalized();
    return u;
  };
  return {
    uniform,
    normal: () => qnorm(uniform()),
    shuffle<T>(a: T[]): T[] {
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(uniform() * (i + 1));
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
      }
      return a;
    },
  };
}
