/**
 * The Cox fit on sorted typed arrays (middle layer): Newton–Raphson on the partial likelihood,
 * then the quantities R's coxph reports — coefficients and their variance in the original units,
 * log-likelihoods, score/Wald statistics, the possible-infinite-coefficient check, centred linear
 * predictors, Harrell's concordance, the baseline cumulative hazard and the per-death-time sums the
 * cox.zph test needs (the test itself is run by coxph.ts, so that this module, which bootstrap
 * workers load, imports no distribution functions).
 * It checks nothing: the caller (coxph.ts) has validated and sorted the data.
 *
 * Infinite coefficients (monotone likelihood; Bryson & Johnson 1981, Biometrika 68:
 * 717–723): as R documents for coxph.control(toler.inf), after convergence the Newton step that
 * would still be taken, |I⁻¹u|, is compared with eps and toler.inf·|β| (toler.inf = √eps); a
 * coefficient failing both is reported ("Loglik converged before variable k").
 *
 * @example
 * const d = coxSortedData({ stop: new Float64Array([1, 2, 3, 4, 5]), start: null, event: new Uint8Array([1, 1, 1, 0, 1]),
 *   columns: [new Float64Array([1, 0, 1, 0, 0])], strata: null, nStrata: 1 });
 * coxFit(d, { ties: 'efron' }).beta[0] // 1.43875604735478 (R coef: 1.43875604735478)
 */
import { choleskyInverse } from '../../linalg/choleskyInverse.js';
import { coxConcordance, type ConcordanceResult } from './concordance.js';
import { allocTimeDetail, coxDerivatives, type CoxTimeDetail } from './partialLikelihood.js';
import { newtonRaphson } from './newton.js';
import type { CoxSortedData } from './sortedData.js';
import { coxBaseline, type CoxBaseline } from './baseline.js';

export interface CoxFitOptions {
  readonly ties: 'efron' | 'breslow';
  readonly eps?: number;
  readonly maxIter?: number;
  readonly tolerChol?: number;
  readonly tolerInf?: number;
  /** true: keep the summed Schoenfeld residuals and covariances per death time (timeDetail) for cox.zph (zph.ts). */
  readonly residualSums?: boolean;
  /** Labels of the strata (for the baseline); null skips the baseline hazard. */
  readonly baselineStrata?: readonly (string | null)[] | null;
  readonly concordance?: boolean;
  /** false: Harrell's C without its standard error (concordance.se and .variance null; faster). */
  readonly concordanceVariance?: boolean;
  /** Starting coefficients in original units (default 0); then loglikNull and the score test refer to this start. */
  readonly init?: ArrayLike<number>;
  /** false: no `linearPredictors` (an empty array), for a caller that does not read them (bootstrap replicates). */
  readonly linearPredictors?: boolean;
}

export interface CoxFit {
  readonly beta: Float64Array;
  /** Row-major p×p inverse information (original units). */
  readonly variance: Float64Array;
  readonly loglikNull: number;
  readonly loglik: number;
  readonly scoreStatistic: number;
  readonly waldStatistic: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Columns singular in the information at β = 0 (no variance or collinear). */
  readonly singular: readonly number[];
  /** Columns whose coefficient may be infinite (0-based). */
  readonly infinite: readonly number[];
  /** Centred linear predictor (x − means)·β in INPUT row order (empty with `linearPredictors: false`). */
  readonly linearPredictors: Float64Array;
  readonly concordance: ConcordanceResult | null;
  /** Per death time at the returned β (coxDerivatives' detail) when residualSums or the baseline was asked for. */
  readonly timeDetail: CoxTimeDetail | null;
  readonly baseline: CoxBaseline | null;
}

/** Scratch reused across calls (grown, never shrunk): the linear predictor in sorted order. */
let lpWork = new Float64Array(0);

export function coxFit(d: CoxSortedData, opts: CoxFitOptions): CoxFit {
  const { n, p, scale } = d;
  const eps = opts.eps ?? 1e-9;
  const tolerChol = opts.tolerChol ?? Math.pow(2.220446049250313e-16, 0.75);
  const tolerInf = opts.tolerInf ?? Math.sqrt(eps);
  const efron = opts.ties === 'efron';
  const risk = new Float64Array(d.start ? n : 0);
  // the per-death-time detail (for cox.zph and the baseline hazard) is filled at every evaluation;
  // the last evaluation is at the returned β, so no extra pass is needed
  const detail = opts.residualSums || opts.baselineStrata ? allocTimeDetail(d.nDeathTimes, p, Boolean(opts.residualSums)) : undefined;
  let init: Float64Array | undefined;
  if (opts.init) {
    init = new Float64Array(p);
    for (let j = 0; j < p; j++) init[j] = opts.init[j] / scale[j];
  }
  const nr = newtonRaphson((b, u, imat) => coxDerivatives(d, b, efron, u, imat, risk, detail), p, {
    eps,
    maxIter: opts.maxIter ?? 20,
    tolerChol,
    init,
  });
  const varScaled = choleskyInverse(nr.factor);
  const beta = new Float64Array(p);
  const variance = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    beta[j] = nr.beta[j] * scale[j];
    for (let k = 0; k < p; k++) variance[j * p + k] = varScaled[j * p + k] * scale[j] * scale[k];
  }
  let wald = 0;
  for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) wald += nr.beta[j] * nr.imat[j * p + k] * nr.beta[k];
  const infinite: number[] = [];
  for (let j = 0; j < p; j++) {
    let step = 0; // (I⁻¹u)_j in original units
    for (let k = 0; k < p; k++) step += varScaled[j * p + k] * nr.u[k];
    step = Math.abs(step * scale[j]);
    if (step > eps && step > tolerInf * Math.abs(beta[j])) infinite.push(j);
  }
  // linear predictors (sorted order, centred; scratch: read only below), then back to input order;
  // not computed when neither they nor the concordance are asked for (bootstrap replicates)
  const wantLp = opts.linearPredictors !== false;
  const wantC = opts.concordance !== false;
  if (lpWork.length < n) lpWork = new Float64Array(n);
  const lpSorted = lpWork.subarray(0, n);
  if (wantLp || wantC) sortedPredictor(d.x, p, nr.beta, lpSorted);
  const linearPredictors = new Float64Array(wantLp ? n : 0);
  if (wantLp) scatterTo(d.order, lpSorted, linearPredictors);
  const concordance = wantC ? coxConcordance(d, lpSorted, opts.concordanceVariance !== false) : null;
  let baseline: CoxBaseline | null = null;
  if (detail && opts.baselineStrata) baseline = coxBaseline(detail, d.strataBounds.length - 1, opts.baselineStrata, d.means);
  return {
    beta,
    variance,
    loglikNull: nr.loglikNull,
    loglik: nr.loglik,
    scoreStatistic: nr.score,
    waldStatistic: wald,
    iterations: nr.iterations,
    converged: nr.converged,
    singular: nr.singularAtStart,
    infinite,
    linearPredictors,
    concordance,
    timeDetail: detail ?? null,
    baseline,
  };
}

// The loops over the rows are functions of their own: as loops of coxFit, V8 compiled each on its
// own (on-stack replacement) and left that code at the next for want of type feedback.

/** x·β of each row (x row-major, p per row) into `out`. */
function sortedPredictor(x: Float64Array, p: number, beta: Float64Array, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) {
    let s = 0;
    for (let j = 0; j < p; j++) s += x[i * p + j] * beta[j];
    out[i] = s;
  }
}

/** out[order[k]] = from[k]. */
function scatterTo(order: Int32Array, from: Float64Array, out: Float64Array): void {
  for (let k = 0; k < from.length; k++) out[order[k]] = from[k];
}
