import { describe, expect, it } from 'vitest';
import { kthSmallest } from '../../../src/stats/describe/kthSmallest.js';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('kthSmallest', () => {
  it('a small case by hand', () => {
    expect(kthSmallest(new Float64Array([5, 1, 4, 2, 3]), 1)).toBe(2);
    expect(kthSmallest(new Float64Array([7]), 0)).toBe(7);
    expect(kthSmallest(new Float64Array([2, 2, 1, 2]), 3)).toBe(2);
  });
  it('equals the sorted array at every k asked, with ties, negatives and large n; partitions around a[k]', () => {
    const u = rng(3);
    for (const n of [2, 7, 601, 1000, 5000, 100_001]) {
      for (const ties of [false, true]) {
        const a = Float64Array.from({ length: n }, () => (ties ? Math.floor(u() * 20) - 10 : u() * 200 - 100));
        const sorted = a.slice().sort();
        for (const k of [Math.floor(n / 2), 0, n - 1, Math.floor(n / 3), Math.floor(u() * n)]) {
          const b = a.slice();
          expect(kthSmallest(b, k)).toBe(sorted[k]);
          for (let i = 0; i < k; i++) expect(b[i] <= b[k]).toBe(true);
          for (let i = k + 1; i < n; i++) expect(b[i] >= b[k]).toBe(true);
          if (n > 1000) break;
        }
      }
    }
  });
});
