/**
 * Stratified bootstrap percentile confidence interval of an AUC, as pROC's
 * ci.auc(method = "bootstrap", boot.stratified = TRUE): each replicate draws m cases from the cases
 * and n controls from the controls with replacement (so every replicate keeps the sample's m and n),
 * the AUC of each replicate is computed, and the interval is the α/2 and 1 − α/2 sample quantiles
 * (R's default quantile type 7) of the replicate AUCs (Efron B, Tibshirani RJ. An Introduction to the
 * Bootstrap, 1993, ch. 13; Carpenter J, Bithell J. Stat Med 2000;19:1141–1164).
 *
 * Seeded with siilab's own generator (prng.ts), so it is reproducible for a given seed but cannot
 * reproduce pROC's draws. Each replicate costs O(m + n) and sorts nothing: a resample is a vector of
 * multiplicities over the already-sorted groups, and its AUC is a weighted merge of the two.
 */
import { xoshiro128ss } from './prng.js';

export interface BootstrapCi {
  readonly replicates: number;
  readonly seed: number;
  readonly level: number;
  readonly lower: number;
  readonly upper: number;
  /** Standard deviation of the replicate AUCs (the bootstrap SE). */
  readonly se: number;
}

/** R's quantile type 7 of an ascending-sorted array. */
export function quantileType7(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * AUC of a weighted sample: weights wa over ascending `a` (cases), wb over ascending `b`
 * (controls); Σ_i Σ_j wa_i wb_j ψ(a_i, b_j) / (Σwa · Σwb). O(m + n).
 */
export function weightedAuc(a: Float64Array, wa: Int32Array, b: Float64Array, wb: Int32Array): number {
  const m = a.length, n = b.length;
  let i = 0, j = 0;
  let below = 0; // total control weight strictly below the current value
  let sum = 0; // Σ case weight × (2·below + equal): exact integers
  let ta = 0, tb = 0;
  for (let k = 0; k < m; k++) ta += wa[k];
  for (let k = 0; k < n; k++) tb += wb[k];
  while (i < m) {
    const v = a[i];
    while (j < n && b[j] < v) below += wb[j++];
    let eq = 0;
    let jj = j;
    while (jj < n && b[jj] === v) eq += wb[jj++];
    let wcase = 0;
    while (i < m && a[i] === v) wcase += wa[i++];
    sum += wcase * (2 * below + eq);
  }
  return sum / (2 * ta * tb);
}

/**
 * Numeric core. Contract: ascending-sorted oriented groups, both non-empty; replicates ≥ 1.
 *
 * @example
 * bootstrapAucCi(Float64Array.of(2, 3, 4, 5), Float64Array.of(1, 2, 3, 4), 500, 1).replicates // 500
 */
export function bootstrapAucCi(
  sortedCases: Float64Array,
  sortedControls: Float64Array,
  replicates: number,
  seed: number,
  level = 0.95,
): BootstrapCi {
  const m = sortedCases.length, n = sortedControls.length;
  const rng = xoshiro128ss(seed);
  const wa = new Int32Array(m), wb = new Int32Array(n);
  const aucs = new Float64Array(replicates);
  for (let r = 0; r < replicates; r++) {
    wa.fill(0);
    wb.fill(0);
    for (let k = 0; k < m; k++) wa[rng.nextInt(m)]++;
    for (let k = 0; k < n; k++) wb[rng.nextInt(n)]++;
    aucs[r] = weightedAuc(sortedCases, wa, sortedControls, wb);
  }
  let mean = 0;
  for (let r = 0; r < replicates; r++) mean += aucs[r];
  mean /= replicates;
  let ss = 0;
  for (let r = 0; r < replicates; r++) ss += (aucs[r] - mean) ** 2;
  aucs.sort();
  const alpha = 1 - level;
  return Object.freeze({
    replicates, seed, level,
    lower: quantileType7(aucs, alpha / 2),
    upper: quantileType7(aucs, 1 - alpha / 2),
    se: replicates > 1 ? Math.sqrt(ss / (replicates - 1)) : NaN,
  });
}
