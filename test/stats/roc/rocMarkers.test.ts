import { describe, expect, it } from 'vitest';
import { rocMarkers } from '../../../src/stats/roc/rocMarkers.js';
import { completeCases, readCsv, ref, relErr } from './referenceData.js';

const rel = (a: number | null, b: number, tol = 1e-6) => {
  expect(a).not.toBeNull();
  expect(relErr(a!, b)).toBeLessThan(tol);
};

describe('rocMarkers with the combined logistic marker, against glm + pROC', () => {
  for (const [key, file, outcome] of [['aSAH', 'aSAH.csv', 'outcome'], ['lung1y', 'lung1y.csv', 'dead1y']] as const) {
    it(`${key}: model, AUC with DeLong CI, cutoff and paired tests against each marker`, () => {
      const r = ref[key];
      const d = completeCases(readCsv(file), outcome, r.markers);
      const rep = rocMarkers((r.markers as string[]).map((m) => ({ name: m, values: d.x[m] })), d.y, { combine: true });
      const c = rep.combined!;
      const w = r.combined;
      expect(c.terms).toEqual(w.terms);
      expect(c.converged).toBe(true);
      expect(c.separation).toBe(false);
      c.coefficients.forEach((b, k) => rel(b, w.coefficients[k]));
      c.se.forEach((s, k) => rel(s, w.se[k]));
      rel(c.roc.auc, w.result.auc);
      rel(c.roc.se, w.result.se);
      rel(c.roc.lower, w.result.lower);
      rel(c.roc.upper, w.result.upper);
      rel(c.roc.p, w.result.pMannWhitney);
      rel(c.roc.youden.best.threshold, w.result.youden.threshold);
      rel(c.roc.youden.best.sensitivity, w.result.youden.sensitivity);
      rel(c.roc.youden.best.specificity, w.result.youden.specificity);
      rel(c.roc.youden.best.ppv, w.result.youden.ppv);
      rel(c.roc.youden.best.npv, w.result.youden.npv);
      rel(c.roc.topLeft.best.threshold, w.result.topleft.threshold);
      c.vsMarkers.forEach((v, k) => {
        expect(v.b).toBe(w.vsMarkers[k].marker);
        rel(v.diff, w.vsMarkers[k].diff);
        rel(v.z, w.vsMarkers[k].z);
        rel(v.p, w.vsMarkers[k].p);
        rel(v.lower, w.vsMarkers[k].lower);
        rel(v.upper, w.vsMarkers[k].upper);
      });
      expect(rep.comparisons.length).toBe((r.markers.length * (r.markers.length - 1)) / 2);
    });
  }

  it('tiny: flags separation and still gives the AUC of the ranking (1, as R)', () => {
    const r = ref.tiny;
    const d = completeCases(readCsv('tiny.csv'), 'y', r.markers);
    const rep = rocMarkers([{ name: 'a', values: d.x.a }, { name: 'b', values: d.x.b }], d.y, { combine: true });
    expect(rep.combined!.separation).toBe(true);
    expect(rep.combined!.roc.auc).toBe(r.combined.result.auc);
  });

  it('refuses a marker listed twice and --combine with one marker', () => {
    const y = Float64Array.of(0, 1, 0, 1);
    const v = Float64Array.of(1, 2, 3, 4);
    expect(() => rocMarkers([{ name: 'a', values: v }, { name: 'a', values: v }], y)).toThrow(/twice/);
    expect(() => rocMarkers([{ name: 'a', values: v }], y, { combine: true })).toThrow(/at least two/);
  });
});

describe('combinedMarker @example', () => {
  it('holds as written', async () => {
    const { combinedMarker } = await import('../../../src/stats/roc/combinedMarker.js');
    const { rocAnalysis } = await import('../../../src/stats/roc/rocAnalysis.js');
    const y = Float64Array.of(0, 0, 1, 0, 1, 1, 0, 1, 0, 1);
    const a = Float64Array.of(1, 2, 3, 4, 5, 6, 2, 3, 5, 4), b = Float64Array.of(3, 1, 2, 2, 5, 4, 4, 6, 1, 3);
    const ra = rocAnalysis(a, y, { marker: 'a' }), rb = rocAnalysis(b, y, { marker: 'b' });
    const c = combinedMarker([a, b], y, [ra, rb], ['a', 'b']);
    expect([ra.auc, rb.auc, c.roc.auc]).toEqual([0.76, 0.82, 0.88]);
    // R: coef(glm(y ~ a + b, binomial)) = -7.075163, 1.044330, 1.184365
    expect(c.coefficients[1]).toBeCloseTo(1.04433, 5);
  });
});
