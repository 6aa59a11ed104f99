/**
 * From raw columns to what calibration, bootstrap validation and decision curves need: the model
 * fitted once on the complete cases (coxph / logitModel do the checks and name file, row and
 * column in refusals), its model-matrix columns on the same rows, and each patient's predicted
 * risk (Cox: 1 − S(t | x) at the horizon from the Breslow/Efron baseline, as R's
 * survfit(coxph, newdata); logistic: the fitted probability). Shared by `siilab validate`,
 * `siilab dca` and the study pipeline.
 */
import { modelMatrix, type CovariateValues } from '../stats/design/modelMatrix.js';
import { coxph } from '../stats/survival/cox/coxph.js';
import { baselineCumHazardAt } from '../stats/survival/cox/baseline.js';
import type { CoxCovariateInput, CoxResult, CoxSource, CoxTies } from '../stats/survival/cox/types.js';
import { logitModel, type LogitCovariateInput, type LogitResult } from '../stats/regression/logitModel.js';
import type { CoxValidationData, LogisticValidationData } from '../stats/validation/types.js';
import { gather } from '../stats/gather.js';

function subsetCovariates(covs: readonly (CoxCovariateInput | LogitCovariateInput)[], rows: ArrayLike<number>): CovariateValues[] {
  return covs.map((c) => {
    if (c.kind === 'categorical') return { name: c.name, kind: 'categorical', values: Array.from(rows as ArrayLike<number>, (i) => c.values[i] as string) };
    const v = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) v[k] = c.values[rows[k]];
    return { name: c.name, kind: 'numeric', values: v };
  });
}

export interface CoxModelInput {
  readonly time: Float64Array;
  readonly event: Float64Array;
  readonly covariates: readonly CoxCovariateInput[];
  readonly reference?: ReadonlyMap<string, string>;
  readonly ties?: CoxTies;
  readonly horizon: number | null;
  readonly source?: CoxSource;
}

export interface CoxPrepared {
  readonly fit: CoxResult;
  readonly data: CoxValidationData;
  /** Predicted risk at the horizon per complete row (null without a horizon). */
  readonly risk: Float64Array | null;
}

export function prepareCoxValidation(input: CoxModelInput): CoxPrepared {
  const fit = coxph({ time: input.time, event: input.event, covariates: input.covariates, reference: input.reference, ties: input.ties, source: input.source, skipZph: true });
  const data = coxValidationData(input, fit.rows);
  const n = fit.rows.length;
  let risk: Float64Array | null = null;
  if (input.horizon !== null) {
    const h0 = baselineCumHazardAt(fit.baseline, input.horizon);
    risk = new Float64Array(n);
    for (let k = 0; k < n; k++) risk[k] = -Math.expm1(-h0 * Math.exp(fit.linearPredictors[k]));
  }
  return { fit, risk, data };
}

/**
 * The validation data of a Cox model on `rows` of `input` (the rows coxph keeps: its `rows`), without
 * fitting it: prepareCoxValidation's data, for a bootstrap that can start before the fit is made
 * (src/analysis/parallel/validationsOnThreads.ts). The ties are coxph's (Efron unless given).
 */
export function coxValidationData(input: CoxModelInput, rows: ArrayLike<number>): CoxValidationData {
  const mm = modelMatrix(subsetCovariates(input.covariates, rows), input.reference ?? new Map());
  const n = rows.length;
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    time[k] = input.time[rows[k]];
    event[k] = input.event[rows[k]];
  }
  return { kind: 'cox', time, event, columns: mm.columns, termNames: mm.terms.map((t) => t.term), horizon: input.horizon, ties: input.ties ?? 'efron' };
}

export interface LogisticModelInput {
  readonly outcome: Float64Array;
  readonly covariates: readonly LogitCovariateInput[];
  readonly reference?: ReadonlyMap<string, string>;
  readonly source?: { readonly file?: string | null; readonly outcome?: string };
}

export interface LogisticPrepared {
  readonly fit: LogitResult;
  readonly data: LogisticValidationData;
  readonly risk: Float64Array;
}

export function prepareLogisticValidation(input: LogisticModelInput): LogisticPrepared {
  const fit = logitModel({ outcome: input.outcome, covariates: input.covariates, reference: input.reference, source: input.source });
  const rows = fit.rows;
  const mm = modelMatrix(subsetCovariates(input.covariates, rows), input.reference ?? new Map());
  const y = gather(input.outcome, rows);
  return { fit, risk: fit.fitted, data: { kind: 'logistic', y, columns: mm.columns, termNames: mm.terms.map((t) => t.term) } };
}
