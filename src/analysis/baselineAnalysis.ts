/**
 * The baseline table (the seeds' Table 1) and marker comparisons (deng2025 Table 2): per group,
 * numeric variables as mean ± SD with Student's t (Welch beside it) for two groups or one-way ANOVA,
 * or — for a skewed variable (|sample skewness G1| > 1 over the pooled values, or `summary: median`
 * in the spec) — as median (IQR) with the Mann–Whitney test (Kruskal–Wallis for more groups);
 * categorical variables as n (%) with Pearson's χ² without continuity correction (as SPSS and the
 * seeds print), Yates beside it for 2×2, and a flag when an expected count is below 5.
 */
import { chiSquareTest, type ChiSquareResult } from '../stats/compare/chiSquareTest.js';
import { compareNumeric, type NumericComparison } from '../stats/compare/compareNumeric.js';
import { fisherExact } from '../stats/compare/fisherExact.js';
import { numericSummary } from '../stats/describe/numericSummary.js';
import { SiilabError } from '../errors.js';
import type { AnalysisDataset } from './dataset.js';
import { columnOf, labelsOf } from './columns.js';
import { analysisError } from '../errors.js';
import type { Cutoffs } from './factors.js';
import { groupingOf } from './factors.js';

export interface NumericSummary {
  readonly group: string;
  readonly n: number;
  readonly mean: number | null;
  readonly sd: number | null;
  readonly median: number | null;
  readonly q1: number | null;
  readonly q3: number | null;
}

export interface BaselineVariable {
  readonly name: string;
  readonly label: string;
  readonly type: 'numeric' | 'categorical';
  readonly missing: number;
  /** numeric: per-group summaries. */
  readonly summaries: readonly NumericSummary[];
  /** categorical: levels and counts[level][group]. */
  readonly levels: readonly string[];
  readonly counts: readonly (readonly number[])[];
  readonly test: 't' | 'anova' | 'mannWhitney' | 'kruskalWallis' | 'chisq' | 'none';
  /** numeric: how the variable is summarised (and tested), and why: the spec, or the sample skewness. */
  readonly summary: 'mean' | 'median' | null;
  readonly summaryBy: 'spec' | 'skewness' | null;
  /** numeric: sample skewness G1 (as SPSS) of the pooled values, null below 3 values. */
  readonly skewness: number | null;
  readonly statistic: number | null;
  readonly df: number | null;
  readonly p: number | null;
  /** numeric: the full comparison (Welch, Levene, Mann–Whitney or Kruskal–Wallis, summaries with type-7 quartiles). */
  readonly comparison: NumericComparison | null;
  /** categorical: Fisher's exact two-sided P (2×2, and r×c when enumeration is feasible). */
  readonly fisherP: number | null;
  readonly yates: ChiSquareResult | null;
  readonly minExpected: number | null;
  readonly note: string | null;
}

export interface BaselineResult {
  readonly kind: 'baseline';
  readonly id: string;
  readonly groupBy: string | null;
  readonly groups: readonly string[];
  readonly n: readonly number[];
  readonly variables: readonly BaselineVariable[];
  /** true for a marker comparison (deng2025 Table 2), false for the baseline table. */
  readonly markers: boolean;
  readonly warnings: readonly string[];
}

/** Per-group summary (type-7 quartiles), null fields for an empty group; sd null below 2 values. */
function summarise(group: string, x: number[]): NumericSummary {
  if (x.length === 0) return { group, n: 0, mean: null, sd: null, median: null, q1: null, q3: null };
  const s = numericSummary(Float64Array.from(x), 7);
  return { group, n: s.n, mean: s.mean, sd: x.length > 1 ? s.sd : null, median: s.median, q1: s.q1, q3: s.q3 };
}

/** Above this |G1| a numeric variable is summarised as median (IQR) unless the spec says otherwise. */
export const SKEWNESS_LIMIT = 1;

/** Adjusted Fisher–Pearson sample skewness G1 (SPSS, Excel SKEW); null below 3 values or without variance. */
export function sampleSkewness(x: readonly number[]): number | null {
  const n = x.length;
  if (n < 3) return null;
  const m = x.reduce((s, v) => s + v, 0) / n;
  let m2 = 0, m3 = 0;
  for (const v of x) { const d = v - m; m2 += d * d; m3 += d * d * d; }
  m2 /= n; m3 /= n;
  if (!(m2 > 0)) return null;
  return (m3 / m2 ** 1.5) * Math.sqrt(n * (n - 1)) / (n - 2);
}

/** More than `k` distinct finite values (−0 and 0 the same, as a Set counts them); stops at the (k+1)th. */
function moreDistinctThan(x: Float64Array, k: number): boolean {
  const seen = new Set<number>();
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!Number.isFinite(v) || seen.has(v)) continue;
    seen.add(v);
    if (seen.size > k) return true;
  }
  return false;
}

export function baselineAnalysis(
  ds: AnalysisDataset, id: string, groupBy: string | null, variables: readonly string[] | null, cutoffs: Cutoffs, markers = false,
  summary: Readonly<Record<string, 'mean' | 'median'>> = {},
): BaselineResult {
  const where = `analyses.${markers ? 'compare' : 'baselineTable'} (${id})`;
  const g = groupBy ? groupingOf(ds, [groupBy], cutoffs, where) : { labels: Array<string | null>(ds.n).fill('all'), order: ['all'] };
  const groups = g.order.filter((o) => g.labels.includes(o));
  const names = variables ?? [...ds.columns.keys()].filter((k) => k !== groupBy);
  const warnings: string[] = [];
  // each patient's group as its index in `groups` (−1: no group value, or a value not in `groups`),
  // so that every count below is one pass over the patients
  const groupIndex = new Map(groups.map((gr, k) => [gr, k]));
  const gi = Int32Array.from(g.labels, (v) => (v === null ? -1 : groupIndex.get(v) ?? -1));
  const labelled = Uint8Array.from(g.labels, (v) => (v === null ? 0 : 1));
  const out = names.map((name): BaselineVariable => {
    const col = columnOf(ds, name, where);
    const unit = col.kind === 'numeric' && col.unit ? `, ${col.unit}${col.convertedFrom ? ` (converted from ${col.convertedFrom})` : ''}` : '';
    const label = (col.label ?? name) + unit;
    if (col.kind === 'numeric' && moreDistinctThan(col.values, 5)) {
      const per: number[][] = groups.map(() => []);
      let missing = 0;
      const x = col.values;
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        if (!Number.isFinite(v)) missing += labelled[i];
        else if (gi[i] >= 0) per[gi[i]].push(v);
      }
      const summaries = groups.map((gr, k) => summarise(gr, per[k]));
      let cmp: NumericComparison | null = null;
      let note: string | null = null;
      if (groups.length >= 2) {
        try {
          cmp = compareNumeric(label, groups, per.map((x) => Float64Array.from(x)));
        } catch (e) {
          if (!(e instanceof SiilabError) || e.kind === 'usage') throw e;
          note = e.message;
        }
      }
      const skewness = sampleSkewness(per.flat());
      const summaryBy = summary[name] ? 'spec' as const : 'skewness' as const;
      const how = summary[name] ?? (skewness !== null && Math.abs(skewness) > SKEWNESS_LIMIT ? 'median' : 'mean');
      let test: BaselineVariable['test'] = 'none', stat: number | null = null, df: number | null = null, p: number | null = null;
      if (cmp && how === 'mean') {
        test = cmp.test; stat = cmp.test === 't' ? Math.abs(cmp.statistic) : cmp.statistic; df = cmp.df; p = cmp.p;
      } else if (cmp && cmp.mannWhitney) {
        test = 'mannWhitney'; stat = Math.abs(cmp.mannWhitney.z); p = cmp.mannWhitney.p;
      } else if (cmp) {
        test = 'kruskalWallis'; stat = cmp.kruskalWallis.statistic; df = cmp.kruskalWallis.df; p = cmp.kruskalWallis.p;
      }
      return { name, label, type: 'numeric', missing, summaries, levels: [], counts: [], test, summary: how, summaryBy, skewness, statistic: stat, df, p, comparison: cmp, fisherP: null, yates: null, minExpected: null, note };
    }
    const lab = labelsOf(ds, name, where);
    const present = new Set(lab.filter((v): v is string => v !== null));
    // a category's declared (or labelled) level order; otherwise numeric codes ascending, then text
    const declared = col?.kind === 'categorical' && col.levels ? col.levels.filter((l) => present.has(l)) : [];
    const levels = [...declared, ...[...present].filter((v) => !declared.includes(v)).sort((a, b) => (Number.isFinite(Number(a)) && Number.isFinite(Number(b)) ? Number(a) - Number(b) : a < b ? -1 : 1))];
    const levelIndex = new Map(levels.map((lv, k) => [lv, k]));
    const counts = levels.map(() => groups.map(() => 0));
    let missing = 0;
    for (let i = 0; i < lab.length; i++) {
      const v = lab[i];
      if (v === null) missing += labelled[i];
      else if (gi[i] >= 0) counts[levelIndex.get(v)!][gi[i]]++;
    }
    let chi: ChiSquareResult | null = null, yates: ChiSquareResult | null = null;
    if (groups.length >= 2 && levels.length >= 2) {
      chi = chiSquareTest(counts);
      if (levels.length === 2 && groups.length === 2) yates = chiSquareTest(counts, { correct: true });
      if (chi.cellsBelow5 > 0) warnings.push(`${label}: ${chi.cellsBelow5} expected count(s) below 5; the χ² approximation is doubtful (see Fisher's exact test).`);
    }
    const fisherP = chi ? fisherExact(counts)?.p ?? null : null;
    return { name, label, type: 'categorical', missing, summaries: [], levels, counts, test: chi ? 'chisq' : 'none', summary: null, summaryBy: null, skewness: null, statistic: chi?.statistic ?? null, df: chi?.df ?? null, p: chi?.p ?? null, comparison: null, fisherP, yates, minExpected: chi?.minExpected ?? null, note: null };
  });
  if (groups.length < 1) throw analysisError(`${where}: no patient has a value of ${groupBy}.`);
  const n = groups.map(() => 0);
  for (let i = 0; i < gi.length; i++) if (gi[i] >= 0) n[gi[i]]++;
  return Object.freeze({ kind: 'baseline', id, groupBy, groups, n, variables: out, markers, warnings });
}
