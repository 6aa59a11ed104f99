/**
 * Inverse-probability-of-censoring weights for a horizon t (Graf, Schmoor, Sauerbrei & Schumacher
 * 1999, Stat Med 18:2529–2545): with G the Kaplan–Meier estimate of the censoring distribution
 * (censorings as events, deaths as censored; marginal, no covariates),
 *   w_i = 1 / G(T_i−)  if T_i ≤ t and δ_i = 1   (event by the horizon),
 *   w_i = 1 / G(t)     if T_i > t               (event-free at the horizon),
 *   w_i = 0            if T_i ≤ t and δ_i = 0   (censored before the horizon),
 * as riskRegression::Score(cens.model = "km"): at a time with both deaths and censorings the deaths
 * leave the risk set of the censoring process first (prodlim's reverse Kaplan–Meier), so the
 * censoring hazard there is c / (n at risk − deaths). O(n) after one radix sort.
 *
 * @example
 * censoringWeights(new Float64Array([1, 2, 3, 4]), new Uint8Array([1, 0, 1, 0]), 3.5)
 * // { weights: Float64Array [1, 0, 1.5, 1.5] (1/(2/3), to rounding), outcome: Uint8Array [1, 0, 1, 0] }
 */
import { radixOrder } from '../survival/cox/radixOrder.js';

export interface CensoringWeights {
  /** Weight per patient (input order). */
  readonly weights: Float64Array;
  /** 1 = event by the horizon (T ≤ t, δ = 1), else 0. */
  readonly outcome: Uint8Array;
}

/**
 * `order` (optional): the rows already sorted by time ascending (e.g. CoxSortedData.order), saving
 * the sort. `into` (optional, arrays of length n): filled and returned instead of new arrays.
 * `count` (optional): frequency weights, row i standing for count[i] identical rows (a bootstrap
 * resample's distinct rows, sortedResample.ts): G is that of the rows repeated, and each row's
 * weight is the one each of its copies would get.
 */
export function censoringWeights(
  time: Float64Array, event: ArrayLike<number>, horizon: number, order: Int32Array = radixOrder(time), into?: CensoringWeights, count?: Int32Array,
): CensoringWeights {
  const n = time.length;
  const weights = into ? into.weights.fill(0) : new Float64Array(n);
  const outcome = into ? into.outcome.fill(0) : new Uint8Array(n);
  const gAtH = eventWeights(time, event, horizon, order, count ?? null, weights, outcome);
  for (let i = 0; i < n; i++) if (time[i] > horizon) weights[i] = 1 / gAtH;
  return { weights, outcome };
}

/**
 * The walk over the sorted times (a function of its own, not a loop of censoringWeights: V8 compiled
 * it on its own and left that code at the next loop for want of type feedback): 1/G(T−) and the
 * outcome of each event by the horizon into weights, outcome; returns G(t).
 */
function eventWeights(
  time: Float64Array, event: ArrayLike<number>, horizon: number, order: Int32Array, count: Int32Array | null, weights: Float64Array, outcome: Uint8Array,
): number {
  const n = time.length;
  const total = count ? countTotal(count, n) : n;
  let g = 1; // G just before the current block
  let gAtH = 1; // G(t)
  let k = 0;
  let before = 0; // rows (with count: their total count) before the block
  while (k < n) {
    const tk = time[order[k]];
    let j = k;
    let cens = 0;
    let deaths = 0;
    while (j < n && time[order[j]] === tk) {
      const w = count ? count[order[j]] : 1;
      if (event[order[j]] !== 1) cens += w;
      else deaths += w;
      j++;
    }
    const atRisk = total - before - deaths;
    before += cens + deaths;
    for (let m = k; m < j; m++) {
      const i = order[m];
      if (tk <= horizon && event[i] === 1) {
        weights[i] = 1 / g;
        outcome[i] = 1;
      }
    }
    if (cens > 0) g *= 1 - cens / atRisk;
    if (tk <= horizon) gAtH = g;
    k = j;
  }
  return gAtH;
}

function countTotal(count: Int32Array, n: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += count[i];
  return total;
}
