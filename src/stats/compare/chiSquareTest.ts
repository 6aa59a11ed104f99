/**
 * Pearson's chi-square test of independence for an r×c table of counts (Pearson 1900), with Yates'
 * continuity correction on request for 2×2 tables only (Yates 1934), as R's chisq.test(correct =)
 * and SPSS's "Pearson Chi-Square" / "Continuity Correction" rows.
 *
 *   E_ij = R_i·C_j/N,  X² = Σ (|O_ij − E_ij| − c)² / E_ij,  df = (r−1)(c−1),
 *   c = min(0.5, |O_ij − E_ij|) under Yates (the cap is R's; it keeps X² ≥ 0), else 0.
 *
 * Default is uncorrected (what SPSS prints first and what every chi-square in the seeds is).
 * Rows or columns whose total is 0 are dropped before the test (they carry no information and
 * would give E = 0); df counts the remaining ones.
 *
 * Contract: counts is a rectangular array of finite non-negative numbers (else a data error naming
 * the cell); with fewer than 2 non-empty rows or columns statistic and p are NaN.
 *
 * @example
 * chiSquareTest([[10, 20], [30, 40]]).statistic // 0.7936507936507936
 * chiSquareTest([[10, 20], [30, 40]], { correct: true }).statistic // 0.44642857142857145
 */
import { dataError } from '../../errors.js';
import { compareMessages } from '../../messages/index.js';
import { pChisqUpper } from '../dist/index.js';

export interface ChiSquareOptions {
  /** Yates' continuity correction (2×2 only; ignored otherwise, as R). Default false. */
  readonly correct?: boolean;
}

export interface ChiSquareResult {
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  /** Expected counts under independence, same shape as the input (0 in empty rows/columns). */
  readonly expected: readonly (readonly number[])[];
  /** Smallest expected count among the non-empty rows and columns. */
  readonly minExpected: number;
  /** Number of cells (non-empty rows × columns) with an expected count below 5. */
  readonly cellsBelow5: number;
  readonly correction: 'none' | 'yates';
}

export function chiSquareTest(counts: readonly (readonly number[])[], opts: ChiSquareOptions = {}): ChiSquareResult {
  const r = counts.length;
  const c = r > 0 ? counts[0].length : 0;
  const rowSum = new Float64Array(r);
  const colSum = new Float64Array(c);
  let total = 0;
  for (let i = 0; i < r; i++) {
    if (counts[i].length !== c) throw dataError(compareMessages.raggedTable('chi-square test'));
    for (let j = 0; j < c; j++) {
      const o = counts[i][j];
      if (!(o >= 0) || !Number.isFinite(o)) throw dataError(compareMessages.badCounts('chi-square test', i + 1, j + 1, o));
      rowSum[i] += o;
      colSum[j] += o;
      total += o;
    }
  }
  const rows: number[] = [];
  const cols: number[] = [];
  for (let i = 0; i < r; i++) if (rowSum[i] > 0) rows.push(i);
  for (let j = 0; j < c; j++) if (colSum[j] > 0) cols.push(j);
  const expected = counts.map((row, i) => row.map((_, j) => (total > 0 ? (rowSum[i] * colSum[j]) / total : 0)));
  const yates = opts.correct === true && rows.length === 2 && cols.length === 2;
  let stat = 0;
  let minExpected = Infinity;
  let below5 = 0;
  for (const i of rows)
    for (const j of cols) {
      const e = expected[i][j];
      const d = Math.abs(counts[i][j] - e);
      const cc = yates ? Math.min(0.5, d) : 0;
      stat += ((d - cc) * (d - cc)) / e;
      if (e < minExpected) minExpected = e;
      if (e < 5) below5++;
    }
  const df = (rows.length - 1) * (cols.length - 1);
  const ok = df > 0;
  return Object.freeze({
    statistic: ok ? stat : NaN,
    df,
    p: ok ? pChisqUpper(stat, df) : NaN,
    expected: Object.freeze(expected.map((row) => Object.freeze(row))),
    minExpected: Number.isFinite(minExpected) ? minExpected : NaN,
    cellsBelow5: below5,
    correction: yates ? 'yates' : 'none',
  });
}
