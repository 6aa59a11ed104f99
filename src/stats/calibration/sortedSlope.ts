/**
 * The calibration slope (coxCalibrationSlope.ts: the coefficient of a Cox model of the outcome on a
 * linear predictor) on data already sorted, with the predictor in sorted order — the bootstrap
 * replicate's test slope, fitted 200 times on the same original rows. A one-covariate partial
 * likelihood needs no matrix: its log-likelihood, score and information come from one pass over
 * the rows (time descending: S0 = Σr, S1 = Σr·x, S2 = Σr·x² over the risk set, r = exp(γ·x), and
 * the same sums over each time's deaths), with Efron's (Efron 1977, JASA 72:557–565) or Breslow's
 * (Breslow 1974) handling of tied deaths as partialLikelihood.ts, maximised by the same
 * Newton–Raphson with step halving (newton.ts). x is centred at its mean (the partial likelihood is
 * unchanged) and not scaled (Newton's steps do not depend on the scale of one coefficient), so
 * the slope equals coxCalibrationSlope's to rounding (test: 1e-9).
 *
 * Contract: `d` from coxSortedData, right-censored, one stratum, at least one death; `x` (length
 * d.n) finite, in d's sorted order. Null when the slope is not estimable (x constant, not finite).
 *
 * @example
 * const d = coxSortedData({ stop: new Float64Array([1, 2, 3, 4, 5]), start: null, event: new Uint8Array([1, 1, 1, 0, 1]), columns: [], strata: null, nStrata: 1 });
 * sortedSlope(d, Float64Array.from(d.order, (i) => [2, 0, 2, 0, 0][i]), 'efron', 1e-9, 0)!.slope // 0.71937802… (R: 0.719378023677)
 */
import { newtonRaphson } from '../survival/cox/newton.js';
import type { CoxSortedData } from '../survival/cox/sortedData.js';
import { efronLogTerm } from '../survival/cox/efronLogTerm.js';
import type { CalibrationSlope } from './coxCalibrationSlope.js';

/** Scratch reused across calls (grown, never shrunk): the centred predictor. */
let centred = new Float64Array(0);

export function sortedSlope(d: CoxSortedData, x: Float64Array, ties: 'efron' | 'breslow', eps: number, init: number): CalibrationSlope | null {
  const { n, stop, event } = d;
  const efron = ties === 'efron';
  if (centred.length < n) centred = new Float64Array(n);
  const xc = centred;
  centre(x, n, xc);
  const evaluate = (beta: Float64Array, u: Float64Array, imat: Float64Array): number => {
    const loglik = slopePass(stop, event, xc, n, efron, beta[0]);
    u[0] = passScore;
    imat[0] = passInformation;
    return loglik;
  };
  const nr = newtonRaphson(evaluate, 1, { eps, maxIter: 20, tolerChol: Math.pow(2.220446049250313e-16, 0.75), init: Float64Array.of(init) });
  const slope = nr.beta[0];
  if (nr.singularAtStart.length > 0 || !Number.isFinite(slope) || !(nr.imat[0] > 0)) return null;
  return { slope, se: Math.sqrt(1 / nr.imat[0]), converged: nr.converged };
}

/**
 * One pass: the log partial likelihood of the slope g, its score u[0] and information imat[0]. A
 * function of its own, not a closure in sortedSlope: V8 kept the closure's doubles boxed (tens of MB
 * of short-lived numbers per call at 100,000 rows).
 */
/**
 * slopePass's score and information (its other results): module variables rather than stores into
 * the caller's arrays after its loop, which V8 compiled without type feedback for them (on-stack
 * replacement) and left at every call — 124 deoptimizations in one 100,000-patient analyze.
 */
let passScore = 0;
let passInformation = 0;

function slopePass(stop: Float64Array, event: Uint8Array, xc: Float64Array, n: number, efron: boolean, g: number): number {
  let S0 = 0;
  let S1 = 0;
  let S2 = 0;
  let loglik = 0;
  let U = 0;
  let I = 0;
  let i = n - 1;
  while (i >= 0) {
    const t = stop[i];
    let D0 = 0;
    let D1 = 0;
    let D2 = 0;
    let m = 0;
    for (; i >= 0 && stop[i] === t; i--) {
      const xi = xc[i];
      const r = Math.exp(g * xi);
      const rx = r * xi;
      if (event[i]) {
        D0 += r;
        D1 += rx;
        D2 += rx * xi;
        m++;
        loglik += g * xi;
        U += xi;
      } else {
        S0 += r;
        S1 += rx;
        S2 += rx * xi;
      }
    }
    S0 += D0;
    S1 += D1;
    S2 += D2;
    if (m === 0) continue;
    if (!efron || m === 1) {
      const a = S1 / S0;
      loglik -= m * Math.log(S0);
      U -= m * a;
      I += m * (S2 / S0 - a * a);
    } else {
      for (let k = 0; k < m; k++) {
        const f = k / m;
        const den = S0 - f * D0;
        const a = (S1 - f * D1) / den;
        U -= a;
        I += (S2 - f * D2) / den - a * a;
      }
      loglik = efronLogTerm(loglik, S0, D0, m);
    }
  }
  passScore = U;
  passInformation = I;
  return loglik;
}

/**
 * xc = x − mean(x) over the first n. A function of its own, not loops inside sortedSlope: V8
 * compiled such a loop on its own (on-stack replacement) and, at each call, left that code at the
 * call after it for want of type feedback.
 */
function centre(x: Float64Array, n: number, xc: Float64Array): void {
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  for (let i = 0; i < n; i++) xc[i] = x[i] - mean;
}
