/**
 * Calibration of predicted probabilities against a binary outcome.
 *
 * - Groups at the quantiles of the predicted probability (riskGroups.ts, default 10): mean
 *   predicted, observed proportion with its exact (Clopper–Pearson) 95% interval.
 * - Smooth curve, ICI, E50, E90 (Austin & Steyerberg 2019, Stat Med 38:4051–4065): a logistic
 *   regression of y on a restricted cubic spline (3 knots at the 10th, 50th, 90th percentiles) of
 *   logit(p) — the spline alternative to loess that those authors describe, and the binary
 *   counterpart of the survival approach (Austin, Harrell & van Klaveren 2020).
 * - Slope and intercept by logistic recalibration (Cox 1958; logisticRecalibration.ts).
 *
 * Contract: y 0/1 with both classes, p in (0, 1), same length, no missing values.
 *
 * @example
 * const c = binaryCalibration({ y, p });
 * [c.slope.estimate, c.inTheLarge.intercept] // (R: glm(y ~ qlogis(p)), glm(y ~ offset(qlogis(p))))
 */
import { analysisError } from '../../errors.js';
import { validationMessages } from '../../messages/index.js';
import { clopperPearson } from '../describe/clopperPearson.js';
import { quantileSorted } from '../describe/quantile.js';
import { logisticIrls } from '../regression/logisticIrls.js';
import { logisticRecalibration } from './logisticRecalibration.js';
import { calibrationKnots, rcsBasis } from './rcsBasis.js';
import { riskGroups } from './riskGroups.js';
import { riskHistogram } from './riskHistogram.js';
import type { CalibrationGroup, CalibrationResult, SmoothCalibration } from './survivalCalibration.js';

export interface BinaryCalibrationInput {
  readonly y: Float64Array;
  readonly p: Float64Array;
  readonly groups?: number;
  readonly curvePoints?: number;
}

const Z = 1.959963984540054;

export function binaryCalibration(input: BinaryCalibrationInput): CalibrationResult {
  const { y, p } = input;
  const n = p.length;
  if (n < 10) throw analysisError(validationMessages.tooFewForCalibration(n));
  const lp = new Float64Array(n);
  let events = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    if (!(p[i] > 0 && p[i] < 1)) throw analysisError(validationMessages.riskOutOfRange(i, p[i]));
    lp[i] = Math.log(p[i] / (1 - p[i]));
    events += y[i];
    mean += p[i];
  }
  mean /= n;
  const grp = riskGroups(p, input.groups ?? 10);
  const groups: CalibrationGroup[] = [];
  for (let k = 0; k < grp.count; k++) {
    let m = 0;
    let ev = 0;
    let s = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < n; i++) {
      if (grp.code[i] !== k) continue;
      m++;
      ev += y[i];
      s += p[i];
      lo = Math.min(lo, p[i]);
      hi = Math.max(hi, p[i]);
    }
    if (m === 0) continue;
    const ci = clopperPearson(ev, m);
    groups.push({ group: groups.length + 1, n: m, events: ev, riskMin: lo, riskMax: hi, predicted: s / m, observed: ev / m, lower: ci.lower, upper: ci.upper });
  }
  const knots = calibrationKnots(lp);
  let smooth: SmoothCalibration | null = null;
  if (knots[0] < knots[1] && knots[1] < knots[2]) {
    const f = logisticIrls(rcsBasis(lp, knots), y);
    if (f.converged && f.aliased.length === 0) {
      const obs = (v: number): number => {
        const b = rcsBasis([v], knots);
        return 1 / (1 + Math.exp(-(f.beta[0] + f.beta[1] * b[0][0] + f.beta[2] * b[1][0])));
      };
      const diff = new Float64Array(n);
      let sum = 0;
      for (let i = 0; i < n; i++) {
        diff[i] = Math.abs(f.mu[i] - p[i]);
        sum += diff[i];
      }
      diff.sort();
      const m = input.curvePoints ?? 100;
      let pmin = Infinity;
      let pmax = -Infinity;
      for (let i = 0; i < n; i++) {
        pmin = Math.min(pmin, p[i]);
        pmax = Math.max(pmax, p[i]);
      }
      const gp: number[] = [];
      const go: number[] = [];
      for (let k = 0; k < m; k++) {
        const r = pmin + ((pmax - pmin) * k) / (m - 1);
        gp.push(r);
        go.push(obs(Math.log(r / (1 - r))));
      }
      smooth = {
        method: 'logistic regression on a restricted cubic spline (3 knots) of logit(predicted probability) (Austin & Steyerberg 2019)',
        knots,
        curve: { predicted: gp, observed: go },
        ici: sum / n,
        e50: quantileSorted(diff, 0.5, 7),
        e90: quantileSorted(diff, 0.9, 7),
        emax: diff[n - 1],
      };
    }
  }
  const rc = logisticRecalibration(y, lp);
  const ci = clopperPearson(events, n);
  return {
    outcome: 'binary',
    n,
    events,
    horizon: null,
    groups,
    smooth,
    slope: rc ? { estimate: rc.slope, se: rc.slopeSe, lower: rc.slope - Z * rc.slopeSe, upper: rc.slope + Z * rc.slopeSe } : null,
    inTheLarge: { observed: events / n, lower: ci.lower, upper: ci.upper, predicted: mean, difference: events / n - mean, intercept: rc ? rc.intercept : null },
    histogram: riskHistogram(p),
  };
}
