/**
 * The empirical ROC curve: one point per threshold, thresholds placed as pROC 1.18 places them —
 * −∞, the midpoints between adjacent distinct observed values, +∞ — so that no observation sits on
 * a threshold. With direction `higher` a subject is test-positive when its value is above the
 * threshold; with `lower`, when below. Points run from (sensitivity 1, specificity 0) to (0, 1),
 * in pROC's order (ascending thresholds for `higher`, descending for `lower`).
 */
import type { OrientedGroups } from './orientedGroups.js';

export interface RocCurve {
  /** Threshold in the marker's units (±Infinity at the two ends). */
  readonly threshold: Float64Array;
  readonly sensitivity: Float64Array;
  readonly specificity: Float64Array;
  /** Counts behind each point: cases / controls classified positive. */
  readonly truePositives: Float64Array;
  readonly falsePositives: Float64Array;
  readonly nCases: number;
  readonly nControls: number;
}

/**
 * Numeric core: merge of the two ascending-sorted oriented groups, O(m + n).
 *
 * @example
 * const g = orientedGroups(Float64Array.of(1, 2, 3, 4), Float64Array.of(0, 1, 0, 1), 'higher');
 * Array.from(rocCurve(g).threshold) // [-Infinity, 1.5, 2.5, 3.5, Infinity]
 */
export function rocCurve(g: OrientedGroups): RocCurve {
  const a = g.sortedCases, b = g.sortedControls;
  const m = a.length, n = b.length;
  // distinct values ≤ m + n, so at most m + n + 1 points
  const cap = m + n + 1;
  const thr = new Float64Array(cap);
  const tp = new Float64Array(cap);
  const fp = new Float64Array(cap);
  let k = 0;
  thr[0] = -Infinity;
  tp[0] = m;
  fp[0] = n;
  let i = 0, j = 0;
  while (i < m || j < n) {
    const v = j >= n || (i < m && a[i] <= b[j]) ? a[i] : b[j];
    while (i < m && a[i] === v) i++;
    while (j < n && b[j] === v) j++;
    k++;
    if (i < m || j < n) {
      const next = j >= n || (i < m && a[i] <= b[j]) ? a[i] : b[j];
      thr[k] = (v + next) / 2;
    } else thr[k] = Infinity;
    tp[k] = m - i;
    fp[k] = n - j;
  }
  const len = k + 1;
  const threshold = new Float64Array(len);
  const sensitivity = new Float64Array(len);
  const specificity = new Float64Array(len);
  for (let t = 0; t < len; t++) {
    threshold[t] = g.sign === 1 ? thr[t] : -thr[t];
    sensitivity[t] = tp[t] / m;
    specificity[t] = (n - fp[t]) / n;
  }
  return {
    threshold, sensitivity, specificity,
    truePositives: tp.slice(0, len), falsePositives: fp.slice(0, len),
    nCases: m, nControls: n,
  };
}
