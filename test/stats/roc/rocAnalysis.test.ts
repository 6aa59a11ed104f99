import { describe, expect, it } from 'vitest';
import { rocAnalysis } from '../../../src/stats/roc/rocAnalysis.js';
import { dataOrderPlacements } from '../../../src/stats/roc/compareAucs.js';
import { pROCDirection } from '../../../src/stats/roc/direction.js';
import { SiilabError } from '../../../src/errors.js';
import { completeCases, num, readCsv, ref, relErr } from './referenceData.js';

const TOL = 1e-6;
const close = (a: number | null, b: number | string | null, tol = TOL) => {
  const e = num(b);
  if (a === null) throw new Error(`null where R has ${b}`);
  if (!Number.isFinite(e)) expect(a).toBe(e);
  else expect(relErr(a, e)).toBeLessThan(tol);
};

const sets: [string, string, string][] = [
  ['aSAH', 'aSAH.csv', 'outcome'],
  ['lung1y', 'lung1y.csv', 'dead1y'],
  ['tiny', 'tiny.csv', 'y'],
];

describe('rocAnalysis against pROC 1.18.0', () => {
  for (const [key, file, outcome] of sets) {
    const r = ref[key];
    const d = completeCases(readCsv(file), outcome, r.markers);
    it(`${key}: drops ${r.nDropped} incomplete rows like R`, () => {
      expect(d.nDropped).toBe(r.nDropped);
      expect(d.y.length).toBe(r.nComplete);
    });
    for (const mk of r.markers as string[]) {
      const e = r.results[mk];
      it(`${key} ${mk}: direction auto, AUC, DeLong SE and CI, Mann–Whitney p`, () => {
        const res = rocAnalysis(d.x[mk], d.y, { marker: mk });
        expect(pROCDirection(res.direction)).toBe(e.direction);
        expect(res.nCases).toBe(e.nCases);
        expect(res.nControls).toBe(e.nControls);
        close(res.auc, e.auc);
        close(res.variance, e.var);
        close(res.se, e.se);
        close(res.lower, e.lower);
        close(res.upper, e.upper);
        close(res.p, e.pMannWhitney);
      });
      it(`${key} ${mk}: curve points and Youden / closest-top-left cutoffs (with ties)`, () => {
        const res = rocAnalysis(d.x[mk], d.y, { marker: mk });
        const c = e.curve;
        expect(res.curve.threshold.length).toBe(c.threshold.length);
        res.curve.threshold.forEach((t, k) => close(t, c.threshold[k], 1e-12));
        res.curve.sensitivity.forEach((s, k) => expect(s).toBeCloseTo(c.sensitivity[k], 14));
        res.curve.specificity.forEach((s, k) => expect(s).toBeCloseTo(c.specificity[k], 14));
        const check = (got: readonly any[], want: any) => {
          const thr = [want.threshold].flat();
          expect(got.length).toBe(thr.length);
          got.forEach((g, k) => close(g.threshold, thr[k], 1e-12)); // R's JSON keeps 15 digits
          got.forEach((g, k) => {
            close(g.sensitivity, [want.sensitivity].flat()[k]);
            close(g.specificity, [want.specificity].flat()[k]);
            const ppv = [want.ppv].flat()[k], npv = [want.npv].flat()[k];
            if (ppv === null) expect(g.ppv).toBeNull(); else close(g.ppv, ppv);
            if (npv === null) expect(g.npv).toBeNull(); else close(g.npv, npv);
          });
        };
        check(res.youden.ties, e.youden);
        [e.youden.youden].flat().forEach((y: number, k: number) => close(res.youden.ties[k].youden + 1, y));
        check(res.topLeft.ties, e.topleft);
      });
    }
  }

  it('aSAH with direction given as lower (pROC ">")', () => {
    const r = ref.aSAH_lower;
    const d = completeCases(readCsv('aSAH.csv'), 'outcome', r.markers);
    for (const mk of r.markers as string[]) {
      const res = rocAnalysis(d.x[mk], d.y, { marker: mk, direction: 'lower' });
      const e = r.results[mk];
      expect(pROCDirection(res.direction)).toBe('>');
      expect(res.directionFrom).toBe('given');
      close(res.auc, e.auc);
      close(res.se, e.se);
      close(res.lower, e.lower);
      close(res.upper, e.upper);
      const thr = [e.youden.threshold].flat();
      expect(res.youden.ties.length).toBe(thr.length);
      res.youden.ties.forEach((t, k) => close(t.threshold, thr[k], 1e-12));
    }
  });
});

describe('rocAnalysis by hand', () => {
  it('computes AUC, placements and cutoff of a 4-subject example', () => {
    // cases 0.35, 0.8; controls 0.1, 0.4: pairs (0.35>0.1) (0.35<0.4) (0.8>0.1) (0.8>0.4) → 3/4
    const r = rocAnalysis(Float64Array.of(0.1, 0.4, 0.35, 0.8), Float64Array.of(0, 0, 1, 1));
    expect(r.auc).toBe(0.75);
    expect(Array.from(dataOrderPlacements(r).cases)).toEqual([0.5, 1]);
    expect(Array.from(dataOrderPlacements(r).controls)).toEqual([1, 0.5]);
    // S10 = S01 = 0.125, Var = 0.125/2 + 0.125/2
    expect(r.variance).toBeCloseTo(0.125, 15);
    // thresholds: −∞, midpoints of 0.1 | 0.35 | 0.4 | 0.8, +∞
    expect(Array.from(r.curve.threshold)).toEqual([-Infinity, (0.1 + 0.35) / 2, (0.35 + 0.4) / 2, (0.4 + 0.8) / 2, Infinity]);
    expect(Array.from(r.curve.sensitivity)).toEqual([1, 1, 0.5, 0.5, 0]);
    expect(Array.from(r.curve.specificity)).toEqual([0, 0.5, 0.5, 1, 1]);
    // Youden: se + sp = 1, 1.5, 1, 1.5, 1 → tie at 0.225 and 0.6; the first (highest sensitivity) is reported
    expect(r.youden.ties.map((t) => t.threshold)).toEqual([(0.1 + 0.35) / 2, (0.4 + 0.8) / 2]);
    expect(r.youden.best.sensitivity).toBe(1);
    expect(r.youden.best.youden).toBe(0.5);
    expect(r.youden.best.ppv).toBeCloseTo(2 / 3, 15);
    expect(r.youden.best.npv).toBe(1);
    expect(r.youden.best.lrPositive).toBe(2);
    expect(r.youden.best.lrNegative).toBe(0);
  });

  it('counts a tie between a case and a control as one half', () => {
    const r = rocAnalysis(Float64Array.of(1, 2, 2, 3), Float64Array.of(0, 0, 1, 1), { direction: 'higher' });
    // pairs: 2 vs 1 → 1, 2 vs 2 → ½, 3 vs 1 → 1, 3 vs 2 → 1 → 3.5/4
    expect(r.auc).toBe(0.875);
  });

  it('direction lower mirrors higher on the negated marker', () => {
    const x = Float64Array.of(5, 3, 4, 1, 2, 2.5), y = Float64Array.of(0, 0, 1, 1, 1, 0);
    const lo = rocAnalysis(x, y, { direction: 'lower' });
    const hi = rocAnalysis(x.map((v) => -v), y, { direction: 'higher' });
    expect(lo.auc).toBe(hi.auc);
    expect(lo.se).toBe(hi.se);
    expect(lo.youden.best.threshold).toBe(-hi.youden.best.threshold);
  });

  it('has a null SE with a single case and refuses one class or no variance', () => {
    const r = rocAnalysis(Float64Array.of(1, 2, 3), Float64Array.of(0, 0, 1));
    expect(r.auc).toBe(1);
    expect(r.se).toBeNull();
    expect(r.lower).toBeNull();
    expect(() => rocAnalysis(Float64Array.of(1, 2), Float64Array.of(1, 1), { outcome: 'dead', source: 'f.csv' })).toThrow(/'dead' has 2 case\(s\) and 0 control/);
    expect(() => rocAnalysis(Float64Array.of(4, 4, 4), Float64Array.of(0, 1, 1), { marker: 'sii' })).toThrow(/'sii' has the same value \(4\)/);
    expect(() => rocAnalysis(Float64Array.of(4, NaN), Float64Array.of(0, 1))).toThrow(SiilabError);
    expect(() => rocAnalysis(Float64Array.of(4, 5), Float64Array.of(0, 2))).toThrow(/not 0 or 1/);
  });
});
