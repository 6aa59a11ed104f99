/**
 * The model file `siilab calc --model` loads (src/model/modelFile.ts), written from a study's first
 * multivariable Cox model (or, without one, its first multivariable logistic model): coefficients,
 * centring, and for Cox the baseline survival at 1, 3 and 5 years, with provenance. Variables are
 * named as the calculator names its inputs (sii, nlr, afp, albumin, …) where the study variable is
 * one of those (an index, an aggregate of an index, or a canonical lab); a split at a cut-off
 * becomes an indicator transform (">= 340"). A model with a categorical term other than such a
 * split is not written (the reason is returned).
 */
import type { ModelFile, ModelTerm } from '../model/modelFile.js';
import type { StudySpec } from '../study/types.js';
import type { StudyResults } from './runAnalyses.js';
import type { BundleInput } from './bundle.js';
import { yearTimes } from './runAnalyses.js';
import { VERSION } from '../version.js';
import type { ModelEntry } from './modelEntry.js';

const CALC_INPUTS = new Set(['neutrophils', 'lymphocytes', 'platelets', 'monocytes', 'afp', 'albumin', 'bilirubin', 'wbc']);

/** The calculator's name for a study variable, or the variable's own name. */
export function calcVariable(spec: StudySpec, name: string): string {
  const d = (spec.derived ?? []).find((x) => x.name === name);
  if (d && 'index' in d) return d.index.toLowerCase();
  if (d && 'aggregate' in d) return calcVariable(spec, d.of);
  const lower = name.toLowerCase();
  return CALC_INPUTS.has(lower) ? lower : name;
}

/** The model-file term of a fitted coefficient, from how its variable entered (null: categorical, which the calculator cannot evaluate). */
function termOf(spec: StudySpec, e: ModelEntry, term: string, coef: number, center: number | undefined): ModelTerm | null {
  const c = center !== undefined ? { center } : {};
  const variable = calcVariable(spec, e.variable);
  if (e.kind === 'split' && e.cutoff) return { term, variable, coef, transform: `${e.cutoff.direction} ${e.cutoff.value}`, ...c };
  if (e.kind !== 'continuous') return null;
  return {
    term, variable, coef, ...(e.transform ? { transform: e.transform } : {}), ...(e.offset !== 0 ? { offset: e.offset } : {}), ...(e.scale !== 1 ? { scale: e.scale } : {}),
    ...(e.unit ? { unit: e.unit } : {}), ...c,
  };
}

/** Who the model was fitted on: the population rules as written, n and events. */
function populationOf(spec: StudySpec, n: number, events: number): string {
  const rules = (spec.population?.include ?? []).map((r) => r.label ?? `${r.variable}${r.in ? ` in ${r.in.join(', ')}` : ''}${r.min !== undefined ? ` ≥ ${r.min}` : ''}${r.max !== undefined ? ` ≤ ${r.max}` : ''}`);
  return `${rules.length ? `${rules.join('; ')}; ` : ''}${n} patients, ${events} events`;
}

export const NOT_VALIDATED = 'not externally validated';

export function modelFileFrom(spec: StudySpec, results: StudyResults, input: BundleInput | undefined): { model: ModelFile | null; reason: string | null } {
  if (!input) return { model: null, reason: 'no input file' };
  const cox = results.analyses.find((a) => a.kind === 'cox' && a.multivariable && !a.multivariable.result.strata);
  if (cox && cox.kind === 'cox' && cox.multivariable) {
    const r = cox.multivariable.result;
    const byName = new Map(cox.multivariable.entries.map((e) => [e.name, e]));
    const terms: ModelTerm[] = [];
    for (const [k, c] of r.coefficients.entries()) {
      const e = byName.get(c.covariate);
      const t = e ? termOf(spec, e, c.term, c.coef, r.baseline.centre[k]) : null;
      if (!t) return { model: null, reason: `term '${c.term}' is categorical; the calculator cannot evaluate it` };
      terms.push(t);
    }
    const st = r.baseline.strata[0];
    const ep = (spec.endpoints ?? {})[cox.endpoint];
    const unit = ep && ep.type === 'survival' ? ep.unit ?? ep.timeUnit ?? 'months' : 'months';
    // Only horizons inside the follow-up (up to the last event time): beyond it the baseline is not estimated.
    const lastTime = st.time.length ? st.time[st.time.length - 1] : 0;
    const baselineSurvival = yearTimes(unit).filter((t) => t <= lastTime).map((t) => {
      let h = 0;
      for (let i = 0; i < st.time.length && st.time[i] <= t; i++) h = st.cumHazard[i];
      return { time: t, surv: Math.exp(-h) };
    });
    if (!baselineSurvival.length) return { model: null, reason: `the follow-up (last event at ${Number(lastTime.toPrecision(4))} ${unit}) ends before 1 year, so no baseline survival at 1, 3 or 5 years can be given` };
    return {
      model: {
        kind: 'cox', siilabVersion: VERSION,
        createdFrom: { file: input.file, sha256: input.sha256, n: r.n, events: r.events },
        outcome: { description: `hazard of ${cox.endpoint} (multivariable Cox model, ${r.ties} ties)`, endpoint: cox.endpoint, horizon: `${baselineSurvival.map((b) => Number(b.time.toPrecision(6))).join(', ')} ${unit} (the 1-, 3- and 5-year horizons inside the follow-up)` },
        terms, baselineSurvival, timeUnit: unit as ModelFile['timeUnit'],
        population: populationOf(spec, r.n, r.events), validation: NOT_VALIDATED,
      },
      reason: null,
    };
  }
  const lg = results.analyses.find((a) => a.kind === 'logistic' && a.multivariable);
  if (lg && lg.kind === 'logistic' && lg.multivariable) {
    const m = lg.multivariable.model;
    const byName = new Map(m.entries.map((e) => [e.name, e]));
    const terms: ModelTerm[] = [];
    for (const t of m.terms.slice(1)) {
      const e = byName.get(t.covariate ?? "");
      const mt = e ? termOf(spec, e, t.term, t.coef, undefined) : null;
      if (!mt) return { model: null, reason: `term '${t.term}' is categorical; the calculator cannot evaluate it` };
      terms.push(mt);
    }
    return {
      model: {
        kind: 'logistic', siilabVersion: VERSION,
        createdFrom: { file: input.file, sha256: input.sha256, n: m.n, events: m.events },
        outcome: { description: `probability of ${lg.endpoint} (multivariable logistic model)`, endpoint: lg.endpoint },
        terms, intercept: m.terms[0].coef,
        population: populationOf(spec, m.n, m.events), validation: NOT_VALIDATED,
      },
      reason: null,
    };
  }
  return { model: null, reason: 'the study has no multivariable Cox or logistic model' };
}
