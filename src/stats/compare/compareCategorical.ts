/**
 * A categorical variable compared across groups, for a baseline table: counts and column
 * percentages (percent of each group, as the seeds print "n (%)"), Pearson's chi-square without
 * continuity correction by default (what SPSS prints first and what the seeds report), Yates'
 * correction on request for 2×2 tables, Fisher's exact test for 2×2 tables and for small r×c tables,
 * and a warning when expected counts fall below 5 (Cochran 1954).
 *
 * Contract: `values[i]` is the level (null = missing) and `groupIndex[i]` the 0-based group of row i
 * (−1 = no group); rows with either missing are left out. Refuses a variable with a single level.
 *
 * @example
 * compareCategorical('sex', ['A', 'B'], ['m', 'f', 'm', 'f'], Int32Array.from([0, 0, 1, 1])).test // 'chisq'
 */
import { analysisError } from '../../errors.js';
import { compareMessages } from '../../messages/index.js';
import { sortedLevels } from '../design/modelMatrix.js';
import { chiSquareTest } from './chiSquareTest.js';
import { fisherExact } from './fisherExact.js';

export interface CategoricalGroupSummary {
  readonly group: string;
  readonly n: number;
  /** Count and percent of the group (0–100), one per level in `levels` order. */
  readonly counts: readonly number[];
  readonly percents: readonly number[];
}

export interface CategoricalComparison {
  readonly name: string;
  readonly type: 'categorical';
  readonly test: 'chisq';
  readonly statistic: number;
  readonly df: number;
  readonly df2: null;
  readonly p: number;
  readonly correction: 'none' | 'yates';
  /** Fisher's exact two-sided p (2×2 always; r×c when enumeration is feasible; else null). */
  readonly fisherP: number | null;
  readonly minExpected: number;
  readonly cellsBelow5: number;
  readonly levels: readonly string[];
  readonly summaries: readonly CategoricalGroupSummary[];
  readonly warnings: readonly string[];
}

export interface CompareCategoricalOptions {
  /** Yates' continuity correction for 2×2 tables (default false). */
  readonly yates?: boolean;
  readonly file?: string | null;
}

export function compareCategorical(
  name: string,
  groupLabels: readonly string[],
  values: readonly (string | null)[],
  groupIndex: Int32Array,
  opts: CompareCategoricalOptions = {},
): CategoricalComparison {
  const file = opts.file ?? null;
  const present: string[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] !== null && groupIndex[i] >= 0) present.push(values[i] as string);
  if (present.length === 0) throw analysisError(compareMessages.noValues(file, name));
  const levels = sortedLevels(present);
  if (levels.length < 2) throw analysisError(compareMessages.oneLevel(file, name, levels[0]));
  const li = new Map(levels.map((l, k) => [l, k]));
  const k = groupLabels.length;
  const table = levels.map(() => new Array<number>(k).fill(0));
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const g = groupIndex[i];
    if (v === null || g < 0) continue;
    table[li.get(v)!][g]++;
  }
  const groupN = groupLabels.map((_, j) => table.reduce((a, row) => a + row[j], 0));
  const is2x2 = levels.length === 2 && groupN.filter((x) => x > 0).length === 2;
  const chi = chiSquareTest(table, { correct: opts.yates === true });
  const fisher = fisherExact(table);
  const warnings: string[] = [];
  const cells = levels.length * groupN.filter((x) => x > 0).length;
  groupN.forEach((m, j) => {
    if (m === 0) warnings.push(compareMessages.emptyGroup(name, groupLabels[j]));
  });
  if (chi.cellsBelow5 > 0) warnings.push(compareMessages.expectedBelow5(name, chi.cellsBelow5, cells, chi.minExpected));
  if (opts.yates === true && !is2x2) warnings.push(compareMessages.yatesNot2x2(name));
  if (fisher === null) warnings.push(compareMessages.fisherInfeasible(name, levels.length, k));
  const summaries = groupLabels.map((group, j) =>
    Object.freeze({
      group,
      n: groupN[j],
      counts: Object.freeze(table.map((row) => row[j])),
      percents: Object.freeze(table.map((row) => (groupN[j] > 0 ? (100 * row[j]) / groupN[j] : NaN))),
    }),
  );
  return Object.freeze({
    name,
    type: 'categorical',
    test: 'chisq',
    statistic: chi.statistic,
    df: chi.df,
    df2: null,
    p: chi.p,
    correction: chi.correction,
    fisherP: fisher === null ? null : fisher.p,
    minExpected: chi.minExpected,
    cellsBelow5: chi.cellsBelow5,
    levels: Object.freeze(levels),
    summaries: Object.freeze(summaries),
    warnings: Object.freeze(warnings),
  });
}
