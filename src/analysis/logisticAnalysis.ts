/**
 * Logistic regression as yu2023 Table 4 reports it: candidates one at a time, then a multivariable
 * model by P threshold or a declared set; B, SE, Wald χ² (z², as SPSS), P, odds ratio with Wald 95% CI,
 * and the constant. Each model on its own complete cases.
 */
import { logisticRegression } from '../stats/regression/logistic.js';
import { modelMatrix } from '../stats/design/modelMatrix.js';
import { pNormTwoSided, qnorm } from '../stats/dist/index.js';
import type { MultivariableRule } from '../study/types.js';
import { SiilabError, analysisError } from '../errors.js';
import { analysisMessages as M } from '../messages/index.js';
import type { AnalysisDataset } from './dataset.js';
import { endpointOf } from './columns.js';
import { covariateOf, type Cutoffs } from './factors.js';

export interface LogisticTerm {
  readonly term: string;
  readonly coef: number;
  readonly se: number;
  readonly z: number;
  readonly wald: number;
  readonly p: number;
  readonly or: number;
  readonly lower: number;
  readonly upper: number;
}

export interface LogisticModel {
  readonly variables: readonly string[];
  readonly n: number;
  readonly events: number;
  readonly terms: readonly LogisticTerm[];
  readonly deviance: number;
  readonly nullDeviance: number;
  readonly aic: number;
  readonly converged: boolean;
  readonly separation: boolean;
}

export interface LogisticAnalysisResult {
  readonly kind: 'logistic';
  readonly id: string;
  readonly endpoint: string;
  readonly univariable: readonly { readonly variable: string; readonly model: LogisticModel | null; readonly error: string | null }[];
  readonly multivariable: { readonly rule: MultivariableRule; readonly model: LogisticModel } | null;
  readonly warnings: readonly string[];
}

export function fitLogisticModel(ds: AnalysisDataset, y: Float64Array, vars: readonly string[], cutoffs: Cutoffs, where: string): LogisticModel {
  const covs = vars.map((v) => covariateOf(ds, v, cutoffs, where));
  const keep: number[] = [];
  for (let i = 0; i < ds.n; i++) {
    if (!Number.isFinite(y[i])) continue;
    if (covs.every((c) => (c.kind === 'numeric' ? Number.isFinite(c.values[i]) : c.values[i] !== null))) keep.push(i);
  }
  const mm = modelMatrix(covs.map((c) => (c.kind === 'numeric' ? { name: c.name, kind: 'numeric' as const, values: Float64Array.from(keep, (i) => c.values[i]) } : { name: c.name, kind: 'categorical' as const, values: keep.map((i) => c.values[i] as string) })));
  const yy = Float64Array.from(keep, (i) => y[i]);
  const fit = logisticRegression(mm.columns, yy);
  if (fit.separation) throw analysisError(`${where}: ${vars.join(', ')}: the outcome is (quasi-)completely separated; odds ratios are infinite and are not reported.`);
  const z975 = qnorm(0.975);
  const names = ['(Intercept)', ...mm.terms.map((t) => t.term)];
  const terms = names.map((term, k): LogisticTerm => {
    const coef = fit.coefficients[k], se = fit.se[k];
    const z = coef / se;
    return { term, coef, se, z, wald: z * z, p: pNormTwoSided(z), or: Math.exp(coef), lower: Math.exp(coef - z975 * se), upper: Math.exp(coef + z975 * se) };
  });
  return { variables: [...vars], n: fit.n, events: fit.events, terms, deviance: fit.deviance, nullDeviance: fit.nullDeviance, aic: fit.aic, converged: fit.converged, separation: false };
}

export function logisticAnalysis(ds: AnalysisDataset, id: string, endpoint: string, candidates: readonly string[], cutoffs: Cutoffs, rule: MultivariableRule = { rule: 'p-threshold', threshold: 0.05 }): LogisticAnalysisResult {
  const where = `analyses.logistic (${id})`;
  const ep = endpointOf(ds, endpoint, where);
  const y = ep.kind === 'binary' ? ep.values : ep.event;
  const warnings: string[] = [];
  const univariable = candidates.map((v) => {
    try {
      return { variable: v, model: fitLogisticModel(ds, y, [v], cutoffs, where), error: null };
    } catch (e) {
      if (e instanceof SiilabError && e.kind !== 'usage') return { variable: v, model: null, error: e.message };
      throw e;
    }
  });
  const chosen = rule.rule === 'declared' ? [...rule.variables] : univariable.filter((u) => u.model && Math.min(...u.model.terms.slice(1).map((t) => t.p)) < rule.threshold).map((u) => u.variable);
  let multivariable: LogisticAnalysisResult['multivariable'] = null;
  if (!chosen.length) warnings.push(M.multivariableEmpty(endpoint, rule.rule === 'p-threshold' ? rule.threshold : 0));
  else {
    try {
      multivariable = { rule, model: fitLogisticModel(ds, y, chosen, cutoffs, where) };
    } catch (e) {
      if (!(e instanceof SiilabError) || e.kind === 'usage') throw e;
      warnings.push(M.analysisSkipped('The multivariable logistic model', e.message));
    }
  }
  for (const u of univariable) if (u.error) warnings.push(M.analysisSkipped(`The logistic model of ${u.variable}`, u.error));
  return Object.freeze({ kind: 'logistic', id, endpoint, univariable, multivariable, warnings });
}
