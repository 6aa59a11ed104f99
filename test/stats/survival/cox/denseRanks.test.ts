import { describe, expect, it } from 'vitest';
import { denseRanks } from '../../../../src/stats/survival/cox/denseRanks.js';

/** Dense ranks by a comparator sort (the definition). */
function reference(v: Float64Array): number[] {
  const distinct = [...new Set(Array.from(v, (x) => x + 0))].sort((a, b) => a - b);
  return Array.from(v, (x) => distinct.indexOf(x + 0) + 1);
}

describe('denseRanks', () => {
  let s = 11;
  const rnd = () => (s = (s * 48271) % 2147483647) / 2147483647;
  const cases: [string, () => number][] = [
    ['spread-out values', () => rnd() * 6 - 3],
    ['ties and ±0 (categorical scores)', () => (rnd() < 0.2 ? (rnd() < 0.5 ? -0 : 0) : Math.round(rnd() * 6) / 2 - 1)],
    ['one outlier (crowded buckets)', () => (rnd() < 0.005 ? 1e9 : rnd())],
    ['near-equal values', () => 1 + Math.round(rnd() * 50) * 2 ** -45],
    ['infinite values', () => (rnd() < 0.05 ? -Infinity : rnd() < 0.05 ? Infinity : rnd())],
    ['subnormal spacing', () => Math.round(rnd() * 40) * 5e-324],
    // at most 16 distinct values: ranked by search among them (no sort of the rows)
    ['two values (a binary covariate)', () => (rnd() < 0.3 ? 0.7 : -0.2)],
    ['few values with infinities and ±0', () => [-Infinity, Infinity, -0, 0, 1e-300, -2.5][Math.floor(rnd() * 6)]],
    ['16 distinct values', () => Math.floor(rnd() * 16) / 7],
    ['17 distinct values', () => Math.floor(rnd() * 17) / 7],
  ];
  for (const [label, draw] of cases)
    it(label, () => {
      for (const n of [1, 2, 17, 600]) {
        const v = Float64Array.from({ length: n }, draw);
        const rank = new Int32Array(n);
        const ref = reference(v);
        expect(denseRanks(v, rank)).toBe(Math.max(...ref));
        expect(Array.from(rank)).toEqual(ref);
      }
    });
  it('a constant score has one rank', () => {
    const rank = new Int32Array(3);
    expect(denseRanks(new Float64Array([2, 2, 2]), rank)).toBe(1);
    expect(Array.from(rank)).toEqual([1, 1, 1]);
  });
});
