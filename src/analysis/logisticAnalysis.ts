/**
 * Logistic regression as yu2023 Table 4 reports it: candidates one at a time, then a multivariable
 * model by P threshold or a declared set; B, SE, Wald χ² (z², as SPSS), P, odds ratio with Wald 95% CI,
 * and the constant. Each model on its own complete cases.
 */
import { logitModel, type LogitCoefficient, type LogitResult } from '../stats/regression/logitModel.js';
import type { Candidate, MultivariableRule } from '../study/types.js';
import { SiilabError } from '../errors.js';
import { analysisMessages as M } from '../messages/index.js';
import type { AnalysisDataset } from './dataset.js';
import { singleEventEndpointOf } from './columns.js';
import type { Cutoffs } from './factors.js';
import { candidateName, modelEntry, type ModelEntry } from './modelEntry.js';
import { withJournalTerms } from './termLabels.js';

export interface LogisticModel {
  readonly variables: readonly string[];
  /** How each variable entered (split, continuous with transform and scale, categorical). */
  readonly entries: readonly ModelEntry[];
  readonly n: number;
  readonly events: number;
  /** '(Intercept)' first, then one per term: B, SE, z, Wald χ² (z²), P, OR with Wald CI. */
  readonly terms: readonly LogitCoefficient[];
  readonly deviance: number;
  readonly nullDeviance: number;
  readonly aic: number;
  readonly likelihoodRatio: LogitResult['likelihoodRatio'];
  readonly hosmerLemeshow: LogitResult['hosmerLemeshow'];
  readonly nagelkerkeR2: number;
  readonly converged: boolean;
}

export interface LogisticAnalysisResult {
  readonly kind: 'logistic';
  readonly id: string;
  readonly endpoint: string;
  readonly univariable: readonly { readonly variable: string; readonly model: LogisticModel | null; readonly error: string | null }[];
  readonly multivariable: { readonly rule: MultivariableRule; readonly model: LogisticModel } | null;
  /** The declared multivariable rule; null: univariable models only (none was requested). */
  readonly multivariableRule: MultivariableRule | null;
  readonly warnings: readonly string[];
}

/** The labelled logistic model (src/stats/regression/logitModel.ts) of `vars`, cut-offs applied; refuses separation. */
export function fitLogisticModel(ds: AnalysisDataset, y: Float64Array, vars: readonly Candidate[], cutoffs: Cutoffs, where: string): LogisticModel {
  const built = vars.map((v) => modelEntry(ds, v, cutoffs, where));
  const r = logitModel({ outcome: y, covariates: built.map((b) => b.covariate), source: { outcome: where } });
  return {
    variables: vars.map(candidateName), entries: built.map((b) => b.entry), n: r.n, events: r.events, terms: withJournalTerms(r.coefficients), deviance: r.deviance.residual, nullDeviance: r.deviance.null,
    aic: r.aic, likelihoodRatio: r.likelihoodRatio, hosmerLemeshow: r.hosmerLemeshow, nagelkerkeR2: r.nagelkerkeR2, converged: r.converged,
  };
}

export function logisticAnalysis(ds: AnalysisDataset, id: string, endpoint: string, candidates: readonly Candidate[], cutoffs: Cutoffs, rule: MultivariableRule | null = null): LogisticAnalysisResult {
  const where = `analyses.logistic (${id})`;
  const ep = singleEventEndpointOf(ds, endpoint, where);
  const y = ep.kind === 'binary' ? ep.values : ep.event;
  const warnings: string[] = [];
  const univariable = candidates.map((cand) => {
    const v = candidateName(cand);
    try {
      return { variable: v, model: fitLogisticModel(ds, y, [cand], cutoffs, where), error: null };
    } catch (e) {
      if (e instanceof SiilabError && e.kind !== 'usage') return { variable: v, model: null, error: e.message };
      throw e;
    }
  });
  const candidateOf = (v: string): Candidate => candidates.find((c) => candidateName(c) === v) ?? v;
  const chosen = !rule ? [] : rule.rule === 'declared' ? [...rule.variables] : univariable.filter((u) => u.model && Math.min(...u.model.terms.slice(1).map((t) => t.p)) < rule.threshold).map((u) => u.variable);
  let multivariable: LogisticAnalysisResult['multivariable'] = null;
  if (rule && !chosen.length) warnings.push(M.multivariableEmpty(endpoint, rule.rule === 'p-threshold' ? rule.threshold : 0));
  else if (rule) {
    try {
      multivariable = { rule, model: fitLogisticModel(ds, y, chosen.map(candidateOf), cutoffs, where) };
    } catch (e) {
      if (!(e instanceof SiilabError) || e.kind === 'usage') throw e;
      warnings.push(M.analysisSkipped('The multivariable logistic model', e.message));
    }
  }
  for (const u of univariable) if (u.error) warnings.push(M.analysisSkipped(`The logistic model of ${u.variable}`, u.error));
  return Object.freeze({ kind: 'logistic', id, endpoint, univariable, multivariableRule: rule, multivariable, warnings });
}
