/**
 * Runs a study's declared analyses on an analysis-ready dataset: cut-offs first (they define the
 * groups), then baseline table, marker comparisons, ROC, Cox, logistic regression, Kaplan–Meier
 * with survival at chosen times, response rates and maximally selected cut-offs. Pure: no I/O.
 * `onProgress` is told each step's name (the CLI shows it on a terminal).
 */
import type { Analyses, Cutoff } from '../study/types.js';
import type { AnalysisDataset } from './dataset.js';
import { resolveCutoff, type CutoffResult } from './cutoffs.js';
import type { BootstrapValidationResult } from '../stats/validation/types.js';
import { kmAnalysis, type KmAnalysisResult } from './kmAnalysis.js';
import { coxAnalysis, type CoxAnalysisResult } from './coxAnalysis.js';
import { rocStudyAnalysis, type RocStudyResult } from './rocStudyAnalysis.js';
import { responseRates, type ResponseRatesResult } from './responseRates.js';
import { maxstatAnalysis, type MaxstatAnalysisResult } from './maxstatAnalysis.js';
import { baselineAnalysis, type BaselineResult } from './baselineAnalysis.js';
import { logisticAnalysis, type LogisticAnalysisResult } from './logisticAnalysis.js';
import { timeRocAnalysis, type TimeRocAnalysisResult } from './timeRocAnalysis.js';
import { splineAnalysis, type SplineAnalysisResult } from './splineAnalysis.js';
import { nomogramAnalysis, type NomogramAnalysisResult } from './nomogramAnalysis.js';
import { calibrationAnalysis, type CalibrationAnalysisResult } from './calibrationAnalysis.js';
import { validationAnalysis, type ValidationAnalysisResult } from './validationAnalysis.js';
import { decisionCurveAnalysis, type DecisionCurveAnalysisResult } from './decisionCurveAnalysis.js';
import { cifAnalysis, type CifAnalysisResult } from './cifAnalysis.js';
import { fineGrayAnalysis, type FineGrayAnalysisResult } from './fineGrayAnalysis.js';

export type AnalysisResult =
  | BaselineResult
  | KmAnalysisResult
  | CoxAnalysisResult
  | RocStudyResult
  | ResponseRatesResult
  | MaxstatAnalysisResult
  | LogisticAnalysisResult
  | TimeRocAnalysisResult
  | SplineAnalysisResult
  | NomogramAnalysisResult
  | CalibrationAnalysisResult
  | ValidationAnalysisResult
  | DecisionCurveAnalysisResult
  | CifAnalysisResult
  | FineGrayAnalysisResult;

export interface StudyResults {
  readonly cutoffs: readonly CutoffResult[];
  readonly analyses: readonly AnalysisResult[];
  readonly warnings: readonly string[];
}

export interface RunOptions {
  readonly onProgress?: (step: string) => void;
  readonly ties?: 'efron' | 'breslow';
  /**
   * The cut-offs already resolved (resolveCutoffs) and the bootstrap of each `analyses.validation`
   * entry already run (in order), e.g. on worker threads by analyzeStudy; runAnalyses stays
   * synchronous (it also runs in the browser) and uses them instead of computing them again.
   */
  readonly precomputed?: { readonly cutoffs: ReadonlyMap<string, CutoffResult>; readonly validations: readonly (BootstrapValidationResult | undefined)[] };
}

/** The horizon of a calibration or validation: as written, else 3 years; null for a binary endpoint. */
export function validationHorizon(ds: AnalysisDataset, endpoint: string, h: number | undefined): number | null {
  const ep = ds.endpoints.get(endpoint);
  return ep?.kind === 'survival' ? (h ?? yearTimes(ep.unit)[1]) : null;
}

/** The study's cut-offs, in the order written (the first step of runAnalyses). */
export function resolveCutoffs(ds: AnalysisDataset, cutoffSpecs: Readonly<Record<string, Cutoff>>, step: (s: string) => void = () => {}): Map<string, CutoffResult> {
  const cutoffs = new Map<string, CutoffResult>();
  for (const [v, c] of Object.entries(cutoffSpecs)) {
    step(`cut-off of ${v}`);
    cutoffs.set(v, resolveCutoff(ds, v, c, `cutoffs.${v}`));
  }
  return cutoffs;
}

/** 1-, 3- and 5-year times in the endpoint's unit. */
export function yearTimes(unit: string): number[] {
  const perYear = unit === 'days' ? 365.25 : unit === 'weeks' ? 52.1775 : unit === 'years' ? 1 : 12;
  return [1, 3, 5].map((y) => y * perYear);
}

export function runAnalyses(ds: AnalysisDataset, analyses: Analyses, cutoffSpecs: Readonly<Record<string, Cutoff>> = {}, opts: RunOptions = {}): StudyResults {
  const step = opts.onProgress ?? (() => {});
  const cutoffs = opts.precomputed ? new Map(opts.precomputed.cutoffs) : resolveCutoffs(ds, cutoffSpecs, step);
  const out: AnalysisResult[] = [];
  if (analyses.baselineTable) {
    step('baseline table');
    out.push(baselineAnalysis(ds, 'baseline', analyses.baselineTable.groupBy ?? null, analyses.baselineTable.variables ?? null, cutoffs, false, analyses.baselineTable.summary ?? {}));
  }
  (analyses.compare ?? []).forEach((c, k) => {
    step(`marker comparison ${k + 1}`);
    out.push(baselineAnalysis(ds, `compare-${k + 1}`, c.groupBy, c.markers, cutoffs, true));
  });
  (analyses.roc ?? []).forEach((r, k) => {
    step(`ROC ${k + 1}`);
    out.push(rocStudyAnalysis(ds, `roc-${k + 1}`, r.endpoint, r.markers, r.combine ?? []));
  });
  (analyses.cox ?? []).forEach((c, k) => {
    step(`Cox regression ${k + 1}`);
    out.push(coxAnalysis(ds, `cox-${k + 1}`, c.endpoint, c.candidates, cutoffs, c.multivariable ?? null, opts.ties, c.timeVarying ?? [], c.timeVaryingPer ?? {}));
  });
  (analyses.logistic ?? []).forEach((l, k) => {
    step(`logistic regression ${k + 1}`);
    out.push(logisticAnalysis(ds, `logistic-${k + 1}`, l.endpoint, l.candidates, cutoffs, l.multivariable ?? null));
  });
  (analyses.km ?? []).forEach((a, k) => {
    step(`Kaplan–Meier ${k + 1}`);
    const ep = ds.endpoints.get(a.endpoint);
    const times = (analyses.survivalAt ?? []).find((s) => s.endpoint === a.endpoint)?.times ?? (ep?.kind === 'survival' ? yearTimes(ep.unit) : []);
    out.push(kmAnalysis(ds, `km-${k + 1}`, a.endpoint, a.by, cutoffs, times));
  });
  (analyses.survivalAt ?? []).forEach((s, k) => {
    if ((analyses.km ?? []).some((a) => a.endpoint === s.endpoint && JSON.stringify(a.by) === JSON.stringify(s.by ?? []))) return;
    step(`survival at times ${k + 1}`);
    out.push(kmAnalysis(ds, `survival-at-${k + 1}`, s.endpoint, s.by ?? [], cutoffs, s.times));
  });
  if (analyses.responseRates) {
    step('response rates');
    const r = analyses.responseRates;
    out.push(responseRates(ds, 'response', r.objective, r.control, r.by ?? null));
  }
  (analyses.maxstat ?? []).forEach((m, k) => {
    step(`maximally selected cut-off ${k + 1}`);
    out.push(maxstatAnalysis(ds, `maxstat-${k + 1}`, m.endpoint, m.markers, m.minProp ?? 0.1));
  });
  (analyses.timeRoc ?? []).forEach((a, k) => {
    step(`time-dependent ROC ${k + 1}`);
    const ep = ds.endpoints.get(a.endpoint);
    const times = a.times ?? (ep?.kind === 'survival' ? yearTimes(ep.unit) : []);
    out.push(timeRocAnalysis(ds, `time-roc-${k + 1}`, a.endpoint, a.markers, times, { lower: a.lower ?? [], tau: a.tau ?? null }));
  });
  (analyses.splines ?? []).forEach((a, k) => {
    step(`restricted cubic spline ${k + 1}`);
    out.push(splineAnalysis(ds, `spline-${k + 1}`, a.endpoint, a.marker, a.knots ?? 4, a.adjust ?? [], cutoffs, a.reference ?? null));
  });
  (analyses.nomogram ?? []).forEach((a, k) => {
    step(`nomogram ${k + 1}`);
    const ep = ds.endpoints.get(a.endpoint);
    const horizons = a.horizons ?? (ep?.kind === 'survival' ? yearTimes(ep.unit) : []);
    out.push(nomogramAnalysis(ds, `nomogram-${k + 1}`, a.endpoint, a.predictors, horizons, cutoffs));
  });
  // survival endpoints: the horizon defaults to 3 years in the endpoint's unit
  const horizonOf = (endpoint: string, h: number | undefined) => validationHorizon(ds, endpoint, h);
  (analyses.calibration ?? []).forEach((a, k) => {
    step(`calibration ${k + 1}`);
    out.push(calibrationAnalysis(ds, `calibration-${k + 1}`, a.endpoint, a.predictors, cutoffs, horizonOf(a.endpoint, a.horizon), a.groups ?? 10, opts.ties));
  });
  (analyses.validation ?? []).forEach((a, k) => {
    step(`bootstrap validation ${k + 1}`);
    out.push(validationAnalysis(ds, `validation-${k + 1}`, a.endpoint, a.predictors, cutoffs, horizonOf(a.endpoint, a.horizon), a.bootstrap ?? 200, a.seed ?? 1, opts.ties, opts.precomputed?.validations[k]));
  });
  (analyses.decisionCurve ?? []).forEach((a, k) => {
    step(`decision curve ${k + 1}`);
    out.push(decisionCurveAnalysis(ds, `decision-curve-${k + 1}`, a.endpoint, a.models, cutoffs, horizonOf(a.endpoint, a.horizon), a.thresholds, opts.ties));
  });
  (analyses.cif ?? []).forEach((a, k) => {
    step(`cumulative incidence ${k + 1}`);
    const ep = ds.endpoints.get(a.endpoint);
    out.push(cifAnalysis(ds, `cif-${k + 1}`, a.endpoint, a.by ?? [], cutoffs, a.times ?? (ep?.kind === 'competing' ? yearTimes(ep.unit) : [])));
  });
  (analyses.fineGray ?? []).forEach((a, k) => {
    step(`Fine–Gray regression ${k + 1}`);
    out.push(fineGrayAnalysis(ds, `fine-gray-${k + 1}`, a.endpoint, a.covariates, cutoffs, opts.ties));
  });
  const warnings = [...new Set([...[...cutoffs.values()].flatMap((c) => (c.smallGroup ? [c.smallGroup] : [])), ...out.flatMap((a) => ('warnings' in a ? a.warnings : []))])];
  return { cutoffs: [...cutoffs.values()], analyses: out, warnings };
}
