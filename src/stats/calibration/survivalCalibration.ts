/**
 * Calibration of predicted risks at a horizon t for a survival outcome.
 *
 * - Groups: patients split at the quantiles of the predicted risk r = 1 − S(t | x) (riskGroups.ts,
 *   default 10); per group the mean predicted risk and the observed risk 1 − S_KM(t) (Kaplan–Meier
 *   within the group) with its 95% log-scale Greenwood interval (kmRiskAt.ts).
 * - Smooth curve, ICI, E50, E90: the approach of Austin, Harrell & van Klaveren 2020 (Stat Med
 *   39:2714–2742, "Graphical calibration curves and the integrated calibration index (ICI) for
 *   survival models"): a Cox model of the outcome on a restricted cubic spline (3 knots at the
 *   10th, 50th, 90th percentiles) of the complementary log-log of the predicted risk,
 *   cll = log(−log(1 − r)); each patient's smoothed observed risk is 1 − S_cal(t | cll). ICI is the
 *   mean, E50 the median and E90 the 90th percentile (type 7) of |observed − predicted|.
 * - Calibration slope: the coefficient of a Cox model of the outcome on cll (= the linear predictor
 *   of a Cox model plus log H₀(t), so the same slope as on the linear predictor).
 * - Calibration-in-the-large at t: overall 1 − S_KM(t) against the mean predicted risk.
 *
 * Contract: time finite ≥ 0, event 0/1, risk in (0, 1), same length, no missing values.
 *
 * @example
 * const c = survivalCalibration({ time, event, risk, horizon: 365 });
 * c.groups.length  // 10
 * c.smooth.ici     // e.g. 0.0213 (R: Austin 2020 code on the same risks, see test/reference/calibration)
 */
import { analysisError } from '../../errors.js';
import { validationMessages } from '../../messages/index.js';
import { quantileSorted } from '../describe/quantile.js';
import { baselineCumHazardAt } from '../survival/cox/baseline.js';
import { coxFit } from '../survival/cox/fit.js';
import { coxSortedData } from '../survival/cox/sortedData.js';
import { coxCalibrationSlope } from './coxCalibrationSlope.js';
import { kmRiskAt } from './kmRiskAt.js';
import { calibrationKnots, rcsBasis } from './rcsBasis.js';
import { riskGroups } from './riskGroups.js';
import { riskHistogram, type RiskHistogram } from './riskHistogram.js';

export interface SurvivalCalibrationInput {
  readonly time: Float64Array;
  readonly event: Uint8Array;
  /** Predicted risk of an event by the horizon, 1 − S(t | x). */
  readonly risk: Float64Array;
  readonly horizon: number;
  /** Number of risk groups (default 10). */
  readonly groups?: number;
  readonly ties?: 'efron' | 'breslow';
  /** Points of the smooth curve (default 100). */
  readonly curvePoints?: number;
}

export interface CalibrationGroup {
  readonly group: number;
  readonly n: number;
  /** Events at or before the horizon (survival) or events (binary). */
  readonly events: number;
  readonly riskMin: number;
  readonly riskMax: number;
  readonly predicted: number;
  readonly observed: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface SmoothCalibration {
  readonly method: string;
  readonly knots: readonly number[];
  /** The curve: observed risk (smoothed) at a grid of predicted risks. */
  readonly curve: { readonly predicted: readonly number[]; readonly observed: readonly number[] };
  readonly ici: number;
  readonly e50: number;
  readonly e90: number;
  readonly emax: number;
}

export interface CalibrationResult {
  readonly outcome: 'survival' | 'binary';
  readonly n: number;
  readonly events: number;
  readonly horizon: number | null;
  readonly groups: readonly CalibrationGroup[];
  readonly smooth: SmoothCalibration | null;
  /** Calibration slope (null when it cannot be fitted). */
  readonly slope: { readonly estimate: number; readonly se: number; readonly lower: number; readonly upper: number } | null;
  /** Calibration-in-the-large: observed overall risk vs mean predicted (binary: plus the recalibration intercept). */
  readonly inTheLarge: {
    readonly observed: number | null;
    readonly lower: number | null;
    readonly upper: number | null;
    readonly predicted: number;
    readonly difference: number | null;
    /** Binary outcome: intercept of logit(P(y)) = a + logit(p) (offset); null for survival. */
    readonly intercept: number | null;
  };
  readonly histogram: RiskHistogram;
}

export function survivalCalibration(input: SurvivalCalibrationInput): CalibrationResult {
  const { time, event, risk, horizon } = input;
  const n = risk.length;
  const g = input.groups ?? 10;
  if (n < 10) throw analysisError(validationMessages.tooFewForCalibration(n));
  const cll = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = risk[i];
    if (!(r > 0 && r < 1)) throw analysisError(validationMessages.riskOutOfRange(i, r));
    cll[i] = Math.log(-Math.log1p(-r));
  }
  let events = 0;
  for (let i = 0; i < n; i++) if (event[i] === 1 && time[i] <= horizon) events++;
  if (events === 0) throw analysisError(validationMessages.noEventBeforeHorizon(horizon));

  const grp = riskGroups(risk, g);
  const members: number[][] = Array.from({ length: grp.count }, () => []);
  for (let i = 0; i < n; i++) members[grp.code[i]].push(i);
  const groups: CalibrationGroup[] = members.map((rows, k) => {
    let s = 0;
    let lo = Infinity;
    let hi = -Infinity;
    let ev = 0;
    for (const i of rows) {
      s += risk[i];
      lo = Math.min(lo, risk[i]);
      hi = Math.max(hi, risk[i]);
      if (event[i] === 1 && time[i] <= horizon) ev++;
    }
    const km = kmRiskAt(time, event, horizon, rows);
    return { group: k + 1, n: rows.length, events: ev, riskMin: lo, riskMax: hi, predicted: s / rows.length, observed: km.risk, lower: km.lower, upper: km.upper };
  });

  // Austin, Harrell & van Klaveren 2020: Cox model on rcs(cll, 3)
  const ties = input.ties ?? 'efron';
  const knots = calibrationKnots(cll);
  let smooth: SmoothCalibration | null = null;
  if (knots[0] < knots[1] && knots[1] < knots[2]) {
    const cols = rcsBasis(cll, knots);
    const d = coxSortedData({ stop: time, start: null, event, columns: cols, strata: null, nStrata: 1 });
    const f = coxFit(d, { ties, concordance: false, baselineStrata: [null] });
    if (f.singular.length === 0 && f.converged && f.baseline) {
      const h0 = baselineCumHazardAt(f.baseline, horizon);
      const centre = f.baseline.centre;
      const observedAt = (basis: readonly number[]): number => {
        let lp = 0;
        for (let j = 0; j < basis.length; j++) lp += (basis[j] - centre[j]) * f.beta[j];
        return -Math.expm1(-h0 * Math.exp(lp));
      };
      const absDiff = new Float64Array(n);
      for (let i = 0; i < n; i++) absDiff[i] = Math.abs(observedAt([cols[0][i], cols[1][i]]) - risk[i]);
      let sum = 0;
      for (let i = 0; i < n; i++) sum += absDiff[i];
      absDiff.sort();
      const m = input.curvePoints ?? 100;
      let rmin = Infinity;
      let rmax = -Infinity;
      for (let i = 0; i < n; i++) {
        rmin = Math.min(rmin, risk[i]);
        rmax = Math.max(rmax, risk[i]);
      }
      const gridP: number[] = [];
      const gridO: number[] = [];
      for (let k = 0; k < m; k++) {
        const r = rmin + ((rmax - rmin) * k) / (m - 1);
        const c = Math.log(-Math.log1p(-r));
        const b = rcsBasis([c], knots);
        gridP.push(r);
        gridO.push(observedAt([b[0][0], b[1][0]]));
      }
      smooth = {
        method: 'Cox regression on a restricted cubic spline (3 knots) of log(−log(1 − predicted risk)) (Austin, Harrell & van Klaveren 2020)',
        knots,
        curve: { predicted: gridP, observed: gridO },
        ici: sum / n,
        e50: quantileSorted(absDiff, 0.5, 7),
        e90: quantileSorted(absDiff, 0.9, 7),
        emax: absDiff[n - 1],
      };
    }
  }

  const sl = coxCalibrationSlope(time, event, cll, ties);
  const slope = sl ? { estimate: sl.slope, se: sl.se, lower: sl.slope - 1.959963984540054 * sl.se, upper: sl.slope + 1.959963984540054 * sl.se } : null;
  const overall = kmRiskAt(time, event, horizon);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += risk[i];
  mean /= n;
  return {
    outcome: 'survival',
    n,
    events,
    horizon,
    groups,
    smooth,
    slope,
    inTheLarge: {
      observed: overall.risk,
      lower: overall.lower,
      upper: overall.upper,
      predicted: mean,
      difference: overall.risk === null ? null : overall.risk - mean,
      intercept: null,
    },
    histogram: riskHistogram(risk),
  };
}
