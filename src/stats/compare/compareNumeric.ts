/**
 * A numeric variable compared across groups, for a baseline table: per-group summaries (mean ± SD,
 * median and quartiles of the chosen Hyndman–Fan type) and tests. Two groups: Student's t (what the
 * seeds call "t test", SPSS's "equal variances assumed" row) with Welch's t beside it, Levene's test
 * (mean-centred, as SPSS) and the Mann–Whitney test. More groups: one-way ANOVA with Welch's ANOVA,
 * Levene's test and Kruskal–Wallis.
 *
 * Contract: `groups[j]` are the finite values of group `labels[j]` (missing values dropped), k ≥ 2.
 * Refuses (analysis error, exit 4) a group with fewer than 2 values or a variable without variance.
 *
 * @example
 * compareNumeric('age', ['A', 'B'], [new Float64Array([50, 60, 55]), new Float64Array([40, 45, 44])]).test // 't'
 */
import { analysisError } from '../../errors.js';
import { compareMessages } from '../../messages/index.js';
import { numericSummary, type NumericSummary } from '../describe/numericSummary.js';
import type { QuantileType } from '../describe/quantile.js';
import { kruskalWallis, type KruskalWallisResult } from './kruskalWallis.js';
import { leveneTest, type LeveneResult } from './leveneTest.js';
import { mannWhitney, type MannWhitneyResult } from './mannWhitney.js';
import { oneWayAnova } from './oneWayAnova.js';
import { tTest } from './tTest.js';
import { welchAnova } from './welchAnova.js';

export interface NumericGroupSummary extends NumericSummary {
  readonly group: string;
}

export interface NumericComparison {
  readonly name: string;
  readonly type: 'numeric';
  /** 't' (Student, two groups) or 'anova' (one-way ANOVA, k groups). */
  readonly test: 't' | 'anova';
  readonly statistic: number;
  /** df of t, or the numerator df of F. */
  readonly df: number;
  /** Denominator df of F (null for t). */
  readonly df2: number | null;
  readonly p: number;
  /** For t: mean of the first group minus the second, and its SE (null for ANOVA). */
  readonly meanDifference: number | null;
  readonly se: number | null;
  /** Welch's t (two groups) or Welch's ANOVA (k groups; statistic F, df and df2). */
  readonly welch: { readonly statistic: number; readonly df: number; readonly df2: number | null; readonly p: number };
  readonly levene: LeveneResult;
  /** Two groups only. */
  readonly mannWhitney: MannWhitneyResult | null;
  readonly kruskalWallis: KruskalWallisResult;
  readonly summaries: readonly NumericGroupSummary[];
  readonly warnings: readonly string[];
}

export interface CompareNumericOptions {
  readonly quantileType?: QuantileType;
  /** Continuity correction in the Mann–Whitney normal approximation (default false, as SPSS). */
  readonly mannWhitneyCorrect?: boolean;
  /** File name for messages. */
  readonly file?: string | null;
}

export function compareNumeric(
  name: string,
  labels: readonly string[],
  groups: readonly Float64Array[],
  opts: CompareNumericOptions = {},
): NumericComparison {
  const file = opts.file ?? null;
  groups.forEach((g, j) => {
    if (g.length < 2) throw analysisError(compareMessages.tooFewInGroup(file, name, labels[j], g.length));
  });
  const first = groups[0][0];
  if (groups.every((g) => g.every((v) => v === first))) throw analysisError(compareMessages.noVariance(file, name, first));
  const summaries = groups.map((g, j) => Object.freeze({ group: labels[j], ...numericSummary(g, opts.quantileType ?? 7) }));
  const levene = leveneTest(groups);
  const warnings = Object.freeze(summaries.every((s) => s.sd === 0) ? [compareMessages.zeroWithinVariance(name)] : []);
  const kw = kruskalWallis(groups);
  if (groups.length === 2) {
    const t = tTest(groups[0], groups[1]);
    return Object.freeze({
      name,
      type: 'numeric',
      test: 't',
      statistic: t.student.statistic,
      df: t.student.df,
      df2: null,
      p: t.student.p,
      meanDifference: t.student.meanDifference,
      se: t.student.se,
      welch: Object.freeze({ statistic: t.welch.statistic, df: t.welch.df, df2: null, p: t.welch.p }),
      levene,
      mannWhitney: mannWhitney(groups[0], groups[1], { correct: opts.mannWhitneyCorrect }),
      kruskalWallis: kw,
      summaries: Object.freeze(summaries),
      warnings,
    });
  }
  const a = oneWayAnova(groups);
  const w = welchAnova(groups);
  return Object.freeze({
    name,
    type: 'numeric',
    test: 'anova',
    statistic: a.statistic,
    df: a.df1,
    df2: a.df2,
    p: a.p,
    meanDifference: null,
    se: null,
    welch: Object.freeze({ statistic: w.statistic, df: w.df1, df2: w.df2, p: w.p }),
    levene,
    mannWhitney: null,
    kruskalWallis: kw,
    summaries: Object.freeze(summaries),
    warnings,
  });
}
