/**
 * Calibration at a horizon against R (test/reference/validation/validation.R): risk groups with
 * observed 1 − KM(t) and its log CI, the Austin–Harrell–van Klaveren (2020) smooth curve (coxph on
 * rms::rcs of the complementary log-log of the risk) with ICI / E50 / E90, the calibration slope and
 * calibration-in-the-large, all to 1e-6 (the slope also by the bootstrap's one-pass sortedSlope);
 * logistic recalibration slope and intercept against glm.
 */
import { describe, expect, it } from 'vitest';
import { binaryCalibration } from '../../../src/stats/calibration/binaryCalibration.js';
import { rcsBasis } from '../../../src/stats/calibration/rcsBasis.js';
import { riskGroups } from '../../../src/stats/calibration/riskGroups.js';
import { riskHistogram } from '../../../src/stats/calibration/riskHistogram.js';
import { survivalCalibration } from '../../../src/stats/calibration/survivalCalibration.js';
import { kmRiskAt } from '../../../src/stats/calibration/kmRiskAt.js';
import { sortedSlope } from '../../../src/stats/calibration/sortedSlope.js';
import { coxSortedData } from '../../../src/stats/survival/cox/sortedData.js';
import { infert, lung, lungEvent, reference } from '../validation/referenceData.js';

const close = (a: number | null, b: number, tol = 1e-6) => expect(Math.abs((a as number) - b)).toBeLessThan(tol * Math.max(1, Math.abs(b)));

describe('survival calibration at 365 days (lung, 5-covariate Cox model)', () => {
  const ref = reference.calibration;
  const c = survivalCalibration({ time: lung.time, event: lungEvent, risk: Float64Array.from(reference.cox.risk), horizon: 365 });
  it('groups equal R (n, mean predicted, 1 − KM and its CI)', () => {
    expect(c.groups.length).toBe(ref.groups.length);
    c.groups.forEach((g, k) => {
      expect(g.n).toBe(ref.groups[k].n);
      close(g.predicted, ref.groups[k].predicted);
      close(g.observed, ref.groups[k].observed);
      close(g.lower, ref.groups[k].lower);
      close(g.upper, ref.groups[k].upper);
    });
  });
  it('smooth curve: knots, ICI, E50, E90, Emax equal R', () => {
    ref.knots.forEach((k: number, j: number) => close(c.smooth!.knots[j], k));
    close(c.smooth!.ici, ref.ici);
    close(c.smooth!.e50, ref.e50);
    close(c.smooth!.e90, ref.e90);
    close(c.smooth!.emax, ref.emax);
  });
  it('slope and calibration-in-the-large equal R', () => {
    close(c.slope!.estimate, ref.slope);
    close(c.slope!.se, ref.slopeSe);
    close(c.inTheLarge.observed, ref.observed);
    close(c.inTheLarge.lower, ref.observedLower);
    close(c.inTheLarge.upper, ref.observedUpper);
    close(c.inTheLarge.predicted, ref.predicted);
  });
});

describe('the bootstrap\'s one-pass slope (sortedSlope) on the same data', () => {
  it('equals R\'s coef(coxph(Surv(time, status) ~ cll)) and its SE (1e-6)', () => {
    const ref = reference.calibration;
    const cll = Float64Array.from(reference.cox.risk as number[], (r) => Math.log(-Math.log1p(-r)));
    const d = coxSortedData({ stop: lung.time, start: null, event: lungEvent, columns: [cll], strata: null, nStrata: 1 });
    const s = sortedSlope(d, Float64Array.from(d.order, (i) => cll[i]), 'efron', 1e-9, 0)!;
    close(s.slope, ref.slope);
    close(s.se, ref.slopeSe);
  });
});

describe('binary calibration (infert, 4-covariate logistic model)', () => {
  const c = binaryCalibration({ y: infert.case, p: Float64Array.from(reference.logistic.p) });
  it('recalibration slope and intercept equal glm (1e-6)', () => {
    close(c.slope!.estimate, reference.logistic.recalSlope);
    close(c.inTheLarge.intercept, reference.logistic.recalIntercept);
    expect(c.groups.reduce((s, g) => s + g.n, 0)).toBe(infert.case.length);
    expect(c.smooth!.ici).toBeGreaterThan(0);
  });
});

describe('hand cases', () => {
  it('rcs basis equals Hmisc::rcspline.eval', () => {
    expect(Array.from(rcsBasis([0, 1, 2, 3], [0.5, 1.5, 2.5])[1])).toEqual([0, 0.03125, 0.78125, 2.25]);
  });
  it('risk groups split at quantiles, ties together', () => {
    expect(riskGroups([0.1, 0.2, 0.3, 0.4], 2)).toEqual({ code: Int32Array.from([0, 0, 1, 1]), count: 2, breaks: [0.1, 0.25, 0.4] });
    expect(riskGroups([0.2, 0.2, 0.2, 0.4], 4).count).toBe(2); // breaks 0.2, 0.25, 0.4 (R: unique(quantile(...)))
  });
  it('histogram bins', () => {
    expect(riskHistogram([0.01, 0.5, 0.99, 1], 4)).toEqual({ width: 0.25, counts: [1, 0, 1, 2] });
  });
  it('1 − KM at a horizon: 5 patients by hand', () => {
    // S(2.5) = (4/5)(3/4) = 0.6; Greenwood Σ d/(n(n−d)) = 1/20 + 1/12
    const r = kmRiskAt(new Float64Array([1, 2, 2, 3, 5]), new Uint8Array([1, 1, 0, 1, 0]), 2.5);
    expect(r.risk).toBeCloseTo(0.4, 14);
    const se = Math.sqrt(1 / 20 + 1 / 12);
    expect(r.upper).toBeCloseTo(1 - 0.6 * Math.exp(-1.959963984540054 * se), 12);
    expect(kmRiskAt(new Float64Array([1, 2]), new Uint8Array([1, 0]), 3).risk).toBeNull();
  });
});
