/**
 * Builds the columns of a model matrix (no intercept) from covariates, as R's model.matrix with
 * treatment contrasts: a numeric covariate is one term named after it; a categorical covariate
 * becomes indicator terms `name=level` for every level but the reference (the first level in
 * sorted order — numeric order when every level reads as a number — unless one is given); a
 * spline covariate (kind 'spline', given its knots) becomes the k − 1 restricted cubic spline terms
 * `name`, `name'`, `name''`, … (src/stats/design/rcsBasis.ts), all with covariate = name.
 *
 * Contract: the caller has already dropped rows with a missing value (all arrays have length n,
 * no NaN and no null).
 */
import { rcsBasis, rcsTermNames } from './rcsBasis.js';

export type CovariateValues =
  | { readonly name: string; readonly kind: 'numeric'; readonly values: Float64Array }
  | { readonly name: string; readonly kind: 'spline'; readonly values: Float64Array; readonly knots: readonly number[] }
  | { readonly name: string; readonly kind: 'categorical'; readonly values: readonly string[] };

export interface ModelTerm {
  /** Term name: the covariate, or `covariate=level` for an indicator. */
  readonly term: string;
  readonly covariate: string;
  /** The level this indicator marks (null for a numeric term). */
  readonly level: string | null;
  /** The reference level of the covariate (null for a numeric term). */
  readonly reference: string | null;
}

export interface ModelMatrix {
  readonly terms: readonly ModelTerm[];
  /** Column-major: columns[k][i] is term k for row i. */
  readonly columns: readonly Float64Array[];
  readonly n: number;
}

/** Sorted distinct levels: numerically when every level is a number, else by code point. */
export function sortedLevels(values: readonly string[]): string[] {
  const levels = Array.from(new Set(values));
  const allNumeric = levels.every((l) => l.trim() !== '' && Number.isFinite(Number(l)));
  return allNumeric ? levels.sort((a, b) => Number(a) - Number(b)) : levels.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * @example
 * modelMatrix([{ name: 'sex', kind: 'categorical', values: ['m', 'f', 'm'] }]).terms[0].term // 'sex=m'
 */
export function modelMatrix(covariates: readonly CovariateValues[], reference: ReadonlyMap<string, string> = new Map()): ModelMatrix {
  const terms: ModelTerm[] = [];
  const columns: Float64Array[] = [];
  let n = -1;
  for (const c of covariates) {
    const len = c.values.length;
    if (n < 0) n = len;
    else if (len !== n) throw new Error(`modelMatrix: covariate ${c.name} has ${len} rows, expected ${n}`);
    if (c.kind === 'numeric') {
      terms.push({ term: c.name, covariate: c.name, level: null, reference: null });
      columns.push(c.values);
      continue;
    }
    if (c.kind === 'spline') {
      const names = rcsTermNames(c.name, c.knots.length);
      rcsBasis(c.values, c.knots).forEach((col, j) => {
        terms.push({ term: names[j], covariate: c.name, level: null, reference: null });
        columns.push(col);
      });
      continue;
    }
    const levels = sortedLevels(c.values);
    const ref = reference.get(c.name) ?? levels[0];
    for (const lv of levels) {
      if (lv === ref) continue;
      const col = new Float64Array(len);
      for (let i = 0; i < len; i++) col[i] = c.values[i] === lv ? 1 : 0;
      terms.push({ term: `${c.name}=${lv}`, covariate: c.name, level: lv, reference: ref });
      columns.push(col);
    }
  }
  return { terms, columns, n: Math.max(n, 0) };
}
