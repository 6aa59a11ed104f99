/**
 * Decision curves: a hand computation from the formulas (Vickers & Elkin 2006; Vickers et al. 2008)
 * on small data, and the same formulas written out in plain R on infert (binary, logistic model) and
 * lung (survival at 365 days, Cox model) — test/reference/validation/validation.R; dcurves is not
 * installable here, so the formula is the reference (1e-12).
 */
import { describe, expect, it } from 'vitest';
import { binaryNetBenefit, treatAllNetBenefit } from '../../../src/stats/decision/netBenefit.js';
import { survivalNetBenefit } from '../../../src/stats/decision/survivalNetBenefit.js';
import { decisionCurve, defaultThresholds } from '../../../src/stats/decision/decisionCurve.js';
import { infert, lung, lungEvent, reference } from '../validation/referenceData.js';

describe('by hand', () => {
  it('binary: TP/n − FP/n · pt/(1 − pt)', () => {
    const y = new Float64Array([1, 0, 1, 0, 1]);
    const p = new Float64Array([0.9, 0.6, 0.4, 0.1, 0.3]);
    // pt = 0.35: treated {0.9, 0.6, 0.4}: TP = 2, FP = 1 → 2/5 − 1/5 · 0.35/0.65
    expect(binaryNetBenefit(y, p, [0.35])[0]).toBeCloseTo(0.4 - 0.2 * (0.35 / 0.65), 14);
    // pt = 0.5: treated {0.9, 0.6}: TP = 1, FP = 1 → 1/5 − 1/5
    expect(binaryNetBenefit(y, p, [0.5])[0]).toBeCloseTo(0, 14);
    // p ≥ pt counts as treated (0.6 at pt = 0.6)
    expect(binaryNetBenefit(y, p, [0.6])[0]).toBeCloseTo(0.2 - 0.2 * 1.5, 14);
    expect(treatAllNetBenefit(0.6, [0.2])[0]).toBeCloseTo(0.6 - 0.4 * 0.25, 14);
  });
  it('survival: KM risk among the treated', () => {
    // times 1(d) 2(c) 3(d) 6(c) 7(c); risks .8 .7 .6 .2 .1; horizon 5; pt 0.5 → treated rows 0,1,2
    // KM among treated: S(1) = 2/3, censor at 2, S(3) = 2/3 · 0 = 0 → risk 1; P(treated) = 3/5
    const t = new Float64Array([1, 2, 3, 6, 7]);
    const e = new Uint8Array([1, 0, 1, 0, 0]);
    const r = new Float64Array([0.8, 0.7, 0.6, 0.2, 0.1]);
    expect(survivalNetBenefit(t, e, r, 5, [0.5])[0]).toBeCloseTo(1 * 0.6 - 0, 14);
    // pt 0.15: treated 0..3; KM: S(1) = 3/4, S(3) = 3/4 · 1/2 = 3/8 → risk 5/8, P = 4/5
    expect(survivalNetBenefit(t, e, r, 5, [0.15])[0]).toBeCloseTo((5 / 8) * 0.8 - (3 / 8) * 0.8 * (0.15 / 0.85), 14);
    expect(survivalNetBenefit(t, e, r, 5, [0.9])[0]).toBe(0);
  });
});

describe('R formula on real data', () => {
  const pts = reference.dca.thresholds as number[];
  it('default grid is 0.01…0.99', () => {
    expect(defaultThresholds().map((x) => Math.round(x * 100))).toEqual(pts.map((x) => Math.round(x * 100)));
  });
  it('binary (infert, logistic model) equals R', () => {
    const d = decisionCurve({ kind: 'binary', y: infert.case }, [{ name: 'model', risk: Float64Array.from(reference.logistic.p) }], pts);
    d.thresholds.forEach((row, k) => {
      expect(Math.abs(row.models[0].netBenefit! - reference.dca.binary[k])).toBeLessThan(1e-12);
      expect(Math.abs(row.treatAll - reference.dca.binaryAll[k])).toBeLessThan(1e-12);
    });
  });
  it('survival at 365 days (lung, Cox model) equals R', () => {
    const d = decisionCurve({ kind: 'survival', time: lung.time, event: lungEvent, horizon: 365 }, [{ name: 'cox', risk: Float64Array.from(reference.cox.risk) }], pts);
    d.thresholds.forEach((row, k) => {
      expect(Math.abs(row.models[0].netBenefit! - reference.dca.survival[k])).toBeLessThan(1e-12);
      expect(Math.abs(row.treatAll - reference.dca.survivalAll[k])).toBeLessThan(1e-12);
    });
  });
});
