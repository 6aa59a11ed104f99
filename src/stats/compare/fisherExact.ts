/**
 * Fisher's exact test of independence for an r×c table (Fisher 1935; Freeman & Halton 1951,
 * Biometrika 38:141–149 for r×c), two-sided as R's fisher.test: conditional on both margins a
 * table has the multivariate hypergeometric probability
 *   P(T) = Π R_i! Π C_j! / (N! Π n_ij!),
 * and the p-value is the total probability of the tables no more probable than the observed one
 * (with R's relative tolerance 1e-7 for ties in probability). The tables are enumerated cell by cell
 * (the last row and column follow from the margins) with log-factorials from @stdlib gammaln;
 * this is exact and fast for 2×2 and for small r×c tables. When the enumeration would exceed
 * `maxTables` nodes the test is not attempted and null is returned (R's network algorithm of
 * Mehta & Patel 1983 reaches further; not implemented).
 *
 * Contract: rectangular non-negative whole-number counts (else a data error naming the cell);
 * rows/columns with total 0 are dropped.
 *
 * @example
 * fisherExact([[3, 1], [1, 3]])!.p // 0.4857142857142857 (= 34/70)
 */
import { dataError } from '../../errors.js';
import { compareMessages } from '../../messages/index.js';
import { lgamma } from '../dist/index.js';

export interface FisherResult {
  readonly p: number;
  /** Enumeration nodes visited (at least the number of tables with these margins). */
  readonly nodes: number;
}

const REL_ERR = 1 + 1e-7;

export function fisherExact(counts: readonly (readonly number[])[], maxTables = 5e6): FisherResult | null {
  const r0 = counts.length;
  const c0 = r0 ? counts[0].length : 0;
  counts.forEach((row, i) => {
    if (row.length !== c0) throw dataError(compareMessages.raggedTable("Fisher's exact test"));
    row.forEach((v, j) => {
      if (!(v >= 0) || !Number.isInteger(v)) throw dataError(compareMessages.badCounts("Fisher's exact test", i + 1, j + 1, v));
    });
  });
  const rowSum = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const colSum0: number[] = [];
  for (let j = 0; j < c0; j++) colSum0.push(counts.reduce((a, row) => a + row[j], 0));
  const rows = rowSum.map((s, i) => (s > 0 ? i : -1)).filter((i) => i >= 0);
  const cols = colSum0.map((s, j) => (s > 0 ? j : -1)).filter((j) => j >= 0);
  if (rows.length < 2 || cols.length < 2) return { p: 1, nodes: 1 };
  // enumerate over the shorter dimension as rows (fewer free cells per level)
  let table = rows.map((i) => cols.map((j) => counts[i][j]));
  if (table.length > table[0].length) table = table[0].map((_, j) => table.map((row) => row[j]));
  const r = table.length;
  const c = table[0].length;
  const R = table.map((row) => row.reduce((a, b) => a + b, 0));
  const C = table[0].map((_, j) => table.reduce((a, row) => a + row[j], 0));
  const N = R.reduce((a, b) => a + b, 0);
  const lf = new Float64Array(N + 1);
  for (let k = 0; k <= N; k++) lf[k] = lgamma(k + 1);
  let k0 = -lf[N];
  for (const x of R) k0 += lf[x];
  for (const x of C) k0 += lf[x];
  let obs = k0;
  for (const row of table) for (const x of row) obs -= lf[x];
  const limit = obs + Math.log(REL_ERR);

  const colRem = C.slice();
  let nodes = 0;
  let sum = 0;
  let aborted = false;
  // suffix sums of remaining column totals, recomputed per row
  const visit = (i: number, j: number, rowRem: number, logp: number): void => {
    if (aborted) return;
    if (++nodes > maxTables) {
      aborted = true;
      return;
    }
    if (i === r - 1) {
      // last row is fixed by the remaining column totals
      let lp = logp;
      for (let jj = 0; jj < c; jj++) lp -= lf[colRem[jj]];
      if (lp <= limit) sum += Math.exp(lp - obs);
      return;
    }
    if (j === c - 1) {
      if (rowRem > colRem[j]) return;
      colRem[j] -= rowRem;
      visit(i + 1, 0, R[i + 1], logp - lf[rowRem]);
      colRem[j] += rowRem;
      return;
    }
    let rest = 0;
    for (let jj = j + 1; jj < c; jj++) rest += colRem[jj];
    const lo = Math.max(0, rowRem - rest);
    const hi = Math.min(rowRem, colRem[j]);
    for (let x = lo; x <= hi; x++) {
      colRem[j] -= x;
      visit(i, j + 1, rowRem - x, logp - lf[x]);
      colRem[j] += x;
      if (aborted) return;
    }
  };
  visit(0, 0, R[0], k0);
  if (aborted) return null;
  return Object.freeze({ p: Math.min(1, sum * Math.exp(obs)), nodes });
}
