/**
 * How a variable enters an analysis. A variable with a cut-off enters as its high/low split (a 0/1
 * covariate named like "SII ≥ 375.56", or two groups in a Kaplan–Meier plot); a categorical variable
 * as its levels; a numeric variable as itself (continuous) in models and, in groupings, as its
 * values when it has at most 6 distinct ones.
 */
import { analysisError } from '../errors.js';
import type { CoxCovariateInput } from '../stats/survival/cox/types.js';
import type { Candidate } from '../study/types.js';
import { modelEntry } from './modelEntry.js';
import type { AnalysisDataset } from './dataset.js';
import { columnOf } from './columns.js';
import { sideLabel, splitAt, type Cutoffs } from './cutoffs.js';

export type { Cutoffs } from './cutoffs.js';

/** A model covariate (Cox, logistic) for a candidate (a name, or a name with its scale): see modelEntry.ts. */
export function covariateOf(ds: AnalysisDataset, candidate: Candidate, cutoffs: Cutoffs, where: string): CoxCovariateInput {
  return modelEntry(ds, candidate, cutoffs, where).covariate;
}

/** Group labels per patient for a grouping by one or more variables (joined with ", "). */
export function groupingOf(ds: AnalysisDataset, names: readonly string[], cutoffs: Cutoffs, where: string): { labels: (string | null)[]; order: string[] } {
  const parts = names.map((name) => {
    const c = columnOf(ds, name, where);
    const label = c.label ?? name;
    const cut = cutoffs.get(name);
    if (cut && c.kind === 'numeric') {
      const lo = sideLabel(label, cut, false), hi = sideLabel(label, cut, true);
      return { values: Array.from(splitAt(c.values, cut), (v) => (Number.isNaN(v) ? null : v === 1 ? hi : lo)), order: [lo, hi] };
    }
    if (c.kind === 'categorical') {
      const order = c.levels ? [...c.levels] : [...new Set(c.values.filter((v): v is string => v !== null))].sort();
      return { values: c.values.map((v) => (v === null ? null : `${label} ${v}`)), order: order.map((v) => `${label} ${v}`) };
    }
    const distinct = [...new Set(Array.from(c.values).filter(Number.isFinite))].sort((a, b) => a - b);
    if (distinct.length > 6) throw analysisError(`${where}: '${name}' is continuous (${distinct.length} distinct values); declare a cut-off for it under 'cutoffs' to group by it.`);
    // a 0/1 indicator (an event, a binary factor) groups as "Recurrence: no" / "Recurrence: yes", not "recurrence 0"
    const levelName = distinct.every((v) => v === 0 || v === 1) ? (v: number) => `${label}: ${v === 1 ? 'yes' : 'no'}` : (v: number) => `${label} ${v}`;
    return { values: Array.from(c.values, (v) => (Number.isFinite(v) ? levelName(v) : null)), order: distinct.map(levelName) };
  });
  const labels = Array.from({ length: ds.n }, (_, i) => {
    const vs = parts.map((p) => p.values[i]);
    return vs.some((v) => v === null) ? null : vs.join(', ');
  });
  const order = parts.reduce<string[]>((acc, p) => (acc.length ? acc.flatMap((a) => p.order.map((o) => `${a}, ${o}`)) : [...p.order]), []);
  return { labels, order };
}
