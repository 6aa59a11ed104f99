/**
 * A small seeded pseudo-random generator for reproducible resampling: xoshiro128** (Blackman &
 * Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021;47(4):36), its 128-bit
 * state filled from the 32-bit seed by splitmix32. Not R's generator: results are reproducible
 * within siilab for a given seed, never equal to R's draws.
 */
export interface Prng {
  /** Uniform on [0, 1) with 32 random bits. */
  next(): number;
  /** Uniform integer in [0, n) (n ≤ 2^32), by the multiply-shift method. */
  nextInt(n: number): number;
}

/**
 * @example
 * const r = xoshiro128ss(42); [r.nextInt(10), r.nextInt(10)] // [1, 8]
 */
export function xoshiro128ss(seed: number): Prng {
  let z = seed >>> 0;
  const splitmix = (): number => {
    z = (z + 0x9e3779b9) >>> 0;
    let t = z ^ (z >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
  let s0 = splitmix(), s1 = splitmix(), s2 = splitmix(), s3 = splitmix();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  const u32 = (): number => {
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return r;
  };
  return {
    next: () => u32() / 4294967296,
    nextInt: (n: number) => Math.floor((u32() / 4294967296) * n),
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
