/**
 * The one sort by time of a time-dependent ROC analysis and the Kaplan–Meier estimate of the
 * censoring distribution G(s) = P(C > s) that gives the inverse-probability-of-censoring weights
 * (Uno, Cai, Tian & Wei 2007, JASA 102:527–537; Blanche, Dartigues & Jacqmin-Gadda 2013, Stat Med
 * 32:5381–5397).
 *
 * Censorings are taken to happen just after the deaths recorded at the same time (the usual
 * convention: a patient censored on day 200 was seen alive that day). So the censoring risk set at a
 * time u is Yc(u) = #{T > u} + #{T = u, censored}, dΛc(u) = (censored at u) / Yc(u), and a death at
 * u is weighted by G(u−), the value before any censoring at u. This is the G that
 * riskRegression::Score (cens.model = "marginal") and survival::concordance (timewt = "n/G2") use.
 *
 * Contract: no missing values, time ≥ 0 finite, event 0/1. O(n) after one O(n) radix sort. All
 * arrays are in sorted (time ascending) order; `order[k]` is the input row of sorted position k.
 *
 * @example
 * // times 1, 2, 2, 3 with events 1, 0, 1, 0: G = 1 until 2, then 1 − 1/2 (the death at 2 leaves first)
 * const d = timeRocData(new Float64Array([1, 2, 2, 3]), new Uint8Array([1, 0, 1, 0]));
 * Array.from(d.gMinus)   // [1, 1, 1, 0.5]
 * Array.from(d.gAfter)   // [1, 0.5, 0]
 */
import { radixOrder } from '../survival/cox/radixOrder.js';

export interface TimeRocData {
  readonly n: number;
  readonly events: number;
  /** Input row of each sorted position. */
  readonly order: Int32Array;
  readonly time: Float64Array;
  readonly event: Uint8Array;
  /** Block (distinct time) of each sorted position, 0..nBlocks−1. */
  readonly block: Int32Array;
  /** First sorted position of each block; length nBlocks + 1. */
  readonly blockStart: Int32Array;
  /** Censoring risk set Yc(u) of each block (deaths at u removed first). */
  readonly censorRisk: Float64Array;
  /** Number censored at each block's time. */
  readonly censored: Float64Array;
  /** G(u) just after each block's time. */
  readonly gAfter: Float64Array;
  /** G(T−) of each sorted position (the weight denominator of a death at T). */
  readonly gMinus: Float64Array;
}

export function timeRocData(time: Float64Array, event: Uint8Array): TimeRocData {
  const n = time.length;
  const sortedTime = new Float64Array(n);
  const order = radixOrder(time, undefined, false, sortedTime);
  const ev = new Uint8Array(n);
  let events = 0;
  for (let k = 0; k < n; k++) {
    ev[k] = event[order[k]] ? 1 : 0;
    events += ev[k];
  }
  const block = new Int32Array(n);
  let nb = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0 && sortedTime[k] !== sortedTime[k - 1]) nb++;
    block[k] = nb;
  }
  nb = n === 0 ? 0 : nb + 1;
  const blockStart = new Int32Array(nb + 1);
  const censorRisk = new Float64Array(nb);
  const censored = new Float64Array(nb);
  const gAfter = new Float64Array(nb);
  const gMinus = new Float64Array(n);
  let g = 1;
  let k = 0;
  for (let b = 0; b < nb; b++) {
    blockStart[b] = k;
    let d = 0;
    let c = 0;
    const k0 = k;
    while (k < n && block[k] === b) {
      if (ev[k]) d++;
      else c++;
      gMinus[k] = g;
      k++;
    }
    const yc = n - k0 - d;
    censorRisk[b] = yc;
    censored[b] = c;
    if (c > 0) g *= 1 - c / yc;
    gAfter[b] = g;
  }
  blockStart[nb] = n;
  return { n, events, order, time: sortedTime, event: ev, block, blockStart, censorRisk, censored, gAfter, gMinus };
}
