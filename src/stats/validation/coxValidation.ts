/**
 * One replicate of the optimism bootstrap for a Cox model (Harrell, Lee & Mark 1996, Stat Med
 * 15:361–387, §5.3; as rms::validate.cph): fit the model on a bootstrap resample, compute the
 * indexes on that resample ("training") and, with the same coefficients and baseline hazard, on the
 * original data ("test"). Indexes: Harrell's C of the linear predictor (concordance.ts); the
 * calibration slope — 1 on the training sample by definition, on the original data the coefficient
 * of a Cox model of the outcome on the bootstrap linear predictor (sortedSlope.ts, as
 * coxCalibrationSlope.ts); the IPCW
 * Brier score at the horizon (brierScore.ts; censoring weights from the data it is computed on).
 * Replicate fits (the bootstrap fit and the test-slope fit) stop at a relative log-likelihood change
 * of 1e-6 (REPLICATE_EPS; rms uses 1e-4 there, the apparent fit uses 1e-9 as coxph) and start their
 * Newton iterations at the full-data estimate (the slope at 1) rather than at 0: the partial
 * likelihood is concave, so the maximum is the same and fewer steps reach it; coefficients agree
 * to ~1e-8, far below the Monte Carlo error of the bootstrap.
 * A replicate's resample is built already sorted from the draw counts, as its distinct rows weighted
 * by their counts (sortedResample.ts: the fit, baseline, pair counts and Brier score of the rows
 * repeated). The bootstrap coefficients give the same linear predictor to a resample row as to its
 * original row, so the scores' ranks are computed once, on the original rows, and serve both
 * concordances (the training one gathered through the resample's rows). Every n-length array of a
 * replicate is reused from the context's workspace: the context belongs to one thread and runs one
 * replicate at a time.
 * Pure: the worker thread (src/analysis/parallel) calls the same functions as the synchronous loop.
 *
 * @example
 * const ctx = coxValidationContext(data);
 * coxApparent(ctx).c        // Harrell's C of the full-data fit (R: concordance(coxph(...)))
 * coxReplicate(ctx, bootstrapIndices(n, seed)) // { ok: true, train: { c, slope: 1, brier }, test: { c, slope, brier } }
 */
import { sortedSlope } from '../calibration/sortedSlope.js';
import { baselineCumHazardAt, type CoxBaseline } from '../survival/cox/baseline.js';
import { coxConcordanceOfRanks } from '../survival/cox/concordance.js';
import { denseRanks } from '../survival/cox/denseRanks.js';
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
  readonly rank: Int32Array;
  readonly bootRank: Int32Array;
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
  const f = fitOn(original.sorted, data, 1e-9, true);
  const work: ReplicateWork = {
    resample: sortedResampleWork(sorted),
    bootWeights: horizon === null ? null : { weights: new Float64Array(n), outcome: new Uint8Array(n) },
    lp: new Float64Array(n),
    risk: new Float64Array(n),
    bootRisk: new Float64Array(n),
    lpSorted: new Float64Array(n),
    rank: new Int32Array(n),
    bootRank: new Int32Array(n),
  };
  return { data, original, position, sortedColumns, full: f, start: typeof f === 'string' ? null : f.beta, work };
}

interface Fitted {
  readonly beta: Float64Array;
  readonly baseline: CoxBaseline | null;
  /** Harrell's C of the fit's own linear predictor (when asked for). */
  readonly c: number | null;
}

/** Relative log-likelihood change at which replicate fits stop (rms::validate: 1e-4; the apparent fit: 1e-9). */
export const REPLICATE_EPS = 1e-6;

function fitOn(d: CoxSortedData, data: CoxValidationData, eps: number, concordance: boolean, init?: Float64Array): Fitted | string {
  if (d.nEvents === 0) return 'no events';
  const f = coxFit(d, { ties: data.ties, eps, init, baselineStrata: data.horizon === null ? null : [null], concordance, concordanceVariance: false, linearPredictors: false });
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

/** The apparent indexes: the model fitted on, and evaluated on, the original data (c from the fit, slope 1). */
export function coxApparent(ctx: CoxValidationContext): ValidationIndexes | string {
  const f = ctx.full;
  if (typeof f === 'string') return f;
  if (f.c === null) return 'no comparable pairs';
  const { original, data } = ctx;
  const n = original.time.length;
  const lp = linearPredictor(data.columns, f.beta, new Float64Array(n));
  const risk = horizonRisk(data, f, lp, original.weights, new Float64Array(n));
  return { c: f.c, slope: 1, brier: risk && original.weights ? weightedBrier(original.weights.weights, original.weights.outcome, risk) : null };
}

/** One replicate on the resample `idx` (n row indices drawn with replacement; replicateSeeds.ts). */
export function coxReplicate(ctx: CoxValidationContext, idx: Int32Array): ReplicateOutcome {
  const { data, original, work } = ctx;
  const n = original.time.length;
  // the resample, sorted, as distinct rows weighted by their draw counts (boot.order is the identity)
  const boot = sortedResample(original.sorted, ctx.sortedColumns, ctx.position, idx, work.resample);
  const m = boot.n;
  const f = fitOn(boot, data, REPLICATE_EPS, false, ctx.start ?? undefined);
  if (typeof f === 'string') return { ok: false, reason: f };
  // the linear predictor of the original rows, in sorted order, and its ranks: a resample row has
  // its original row's score (the same products summed in the same order), so the ranks serve both
  const lp = linearPredictor(data.columns, f.beta, work.lp);
  const order = original.sorted.order;
  const { lpSorted, rank, bootRank } = work;
  gatherFloat(lpSorted, lp, order, n);
  const K = denseRanks(lpSorted, rank);
  const source = boot.source;
  gatherInt(bootRank, rank, source, m);
  const cTrain = coxConcordanceOfRanks(boot, bootRank.subarray(0, m), K).c;
  const cTest = coxConcordanceOfRanks(original.sorted, rank, K).c;
  if (cTrain === null || cTest === null) return { ok: false, reason: 'no comparable pairs' };
  // the test slope: a Cox model of the original outcome on this linear predictor (sorted order, one pass per step)
  const sl = sortedSlope(original.sorted, lpSorted, data.ties, REPLICATE_EPS, 1);
  if (!sl) return { ok: false, reason: 'test slope not estimable' };
  // Brier scores: risks of the original rows; a resample row takes its original row's
  let trainBrier: number | null = null;
  let testBrier: number | null = null;
  const risk = horizonRisk(data, f, lp, original.weights, work.risk);
  if (risk && original.weights && work.bootWeights) {
    const bw = censoringWeights(boot.stop, boot.event, data.horizon!, boot.order, { weights: work.bootWeights.weights.subarray(0, m), outcome: work.bootWeights.outcome.subarray(0, m) }, boot.weight);
    const bootRisk = work.bootRisk.subarray(0, m);
    gatherFloatThrough(bootRisk, risk, order, source, m);
    trainBrier = weightedBrier(bw.weights, bw.outcome, bootRisk, boot.weight);
    testBrier = weightedBrier(original.weights.weights, original.weights.outcome, risk);
  }
  return { ok: true, train: { c: cTrain, slope: 1, brier: trainBrier }, test: { c: cTest, slope: sl.slope, brier: testBrier } };
}

// The gathers of a replicate are functions of their own, not loops inside coxReplicate: V8 compiled
// such a loop on its own (on-stack replacement) and then, at each call, left that code at the call
// after the loop for want of type feedback, so the rest of the replicate ran in the interpreter.

/** out[k] = from[index[k]] for k < len. */
function gatherFloat(out: Float64Array, from: Float64Array, index: Int32Array, len: number): void {
  for (let k = 0; k < len; k++) out[k] = from[index[k]];
}

/** out[k] = from[index[k]] for k < len (integers). */
function gatherInt(out: Int32Array, from: Int32Array, index: Int32Array, len: number): void {
  for (let k = 0; k < len; k++) out[k] = from[index[k]];
}

/** out[k] = from[outer[inner[k]]] for k < len. */
function gatherFloatThrough(out: Float64Array, from: Float64Array, outer: Int32Array, inner: Int32Array, len: number): void {
  for (let k = 0; k < len; k++) out[k] = from[outer[inner[k]]];
}
