/**
 * Seeds and resampling indices of a seeded bootstrap. The master seed starts one Mersenne Twister
 * stream (src/simulate/rng.ts, @stdlib's MT19937) that draws one 32-bit seed per replicate, in
 * replicate order, before any work is split; replicate b then draws its n indices from its own
 * stream. So replicate b is the same resample whatever the number of threads and whichever thread
 * runs it.
 *
 * @example
 * const s = replicateSeeds(1, 3);           // Uint32Array of 3 seeds, the same on every run
 * bootstrapIndices(5, s[0]).length          // 5 (indices in 0..4, drawn with replacement)
 */
import { createRng } from '../../simulate/rng.js';

export function replicateSeeds(masterSeed: number, b: number): Uint32Array {
  const rng = createRng(masterSeed);
  const out = new Uint32Array(b);
  for (let k = 0; k < b; k++) out[k] = Math.floor(rng.uniform() * 4294967296) >>> 0;
  return out;
}

/** `into` (optional, length n): filled and returned instead of a new array. */
export function bootstrapIndices(n: number, seed: number, into?: Int32Array): Int32Array {
  const rng = createRng(seed);
  const idx = into ?? new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = Math.floor(rng.uniform() * n);
  return idx;
}
