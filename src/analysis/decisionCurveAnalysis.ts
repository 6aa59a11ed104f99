/**
 * Decision curve analysis (study spec `analyses.decisionCurve`): each model's predicted risks —
 * a Cox model's risk of an event by the horizon (default 3 years) or a logistic model's probability —
 * against treat-all and treat-none over the threshold grid (default 0.01…0.99), on the patients with
 * every value of every model (src/stats/decision/decisionCurve.ts; Vickers & Elkin 2006; Vickers,
 * Cronin, Elkin & Gonen 2008).
 */
import type { Candidate } from '../study/types.js';
import { decisionCurve, type DecisionCurveResult } from '../stats/decision/decisionCurve.js';
import type { AnalysisDataset } from './dataset.js';
import { candidateName, type Cutoffs } from './modelEntry.js';
import { prognosticModel } from './prognosticModel.js';

export interface DecisionCurveAnalysisResult {
  readonly kind: 'decisionCurve';
  readonly id: string;
  readonly endpoint: string;
  readonly unit: string | null;
  readonly n: number;
  readonly nDropped: number;
  readonly models: readonly { readonly name: string; readonly terms: readonly string[] }[];
  readonly curve: DecisionCurveResult;
  readonly warnings: readonly string[];
}

export function decisionCurveAnalysis(
  ds: AnalysisDataset,
  id: string,
  endpoint: string,
  models: readonly { readonly name?: string; readonly predictors: readonly Candidate[] }[],
  cutoffs: Cutoffs,
  horizon: number | null,
  thresholds: readonly number[] | undefined,
  ties?: 'efron' | 'breslow',
): DecisionCurveAnalysisResult {
  const where = `analyses.decisionCurve (${id})`;
  const all = models.flatMap((m) => m.predictors);
  const fitted = models.map((m) => prognosticModel(ds, where, endpoint, m.predictors, cutoffs, horizon, ties, all));
  const first = fitted[0];
  const names = models.map((m) => m.name ?? m.predictors.map(candidateName).join(' + '));
  const outcome = first.outcome === 'survival' ? { kind: 'survival' as const, time: first.time!, event: first.event!, horizon: first.horizon! } : { kind: 'binary' as const, y: first.y! };
  const curve = decisionCurve(outcome, names.map((name, j) => ({ name, risk: fitted[j].risk })), thresholds);
  return Object.freeze({ kind: 'decisionCurve', id, endpoint, unit: first.unit, n: first.n, nDropped: first.nDropped, models: names.map((name, j) => ({ name, terms: fitted[j].terms })), curve, warnings: [] });
}
