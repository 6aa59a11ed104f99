import { describe, expect, it } from 'vitest';
import { compareAucs } from '../../../src/stats/roc/compareAucs.js';
import { rocAnalysis } from '../../../src/stats/roc/rocAnalysis.js';
import { completeCases, readCsv, ref, relErr } from './referenceData.js';

const sets: [string, string, string][] = [
  ['aSAH', 'aSAH.csv', 'outcome'],
  ['lung1y', 'lung1y.csv', 'dead1y'],
  ['tiny', 'tiny.csv', 'y'],
];

describe('compareAucs (paired DeLong) against pROC roc.test(method = "delong", paired = TRUE)', () => {
  for (const [key, file, outcome] of sets) {
    const r = ref[key];
    const d = completeCases(readCsv(file), outcome, r.markers);
    const res = Object.fromEntries((r.markers as string[]).map((m) => [m, rocAnalysis(d.x[m], d.y, { marker: m })]));
    for (const e of r.comparisons) {
      it(`${key}: ${e.a} vs ${e.b}`, () => {
        const c = compareAucs(res[e.a], res[e.b]);
        expect(c.a).toBe(e.a);
        expect(relErr(c.diff, e.diff)).toBeLessThan(1e-9);
        expect(relErr(c.z!, e.z)).toBeLessThan(1e-6);
        expect(relErr(c.p!, e.p)).toBeLessThan(1e-6);
        expect(relErr(c.lower!, e.lower)).toBeLessThan(1e-6);
        expect(relErr(c.upper!, e.upper)).toBeLessThan(1e-6);
      });
    }
  }
});

describe('compareAucs by hand', () => {
  it('is antisymmetric and gives a null test for identical markers', () => {
    const y = Float64Array.of(0, 0, 0, 1, 1, 1);
    const a = rocAnalysis(Float64Array.of(1, 2, 4, 3, 5, 6), y, { marker: 'a' });
    const b = rocAnalysis(Float64Array.of(2, 1, 3, 6, 4, 5), y, { marker: 'b' });
    const ab = compareAucs(a, b), ba = compareAucs(b, a);
    expect(ab.diff).toBeCloseTo(8 / 9 - 1, 15);
    expect(ba.z).toBeCloseTo(-ab.z!, 14);
    expect(ba.p).toBeCloseTo(ab.p!, 14);
    const same = compareAucs(a, a);
    expect(same.diff).toBe(0);
    expect(same.se).toBeNull();
    expect(same.p).toBeNull();
  });

  it('reduces to Var(A1) + Var(A2) − 2 Cov written out for a 2 + 2 example', () => {
    // y = 0,0,1,1; marker a = 1,3,2,4 ; marker b = 2,1,4,3 (both direction higher)
    const y = Float64Array.of(0, 0, 1, 1);
    const a = rocAnalysis(Float64Array.of(1, 3, 2, 4), y, { marker: 'a', direction: 'higher' });
    const b = rocAnalysis(Float64Array.of(2, 1, 4, 3), y, { marker: 'b', direction: 'higher' });
    // a: V10 = (1/2, 1), V01 = (1, 1/2), A = 3/4 ; b: V10 = (1, 1), V01 = (1, 1), A = 1
    // Var a = (1/8)/2 + (1/8)/2 = 1/8 ; Var b = 0 ; Cov = 0  → Var D = 1/8
    const c = compareAucs(a, b);
    expect(c.diff).toBe(-0.25);
    expect(c.se).toBeCloseTo(Math.sqrt(1 / 8), 15);
    expect(c.z).toBeCloseTo(-0.25 / Math.sqrt(1 / 8), 14);
  });

  it('refuses results from different numbers of subjects', () => {
    const a = rocAnalysis(Float64Array.of(1, 2, 3, 4), Float64Array.of(0, 0, 1, 1));
    const b = rocAnalysis(Float64Array.of(1, 2, 3), Float64Array.of(0, 1, 1));
    expect(() => compareAucs(a, b)).toThrow(/same subjects/);
  });
});
