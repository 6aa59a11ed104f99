/**
 * Nomogram of a fitted Cox (or logistic) model on rms's convention (Harrell, Regression Modeling
 * Strategies, 2nd ed. 2015, §10.10 and rms::nomogram; Iasonos et al. 2008, J Clin Oncol 26:1364–1370):
 * each predictor's contribution to the linear predictor, c_j(v) = Σ β·(term values of v), is shifted to
 * start at 0 over the predictor's axis values and scaled by 100 / R, where R is the widest range of any
 * predictor's contribution: points_j(v) = 100·(c_j(v) − min_v c_j) / R. Total points T map back to the
 * linear predictor lp = Σ_j min c_j − lpCentre + T·R/100 (rms's lp is centred by β·means of the
 * model's columns: `lpCentre`), and, per horizon t, to S(t) = exp(−H₀(t)·exp(lp + lpCentre − β·c₀)),
 * H₀ being the baseline cumulative hazard at the baseline centre c₀ (src/stats/survival/cox/baseline.ts).
 *
 * A numeric predictor's points are linear in its value; a spline predictor's are not (and may be
 * non-monotone); a categorical predictor has one point value per level. Default axis values: d3's nice
 * ticks over rms's display range of the fitted values (src/stats/design/splineCurve.ts displayRange)
 * for a numeric predictor, the levels (reference first) for a categorical one. Pure; O(values·terms).
 *
 * @example
 * // survival::pbc, cph(Surv(time, death) ~ bili + age + sex): bili 0…30 spans the widest range
 * nomogram({ terms, splines: [], coef: [0.14527, 0.041605, 0.32635], lpCentre: 7.8576,
 *   predictors: [{ covariate: 'bili', values: [0, 10, 20, 30] }, { covariate: 'age', values: [25, 80] }, { covariate: 'sex', values: ['m', 'f'] }] })
 *   .predictors[1].points // [0, 52.5046] (R rms::nomogram: 0, 52.5045816)
 */
import { scaleLinear } from 'd3-scale';
import { analysisError } from '../../errors.js';
import { nomogramMessages } from '../../messages/index.js';
import type { ModelTerm } from '../design/modelMatrix.js';
import type { SplineSpec } from '../design/splineSpec.js';
import { termRow } from '../design/termRow.js';

export interface NomogramPredictorInput {
  readonly covariate: string;
  /** Axis values (numbers for a numeric or spline predictor, levels for a categorical one). */
  readonly values: readonly (number | string)[];
  readonly label?: string;
}

export interface NomogramInput {
  readonly terms: readonly ModelTerm[];
  readonly splines: readonly SplineSpec[];
  /** One coefficient per term (no intercept). */
  readonly coef: ArrayLike<number>;
  readonly predictors: readonly NomogramPredictorInput[];
  /** Subtracted from Σβx on the linear-predictor axis (rms: β·means of the model columns); default 0. */
  readonly lpCentre?: number;
  /** Survival axes: H₀ at each horizon at the baseline centre, and β·(baseline centre). */
  readonly survival?: { readonly horizons: readonly number[]; readonly cumHazard: readonly number[]; readonly baselineLp: number };
  /** Points of the widest predictor (default 100). */
  readonly maxScale?: number;
  /** Survival values to mark on the survival axes (default .05, .1, .2, …, .9, .95). */
  readonly survivalTicks?: readonly number[];
}

export interface NomogramPredictor {
  readonly covariate: string;
  readonly label: string;
  readonly kind: 'numeric' | 'spline' | 'categorical';
  readonly values: readonly (number | string)[];
  /** Contribution Σβx of each value to the linear predictor. */
  readonly contribution: readonly number[];
  readonly points: readonly number[];
}

export interface NomogramAxisTick {
  /** Position on the total-points scale. */
  readonly points: number;
  readonly value: number;
}

export interface Nomogram {
  readonly maxScale: number;
  /** Points per unit of linear predictor (100 / R). */
  readonly pointsPerLp: number;
  readonly predictors: readonly NomogramPredictor[];
  /** Total points range: 0 … Σ max points. */
  readonly totalPoints: readonly [number, number];
  /** lp at total points 0 (lp = lpAtZero + T / pointsPerLp). */
  readonly lpAtZero: number;
  readonly lpTicks: readonly NomogramAxisTick[];
  readonly survival: readonly { readonly horizon: number; readonly cumHazard: number; readonly ticks: readonly NomogramAxisTick[] }[];
  readonly lpCentre: number;
  readonly baselineLp: number;
}

const DEFAULT_SURV_TICKS = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

export function nomogram(input: NomogramInput): Nomogram {
  if (input.predictors.length === 0) throw analysisError(nomogramMessages.noPredictors());
  const maxScale = input.maxScale ?? 100;
  const lpCentre = input.lpCentre ?? 0;
  const splineOf = new Set(input.splines.map((s) => s.covariate));
  const raw = input.predictors.map((pr) => {
    const idx: number[] = [];
    input.terms.forEach((t, j) => t.covariate === pr.covariate && idx.push(j));
    const categorical = idx.some((j) => input.terms[j].level !== null);
    const contribution = pr.values.map((v) => {
      const r = termRow(
        idx.map((j) => input.terms[j]),
        input.splines.filter((s) => s.covariate === pr.covariate),
        () => v,
      );
      if (!('values' in r)) throw analysisError(nomogramMessages.badValue(pr.covariate, String(v)));
      let c = 0;
      idx.forEach((j, m) => (c += input.coef[j] * r.values[m]));
      return c;
    });
    const kind: NomogramPredictor['kind'] = categorical ? 'categorical' : splineOf.has(pr.covariate) ? 'spline' : 'numeric';
    return { pr, kind, contribution, min: Math.min(...contribution), max: Math.max(...contribution) };
  });
  const range = Math.max(...raw.map((r) => r.max - r.min));
  if (!(range > 0)) throw analysisError(nomogramMessages.zeroRange());
  const pointsPerLp = maxScale / range;
  const predictors = raw.map((r) =>
    Object.freeze({
      covariate: r.pr.covariate,
      label: r.pr.label ?? r.pr.covariate,
      kind: r.kind,
      values: Object.freeze([...r.pr.values]),
      contribution: Object.freeze(r.contribution),
      points: Object.freeze(r.contribution.map((c) => (c - r.min) * pointsPerLp)),
    }),
  );
  const totalMax = raw.reduce((s, r) => s + (r.max - r.min) * pointsPerLp, 0);
  const lpAtZero = raw.reduce((s, r) => s + r.min, 0) - lpCentre;
  const lpMax = lpAtZero + totalMax / pointsPerLp;
  const toPoints = (lp: number) => (lp - lpAtZero) * pointsPerLp;
  const lpTicks = scaleLinear()
    .domain([lpAtZero, lpMax])
    .ticks(10)
    .map((value) => Object.freeze({ points: toPoints(value), value }));
  const baselineLp = input.survival?.baselineLp ?? 0;
  const survival = (input.survival?.horizons ?? []).map((horizon, h) => {
    const H0 = input.survival!.cumHazard[h];
    // S = exp(−H0·exp(lp + lpCentre − baselineLp))  ⇔  lp = log(−log S / H0) − lpCentre + baselineLp
    const ticks = (input.survivalTicks ?? DEFAULT_SURV_TICKS)
      .map((value) => ({ value, points: toPoints(Math.log(-Math.log(value) / H0) - lpCentre + baselineLp) }))
      .filter((t) => Number.isFinite(t.points) && t.points >= -1e-9 && t.points <= totalMax + 1e-9)
      .sort((a, b) => a.points - b.points)
      .map((t) => Object.freeze(t));
    return Object.freeze({ horizon, cumHazard: H0, ticks: Object.freeze(ticks) });
  });
  return Object.freeze({
    maxScale,
    pointsPerLp,
    predictors: Object.freeze(predictors),
    totalPoints: Object.freeze([0, totalMax] as const),
    lpAtZero,
    lpTicks: Object.freeze(lpTicks),
    survival: Object.freeze(survival),
    lpCentre,
    baselineLp,
  });
}

/** Total points at which the linear predictor equals lp. */
export function lpToPoints(nomo: Nomogram, lp: number): number {
  return (lp - nomo.lpAtZero) * nomo.pointsPerLp;
}

/** Total points at which survival at horizon index h equals s. */
export function survivalToPoints(nomo: Nomogram, h: number, s: number): number {
  return lpToPoints(nomo, Math.log(-Math.log(s) / nomo.survival[h].cumHazard) - nomo.lpCentre + nomo.baselineLp);
}

/** A patient's points per predictor, total points, linear predictor and survival at each horizon. */
export function nomogramScore(nomo: Nomogram, input: NomogramInput, get: (covariate: string) => number | string | null | undefined) {
  const r = termRow(input.terms, input.splines, get);
  if (!('values' in r)) return null;
  const per = nomo.predictors.map((p, i) => {
    let c = 0;
    input.terms.forEach((t, j) => t.covariate === p.covariate && (c += input.coef[j] * r.values[j]));
    const min = Math.min(...nomo.predictors[i].contribution);
    return { covariate: p.covariate, points: (c - min) * nomo.pointsPerLp };
  });
  const total = per.reduce((s, x) => s + x.points, 0);
  const lp = nomo.lpAtZero + total / nomo.pointsPerLp;
  const survival = nomo.survival.map((s) => ({ horizon: s.horizon, surv: Math.exp(-s.cumHazard * Math.exp(lp + nomo.lpCentre - nomo.baselineLp)) }));
  return { points: per, total, lp, survival };
}

/** Default axis values: nice ticks over a numeric predictor's display range, or the levels. */
export function defaultAxisValues(range: readonly [number, number], count = 8): number[] {
  const t = scaleLinear().domain([range[0], range[1]]).nice(count).ticks(count);
  return t.length >= 2 ? t : [range[0], range[1]];
}
