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
import type { CoxValidationData, ReplicateOutcome, ValidationIndexes } from './types.js';

interface Sample {
  readonly time: Float64Array;
  readonly event: Uint8Array;
  readonly columns: readonly Float64Array[];
  readonly sorted: CoxSortedData;
  readonly weights: CensoringWeights | null;
}

export interface CoxValidationContext {
  readonly data: CoxValidationData;
  readonly original: Sample;
  /** Sorted position of each original row. */
  readonly position: Int32Array;
  /** The full-data estimate: where each replicate's Newton iterations start (null if that fit failed). */
  readonly start: Float64Array | null;
}

function sample(time: Float64Array, event: Uint8Array, columns: readonly Float64Array[], horizon: number | null, presorted?: Int32Array): Sample {
  const sorted = coxSortedData({ stop: time, start: null, event, columns, strata: null, nStrata: 1, presorted });
  return { time, event, columns, sorted, weights: horizon === null ? null : censoringWeights(time, event, horizon, sorted.order) };
}

export function coxValidationContext(data: CoxValidationData): CoxValidationContext {
  const original = sample(data.time, data.event, data.columns, data.horizon);
  const position = new Int32Array(original.time.length);
  original.sorted.order.forEach((row, k) => (position[row] = k));
  const f = fitOn(original, data, 1e-9);
  return { data, original, position, start: typeof f === 'string' ? null : f.beta };
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
  const f = coxFit(s.sorted, { ties: data.ties, eps, init, zphGroups: null, baselineStrata: data.horizon === null ? null : [null], concordanceVariance: false });
  if (f.singular.length > 0) return 'singular';
  if (!f.converged) return 'not converged';
  if (f.infinite.length > 0) return 'infinite coefficient';
  for (let j = 0; j < f.beta.length; j++) if (!Number.isFinite(f.beta[j])) return 'not finite';
  return { beta: f.beta, baseline: f.baseline, c: f.concordance?.c ?? null };
}

/** The indexes of coefficients β (and baseline) on a sample; slope fixed at 1 when `own`. */
function indexesOn(s: Sample, data: CoxValidationData, fit: Fitted, own: boolean): ValidationIndexes | string {
  const n = s.time.length;
  const p = s.columns.length;
  const lp = new Float64Array(n);
  for (let j = 0; j < p; j++) {
    const col = s.columns[j];
    const b = fit.beta[j];
    for (let i = 0; i < n; i++) lp[i] += col[i] * b;
  }
  let c = own ? fit.c : null;
  if (!own) {
    const lpSorted = new Float64Array(n);
    const order = s.sorted.order;
    for (let k = 0; k < n; k++) lpSorted[k] = lp[order[k]];
    c = coxConcordance(s.sorted, lpSorted, false).c;
  }
  if (c === null) return 'no comparable pairs';
  let slope = 1;
  if (!own) {
    const sl = coxCalibrationSlope(s.time, s.event, lp, data.ties, s.sorted, REPLICATE_EPS, 1);
    if (!sl) return 'test slope not estimable';
    slope = sl.slope;
  }
  let brier: number | null = null;
  if (data.horizon !== null && s.weights && fit.baseline) {
    const h0 = baselineCumHazardAt(fit.baseline, data.horizon);
    let cb = 0;
    for (let j = 0; j < p; j++) cb += fit.baseline.centre[j] * fit.beta[j];
    const risk = new Float64Array(n);
    for (let i = 0; i < n; i++) risk[i] = -Math.expm1(-h0 * Math.exp(lp[i] - cb));
    brier = weightedBrier(s.weights.weights, s.weights.outcome, risk);
  }
  return { c, slope, brier };
}

/** The apparent indexes: the model fitted on, and evaluated on, the original data. */
export function coxApparent(ctx: CoxValidationContext): ValidationIndexes | string {
  const f = fitOn(ctx.original, ctx.data, 1e-9);
  if (typeof f === 'string') return f;
  return indexesOn(ctx.original, ctx.data, f, true);
}

/** One replicate on the resample `idx` (n row indices drawn with replacement; replicateSeeds.ts). */
export function coxReplicate(ctx: CoxValidationContext, idx: Int32Array): ReplicateOutcome {
  const { data, original } = ctx;
  const n = original.time.length;
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  const columns = data.columns.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const r = idx[i];
    time[i] = original.time[r];
    event[i] = original.event[r];
  }
  for (let j = 0; j < columns.length; j++) {
    const src = data.columns[j];
    const dst = columns[j];
    for (let i = 0; i < n; i++) dst[i] = src[idx[i]];
  }
  // the resample's sort order through the original's: counting sort of each row's original sorted position
  const pos = ctx.position;
  const count = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) count[pos[idx[i]] + 1]++;
  for (let k = 0; k < n; k++) count[k + 1] += count[k];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[count[pos[idx[i]]]++] = i;
  const boot = sample(time, event, columns, data.horizon, order);
  const f = fitOn(boot, data, REPLICATE_EPS, ctx.start ?? undefined);
  if (typeof f === 'string') return { ok: false, reason: f };
  const train = indexesOn(boot, data, f, true);
  if (typeof train === 'string') return { ok: false, reason: train };
  const test = indexesOn(original, data, f, false);
  if (typeof test === 'string') return { ok: false, reason: test };
  return { ok: true, train, test };
}
