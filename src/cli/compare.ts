/**
 * `siilab compare <file> --group COL --vars A,B,... [--categorical A,...] [--numeric B,...] [--yates]
 *  [--quantile-type 6|7] [--mw-correct] [--sheet NAME] [--json]`
 * A baseline table: each variable compared across the groups of --group (src/stats/compare/).
 */
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { choice, fileArgument, optionalList, parseCommandArgs, requireString, DATA_FILE_OPTIONS, DATA_FILE_USAGE, tableOptions } from './args.js';
import { emit } from './output.js';
import { analysisError, usageError } from '../errors.js';
import { compareMessages } from '../messages/index.js';
import { readTable } from '../io/readTable.js';
import { withFile } from '../io/columnarTable.js';
import { isNumericColumn, labelColumn, numericColumn } from '../io/columns.js';
import { sortedLevels } from '../stats/design/modelMatrix.js';
import { compareNumeric, type NumericComparison } from '../stats/compare/compareNumeric.js';
import { compareCategorical, type CategoricalComparison } from '../stats/compare/compareCategorical.js';
import type { QuantileType } from '../stats/describe/quantile.js';
import { textTable } from '../report/text/textTable.js';
import { pval, sig } from '../report/text/formatNumber.js';

const CMD = 'compare';

/** A column with at most this many distinct values is categorical unless --numeric says otherwise. */
export const MAX_CATEGORICAL_LEVELS = 5;

const fin = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);

function numericJson(v: NumericComparison, nMissing: number) {
  return {
    name: v.name,
    type: v.type,
    test: v.test,
    statistic: fin(v.statistic),
    df: fin(v.df),
    df2: fin(v.df2),
    p: fin(v.p),
    meanDifference: fin(v.meanDifference),
    se: fin(v.se),
    welch: { statistic: fin(v.welch.statistic), df: fin(v.welch.df), df2: fin(v.welch.df2), p: fin(v.welch.p) },
    levene: { statistic: fin(v.levene.statistic), df1: v.levene.df1, df2: v.levene.df2, p: fin(v.levene.p), center: v.levene.center },
    mannWhitney: v.mannWhitney
      ? { statistic: v.mannWhitney.statistic, u: v.mannWhitney.u, z: fin(v.mannWhitney.z), p: fin(v.mannWhitney.p), correct: v.mannWhitney.correct, exactP: v.mannWhitney.exactP, method: v.mannWhitney.method }
      : null,
    kruskalWallis: { statistic: fin(v.kruskalWallis.statistic), df: v.kruskalWallis.df, p: fin(v.kruskalWallis.p) },
    fisherP: null,
    nMissing,
    summaries: v.summaries.map((s) => ({
      group: s.group,
      n: s.n,
      mean: fin(s.mean),
      sd: fin(s.sd),
      median: fin(s.median),
      q1: fin(s.q1),
      q3: fin(s.q3),
      min: fin(s.min),
      max: fin(s.max),
    })),
    warnings: [...v.warnings],
  };
}

function categoricalJson(v: CategoricalComparison, nMissing: number) {
  return {
    name: v.name,
    type: v.type,
    test: v.test,
    statistic: fin(v.statistic),
    df: v.df,
    df2: null,
    p: fin(v.p),
    correction: v.correction,
    welch: null,
    fisherP: fin(v.fisherP),
    minExpected: fin(v.minExpected),
    cellsBelow5: v.cellsBelow5,
    levels: [...v.levels],
    nMissing,
    summaries: v.summaries.map((s) => ({ group: s.group, n: s.n, counts: [...s.counts], percents: s.percents.map(fin) })),
    warnings: [...v.warnings],
  };
}

export interface CompareJson {
  file: string;
  group: string;
  groups: string[];
  n: number[];
  nNoGroup: number;
  quantileType: QuantileType;
  chiSquareCorrection: 'none' | 'yates';
  mannWhitneyCorrection: boolean;
  variables: (ReturnType<typeof numericJson> | ReturnType<typeof categoricalJson>)[];
  warnings: string[];
}

const num = (x: number | null, d = 2) => (x === null ? 'NA' : x.toFixed(d));

function renderText(r: CompareJson): string {
  const head = ['variable', ...r.groups.map((g, j) => `${r.group}=${g} (n=${r.n[j]})`), 'test', 'statistic', 'p'];
  const rows: string[][] = [];
  for (const v of r.variables) {
    if (v.type === 'numeric') {
      const nv = v as ReturnType<typeof numericJson>;
      const tname = nv.test === 't' ? 't' : 'F';
      rows.push([`${nv.name}, mean ± SD`, ...nv.summaries.map((s) => `${num(s.mean)} ± ${num(s.sd)}`), nv.test === 't' ? "Student's t" : 'ANOVA F', `${tname} = ${sig(nv.statistic, 5)}`, pval(nv.p)]);
      rows.push([`  median (IQR)`, ...nv.summaries.map((s) => `${num(s.median)} (${num(s.q1)}, ${num(s.q3)})`), nv.test === 't' ? "Welch's t" : "Welch's F", `${tname} = ${sig(nv.welch.statistic, 5)}`, pval(nv.welch.p)]);
      if (nv.mannWhitney) {
        rows.push(['', ...nv.summaries.map(() => ''), 'Mann–Whitney', `U = ${sig(nv.mannWhitney.u, 6)}`, pval(nv.mannWhitney.p)]);
        if (nv.mannWhitney.exactP !== null) rows.push(['', ...nv.summaries.map(() => ''), '  exact', '', pval(nv.mannWhitney.exactP)]);
      } else rows.push(['', ...nv.summaries.map(() => ''), 'Kruskal–Wallis', `H = ${sig(nv.kruskalWallis.statistic, 5)}`, pval(nv.kruskalWallis.p)]);
      rows.push(['', ...nv.summaries.map(() => ''), 'Levene (mean)', `F = ${sig(nv.levene.statistic, 5)}`, pval(nv.levene.p)]);
    } else {
      const cv = v as ReturnType<typeof categoricalJson>;
      cv.levels.forEach((lv, k) => {
        const first = k === 0;
        const second = k === 1;
        rows.push([
          `${first ? cv.name + ', n (%)' : ''} ${lv}`.trimStart().replace(/^/, first ? '' : '  '),
          ...cv.summaries.map((s) => `${s.counts[k]} (${num(s.percents[k])})`),
          first ? (cv.correction === 'yates' ? 'χ² (Yates)' : 'Pearson χ²') : second && cv.fisherP !== null ? 'Fisher exact' : '',
          first ? `χ² = ${sig(cv.statistic, 5)}, df ${cv.df}` : '',
          first ? pval(cv.p) : second && cv.fisherP !== null ? pval(cv.fisherP) : '',
        ]);
      });
      if (cv.levels.length === 1 && cv.fisherP !== null) rows.push(['', ...cv.summaries.map(() => ''), 'Fisher exact', '', pval(cv.fisherP)]);
    }
  }
  const out = [`Comparison by ${r.group}: ${r.file}\n\n`, textTable(head, rows), '\n'];
  out.push(
    `Notes: t is Student's (equal variances, as SPSS's first row and the seeds' "t test"); Welch's beside it. ` +
      `Chi-square is Pearson's ${r.chiSquareCorrection === 'yates' ? 'with Yates continuity correction (2×2 tables)' : 'without continuity correction (as SPSS prints first); --yates for the corrected one'}. ` +
      `Quartiles are type ${r.quantileType} (${r.quantileType === 7 ? "R's default; --quantile-type 6 for SPSS's" : "SPSS's; R's default is 7"}). ` +
      `Mann–Whitney: normal approximation with tie correction${r.mannWhitneyCorrection ? ' and continuity correction' : ', no continuity correction (as SPSS)'}; exact p beside it when there are no ties and both groups are < 50.\n`,
  );
  for (const w of r.warnings) out.push(`Warning: ${w}\n`);
  return out.join('');
}

export const compareCommand: Command = {
  name: CMD,
  summary: 'Baseline table: compare variables across groups (t/Welch, ANOVA, Mann–Whitney, Kruskal–Wallis, chi-square, Fisher)',
  usage: `siilab compare <file> --group COL --vars A,B,... [options] [--json]
  Compares each variable across the groups of --group, as a baseline table ("Table 1").
  --group COL            the grouping column (2 groups: t tests; more: ANOVA)
  --vars A,B,...         the variables to compare
  --categorical A,...    treat these as categorical (default: text columns and columns with ≤ ${MAX_CATEGORICAL_LEVELS} distinct values)
  --numeric B,...        treat these as numeric even with few distinct values
  --yates                Yates continuity correction for 2×2 chi-square tests (default: uncorrected, as SPSS prints first)
  --quantile-type 6|7    quartiles: 7 (R's default) or 6 (SPSS)
  --mw-correct           continuity correction in the Mann–Whitney normal approximation (R's default; SPSS has none)
  --sheet NAME           sheet of an .xlsx file
${DATA_FILE_USAGE}
  Numeric: mean ± SD and median (IQR) per group; Student's t with Welch's t, Levene (mean-centred) and
  Mann–Whitney (2 groups), or one-way ANOVA with Welch's ANOVA, Levene and Kruskal–Wallis (k groups).
  Categorical: n (%) of each group; Pearson chi-square; Fisher's exact test (2×2, and small r×c tables).
  Rows with a missing group are left out; a missing value leaves the row out of that variable only.`,
  async run(argv, ctx) {
    const a = parseCommandArgs(CMD, argv, {
      group: { type: 'string' },
      vars: { type: 'string' },
      categorical: { type: 'string' },
      numeric: { type: 'string' },
      yates: { type: 'boolean' },
      'quantile-type': { type: 'string' },
      'mw-correct': { type: 'boolean' },
      ...DATA_FILE_OPTIONS,
    });
    const file = fileArgument(CMD, a);
    const group = requireString(CMD, a, 'group');
    requireString(CMD, a, 'vars');
    const vars = optionalList(a, 'vars') ?? [];
    const categorical = optionalList(a, 'categorical') ?? [];
    const numeric = optionalList(a, 'numeric') ?? [];
    const quantileType = Number(choice(CMD, a, 'quantile-type', ['6', '7'], '7')) as QuantileType;
    const yates = Boolean(a.values.yates);
    const mwCorrect = Boolean(a.values['mw-correct']);
    const seen = new Set<string>();
    for (const v of vars) {
      if (v === group) throw usageError(compareMessages.groupIsVariable(v));
      if (seen.has(v)) throw usageError(compareMessages.duplicateVariable(v));
      seen.add(v);
    }
    for (const c of categorical) {
      if (!seen.has(c)) throw usageError(compareMessages.notInVars('categorical', c));
      if (numeric.includes(c)) throw usageError(compareMessages.bothKinds(c));
    }
    for (const c of numeric) if (!seen.has(c)) throw usageError(compareMessages.notInVars('numeric', c));

    const table = await readTable(resolve(ctx.cwd, file), tableOptions(CMD, a));
    const shown = withFile(table, file);
    const g = labelColumn(shown, group, '--group');
    const present = g.filter((x): x is string => x !== null);
    const groups = sortedLevels(present);
    if (groups.length < 2) throw analysisError(compareMessages.oneGroup(file, group, groups[0] ?? null));
    const gi = new Map(groups.map((l, j) => [l, j]));
    const groupIndex = Int32Array.from(g, (x) => (x === null ? -1 : gi.get(x)!));
    const n = groups.map((_, j) => groupIndex.filter((x) => x === j).length);
    const warnings: string[] = [];
    const variables: CompareJson['variables'] = [];
    for (const v of vars) {
      const labels = labelColumn(shown, v, '--vars');
      const isCat =
        categorical.includes(v) ||
        (!numeric.includes(v) &&
          (!isNumericColumn(shown, v, '--vars') || new Set(labels.filter((x, i) => x !== null && groupIndex[i] >= 0)).size <= MAX_CATEGORICAL_LEVELS));
      let nMissing = 0;
      for (let i = 0; i < labels.length; i++) if (groupIndex[i] >= 0 && labels[i] === null) nMissing++;
      if (isCat) {
        variables.push(categoricalJson(compareCategorical(v, groups, labels, groupIndex, { yates, file }), nMissing));
      } else {
        const x = numericColumn(shown, v, '--vars');
        const parts = groups.map(() => [] as number[]);
        for (let i = 0; i < x.length; i++) if (groupIndex[i] >= 0 && !Number.isNaN(x[i])) parts[groupIndex[i]].push(x[i]);
        const res = compareNumeric(v, groups, parts.map((p) => Float64Array.from(p)), { quantileType, mannWhitneyCorrect: mwCorrect, file });
        variables.push(numericJson(res, nMissing));
      }
      if (nMissing > 0) warnings.push(compareMessages.droppedRows(nMissing, v));
      warnings.push(...variables[variables.length - 1].warnings);
    }
    const res: CompareJson = {
      file,
      group,
      groups,
      n,
      nNoGroup: g.length - present.length,
      quantileType,
      chiSquareCorrection: yates ? 'yates' : 'none',
      mannWhitneyCorrection: mwCorrect,
      variables,
      warnings,
    };
    emit(ctx, Boolean(a.values.json), res, () => renderText(res));
    return 0;
  },
};
