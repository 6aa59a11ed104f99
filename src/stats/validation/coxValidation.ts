/**
 * One replicate of the optimism bootstrap for a Cox model (Harrell, Lee & Mark 1996, Stat Med
 * 15:361–387, §5.3; as rms::validate.cph): fit the model on a bootstrap resample, compute the
 * indexes on that resample ("training") and, with the same coefficients and baseline hazard, on the
 * original data ("test"). Indexes: Harrell's C of the linear predictor (concordance.ts); the
 * calibration slope — 1 on the training sample by definition, on the original data the coefficient
 * of a Cox model of the outcome on the bootstrap linear predictor (coxCalibrationSlope.ts); the IPCW
 * Brier score at the horizon (brierScore.ts; censoring weights from the data it is computed on).
 * Replicate fits (the bootstrap fit and the test-slope fit) stop at a relative log-likelihood change
 * of 1e-6 (REPLICATE_EPS; rms uses 1e-4 there, the apparent fit uses 1e-9 as coxph) and start their
 * Newton iterations at the full-data estimate (the slope at 1) rather than at 0: the partial
 * likelihood is concave, so the maximum is the same and fewer steps reach it; coefficients agree
 * to ~1e-8, far below the Monte Carlo error of the bootstrap.
 * A replicate's resample is built already sorted from the draw counts (sortedResample.ts) and every
 * n-length array of a replicate is reused from the context's workspace: the context belongs to one
 * thread and runs one replicate at a time.
 * Pure: the worker thread (src/analysis/parallel) calls the same functions as the synchronous loop.
 *
 * @example
 * const ctx = coxValidationContext(data);
 * coxApparent(ctx).c        // Harrell's C of the full-data fit (R: concordance(coxph(...)))
 * coxReplicate(ctx, bootstrapIndices(n, seed)) // { ok: true, train: { c, slope: 1, brier }, test: { c, slope, brier } }
 */
import { coxCalibrationSlope } from '../calibration/coxCalibrationSlope.js';
import { baselineCumHazardAt, type CoxBaseline } from '../survival/cox/baseline.js';
import { coxConcordance } from '../survival/cox/concordance.js';
import { coxFit } from '../survival/cox/fit.js';
import { coxSortedData, type CoxSortedData } from '../survival/cox/sortedData.js';
import { weightedBrier } from './brierScore.js';
import { censoringWeights, type CensoringWeights } from './censoringWeights.js';
import { sortedResample, sortedResampleWork, type SortedResampleWork } from './sortedResample.js';
import type { CoxValidationData, ReplicateOutcome, ValidationIndexes } from './types.js';

interface Sample {
  readonly time: Float64Array;
  readonly event: Uint8Array;
  readonly sorted: CoxSortedData;
  readonly weights: CensoringWeights | null;
}

/** The n-length arrays of a replicate, allocated once per context. */
interface ReplicateWork {
  readonly resample: SortedResampleWork;
  readonly bootWeights: CensoringWeights | null;
  readonly lp: Float64Array;
  readonly risk: Float64Array;
  readonly bootRisk: Float64Array;
  readonly lpSorted: Float64Array;
  readonly slopeX: Float64Array;
}

export interface CoxValidationContext {
  readonly data: CoxValidationData;
  readonly original: Sample;
  /** Sorted position of each original row. */
  readonly position: Int32Array;
  /** Each covariate of the original rows in sorted order (uncentred). */
  readonly sortedColumns: readonly Float64Array[];
  /** The full-data fit (the apparent model), or why it failed. */
  readonly full: Fitted | string;
  /** The full-data estimate: where each replicate's Newton iterations start (null if that fit failed). */
  readonly start: Float64Array | null;
  readonly work: ReplicateWork;
}

export function coxValidationContext(data: CoxValidationData): CoxValidationContext {
  const { time, event, columns, horizon } = data;
  const sorted = coxSortedData({ stop: time, start: null, event, columns, strata: null, nStrata: 1 });
  const original: Sample = { time, event, sorted, weights: horizon === null ? null : censoringWeights(time, event, horizon, sorted.order) };
  const n = time.length;
  const position = new Int32Array(n);
  original.sorted.order.forEach((row, k) => (position[row] = k));
  const sortedColumns = columns.map((c) => {
    const s = new Float64Array(n);
    for (let k = 0; k < n; k++) s[k] = c[sorted.order[k]];
    return s;
  });
  const f = fitOn(original, data, 1e-9);
  const work: ReplicateWork = {
    resample: sortedResampleWork(sorted),
    bootWeights: horizon === null ? null : { weights: new Float64Array(n), outcome: new Uint8Array(n) },
    lp: new Float64Array(n),
    risk: new Float64Array(n),
    bootRisk: new Float64Array(n),
    lpSorted: new Float64Array(n),
    slopeX: new Float64Array(n),
  };
  return { data, original, position, sortedColumns, full: f, start: typeof f === 'string' ? null : f.beta, work };
}

interface Fitted {
  readonly beta: Float64Array;
  readonly baseline: CoxBaseline | null;
  readonly c: number | null;
}

/** Relative log-likelihood change at which replicate fits stop (rms::validate: 1e-4; the apparent fit: 1e-9). */
export const REPLICATE_EPS = 1e-6;

function fitOn(s: Sample, data: CoxValidationData, eps: number, init?: Float64Array): Fitted | string {
  if (s.sorted.nEvents === 0) return 'no events';
  const f = coxFit(s.sorted, { ties: data.ties, eps, init, baselineStrata: data.horizon === null ? null : [null], concordanceVariance: false, linearPredictors: false });
  if (f.singular.length > 0) return 'singular';
  if (!f.converged) return 'not converged';
  if (f.infinite.length > 0) return 'infinite coefficient';
  for (let j = 0; j < f.beta.length; j++) if (!Number.isFinite(f.beta[j])) return 'not finite';
  return { beta: f.beta, baseline: f.baseline, c: f.concordance?.c ?? null };
}

/** x·β in original units, input order (into `lp`, length n). */
function linearPredictor(columns: readonly Float64Array[], beta: Float64Array, lp: Float64Array): Float64Array {
  const n = lp.length;
  lp.fill(0);
  for (let j = 0; j < columns.length; j++) {
    const col = columns[j];
    const b = beta[j];
    for (let i = 0; i < n; i++) lp[i] += col[i] * b;
  }
  return lp;
}

/**
 * The predicted risk at the horizon, 1 − exp(−H0(t)·exp(lp − centre·β)), for the rows of nonzero
 * censoring weight (the others, censored before the horizon, have weight 0 in every sample and are
 * left at 0: the Brier score skips them), into `risk`; null without a horizon or baseline.
 */
function horizonRisk(data: CoxValidationData, fit: Fitted, lp: Float64Array, weights: CensoringWeights | null, risk: Float64Array): Float64Array | null {
  if (data.horizon === null || !weights || !fit.baseline) return null;
  const h0 = baselineCumHazardAt(fit.baseline, data.horizon);
  let cb = 0;
  for (let j = 0; j < fit.beta.length; j++) cb += fit.baseline.centre[j] * fit.beta[j];
  const w = weights.weights;
  risk.fill(0);
  for (let i = 0; i < lp.length; i++) if (w[i] !== 0) risk[i] = -Math.expm1(-h0 * Math.exp(lp[i] - cb));
  return risk;
}

/**
 * The indexes of coefficients β (and baseline) on a sample, given its linear predictor `lp` (test
 * only) and predicted risks; `own`: on the sample the model was fitted on (c from the fit, slope 1).
 * `work`: the arrays a test evaluation writes (a fresh set when absent).
 */
function indexesOn(
  s: Sample, data: CoxValidationData, fit: Fitted, own: boolean, lp: Float64Array | null, risk: Float64Array | null,
  work?: { readonly lpSorted: Float64Array; readonly slopeX: Float64Array },
): ValidationIndexes | string {
  const n = s.time.length;
  let c = own ? fit.c : null;
  if (!own) {
    const lpSorted = work?.lpSorted ?? new Float64Array(n);
    const order = s.sorted.order;
    for (let k = 0; k < n; k++) lpSorted[k] = lp![order[k]];
    c = coxConcordance(s.sorted, lpSorted, false).c;
  }
  if (c === null) return 'no comparable pairs';
  let slope = 1;
  if (!own) {
    const sl = coxCalibrationSlope(s.time, s.event, lp!, data.ties, s.sorted, REPLICATE_EPS, 1, work?.slopeX);
    if (!sl) return 'test slope not estimable';
    slope = sl.slope;
  }
  const brier = risk && s.weights ? weightedBrier(s.weights.weights, s.weights.outcome, risk) : null;
  return { c, slope, brier };
}

/** The apparent indexes: the model fitted on, and evaluated on, the original data. */
export function coxApparent(ctx: CoxValidationContext): ValidationIndexes | string {
  const f = ctx.full;
  if (typeof f === 'string') return f;
  const n = ctx.original.time.length;
  const lp = linearPredictor(ctx.data.columns, f.beta, new Float64Array(n));
  return indexesOn(ctx.original, ctx.data, f, true, lp, horizonRisk(ctx.data, f, lp, ctx.original.weights, new Float64Array(n)));
}

/** One replicate on the resample `idx` (n row indices drawn with replacement; replicateSeeds.ts). */
export function coxReplicate(ctx: CoxValidationContext, idx: Int32Array): ReplicateOutcome {
  const { data, original, work } = ctx;
  const n = original.time.length;
  // the resample, sorted: its rows are numbered in sorted order (boot.order is the identity)
  const sorted = sortedResample(original.sorted, ctx.sortedColumns, ctx.position, idx, work.resample);
  const weights = data.horizon === null ? null : censoringWeights(sorted.stop, sorted.event, data.horizon, sorted.order, work.bootWeights!);
  const boot: Sample = { time: sorted.stop, event: sorted.event, sorted, weights };
  const f = fitOn(boot, data, REPLICATE_EPS, ctx.start ?? undefined);
  if (typeof f === 'string') return { ok: false, reason: f };
  // the resample's rows are copies of original rows: their linear predictors and risks are the
  // original rows' (the same products summed in the same order), gathered instead of recomputed
  const lp = linearPredictor(data.columns, f.beta, work.lp);
  const risk = horizonRisk(data, f, lp, original.weights, work.risk);
  let bootRisk: Float64Array | null = null;
  if (risk) {
    // resample row k (sorted order) is a copy of the original row at sorted position p, drawn count[p] times
    bootRisk = work.bootRisk;
    const { count } = work.resample;
    const order = original.sorted.order;
    let out = 0;
    for (let k = 0; k < n; k++) {
      const r = risk[order[k]];
      for (let c = count[k]; c > 0; c--) bootRisk[out++] = r;
    }
  }
  const train = indexesOn(boot, data, f, true, null, bootRisk);
  if (typeof train === 'string') return { ok: false, reason: train };
  const test = indexesOn(original, data, f, false, lp, risk, work);
  if (typeof test === 'string') return { ok: false, reason: test };
  return { ok: true, train, test };
}
