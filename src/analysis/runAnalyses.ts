/**
 * Runs a study's declared analyses on an analysis-ready dataset: cut-offs first (they define the
 * groups), then baseline table, marker comparisons, ROC, Cox, logistic regression, Kaplan–Meier
 * with survival at chosen times, response rates and maximally selected cut-offs. Pure: no I/O.
 * `onProgress` is told each step's name (the CLI shows it on a terminal).
 */
import type { Analyses, Cutoff } from '../study/types.js';
import type { AnalysisDataset } from './dataset.js';
import { resolveCutoff, type CutoffResult } from './cutoffs.js';
import type { Cutoffs } from './factors.js';
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
  const out = analysisTasks(ds, analyses, cutoffs, opts).map((t) => {
    step(t.step);
    return t.run(t.validation === null ? undefined : opts.precomputed?.validations[t.validation]);
  });
  return studyResults(cutoffs, out);
}

/** One declared analysis, not yet run: its progress step and how to run it (a validation entry takes its bootstrap if already run). */
export interface AnalysisTask {
  /** The `analyses` field it comes from (cox, km, …). */
  readonly kind: keyof Analyses;
  readonly step: string;
  /** The index of an `analyses.validation` entry, else null. */
  readonly validation: number | null;
  run(done?: BootstrapValidationResult): AnalysisResult;
}

/** The study's analyses in the order of the results, each to run when wanted (runAnalyses runs them in order). */
export function analysisTasks(ds: AnalysisDataset, analyses: Analyses, cutoffs: Cutoffs, opts: RunOptions = {}): AnalysisTask[] {
  const out: AnalysisTask[] = [];
  const task = (kind: keyof Analyses, step: string, run: () => AnalysisResult): void => void out.push({ kind, step, validation: null, run });
  const bt = analyses.baselineTable;
  if (bt) task('baselineTable', 'baseline table', () => baselineAnalysis(ds, 'baseline', bt.groupBy ?? null, bt.variables ?? null, cutoffs, false, bt.summary ?? {}));
  (analyses.compare ?? []).forEach((c, k) => {
    task('compare', `marker comparison ${k + 1}`, () => baselineAnalysis(ds, `compare-${k + 1}`, c.groupBy, c.markers, cutoffs, true));
  });
  (analyses.roc ?? []).forEach((r, k) => {
    task('roc', `ROC ${k + 1}`, () => rocStudyAnalysis(ds, `roc-${k + 1}`, r.endpoint, r.markers, r.combine ?? []));
  });
  (analyses.cox ?? []).forEach((c, k) => {
    task('cox', `Cox regression ${k + 1}`, () => coxAnalysis(ds, `cox-${k + 1}`, c.endpoint, c.candidates, cutoffs, c.multivariable ?? null, opts.ties, c.timeVarying ?? [], c.timeVaryingPer ?? {}));
  });
  (analyses.logistic ?? []).forEach((l, k) => {
    task('logistic', `logistic regression ${k + 1}`, () => logisticAnalysis(ds, `logistic-${k + 1}`, l.endpoint, l.candidates, cutoffs, l.multivariable ?? null));
  });
  (analyses.km ?? []).forEach((a, k) => {
    const ep = ds.endpoints.get(a.endpoint);
    const times = (analyses.survivalAt ?? []).find((s) => s.endpoint === a.endpoint)?.times ?? (ep?.kind === 'survival' ? yearTimes(ep.unit) : []);
    task('km', `Kaplan–Meier ${k + 1}`, () => kmAnalysis(ds, `km-${k + 1}`, a.endpoint, a.by, cutoffs, times));
  });
  (analyses.survivalAt ?? []).forEach((s, k) => {
    if ((analyses.km ?? []).some((a) => a.endpoint === s.endpoint && JSON.stringify(a.by) === JSON.stringify(s.by ?? []))) return;
    task('survivalAt', `survival at times ${k + 1}`, () => kmAnalysis(ds, `survival-at-${k + 1}`, s.endpoint, s.by ?? [], cutoffs, s.times));
  });
  const rr = analyses.responseRates;
  if (rr) task('responseRates', 'response rates', () => responseRates(ds, 'response', rr.objective, rr.control, rr.by ?? null));
  (analyses.maxstat ?? []).forEach((m, k) => {
    task('maxstat', `maximally selected cut-off ${k + 1}`, () => maxstatAnalysis(ds, `maxstat-${k + 1}`, m.endpoint, m.markers, m.minProp ?? 0.1));
  });
  (analyses.timeRoc ?? []).forEach((a, k) => {
    const ep = ds.endpoints.get(a.endpoint);
    const times = a.times ?? (ep?.kind === 'survival' ? yearTimes(ep.unit) : []);
    task('timeRoc', `time-dependent ROC ${k + 1}`, () => timeRocAnalysis(ds, `time-roc-${k + 1}`, a.endpoint, a.markers, times, { lower: a.lower ?? [], tau: a.tau ?? null }));
  });
  (analyses.splines ?? []).forEach((a, k) => {
    task('splines', `restricted cubic spline ${k + 1}`, () => splineAnalysis(ds, `spline-${k + 1}`, a.endpoint, a.marker, a.knots ?? 4, a.adjust ?? [], cutoffs, a.reference ?? null));
  });
  (analyses.nomogram ?? []).forEach((a, k) => {
    const ep = ds.endpoints.get(a.endpoint);
    const horizons = a.horizons ?? (ep?.kind === 'survival' ? yearTimes(ep.unit) : []);
    task('nomogram', `nomogram ${k + 1}`, () => nomogramAnalysis(ds, `nomogram-${k + 1}`, a.endpoint, a.predictors, horizons, cutoffs));
  });
  // survival endpoints: the horizon defaults to 3 years in the endpoint's unit
  const horizonOf = (endpoint: string, h: number | undefined) => validationHorizon(ds, endpoint, h);
  (analyses.calibration ?? []).forEach((a, k) => {
    task('calibration', `calibration ${k + 1}`, () => calibrationAnalysis(ds, `calibration-${k + 1}`, a.endpoint, a.predictors, cutoffs, horizonOf(a.endpoint, a.horizon), a.groups ?? 10, opts.ties));
  });
  (analyses.validation ?? []).forEach((a, k) => {
    out.push({
      kind: 'validation',
      step: `bootstrap validation ${k + 1}`,
      validation: k,
      run: (done) => validationAnalysis(ds, `validation-${k + 1}`, a.endpoint, a.predictors, cutoffs, horizonOf(a.endpoint, a.horizon), a.bootstrap ?? 200, a.seed ?? 1, opts.ties, done),
    });
  });
  (analyses.decisionCurve ?? []).forEach((a, k) => {
    task('decisionCurve', `decision curve ${k + 1}`, () => decisionCurveAnalysis(ds, `decision-curve-${k + 1}`, a.endpoint, a.models, cutoffs, horizonOf(a.endpoint, a.horizon), a.thresholds, opts.ties));
  });
  (analyses.cif ?? []).forEach((a, k) => {
    const ep = ds.endpoints.get(a.endpoint);
    task('cif', `cumulative incidence ${k + 1}`, () => cifAnalysis(ds, `cif-${k + 1}`, a.endpoint, a.by ?? [], cutoffs, a.times ?? (ep?.kind === 'competing' ? yearTimes(ep.unit) : [])));
  });
  (analyses.fineGray ?? []).forEach((a, k) => {
    task('fineGray', `Fine–Gray regression ${k + 1}`, () => fineGrayAnalysis(ds, `fine-gray-${k + 1}`, a.endpoint, a.covariates, cutoffs, opts.ties));
  });
  return out;
}

/** The results of the analyses (in order) with the cut-offs and every distinct warning. */
export function studyResults(cutoffs: Cutoffs, out: readonly AnalysisResult[]): StudyResults {
  const warnings = [...new Set([...[...cutoffs.values()].flatMap((c) => (c.smallGroup ? [c.smallGroup] : [])), ...out.flatMap((a) => ('warnings' in a ? a.warnings : []))])];
  return { cutoffs: [...cutoffs.values()], analyses: out, warnings };
}
