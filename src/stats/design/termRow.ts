/**
 * One row of a fitted model's design: the term values (same order as the model's terms) for a new
 * patient's covariate values, coded exactly as src/stats/design/modelMatrix.ts coded the fitted data —
 * a numeric term is the value, an indicator `column=level` is 1 when the value is that level, and
 * spline terms are the rcs basis at the value with the fitted knots.
 *
 * Returns a typed array, or the first problem: { missing: covariate } for an absent/non-numeric value,
 * { unknownLevel: covariate, level } for a level the model did not see. Pure; O(terms).
 *
 * @example
 * termRow([{ term: 'age', covariate: 'age', level: null, reference: null }, { term: 'sex=m', covariate: 'sex', level: 'm', reference: 'f' }], [],
 *   (c) => (c === 'age' ? 60 : 'm')) // { values: Float64Array [60, 1] }
 */
import type { ModelTerm } from './modelMatrix.js';
import { rcsValue } from './rcsBasis.js';
import type { SplineSpec } from './splineSpec.js';

export type TermRowResult =
  | { readonly values: Float64Array }
  | { readonly missing: string }
  | { readonly unknownLevel: string; readonly level: string; readonly levels: readonly string[] };

export function termRow(terms: readonly ModelTerm[], splines: readonly SplineSpec[], get: (covariate: string) => number | string | null | undefined): TermRowResult {
  const out = new Float64Array(terms.length);
  const spline = new Map(splines.map((s) => [s.covariate, s]));
  const levels = new Map<string, string[]>();
  for (const t of terms)
    if (t.level !== null) {
      const l = levels.get(t.covariate) ?? [t.reference!];
      l.push(t.level);
      levels.set(t.covariate, l);
    }
  let j = 0;
  while (j < terms.length) {
    const t = terms[j];
    const v = get(t.covariate);
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return { missing: t.covariate };
    if (t.level !== null) {
      const s = String(typeof v === 'number' ? v : v.trim());
      const lv = levels.get(t.covariate)!;
      if (!lv.includes(s)) return { unknownLevel: t.covariate, level: s, levels: lv };
      for (; j < terms.length && terms[j].covariate === t.covariate; j++) out[j] = terms[j].level === s ? 1 : 0;
      continue;
    }
    const x = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(x)) return { missing: t.covariate };
    const sp = spline.get(t.covariate);
    if (sp) {
      for (let m = 0; m < sp.terms.length; m++) out[j + m] = rcsValue(x, sp.knots, m);
      j += sp.terms.length;
    } else out[j++] = x;
  }
  return { values: out };
}
