/**
 * Test of AUC = 0.5 (no discrimination).
 *
 * `mann-whitney` (default): the normal approximation to the Mann–Whitney U statistic,
 * U = AUC · m · n, with the tie-corrected null variance (Lehmann, Nonparametrics, 1975, eq. 1.35;
 * Hollander & Wolfe):
 *   E0(U) = m n / 2,  Var0(U) = (m n / 12) · [ (N + 1) − Σ_k (t_k³ − t_k) / (N (N − 1)) ],
 * N = m + n and t_k the sizes of the groups of tied values over both groups; no continuity
 * correction. z = (U − m n / 2) / sqrt(Var0(U)), p = 2 Φ(−|z|). This equals R's
 * wilcox.test(cases, controls, exact = FALSE, correct = FALSE) and SPSS NPAR TESTS /M-W
 * "Asymp. Sig. (2-tailed)". Without ties Var0(U)/(m n)² = (N + 1)/(12 m n), which is also the
 * Hanley–McNeil (1982) variance evaluated at A = 0.5.
 *
 * What SPSS's ROC Curve "Asymptotic Sig." uses: SPSS documents it only as the asymptotic p-value
 * "under the null hypothesis that the true area = 0.5" ("a. Under the nonparametric assumption;
 * b. Null hypothesis: true area = 0.5"); its algorithms text was not available to us. Two published
 * outputs show that the P uses a standard error under that null, not the "Std. Error" printed
 * beside it (which is the DeLong SE at the estimate):
 *  - seed yu2023 (SPSS 26), Table 3, albumin: AUC 0.587, SE 0.034, P 0.015, 112 cases / 160
 *    controls. Null SE sqrt((m + n + 1)/(12 m n)) gives P = 0.0146 → 0.015; a Wald test on the
 *    printed SE gives 0.0105 (test/stats/roc/aucNullTest.test.ts);
 *  - PSPP's SPSS-compatible ROC (its test suite: AUC 0.490, 14 + 14 subjects with ties, Sig. .927):
 *    null SE P = 0.9266 (tie-corrected) or 0.9268; Wald on the DeLong SE 0.9282.
 * Whether SPSS corrects the null variance for ties cannot be told from these (the difference is
 * below the printed digits). We implement the tie-corrected Mann–Whitney null variance — the exact
 * null variance of the AUC — and name it `mann-whitney`.

 * `delong`: a Wald test z = (AUC − 0.5) / SE_DeLong, consistent with the DeLong confidence interval
 * (it uses the SE estimated without assuming the null).
 */
import { pNormTwoSided } from '../dist/index.js';

export type AucTestMethod = 'mann-whitney' | 'delong';

export interface AucNullTest {
  readonly method: AucTestMethod;
  readonly z: number;
  readonly p: number;
}

/**
 * Numeric core of the Mann–Whitney test: oriented ascending-sorted groups (non-empty, not checked).
 * Returns z = NaN (callers report null) when every value is tied.
 *
 * @example
 * mannWhitneyAucTest(Float64Array.of(3, 4, 5), Float64Array.of(1, 2, 3), 0.9444444444444444).p // 0.07652250047505921 (R: wilcox.test(exact = FALSE, correct = FALSE))
 */
export function mannWhitneyAucTest(sortedCases: Float64Array, sortedControls: Float64Array, auc: number): AucNullTest {
  const m = sortedCases.length;
  const n = sortedControls.length;
  const N = m + n;
  // Σ (t³ − t) over tied groups in the merged sorted sequence.
  let tieSum = 0;
  let i = 0, j = 0;
  while (i < m || j < n) {
    const v = j >= n || (i < m && sortedCases[i] <= sortedControls[j]) ? sortedCases[i] : sortedControls[j];
    let t = 0;
    while (i < m && sortedCases[i] === v) { i++; t++; }
    while (j < n && sortedControls[j] === v) { j++; t++; }
    tieSum += t * t * t - t;
  }
  const varU = ((m * n) / 12) * (N + 1 - tieSum / (N * (N - 1)));
  const z = (auc * m * n - (m * n) / 2) / Math.sqrt(varU);
  return { method: 'mann-whitney', z, p: Number.isFinite(z) ? pNormTwoSided(z) : NaN };
}

/** Wald test of AUC = 0.5 with the DeLong SE. */
export function delongAucTest(auc: number, se: number): AucNullTest {
  const z = (auc - 0.5) / se;
  return { method: 'delong', z, p: Number.isFinite(z) ? pNormTwoSided(z) : NaN };
}
