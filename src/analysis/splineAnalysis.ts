/**
 * The shape of a marker's association with an endpoint (study spec `analyses.splines`): the marker
 * as a restricted cubic spline (Harrell 2015, §2.4.5; Stone & Koo 1985) with k knots at Harrell's
 * default quantiles (default 4) or given knots, plus the adjustment covariates, in a Cox model
 * (survival endpoint) or a logistic model (binary endpoint); the Wald association (k − 1 df) and
 * nonlinearity (k − 2 df) tests as rms anova(); and the hazard (odds) ratio curve relative to the
 * reference value (default the median) with a pointwise 95% band, as rms::Predict(ref.zero = TRUE).
 * Complete cases of the marker, the endpoint and every adjustment covariate.
 */
import { analysisError } from '../errors.js';
import { analysisMessages as M } from '../messages/index.js';
import type { Candidate } from '../study/types.js';
import { coxph } from '../stats/survival/cox/coxph.js';
import type { CoxCovariateInput } from '../stats/survival/cox/types.js';
import { logitModel } from '../stats/regression/logitModel.js';
import { splineWaldTests, type WaldTest } from '../stats/design/splineTests.js';
import { splineCurve, type SplineCurvePoint } from '../stats/design/splineCurve.js';
import type { AnalysisDataset } from './dataset.js';
import { columnOf, numericOf, singleEventEndpointOf } from './columns.js';
import { modelEntry, type Cutoffs } from './modelEntry.js';
import { splineMessages } from '../messages/index.js';
import { gather } from '../stats/gather.js';

export interface SplineAnalysisResult {
  readonly kind: 'spline';
  readonly id: string;
  readonly endpoint: string;
  readonly model: 'cox' | 'logistic';
  /** 'HR' (Cox) or 'OR' (logistic). */
  readonly measure: 'HR' | 'OR';
  readonly marker: string;
  readonly markerLabel: string;
  readonly unit: string | null;
  readonly n: number;
  readonly nDropped: number;
  readonly events: number;
  readonly knots: readonly number[];
  readonly defaultKnots: boolean;
  readonly terms: readonly { readonly term: string; readonly coef: number; readonly se: number; readonly p: number }[];
  readonly adjustedFor: readonly string[];
  readonly association: WaldTest;
  readonly nonlinearity: WaldTest;
  readonly reference: number;
  /** True when the reference is the default (the median). */
  readonly referenceIsMedian: boolean;
  readonly curve: readonly SplineCurvePoint[];
  /** The marker's values in the analysed rows (sorted), for the figure's rug (at most 2,000: evenly spaced quantiles). */
  readonly rug: readonly number[];
  readonly warnings: readonly string[];
}

const RUG_MAX = 2000;

export function splineAnalysis(
  ds: AnalysisDataset, id: string, endpoint: string, marker: string, knots: number | readonly number[], adjust: readonly Candidate[], cutoffs: Cutoffs, reference: number | null = null,
): SplineAnalysisResult {
  const where = `analyses.splines (${id})`;
  const ep = singleEventEndpointOf(ds, endpoint, where);
  const x = numericOf(ds, marker, where);
  const col = columnOf(ds, marker, where);
  const markerLabel = col.label ?? marker;
  const unit = col.kind === 'numeric' ? col.unit ?? null : null;
  const adj = adjust.map((c) => modelEntry(ds, c, cutoffs, where).covariate);
  const y = ep.kind === 'survival' ? ep.event : ep.values;
  const ok = (i: number) =>
    Number.isFinite(x[i]) && Number.isFinite(y[i]) && (ep.kind !== 'survival' || Number.isFinite(ep.time[i])) &&
    adj.every((c) => (c.kind === 'categorical' ? c.values[i] !== null : Number.isFinite(c.values[i])));
  const rows: number[] = [];
  for (let i = 0; i < ds.n; i++) if (ok(i)) rows.push(i);
  if (rows.length < 3) throw analysisError(M.tooFewComplete(where, rows.length));
  const pick = (v: Float64Array) => gather(v, rows);
  const xs = pick(x);
  const covariates: CoxCovariateInput[] = [
    { name: markerLabel, kind: 'spline', values: xs, knots },
    ...adj.map((c): CoxCovariateInput => (c.kind === 'categorical' ? { ...c, values: rows.map((i) => c.values[i]) } : { ...c, values: pick(c.values) })),
  ];
  let coef: number[];
  let variance: number[][];
  let idx: number[];
  let spline;
  let events: number;
  let termsOut;
  const warnings: string[] = [];
  if (ep.kind === 'survival') {
    const fit = coxph({ time: pick(ep.time), event: pick(ep.event), covariates, skipZph: true });
    spline = fit.splines[0];
    coef = fit.coefficients.map((c) => c.coef);
    variance = fit.variance.map((r) => [...r]);
    idx = spline.terms.map((t) => fit.terms.findIndex((u) => u.term === t));
    events = fit.events;
    termsOut = fit.coefficients.map((c) => ({ term: c.term, coef: c.coef, se: c.se, p: c.p }));
    warnings.push(...fit.warnings);
  } else {
    const fit = logitModel({ outcome: pick(ep.values), covariates: covariates as never });
    spline = fit.splines[0];
    coef = fit.coefficients.map((c) => c.coef);
    const p = coef.length;
    variance = Array.from({ length: p }, (_, j) => Array.from(fit.covariance.subarray(j * p, (j + 1) * p)));
    idx = spline.terms.map((t) => fit.coefficients.findIndex((u) => u.term === t));
    events = fit.events;
    termsOut = fit.coefficients.slice(1).map((c) => ({ term: c.term, coef: c.coef, se: c.se, p: c.p }));
    warnings.push(...fit.warnings);
  }
  const tests = splineWaldTests(coef, variance, idx);
  const sorted = Float64Array.from(xs).sort();
  if (reference !== null && (reference < sorted[0] || reference > sorted[sorted.length - 1]))
    throw analysisError(`${where}: ${splineMessages.referenceOutside(marker, reference, sorted[0], sorted[sorted.length - 1])}`);
  const curve = splineCurve({
    knots: spline.knots,
    coef: idx.map((j) => coef[j]),
    variance: idx.map((j) => idx.map((k) => variance[j][k])),
    values: sorted,
    reference: reference ?? undefined,
  });
  const rug = sorted.length <= RUG_MAX ? Array.from(sorted) : Array.from({ length: RUG_MAX }, (_, k) => sorted[Math.round((k * (sorted.length - 1)) / (RUG_MAX - 1))]);
  return Object.freeze({
    kind: 'spline',
    id,
    endpoint,
    model: ep.kind === 'survival' ? 'cox' : 'logistic',
    measure: ep.kind === 'survival' ? 'HR' : 'OR',
    marker,
    markerLabel,
    unit,
    n: rows.length,
    nDropped: ds.n - rows.length,
    events,
    knots: spline.knots,
    defaultKnots: spline.defaultKnots,
    terms: termsOut,
    adjustedFor: adj.map((c) => c.name),
    association: tests.overall,
    nonlinearity: tests.nonlinear,
    reference: curve.reference,
    referenceIsMedian: reference === null,
    curve: curve.points,
    rug,
    warnings,
  });
}
