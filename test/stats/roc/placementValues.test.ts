import { describe, expect, it } from 'vitest';
import { placementValues, sortedPlacementValues, lowerBound, upperBound } from '../../../src/stats/roc/placementValues.js';
import { xoshiro128ss } from '../../../src/stats/roc/prng.js';

/** The O(m n) definition (DeLong et al. 1988) to check the O(n log n) version against. */
function bruteForce(cases: Float64Array, controls: Float64Array) {
  const psi = (x: number, y: number) => (x > y ? 1 : x === y ? 0.5 : 0);
  const v10 = Array.from(cases, (x) => controls.reduce((s, y) => s + psi(x, y), 0) / controls.length);
  const v01 = Array.from(controls, (y) => cases.reduce((s, x) => s + psi(x, y), 0) / cases.length);
  return { v10, v01, auc: v10.reduce((a, b) => a + b, 0) / cases.length };
}

/** Mid-ranks (1-based) of v within `all`. */
function midRanks(all: number[]): number[] {
  return all.map((v) => all.filter((w) => w < v).length + (all.filter((w) => w === v).length + 1) / 2);
}

describe('placementValues', () => {
  const rng = xoshiro128ss(2024);
  for (const [m, n, levels] of [[7, 11, 5], [30, 20, 1000], [1, 9, 3], [25, 25, 2]] as const) {
    it(`equals the O(mn) definition with ties (m=${m}, n=${n}, ${levels} distinct levels)`, () => {
      const cases = Float64Array.from({ length: m }, () => rng.nextInt(levels));
      const controls = Float64Array.from({ length: n }, () => rng.nextInt(levels) - 1);
      const sc = cases.slice().sort(), sn = controls.slice().sort();
      const p = placementValues(cases, controls, sc, sn);
      const b = bruteForce(cases, controls);
      expect(Array.from(p.cases)).toEqual(b.v10);
      expect(Array.from(p.controls)).toEqual(b.v01);
      expect(p.auc).toBeCloseTo(b.auc, 14);
      const q = sortedPlacementValues(sc, sn);
      const bs = bruteForce(sc, sn);
      expect(Array.from(q.cases)).toEqual(bs.v10);
      expect(Array.from(q.controls)).toEqual(bs.v01);
      expect(q.auc).toBe(p.auc);
    });
  }

  it("satisfies Sun & Xu's mid-rank identity V10_i = (R_i − R^X_i) / n", () => {
    const cases = Float64Array.of(3, 1, 4, 1, 5), controls = Float64Array.of(9, 2, 6, 5, 3, 5);
    const all = [...cases, ...controls];
    const R = midRanks(all).slice(0, cases.length);
    const RX = midRanks([...cases]);
    const p = placementValues(cases, controls, cases.slice().sort(), controls.slice().sort());
    p.cases.forEach((v, i) => expect(v).toBeCloseTo((R[i] - RX[i]) / controls.length, 15));
  });

  it('binary searches find the bounds of a run of equal values', () => {
    const a = Float64Array.of(1, 2, 2, 2, 3);
    expect([lowerBound(a, 2), upperBound(a, 2)]).toEqual([1, 4]);
    expect([lowerBound(a, 0), upperBound(a, 9)]).toEqual([0, 5]);
  });
});
