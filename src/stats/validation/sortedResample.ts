/**
 * A bootstrap resample of right-censored Cox data as its distinct rows with their draw counts,
 * already sorted. The resample's rows are copies of original rows, so in the sort order of
 * coxSortedData (time ascending, deaths before censorings at tied times) they are the original's
 * sorted rows, each repeated as many times as it was drawn. This writes, in one sequential pass, the
 * original's sorted rows that were drawn (about 63% of them), each once with its draw count as a
 * frequency weight (CoxSortedData.weight): the partial likelihood, the baseline hazard and the
 * concordance's pair counts of weighted rows are those of the rows repeated, with a third fewer rows
 * to walk and no n-length copy. Arrays are reused from replicate to replicate (no sort, no
 * allocation of n-length arrays per replicate: on a machine where fresh memory is slow to touch,
 * that was half of a replicate's time at 100,000 patients).
 *
 * Covariates are centred and scaled over the resample (each distinct row times its count), as
 * coxSortedData of the gathered resample; `source[k]` is the original sorted position of row k and
 * `order` is the identity (rows are numbered in sorted order). The fit equals that of the gathered
 * resample to rounding (test/stats/validation/sortedResample.test.ts).
 *
 * Contract: `original` has one stratum and no start times; `sortedColumns[j][k]` is covariate j of
 * the original row at sorted position k (uncentred); `position[i]` is the sorted position of
 * original row i; `idx` holds n original row indices. The returned data's arrays belong to `work`
 * and are overwritten by the next call.
 *
 * @example
 * const work = sortedResampleWork(sorted);
 * const boot = sortedResample(sorted, sortedColumns, position, bootstrapIndices(n, seed), work);
 * coxFit(boot, { ties: 'efron', concordance: false }) // the fit on the resample
 * boot.weight // draw count of each distinct row; Σ = n
 */
import type { CoxSortedData } from '../survival/cox/sortedData.js';

export interface SortedResampleWork {
  /** Draw count of each original sorted position. */
  readonly count: Int32Array;
  readonly stop: Float64Array;
  readonly event: Uint8Array;
  readonly x: Float64Array;
  readonly weight: Int32Array;
  readonly source: Int32Array;
  readonly identity: Int32Array;
}

/** The resample: weighted sorted data, and the original sorted position of each of its rows. */
export interface SortedResample extends CoxSortedData {
  readonly weight: Int32Array;
  readonly source: Int32Array;
}

export function sortedResampleWork(original: CoxSortedData): SortedResampleWork {
  const { n, p } = original;
  const identity = new Int32Array(n);
  for (let i = 0; i < n; i++) identity[i] = i;
  return {
    count: new Int32Array(n), stop: new Float64Array(n), event: new Uint8Array(n), x: new Float64Array(n * p),
    weight: new Int32Array(n), source: new Int32Array(n), identity,
  };
}

export function sortedResample(
  original: CoxSortedData, sortedColumns: readonly Float64Array[], position: Int32Array, idx: Int32Array, work: SortedResampleWork,
): SortedResample {
  const { p } = original;
  const { count, stop, event, x, weight, source } = work;
  countDraws(count, position, idx);
  const out = copyDrawn(original, sortedColumns, work);
  const nEvents = drawnEvents;
  const nDeathTimes = drawnDeathTimes;
  const means = new Float64Array(p);
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) centreDrawn(x, p, j, weight, out, idx.length, means, scale);
  return {
    n: out, p, x: x.subarray(0, out * p), stop: stop.subarray(0, out), start: null, event: event.subarray(0, out),
    stratum: original.stratum.subarray(0, out), strataBounds: new Int32Array([0, out]), byStart: null,
    order: work.identity.subarray(0, out), means, scale, nDeathTimes, nEvents,
    weight: weight.subarray(0, out), source: source.subarray(0, out),
  };
}

// The loops are functions of their own, not loops inside sortedResample: V8 compiled such a
// loop on its own (on-stack replacement) and then, at each call, left that code at the call after
// the loop for want of type feedback, so the rest ran in the interpreter.

/** count[k] = the draws of sorted position k (idx: original rows; position: their sorted positions). */
function countDraws(count: Int32Array, position: Int32Array, idx: Int32Array): void {
  count.fill(0);
  for (let i = 0; i < idx.length; i++) count[position[idx[i]]]++;
}

/**
 * The drawn rows in sorted order, each once with its count and its covariates as they are (centreDrawn
 * centres them), into `work`; returns their number, and the events (weighted) and death times in drawnEvents,
 * drawnDeathTimes. The only pass over all n sorted positions: the centring then runs over the drawn rows
 * alone, without a branch per position on whether it was drawn.
 */
/** copyDrawn's other results (module variables, not stores after its loop: see sortedSlope.ts's passScore). */
let drawnEvents = 0;
let drawnDeathTimes = 0;

function copyDrawn(original: CoxSortedData, sortedColumns: readonly Float64Array[], work: SortedResampleWork): number {
  const { n, p } = original;
  const { count, stop, event, x, weight, source } = work;
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
    for (let j = 0; j < p; j++) x[out * p + j] = sortedColumns[j][k];
    stop[out] = t;
    event[out] = e;
    weight[out] = c;
    source[out] = k;
    out++;
  }
  drawnEvents = nEvents;
  drawnDeathTimes = nDeathTimes;
  return out;
}

/**
 * Covariate j of the `m` drawn rows (x row-major, p per row) centred and scaled in place, over the
 * rows each repeated weight times (`total` = Σ weight): the centre is the weighted mean, 0 for a
 * column whose drawn values are all 0 or 1; the scale 1/(weighted mean absolute deviation), 1 for a
 * constant column — sortedData.ts's centring of the repeated rows, with the same sums in the same
 * order (so the same bits).
 */
function centreDrawn(x: Float64Array, p: number, j: number, weight: Int32Array, m: number, total: number, means: Float64Array, scale: Float64Array): void {
  let s = 0;
  let binary = true;
  for (let k = 0; k < m; k++) {
    const v = x[k * p + j];
    s += weight[k] * v;
    if (v !== 0 && v !== 1) binary = false;
  }
  const mean = binary ? 0 : s / total;
  let mad = 0;
  for (let k = 0; k < m; k++) mad += weight[k] * Math.abs(x[k * p + j] - mean);
  mad /= total;
  const sc = mad > 0 ? 1 / mad : 1;
  for (let k = 0; k < m; k++) x[k * p + j] = (x[k * p + j] - mean) * sc;
  means[j] = mean;
  scale[j] = sc;
}
