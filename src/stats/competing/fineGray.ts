/**
 * Fine–Gray proportional subdistribution hazards regression (Fine & Gray 1999, JASA 94:496–509) —
 * the public layer, as cmprsk::crr reports it: drops rows with a missing time, status or covariate
 * (counted in nDropped, as coxph), builds the model matrix (numeric terms; `column=level`
 * indicators against the reference level for categorical covariates, ../design/modelMatrix.ts),
 * sorts once, fits (fineGrayFit.ts) and labels coefficients, subdistribution hazard ratios, robust
 * SEs, Wald z, P and CIs.
 *
 * @example
 * const r = fineGray({ time, status, cause: 1, covariates: [{ name: 'sii', kind: 'numeric', values: sii }] });
 * r.coefficients[0].shr // subdistribution hazard ratio per unit of SII
 */
import { analysisError, dataError } from '../../errors.js';
import { competingMessages } from '../../messages/index.js';
import { modelMatrix, sortedLevels, type CovariateValues } from '../design/modelMatrix.js';
import { pNormTwoSided, qnorm } from '../dist/index.js';
import type { CoxCovariateInput } from '../survival/cox/types.js';
import { competingData, type CompetingSource } from './competingData.js';
import { fineGrayFit } from './fineGrayFit.js';
import type { FineGrayCoefficient, FineGrayResult } from './types.js';
import { gather } from '../gather.js';

export interface FineGrayInput {
  readonly time: ArrayLike<number>;
  readonly status: ArrayLike<number>;
  /** Status code of the cause of interest. */
  readonly cause: number;
  readonly covariates: readonly CoxCovariateInput[];
  readonly censorValue?: number;
  readonly reference?: ReadonlyMap<string, string>;
  readonly confLevel?: number;
  readonly source?: CompetingSource;
  /** Newton–Raphson: relative change of the pseudo-log-likelihood at which to stop (default 1e-12), and the iteration limit (50). */
  readonly eps?: number;
  readonly maxIter?: number;
}

export function fineGray(input: FineGrayInput): FineGrayResult {
  const file = input.source?.file ?? null;
  if (input.covariates.length === 0) throw analysisError(competingMessages.noCovariates());
  for (const c of input.covariates)
    if (c.values.length !== input.time.length) throw dataError(competingMessages.lengthMismatch(`covariate '${c.name}'`, input.time.length, c.values.length));
  const d = competingData({
    time: input.time,
    status: input.status,
    censorValue: input.censorValue,
    source: input.source,
    alsoRequired: input.covariates.filter((c) => c.kind === 'numeric').map((c) => c.values as Float64Array),
    alsoRequiredLabels: input.covariates.filter((c) => c.kind === 'categorical').map((c) => c.values as readonly (string | null)[]),
  });
  const ci = d.causes.indexOf(input.cause);
  if (ci < 0) throw analysisError(competingMessages.causeAbsent(file, input.source?.status ?? 'status', input.cause, d.causes));
  const n = d.n;
  const code = new Uint8Array(n);
  let events = 0;
  let competing = 0;
  for (let i = 0; i < n; i++) {
    const c = d.cause[i];
    code[i] = c === 0 ? 0 : c === ci + 1 ? 1 : 2;
    if (code[i] === 1) events++;
    else if (code[i] === 2) competing++;
  }
  const covs: CovariateValues[] = input.covariates.map((c) => {
    if (c.kind === 'numeric') return { name: c.name, kind: 'numeric', values: gather(c.values, d.rows) };
    const v = Array.from(d.rows, (i) => c.values[i] as string);
    const levels = sortedLevels(v);
    if (levels.length < 2) throw analysisError(competingMessages.oneLevel(file, c.name, levels[0]));
    return { name: c.name, kind: 'categorical', values: v };
  });
  const mm = modelMatrix(covs, input.reference ?? new Map());
  const p = mm.terms.length;
  const x = new Float64Array(n * p);
  mm.columns.forEach((col, j) => {
    let mean = 0;
    let constant = true;
    for (let i = 0; i < n; i++) {
      mean += col[i];
      if (col[i] !== col[0]) constant = false;
    }
    if (constant) throw analysisError(competingMessages.noVariance(file, mm.terms[j].term, col[0]));
    mean /= n;
    for (let i = 0; i < n; i++) x[i * p + j] = col[i] - mean;
  });
  const fit = fineGrayFit(d.time, code, x, p, { eps: input.eps, maxIter: input.maxIter });
  if (fit.singular.length > 0) throw analysisError(competingMessages.singular(file, fit.singular.map((j) => mm.terms[j].term)));
  const confLevel = input.confLevel ?? 0.95;
  const zq = qnorm(1 - (1 - confLevel) / 2);
  const warnings: string[] = [];
  if (!fit.converged) warnings.push(competingMessages.notConverged(input.maxIter ?? 50));
  const coefficients: FineGrayCoefficient[] = mm.terms.map((t, j) => {
    const coef = fit.beta[j];
    const se = Math.sqrt(fit.robust[j * p + j]);
    const z = coef / se;
    if (Math.abs(coef) > 20 && Math.abs(z) < 1e-2) warnings.push(competingMessages.infinite(t.term));
    return {
      term: t.term,
      covariate: t.covariate,
      level: t.level,
      reference: t.reference,
      coef,
      shr: Math.exp(coef),
      se,
      z,
      p: pNormTwoSided(z),
      lower: finiteOrNull(Math.exp(coef - zq * se)),
      upper: finiteOrNull(Math.exp(coef + zq * se)),
    };
  });
  const mat = (m: Float64Array) => Array.from({ length: p }, (_, j) => Array.from(m.subarray(j * p, (j + 1) * p)));
  return {
    n,
    nDropped: d.nDropped,
    cause: input.cause,
    events,
    competing,
    censored: n - events - competing,
    terms: mm.terms,
    coefficients,
    confLevel,
    loglik: { null: fit.loglikNull, model: fit.loglik },
    iterations: fit.iterations,
    converged: fit.converged,
    warnings,
    variance: mat(fit.robust),
    naiveVariance: mat(fit.naive),
  };
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);
