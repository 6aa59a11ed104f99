/**
 * The one sort of the Cox fit and the typed arrays every numeric core reads.
 *
 * Rows are ordered by (stratum, stop time ascending, deaths before censored); for counting-process
 * data `(start, stop]` a second order `byStart` lists the same rows by (stratum, start ascending)
 * so that risk sets can be built incrementally (add at exit time, remove at entry time). Covariates
 * are centred and scaled by their mean absolute deviation about the centre: the Newton–Raphson
 * iterates are invariant to this affine change (only rounding and the singularity tolerance see
 * it), and exp(x·β) stays in range.
 *
 * Contract: no missing values; event is 0/1; start < stop when start is given; x is column-major
 * (one Float64Array per term) of length n each; strata codes are 0..nStrata−1 (or null).
 *
 * @example
 * const d = coxSortedData({ stop: new Float64Array([5, 3]), start: null, event: new Uint8Array([1, 1]),
 *   columns: [new Float64Array([0, 1])], strata: null, nStrata: 1 });
 * Array.from(d.order) // [1, 0]
 */
import { countingOrder, radixOrder } from './radixOrder.js';

export interface CoxSortedData {
  readonly n: number;
  readonly p: number;
  /** Row-major n×p, sorted, centred by `means` and multiplied by `scale`. */
  readonly x: Float64Array;
  readonly stop: Float64Array;
  readonly start: Float64Array | null;
  readonly event: Uint8Array;
  /** Stratum code per sorted row. */
  readonly stratum: Int32Array;
  /** Sorted positions where each stratum begins; length nStrata + 1. */
  readonly strataBounds: Int32Array;
  /** Sorted positions ordered by (stratum, start ascending), counting-process data only. */
  readonly byStart: Int32Array | null;
  /** order[k] = input row of sorted position k. */
  readonly order: Int32Array;
  /**
   * The centre of each covariate (of the linear predictor and of the baseline hazard): its mean,
   * except 0 for a column whose values are all 0 or 1 (an indicator), as R survival ≥ 3.0's fit$means.
   */
  readonly means: Float64Array;
  /** Multipliers applied after centring (1 / mean absolute deviation; 1 for a constant column). */
  readonly scale: Float64Array;
  /** Number of (stratum, time) blocks with at least one death. */
  readonly nDeathTimes: number;
  /** Number of deaths (with `weight`, their total weight). */
  readonly nEvents: number;
  /**
   * Frequency weights (absent or null: 1 each): sorted row k stands for weight[k] identical rows,
   * e.g. a bootstrap resample as its distinct rows with their draw counts (sortedResample.ts). Read
   * by the right-censored partial likelihood (hence the fit and its baseline hazard) and by the
   * concordance's pair counts without variance; the counting-process core and the concordance's
   * variance refuse weighted data.
   */
  readonly weight?: Int32Array | null;
}

export interface CoxRawData {
  readonly stop: Float64Array;
  readonly start: Float64Array | null;
  readonly event: Uint8Array;
  readonly columns: readonly Float64Array[];
  /** Stratum code per row (0..nStrata−1), or null for one stratum. */
  readonly strata: Int32Array | null;
  readonly nStrata: number;
  /**
   * The rows' order when it is already known (stratum, stop ascending, deaths first — e.g. a
   * bootstrap resample ordered through the original data's sort): skips the sort.
   */
  readonly presorted?: Int32Array;
}

// coxSortedData's loops are functions of their own (eventCodes, gatherSorted, deathTimes, …): as
// loops of one function, V8 compiled each on its own (on-stack replacement) and left that code at
// the next loop for want of type feedback — 17 compiles in one 100,000-patient analyze.

/** The event flags as sort codes. */
function eventCodes(event: Uint8Array): Int32Array {
  const ev = new Int32Array(event.length);
  for (let i = 0; i < event.length; i++) ev[i] = event[i];
  return ev;
}

/** The rows' event, stratum, start (and stop, unless null: the sort wrote it) in `order`; returns the number of events. */
function gatherSorted(raw: CoxRawData, order: Int32Array, stop: Float64Array | null, event: Uint8Array, stratum: Int32Array, start: Float64Array | null): number {
  let nEvents = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (stop) stop[k] = raw.stop[i];
    event[k] = raw.event[i];
    nEvents += event[k];
    stratum[k] = raw.strata ? raw.strata[i] : 0;
    if (start) start[k] = raw.start![i];
  }
  return nEvents;
}

/** Where each stratum's rows begin (and the last ends), of rows in sorted order. */
function strataBoundsOf(stratum: Int32Array, nStrata: number): Int32Array {
  const strataBounds = new Int32Array(nStrata + 1);
  for (let k = 0; k < stratum.length; k++) strataBounds[stratum[k] + 1]++;
  for (let s = 0; s < nStrata; s++) strataBounds[s + 1] += strataBounds[s];
  return strataBounds;
}

/** The number of distinct (stratum, time) pairs with a death, of rows in sorted order. */
function deathTimes(stop: Float64Array, event: Uint8Array, stratum: Int32Array): number {
  let nDeathTimes = 0;
  for (let k = 0; k < stop.length; k++) {
    if (event[k] && (k === 0 || stop[k - 1] !== stop[k] || stratum[k - 1] !== stratum[k] || !event[k - 1])) nDeathTimes++;
  }
  return nDeathTimes;
}

export function coxSortedData(raw: CoxRawData): CoxSortedData {
  const n = raw.stop.length;
  const p = raw.columns.length;
  // Sort least significant key first: deaths first, then stop time, then stratum (stable passes).
  const nStrata = raw.strata ? raw.nStrata : 1;
  const stop = new Float64Array(n);
  const oneStratum = !(raw.strata && nStrata > 1) && !raw.presorted;
  let order: Int32Array;
  if (raw.presorted) order = raw.presorted;
  else {
    order = countingOrder(eventCodes(raw.event), 2, undefined, true);
    order = radixOrder(raw.stop, order, false, oneStratum ? stop : undefined);
    if (raw.strata && nStrata > 1) order = countingOrder(raw.strata, nStrata, order);
  }

  const event = new Uint8Array(n);
  const stratum = new Int32Array(n);
  const start = raw.start ? new Float64Array(n) : null;
  const nEvents = gatherSorted(raw, order, oneStratum ? null : stop, event, stratum, start);
  const strataBounds = strataBoundsOf(stratum, nStrata);
  const { x, means, scale } = centredColumns(raw.columns, order);

  let byStart: Int32Array | null = null;
  if (start) {
    byStart = radixOrder(start);
    if (nStrata > 1) byStart = countingOrder(stratum, nStrata, byStart);
  }
  const nDeathTimes = deathTimes(stop, event, stratum);
  return { n, p, x, stop, start, event, stratum, strataBounds, byStart, order, means, scale, nDeathTimes, nEvents };
}

/**
 * The same sorted rows with other covariate columns (same length, input order): reuses the sort,
 * strata and risk-set bookkeeping of `d` and only centres, scales and gathers the new columns —
 * for refitting many models on the same outcome (e.g. a calibration slope on the original data).
 */
export function coxSortedDataWithColumns(d: CoxSortedData, columns: readonly Float64Array[]): CoxSortedData {
  const { x, means, scale } = centredColumns(columns, d.order);
  return { ...d, p: columns.length, x, means, scale };
}

/**
 * The centre and the scale of each covariate: the centre is the mean, 0 for a column whose values
 * are all 0 or 1 (an indicator, as R survival ≥ 3.0's fit$means); the scale is 1/(mean absolute
 * deviation about the centre), 1 for a constant column. (A bootstrap resample's, over its drawn
 * rows with their counts: sortedResample.ts centreDrawn, the same sums.)
 */
export function centring(columns: readonly Float64Array[]): { means: Float64Array; scale: Float64Array } {
  const p = columns.length;
  const means = new Float64Array(p);
  const scale = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const c = columnCentring(columns[j]);
    means[j] = c.mean;
    scale[j] = c.scale;
  }
  return { means, scale };
}

function columnCentring(c: Float64Array): { mean: number; scale: number } {
  const n = c.length;
  const s = columnSum(c);
  const m = columnIsBinary ? 0 : s / n;
  const mad = absoluteDeviation(c, m) / n;
  return { mean: m, scale: mad > 0 ? 1 / mad : 1 };
}

/** columnSum's other result: whether every value is 0 or 1 (a module variable: see denseRanks.ts's scannedMin). */
let columnIsBinary = true;

/** Σ c (in order), and whether the values are all 0 or 1 (columnIsBinary). */
function columnSum(c: Float64Array): number {
  let s = 0;
  let binary = true;
  for (let i = 0; i < c.length; i++) {
    s += c[i];
    if (c[i] !== 0 && c[i] !== 1) binary = false;
  }
  columnIsBinary = binary;
  return s;
}

/** Σ |c − m| (in order). */
function absoluteDeviation(c: Float64Array, m: number): number {
  let mad = 0;
  for (let i = 0; i < c.length; i++) mad += Math.abs(c[i] - m);
  return mad;
}

/** Centre (mean, 0 for a 0/1 column), scale (1/mean absolute deviation) and gather the columns in `order`, row-major. */
function centredColumns(columns: readonly Float64Array[], order: Int32Array): { x: Float64Array; means: Float64Array; scale: Float64Array } {
  const n = order.length;
  const p = columns.length;
  const { means, scale } = centring(columns);
  const cs = columns;
  const x = new Float64Array(n * p);
  // gather, centre and scale in one pass per column. (A row-major unsorted copy first, to read each
  // row's p values together, was slower at 1,000,000 rows × 3: its extra n·p array costs more in
  // fresh memory than the scattered reads it saves — 2026-12-07.)
  for (let j = 0; j < p; j++) {
    const c = cs[j];
    const m = means[j];
    const sc = scale[j];
    for (let k = 0; k < n; k++) x[k * p + j] = (c[order[k]] - m) * sc;
  }
  return { x, means, scale };
}
