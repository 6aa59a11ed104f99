/**
 * The multivariable model of a prognostic analysis (calibration, bootstrap validation, decision
 * curve) built from the study's dataset: the predictors as model entries (a cut-off variable as its
 * split, a categorical one as indicators, a numeric one continuously; src/analysis/modelEntry.ts),
 * complete cases, then a Cox model for a survival endpoint (risk at the horizon) or a logistic model
 * for a binary one (src/analysis/validationInput.ts).
 */
import { analysisError } from '../errors.js';
import { analysisMessages as M } from '../messages/index.js';
import type { Candidate } from '../study/types.js';
import type { CoxCovariateInput } from '../stats/survival/cox/types.js';
import type { CoxValidationData, ValidationData } from '../stats/validation/types.js';
import { singleEventEndpointOf } from './columns.js';
import type { AnalysisDataset } from './dataset.js';
import { modelEntry, type Cutoffs } from './modelEntry.js';
import { coxValidationData, prepareCoxValidation, prepareLogisticValidation } from './validationInput.js';
import { gather } from '../stats/gather.js';

export interface PrognosticModel {
  readonly outcome: 'survival' | 'binary';
  readonly unit: string | null;
  readonly horizon: number | null;
  readonly n: number;
  readonly nDropped: number;
  readonly events: number;
  readonly terms: readonly string[];
  readonly data: ValidationData;
  /** Predicted risk per complete row (survival: of an event by the horizon). */
  readonly risk: Float64Array;
  /** Survival: time, event of the complete rows; binary: y. */
  readonly time: Float64Array | null;
  readonly event: Uint8Array | null;
  readonly y: Float64Array | null;
}

/**
 * Models already fitted on a dataset, by what decides them: a study asks for the same model in its
 * validation (on threads, then in runAnalyses), calibration and decision curve, and it is fitted
 * once (a Cox fit on 100,000 patients each time). Read-only to every caller.
 */
const fitted = new WeakMap<AnalysisDataset, Map<string, PrognosticModel>>();

/** The model, fitted once per dataset and model (arguments as fitPrognosticModel). */
export function prognosticModel(...args: Parameters<typeof fitPrognosticModel>): PrognosticModel {
  const [ds, , endpoint, predictors, cutoffs, horizon, ties, completeFor = []] = args;
  // the second argument (`where`) only names the analysis in a refusal: a fitted model does not depend on it
  const cutOf = (c: Candidate) => {
    const cut = cutoffs.get(typeof c === 'string' ? c : c.variable);
    return cut ? [cut.value, cut.direction] : null;
  };
  // a further predictor the model has anyway does not change its complete rows (a decision curve's
  // first model, complete for every model's predictors, is then its calibration's and validation's)
  const inModel = new Set(predictors.map((c) => JSON.stringify(c)));
  const extra = [...new Set(completeFor.map((c) => JSON.stringify(c)).filter((c) => !inModel.has(c)))].map((c) => JSON.parse(c) as Candidate);
  const key = JSON.stringify([endpoint, predictors, extra, horizon ?? null, ties ?? null, predictors.map(cutOf), extra.map(cutOf)]);
  let byKey = fitted.get(ds);
  const known = byKey?.get(key);
  if (known) return known;
  const m = fitPrognosticModel(...args);
  if (!byKey) fitted.set(ds, (byKey = new Map()));
  byKey.set(key, m);
  return m;
}

/** The endpoint, predictors and complete rows of a model (`completeFor`: further predictors a row must have, so that several models use the same patients). */
function modelInput(
  ds: AnalysisDataset, where: string, endpoint: string, predictors: readonly Candidate[], cutoffs: Cutoffs, completeFor: readonly Candidate[],
) {
  const ep = singleEventEndpointOf(ds, endpoint, where);
  const entries = predictors.map((c) => modelEntry(ds, c, cutoffs, where));
  const extra = completeFor.map((c) => modelEntry(ds, c, cutoffs, where));
  const outcomeOk = (i: number) => (ep.kind === 'survival' ? Number.isFinite(ep.time[i]) && Number.isFinite(ep.event[i]) : Number.isFinite(ep.values[i]));
  const rows: number[] = [];
  for (let i = 0; i < ds.n; i++)
    if (outcomeOk(i) && [...entries, ...extra].every(({ covariate: c }) => (c.kind === 'categorical' ? c.values[i] !== null : Number.isFinite(c.values[i])))) rows.push(i);
  if (rows.length < 3) throw analysisError(M.tooFewComplete(where, rows.length));
  const covariates: CoxCovariateInput[] = entries.map(({ covariate: c }) =>
    c.kind === 'categorical' ? { ...c, values: rows.map((i) => c.values[i]) } : { ...c, kind: 'numeric', values: gather(c.values as Float64Array, rows) },
  );
  return { ep, rows, covariates };
}

/**
 * The validation data of a survival model, as prognosticModel gives them, without fitting it: for
 * a bootstrap that starts on worker threads while this thread makes the fit (validationsOnThreads).
 * null for a binary endpoint, or when the fit would be refused (an event not 0/1, a time not
 * finite, no event): prognosticModel then says why, in the analyses' order.
 */
export function prognosticModelData(...args: Parameters<typeof fitPrognosticModel>): CoxValidationData | null {
  const [ds, where, endpoint, predictors, cutoffs, horizon, ties, completeFor = []] = args;
  const { ep, rows, covariates } = modelInput(ds, where, endpoint, predictors, cutoffs, completeFor);
  if (ep.kind !== 'survival' || horizon === null || horizon === undefined) return null;
  const time = gather(ep.time, rows);
  const event = gather(ep.event, rows);
  let events = 0;
  for (let k = 0; k < rows.length; k++) {
    if (!Number.isFinite(time[k]) || (event[k] !== 0 && event[k] !== 1)) return null;
    events += event[k];
  }
  if (events === 0) return null;
  // coxph keeps every row given (all complete): its rows are 0..n−1
  return coxValidationData({ time, event, covariates, horizon, ties }, Int32Array.from({ length: rows.length }, (_, k) => k));
}

function fitPrognosticModel(
  ds: AnalysisDataset,
  where: string,
  endpoint: string,
  predictors: readonly Candidate[],
  cutoffs: Cutoffs,
  horizon: number | null | undefined,
  ties?: 'efron' | 'breslow',
  completeFor: readonly Candidate[] = [],
): PrognosticModel {
  const { ep, rows, covariates } = modelInput(ds, where, endpoint, predictors, cutoffs, completeFor);
  const nDropped = ds.n - rows.length;
  if (ep.kind === 'survival') {
    if (horizon === null || horizon === undefined) throw analysisError(M.needsSurvival(where, endpoint));
    const h = horizon;
    const p = prepareCoxValidation({ time: gather(ep.time, rows), event: gather(ep.event, rows), covariates, horizon: h, ties });
    const d = p.data;
    return { outcome: 'survival', unit: ep.unit, horizon: h, n: p.fit.n, nDropped, events: p.fit.events, terms: d.termNames, data: d, risk: p.risk!, time: d.time, event: d.event, y: null };
  }
  const p = prepareLogisticValidation({ outcome: gather(ep.values, rows), covariates, source: { outcome: where } });
  const d = p.data as Extract<ValidationData, { kind: 'logistic' }>;
  return { outcome: 'binary', unit: null, horizon: null, n: p.fit.n, nDropped, events: p.fit.events, terms: d.termNames, data: d, risk: p.risk, time: null, event: null, y: d.y };
}
