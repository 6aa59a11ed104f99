/**
 * Dense ranks of scores (the concordance's risk-score ranks): rank 1 for the smallest value, equal
 * values share a rank (−0 equals +0), K = the number of distinct values.
 *
 * Contract: no NaN; `rank` (length n) is overwritten; returns K. Scores with at most 16 distinct
 * values (a model of categorical covariates) are ranked by their place among those values, without
 * sorting the rows. Otherwise a bucket sort: n buckets of equal width between the smallest and the largest value (the bucket of v is ⌊(v − min)·n/(max − min)⌋,
 * non-decreasing in v in floating point, so buckets are in value order and equal values share one),
 * then each bucket sorted by value (insertion sort, or a comparator sort beyond 16 rows). O(n) for
 * spread-out scores such as a linear predictor (~1 row per bucket), O(n log n) at worst (all rows
 * in a few buckets); exact — only comparisons of the values decide the order.
 *
 * @example
 * const rank = new Int32Array(5);
 * denseRanks(new Float64Array([0.5, -1, 0.5, 2, -0]), rank) // 4
 * Array.from(rank) // [3, 1, 3, 4, 2]
 */
/** At most this many distinct values are ranked by search among them (no sort of the rows). */
const FEW = 16;
const fewWork = new Float64Array(FEW + 1);

/** Ranks by the position of each value among the sorted distinct values `few[0..k)`. */
function fewRanks(lp: Float64Array, rank: Int32Array, few: Float64Array, k: number): number {
  const sorted = few.subarray(0, k).sort();
  for (let i = 0; i < lp.length; i++) {
    const v = lp[i];
    let q = 0;
    while (q < k && sorted[q] !== v) q++;
    rank[i] = q + 1;
  }
  return k;
}

/** Scratch reused across calls (grown, never shrunk): the order, each row's bucket, bucket starts. */
let orderWork = new Int32Array(0);
let bucketWork = new Int32Array(0);
let startWork = new Int32Array(0);

// Each loop below is a function of its own: as loops of one function, V8 compiled each on its own
// (on-stack replacement) and left that code at the next loop for want of type feedback — 23
// compiles and 30 deoptimizations of denseRanks in one 100,000-patient analyze.

export function denseRanks(lp: Float64Array, rank: Int32Array): number {
  const n = lp.length;
  if (n === 0) return 0;
  const nFew = scanValues(lp, fewWork);
  if (nFew <= FEW) return fewRanks(lp, rank, fewWork, nFew);
  const min = scannedMin;
  const max = scannedMax;
  if (orderWork.length < n) {
    orderWork = new Int32Array(n);
    bucketWork = new Int32Array(n);
    startWork = new Int32Array(2 * n + 1);
  }
  const order = orderWork.subarray(0, n);
  const scale = n / (max - min);
  if (min === max || !Number.isFinite(scale) || !Number.isFinite(max - min)) {
    // one value, or infinite scores: a comparator sort of all rows
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => (lp[a] < lp[b] ? -1 : lp[a] > lp[b] ? 1 : 0));
  } else {
    const start = startWork; // bucket starts (n + 1), then the fill pointers (n)
    bucketCounts(lp, min, scale, bucketWork, start);
    placeInBuckets(n, bucketWork, start, order);
    sortBuckets(lp, n, start, order);
  }
  return ranksInOrder(lp, order, rank);
}

/**
 * scanValues's other results: the smallest and the largest value (module variables rather than
 * stores after its loop, which V8 compiled without type feedback for them and left at every call).
 */
let scannedMin = 0;
let scannedMax = 0;

/**
 * The smallest and largest value (into scannedMin, scannedMax) and the distinct values while there are at most FEW
 * (a categorical model's scores; into `few`); returns their number (FEW + 1: more).
 */
function scanValues(lp: Float64Array, few: Float64Array): number {
  const n = lp.length;
  let min = lp[0];
  let max = lp[0];
  let nFew = 1;
  few[0] = lp[0];
  for (let i = 1; i < n; i++) {
    const v = lp[i];
    if (v < min) min = v;
    else if (v > max) max = v;
    if (nFew <= FEW) {
      let q = 0;
      while (q < nFew && few[q] !== v) q++;
      if (q === nFew) few[nFew++] = v;
    }
  }
  scannedMin = min;
  scannedMax = max;
  return nFew;
}

/** Each row's bucket ⌊(v − min)·scale⌋ (at most n − 1) into `bucket`, and the buckets' starts into start[0..n]. */
function bucketCounts(lp: Float64Array, min: number, scale: number, bucket: Int32Array, start: Int32Array): void {
  const n = lp.length;
  start.fill(0, 0, n + 1);
  for (let i = 0; i < n; i++) {
    const b = Math.min(n - 1, Math.floor((lp[i] - min) * scale));
    bucket[i] = b;
    start[b + 1]++;
  }
  cumulate(start, n);
}

/** start[b + 1] += start[b] for b < n: counts into starts (a function of its own, after bucketCounts' loop: see scannedMin). */
function cumulate(start: Int32Array, n: number): void {
  for (let b = 0; b < n; b++) start[b + 1] += start[b];
}

/** The rows in bucket order (stable), with start[n + 1 ..] as the fill pointers. */
function placeInBuckets(n: number, bucket: Int32Array, start: Int32Array, order: Int32Array): void {
  const f = n + 1;
  start.copyWithin(f, 0, n);
  for (let i = 0; i < n; i++) order[start[f + bucket[i]]++] = i;
}

/** Each bucket's rows sorted by value: insertion sort, a comparator sort beyond 16 rows. */
function sortBuckets(lp: Float64Array, n: number, start: Int32Array, order: Int32Array): void {
  for (let b = 0; b < n; b++) {
    const lo = start[b];
    const hi = start[b + 1];
    if (hi - lo <= 1) continue;
    if (hi - lo > 16) {
      order.subarray(lo, hi).sort((a, c) => (lp[a] < lp[c] ? -1 : lp[a] > lp[c] ? 1 : 0));
      continue;
    }
    for (let k = lo + 1; k < hi; k++) {
      const r = order[k];
      const v = lp[r];
      let q = k - 1;
      while (q >= lo && lp[order[q]] > v) {
        order[q + 1] = order[q];
        q--;
      }
      order[q + 1] = r;
    }
  }
}

/** Dense ranks from the rows in value order; returns K. */
function ranksInOrder(lp: Float64Array, order: Int32Array, rank: Int32Array): number {
  const n = order.length;
  let K = 0;
  let last = 0;
  for (let k = 0; k < n; k++) {
    const v = lp[order[k]];
    if (k === 0 || v !== last) K++;
    rank[order[k]] = K;
    last = v;
  }
  return K;
}
