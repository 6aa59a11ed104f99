/**
 * Two-sample t tests from summary statistics (mean, SD, n per group), two-sided, for H0: μ1 = μ2.
 * Used to recompute published t values (e.g. deng2025 Table 2 prints mean ± SD and n) and by the
 * raw-data tests (src/stats/compare/tTest.ts), which reduce the data to these summaries first.
 *
 * - Student (pooled variance; "t test" in SPSS's "Equal variances assumed" row; R t.test(var.equal = TRUE)):
 *   s²p = ((n1−1)s1² + (n2−1)s2²)/(n1+n2−2), se = sp·√(1/n1 + 1/n2), df = n1+n2−2 (Student 1908).
 * - Welch (unequal variances; SPSS "Equal variances not assumed"; R t.test default):
 *   se = √(s1²/n1 + s2²/n2), df by the Welch–Satterthwaite formula (Welch 1947, Biometrika 34:28–35).
 *
 * Contract: n1, n2 ≥ 2 (Student needs n1+n2 > 2), s ≥ 0, finite means; the statistic is
 * (m1 − m2)/se. When se = 0 the statistic and p are NaN (the caller refuses such data).
 *
 * @example
 * studentTFromSummary(5, 1, 10, 4, 1, 10) // { statistic: 2.23606797749979, df: 18, p: 0.0382496..., meanDifference: 1, se: 0.4472135954999579 }
 */
import { pTTwoSided } from '../dist/index.js';

export interface TTestSummaryResult {
  /** t = (m1 − m2)/se. */
  readonly statistic: number;
  readonly df: number;
  /** Two-sided p-value. */
  readonly p: number;
  /** m1 − m2. */
  readonly meanDifference: number;
  /** Standard error of the difference. */
  readonly se: number;
}

/** Student's two-sample t test with pooled variance (equal variances assumed). */
export function studentTFromSummary(m1: number, s1: number, n1: number, m2: number, s2: number, n2: number): TTestSummaryResult {
  const df = n1 + n2 - 2;
  const pooled = ((n1 - 1) * s1 * s1 + (n2 - 1) * s2 * s2) / df;
  const se = Math.sqrt(pooled * (1 / n1 + 1 / n2));
  return result(m1 - m2, se, df);
}

/** Welch's two-sample t test (unequal variances; Welch–Satterthwaite df). */
export function welchTFromSummary(m1: number, s1: number, n1: number, m2: number, s2: number, n2: number): TTestSummaryResult {
  const v1 = (s1 * s1) / n1;
  const v2 = (s2 * s2) / n2;
  const se = Math.sqrt(v1 + v2);
  const df = ((v1 + v2) * (v1 + v2)) / ((v1 * v1) / (n1 - 1) + (v2 * v2) / (n2 - 1));
  return result(m1 - m2, se, df);
}

function result(diff: number, se: number, df: number): TTestSummaryResult {
  const statistic = se > 0 ? diff / se : NaN;
  const p = Number.isFinite(statistic) ? pTTwoSided(statistic, df) : NaN;
  return Object.freeze({ statistic, df, p, meanDifference: diff, se });
}
