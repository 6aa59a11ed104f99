/**
 * Numeric core: the test of proportional hazards from scaled Schoenfeld residuals (Grambsch &
 * Therneau 1994, Biometrika 81:515–526), in the score-test form of R survival ≥ 3.0's cox.zph:
 * for a time transform g(t), the model is expanded with the covariates x·g(t) and the score test
 * of their coefficients γ = 0 is computed at (β̂, 0) with the full information matrix of the
 * expanded model (ties handled as in the fit, Efron or Breslow). Per term (the columns J of one
 * covariate) the test uses the rows and columns (all β, γ_J); the global test uses all.
 *
 * Transform "km": g(t) = 1 − S(t−), S the left-continuous Kaplan–Meier estimate of all rows
 * (strata ignored, counting-process rows as risk-set entries), centred at its mean over deaths.
 *
 * Contract: `d` from coxSortedData; `detail` from coxDerivatives at the fitted β (per death time:
 * summed Schoenfeld residual and summed weighted covariance, in the scaled units of `d` — the
 * statistic is invariant to that scaling); `groups` lists the column indices of each term.
 * O(n log n) for the Kaplan–Meier transform plus O(T·p²) over the T death times.
 *
 * @example
 * // via coxph: times 1..5, events 1,1,1,0,1, x = 1,0,1,0,0 (R cox.zph: chisq 0.00856783521, p 0.9262510558)
 * coxph({ time: new Float64Array([1, 2, 3, 4, 5]), event: new Float64Array([1, 1, 1, 0, 1]),
 *   covariates: [{ name: 'x', kind: 'numeric', values: new Float64Array([1, 0, 1, 0, 0]) }] }).proportionalHazards!.global
 * // { term: 'GLOBAL', chisq: 0.008567835210014531, df: 1, p: 0.9262510557682276 }
 */
import { cholesky } from '../../linalg/cholesky.js';
import { choleskySolve } from '../../linalg/choleskySolve.js';
import { pChisqUpper } from '../../dist/index.js';
import type { CoxSortedData } from './sortedData.js';
import { radixOrder } from './radixOrder.js';
import type { CoxTimeDetail } from './partialLikelihood.js';

export interface ZphTest {
  readonly chisq: number;
  readonly df: number;
  readonly p: number;
}

export interface ZphResult {
  readonly terms: readonly ZphTest[];
  readonly global: ZphTest;
}

/**
 * Left-continuous Kaplan–Meier S(t−) at each distinct death time (ascending), strata pooled. With
 * one stratum the rows are already in ascending stop order (coxSortedData), so they are not sorted
 * again.
 */
export function kmLeftContinuous(d: CoxSortedData): { time: Float64Array; survBefore: Float64Array } {
  const { n, stop, start, event } = d;
  const byStop = d.strataBounds.length <= 2 ? null : radixOrder(stop);
  const stopSorted = byStop ? new Float64Array(n) : stop;
  if (byStop) for (let k = 0; k < n; k++) stopSorted[k] = stop[byStop[k]];
  let startSorted: Float64Array | null = null;
  if (start) {
    const byStart = radixOrder(start);
    startSorted = new Float64Array(n);
    for (let k = 0; k < n; k++) startSorted[k] = start[byStart[k]];
  }
  const deathTimes = new Float64Array(d.nEvents);
  deathTimesOf(event, byStop, stopSorted, deathTimes);
  return leftContinuousSteps(n, deathTimes, stopSorted, startSorted);
}

// kmLeftContinuous's loops are functions of their own: as its loops, V8 compiled each on its own
// (on-stack replacement) and left that code at the next for want of type feedback.

/** The death times in ascending order (rows in stop order through byStop, or as they are). */
function deathTimesOf(event: Uint8Array, byStop: Int32Array | null, stopSorted: Float64Array, deathTimes: Float64Array): void {
  let c = 0;
  for (let k = 0; k < stopSorted.length; k++) if (event[byStop ? byStop[k] : k]) deathTimes[c++] = stopSorted[k];
}

/** Each distinct death time and the survival just before it. */
function leftContinuousSteps(n: number, deathTimes: Float64Array, stopSorted: Float64Array, startSorted: Float64Array | null): { time: Float64Array; survBefore: Float64Array } {
  const times: number[] = [];
  const surv: number[] = [];
  let s = 1;
  for (let k = 0; k < deathTimes.length; ) {
    const t = deathTimes[k];
    let m = 0;
    while (k < deathTimes.length && deathTimes[k] === t) {
      m++;
      k++;
    }
    let atRisk = n - lowerBound(stopSorted, t);
    if (startSorted) atRisk -= n - lowerBound(startSorted, t);
    times.push(t);
    surv.push(s);
    s *= 1 - m / atRisk;
  }
  return { time: Float64Array.from(times), survBefore: Float64Array.from(surv) };
}

function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function coxZph(d: CoxSortedData, detail: CoxTimeDetail, groups: readonly (readonly number[])[]): ZphResult {
  const p = d.p;
  const km = kmLeftContinuous(d);
  const T = detail.count;
  const g = new Float64Array(T);
  let gSum = 0;
  let deaths = 0;
  for (let c = 0; c < T; c++) {
    const k = lowerBound(km.time, detail.time[c]);
    g[c] = 1 - km.survBefore[k];
    gSum += g[c] * detail.deaths[c];
    deaths += detail.deaths[c];
  }
  const gMean = gSum / deaths;
  const q = 2 * p;
  const imat = new Float64Array(q * q);
  const u = new Float64Array(q);
  for (let c = 0; c < T; c++) {
    const gc = g[c] - gMean;
    const o = c * p * p;
    for (let j = 0; j < p; j++) {
      u[p + j] += gc * detail.resid[c * p + j];
      for (let k = 0; k < p; k++) {
        const v = detail.cov[o + j * p + k];
        imat[j * q + k] += v;
        imat[j * q + p + k] += gc * v;
        imat[(p + j) * q + k] += gc * v;
        imat[(p + j) * q + p + k] += gc * gc * v;
      }
    }
  }
  const test = (cols: number[]): ZphTest => {
    const m = cols.length;
    const sub = new Float64Array(m * m);
    const us = new Float64Array(m);
    for (let a = 0; a < m; a++) {
      us[a] = u[cols[a]];
      for (let b = 0; b < m; b++) sub[a * m + b] = imat[cols[a] * q + cols[b]];
    }
    const sol = choleskySolve(cholesky(sub, m, 1e-12), us);
    let chisq = 0;
    for (let a = 0; a < m; a++) chisq += us[a] * sol[a];
    const df = cols.length - p;
    return { chisq, df, p: pChisqUpper(chisq, df) };
  };
  const base = Array.from({ length: p }, (_, j) => j);
  const terms = groups.map((gr) => test([...base, ...gr.map((j) => p + j)]));
  const global = test([...base, ...base.map((j) => p + j)]);
  return { terms, global };
}
