/**
 * A bootstrap resample of right-censored Cox data built already sorted. The resample's rows are
 * copies of original rows, so in the sort order of coxSortedData (time ascending, deaths before
 * censorings at tied times) they are the original's sorted rows, each repeated as many times as it
 * was drawn. From the draw count of each sorted position this writes the resample's CoxSortedData
 * in one sequential pass into arrays reused from replicate to replicate: no gather of scattered
 * rows, no sort, no allocation of n-length arrays per replicate (on a machine where fresh memory
 * is slow to touch, that was half of a replicate's time at 100,000 patients).
 *
 * The result is coxSortedData of the gathered resample with its rows in sorted order (its `order`
 * is the identity: the resample's rows are numbered in sorted order). The same rows in the same
 * order, hence the same partial likelihood; each covariate's centre and scale are summed over
 * distinct rows times their counts rather than row by row, equal to rounding
 * (test/stats/validation/sortedResample.test.ts).
 *
 * Contract: `original` has one stratum and no start times; `sortedColumns[j][k]` is covariate j of
 * the original row at sorted position k (uncentred); `position[i]` is the sorted position of
 * original row i; `idx` holds n original row indices. The returned data's arrays belong to `work`
 * and are overwritten by the next call.
 *
 * @example
 * const work = sortedResampleWork(sorted);
 * const boot = sortedResample(sorted, sortedColumns, position, bootstrapIndices(n, seed), work);
 * coxFit(boot, { ties: 'efron' }) // the fit on the resample
 */
import { centring, type CoxSortedData } from '../survival/cox/sortedData.js';

export interface SortedResampleWork {
  readonly count: Int32Array;
  readonly stop: Float64Array;
  readonly event: Uint8Array;
  readonly x: Float64Array;
  readonly identity: Int32Array;
}

export function sortedResampleWork(original: CoxSortedData): SortedResampleWork {
  const { n, p } = original;
  const identity = new Int32Array(n);
  for (let i = 0; i < n; i++) identity[i] = i;
  return { count: new Int32Array(n), stop: new Float64Array(n), event: new Uint8Array(n), x: new Float64Array(n * p), identity };
}

export function sortedResample(
  original: CoxSortedData, sortedColumns: readonly Float64Array[], position: Int32Array, idx: Int32Array, work: SortedResampleWork,
): CoxSortedData {
  const { n, p } = original;
  const { count, stop, event, x } = work;
  count.fill(0);
  for (let i = 0; i < n; i++) count[position[idx[i]]]++;
  const { means, scale } = centring(sortedColumns, count, n);
  const oStop = original.stop;
  const oEvent = original.event;
  let out = 0;
  let nEvents = 0;
  let nDeathTimes = 0;
  let lastDeathTime = NaN;
  for (let k = 0; k < n; k++) {
    const c = count[k];
    if (c === 0) continue;
    const t = oStop[k];
    const e = oEvent[k];
    if (e) {
      nEvents += c;
      // deaths come first at a time: a death row at a new time opens a death block
      if (t !== lastDeathTime) nDeathTimes++;
      lastDeathTime = t;
    }
    for (let j = 0; j < p; j++) {
      const v = (sortedColumns[j][k] - means[j]) * scale[j];
      for (let r = 0; r < c; r++) x[(out + r) * p + j] = v;
    }
    for (let r = 0; r < c; r++) {
      stop[out] = t;
      event[out] = e;
      out++;
    }
  }
  return {
    n, p, x, stop, start: null, event,
    stratum: original.stratum, strataBounds: original.strataBounds, byStart: null,
    order: work.identity, means, scale, nDeathTimes, nEvents,
  };
}
