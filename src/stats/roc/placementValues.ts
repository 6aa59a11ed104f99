/**
 * DeLong placement values ("structural components") and the empirical AUC.
 *
 * DeLong ER, DeLong DM, Clarke-Pearson DL. Comparing the areas under two or more correlated
 * receiver operating characteristic curves: a nonparametric approach. Biometrics 1988;44:837–845.
 * For case i with value X_i and control j with value Y_j, ψ(X, Y) = 1 if X > Y, ½ if X = Y, 0 else:
 *   V10(X_i) = (1/n) Σ_j ψ(X_i, Y_j)   (the fraction of controls a case exceeds),
 *   V01(Y_j) = (1/m) Σ_i ψ(X_i, Y_j)   (the fraction of cases that exceed a control),
 *   AUC = (1/m) Σ_i V10(X_i) = (1/n) Σ_j V01(Y_j)  (the Mann–Whitney statistic U / (m n)).
 *
 * Sun X, Xu W. Fast implementation of DeLong's algorithm for comparing the areas under correlated
 * receiver operating characteristic curves. IEEE Signal Processing Letters 2014;21(11):1389–1393:
 * the placement values follow from mid-ranks, V10(X_i) = (R_i − R^X_i) / n with R_i the mid-rank of
 * X_i among all values and R^X_i its mid-rank among the cases, so no m × n comparison is needed.
 * Two evaluations of that identity, both after one sort per group:
 *  - `sortedPlacementValues`: placements in sorted order by one linear merge of the sorted groups —
 *    enough for the AUC and its variance, O(m + n) after sorting;
 *  - `placementValues`: placements in data order (as the covariance of two markers on the same
 *    subjects needs), each read off the sorted other group by binary search. O((m + n) log(m + n)).
 */

export interface Placements {
  /** V10 for each case, in data order. */
  readonly cases: Float64Array;
  /** V01 for each control, in data order. */
  readonly controls: Float64Array;
  /** The empirical AUC, computed exactly from integer counts: Σ(2·below + equal) / (2 m n). */
  readonly auc: number;
}

/** Index of the first element ≥ v (lower bound) in an ascending array. */
export function lowerBound(a: Float64Array, v: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element > v (upper bound) in an ascending array. */
export function upperBound(a: Float64Array, v: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Numeric core. Contract: oriented values (higher = case), `sortedCases`/`sortedControls` the
 * ascending sorts of `cases`/`controls`, both groups non-empty, no NaN (none of this is checked).
 *
 * @example
 * const c = Float64Array.of(2, 3), k = Float64Array.of(1, 2);
 * placementValues(c, k, c, k).auc // 0.875
 */
export function placementValues(
  cases: Float64Array,
  controls: Float64Array,
  sortedCases: Float64Array,
  sortedControls: Float64Array,
): Placements {
  const m = cases.length;
  const n = controls.length;
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  let twice = 0; // Σ (2·below + equal) over cases: an integer, exact in a double up to 2^53
  for (let i = 0; i < m; i++) {
    const x = cases[i];
    const lo = lowerBound(sortedControls, x);
    const hi = lo < n && sortedControls[lo] === x ? upperBound(sortedControls, x) : lo;
    const t = 2 * lo + (hi - lo);
    twice += t;
    v10[i] = t / (2 * n);
  }
  for (let j = 0; j < n; j++) {
    const y = controls[j];
    const hi = upperBound(sortedCases, y);
    const lo = hi > 0 && sortedCases[hi - 1] === y ? lowerBound(sortedCases, y) : hi;
    v01[j] = (2 * (m - hi) + (hi - lo)) / (2 * m);
  }
  return { cases: v10, controls: v01, auc: twice / (2 * m * n) };
}

/**
 * Numeric core: placement values in sorted order (V10 for `sortedCases`, V01 for `sortedControls`)
 * by a linear merge. Contract: ascending-sorted oriented groups, both non-empty, no NaN.
 *
 * @example
 * sortedPlacementValues(Float64Array.of(2, 3), Float64Array.of(1, 2)).cases // Float64Array [0.75, 1]
 */
export function sortedPlacementValues(sortedCases: Float64Array, sortedControls: Float64Array): Placements {
  const a = sortedCases, b = sortedControls;
  const m = a.length, n = b.length;
  const v10 = new Float64Array(m);
  const v01 = new Float64Array(n);
  let twice = 0;
  // cases: controls strictly below (j) and equal (jj − j)
  for (let i = 0, j = 0; i < m; ) {
    const v = a[i];
    while (j < n && b[j] < v) j++;
    let jj = j;
    while (jj < n && b[jj] === v) jj++;
    const t = 2 * j + (jj - j);
    const val = t / (2 * n);
    let i2 = i;
    while (i2 < m && a[i2] === v) v10[i2++] = val;
    twice += t * (i2 - i);
    i = i2;
  }
  // controls: cases strictly above (m − ii) and equal (ii − i)
  for (let j = 0, i = 0; j < n; ) {
    const v = b[j];
    while (i < m && a[i] < v) i++;
    let ii = i;
    while (ii < m && a[ii] === v) ii++;
    const val = (2 * (m - ii) + (ii - i)) / (2 * m);
    while (j < n && b[j] === v) v01[j++] = val;
  }
  return { cases: v10, controls: v01, auc: twice / (2 * m * n) };
}
