// Descriptive building blocks by hand: Hyndman–Fan type 6/7 quantiles, summaries, mid-ranks.
import { describe, expect, it } from 'vitest';
import { quantileSorted } from '../../../src/stats/describe/quantile.js';
import { numericSummary, meanVariance } from '../../../src/stats/describe/numericSummary.js';
import { midranks } from '../../../src/stats/describe/midranks.js';

const f = (xs: number[]) => Float64Array.from(xs);
const near = (a: number, b: number, tol = 1e-12) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

describe('quantiles and summaries', () => {
  it('midranks and the tie sum', () => {
    const r = midranks(f([3, 1, 3, 2]));
    expect(Array.from(r.ranks)).toEqual([3.5, 1, 3.5, 2]);
    expect(r.tieSum).toBe(6);
  });
  it('midranks equal the definition on many ties, negatives and ±0 (20,000 values: the 16-bit radix passes)', () => {
    let s = 3;
    const rnd = () => (s = (s * 48271) % 2147483647) / 2147483647;
    const v = Float64Array.from({ length: 20000 }, () => (rnd() < 0.05 ? (rnd() < 0.5 ? -0 : 0) : Math.round((rnd() - 0.3) * 400) / 4));
    const r = midranks(v);
    // rank of x = (#{< x}) + (#{= x} + 1) / 2
    const sorted = Array.from(v).sort((a, b) => a - b);
    const below = (x: number) => sorted.findIndex((y) => y >= x);
    const ties = new Map<number, number>();
    for (const x of v) ties.set(x + 0, (ties.get(x + 0) ?? 0) + 1);
    for (let i = 0; i < v.length; i += 97) expect(r.ranks[i]).toBe(below(v[i]) + (ties.get(v[i] + 0)! + 1) / 2);
    let tieSum = 0;
    for (const t of ties.values()) tieSum += t * t * t - t;
    expect(r.tieSum).toBe(tieSum);
  });
  it('two-pass mean/variance stays exact where the one-pass formula loses digits', () => {
    const big = f([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    const r = meanVariance(big);
    expect(r.mean).toBe(1e9 + 10);
    expect(r.variance).toBe(30);
  });

  it('type 7 (R) and type 6 (SPSS) quartiles of 1..4', () => {
    expect(quantileSorted(f([1, 2, 3, 4]), 0.25, 7)).toBe(1.75);
    expect(quantileSorted(f([1, 2, 3, 4]), 0.25, 6)).toBe(1.25);
    expect(quantileSorted(f([1, 2, 3, 4]), 0.75, 6)).toBe(3.75);
    expect(quantileSorted(f([7]), 0.25, 6)).toBe(7);
  });
  it('numericSummary of 1..4', () => {
    const s = numericSummary(f([4, 1, 3, 2]));
    expect([s.n, s.mean, s.median, s.q1, s.q3, s.min, s.max]).toEqual([4, 2.5, 2.5, 1.75, 3.25, 1, 4]);
    near(s.sd, Math.sqrt(5 / 3));
  });
});

