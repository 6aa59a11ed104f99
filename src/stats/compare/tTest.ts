/**
 * Two-sample t tests on raw data: Student's (pooled variance) and Welch's, both two-sided, for
 * the difference mean(a) − mean(b); R's t.test(a, b, var.equal = TRUE / FALSE). The data are
 * reduced to mean, SD and n (two-pass; src/stats/describe/numericSummary.ts) and the formulas are
 * in src/stats/compare/tTestFromSummary.ts (Student 1908; Welch 1947).
 *
 * Contract: a and b finite with at least 2 values each.
 *
 * @example
 * tTest(new Float64Array([1, 2, 3]), new Float64Array([4, 5, 7])).student.statistic // -3.1622776601683795
 */
import { meanVariance } from '../describe/numericSummary.js';
import { studentTFromSummary, welchTFromSummary, type TTestSummaryResult } from './tTestFromSummary.js';

export interface TTestResult {
  readonly student: TTestSummaryResult;
  readonly welch: TTestSummaryResult;
}

export function tTest(a: ArrayLike<number>, b: ArrayLike<number>): TTestResult {
  const x = meanVariance(a);
  const y = meanVariance(b);
  const s1 = Math.sqrt(x.variance);
  const s2 = Math.sqrt(y.variance);
  return Object.freeze({
    student: studentTFromSummary(x.mean, s1, a.length, y.mean, s2, b.length),
    welch: welchTFromSummary(x.mean, s1, a.length, y.mean, s2, b.length),
  });
}
