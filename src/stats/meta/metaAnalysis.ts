/**
 * A complete meta-analysis of k studies' effects (log ratios with variances): the chosen
 * random-effects model (or the fixed-effect model) beside the inverse-variance fixed-effect model,
 * the Q-profile CI of τ², I², H², the prediction interval (metafor's convention, and Higgins et
 * al.'s t_{k−2}), leave-one-out fits, Egger's test (regtest's default model "rma" and the classical
 * "lm"), trim-and-fill, and optionally subgroups with the test between them and a meta-regression
 * on one moderator. Everything on the analysis scale (log); the caller exponentiates for display.
 *
 * Contract: k ≥ 2 studies with finite yᵢ and vᵢ > 0 (the CLI refuses other input with a message).
 * Egger and trim-and-fill need k ≥ 3 (null otherwise); the meta-regression needs k ≥ 3 and a
 * moderator that varies. Pure; frozen result.
 *
 * @example
 * // dat.bcg (log RR), REML: μ̂ −0.7145 (RR 0.489), τ² 0.313, I² 92.2 %, PI −1.867 to 0.438
 * metaAnalysis({ yi, vi }, { method: 'REML', test: 'z' }).model.b[0] // −0.71453234…
 */
import { eggerTest, type EggerResult } from './eggerTest.js';
import { fitMetaModel } from './fitMetaModel.js';
import { leaveOneOut } from './leaveOneOut.js';
import { metaRegression, type MetaRegressionResult } from './metaRegression.js';
import { predictionInterval, type PredictionInterval } from './predictionInterval.js';
import { qProfileCi, type Tau2Interval } from './qProfileCi.js';
import { subgroupAnalysis, type SubgroupAnalysis } from './subgroupAnalysis.js';
import { trimAndFill, type TrimAndFillResult } from './trimAndFill.js';
import type { MetaFit, MetaOptions } from './types.js';

export interface MetaAnalysisInput {
  readonly yi: Float64Array;
  readonly vi: Float64Array;
  /** Subgroup label per study (for `subgroups`). */
  readonly subgroup?: readonly string[] | null;
  /** Moderator value per study (for the meta-regression). */
  readonly moderator?: Float64Array | null;
}

export interface MetaAnalysisResult {
  readonly options: Required<MetaOptions>;
  readonly k: number;
  /** The model asked for. */
  readonly model: MetaFit;
  /** The inverse-variance fixed-effect model (the same object as `model` when method is FE). */
  readonly fixed: MetaFit;
  readonly tau2Ci: Tau2Interval | null;
  readonly prediction: PredictionInterval | null;
  readonly predictionHts: PredictionInterval | null;
  readonly leaveOneOut: readonly MetaFit[];
  readonly egger: EggerResult | null;
  readonly eggerLm: EggerResult | null;
  readonly trimAndFill: TrimAndFillResult | null;
  readonly subgroups: SubgroupAnalysis | null;
  readonly metaRegression: MetaRegressionResult | null;
}

export function metaAnalysis(input: MetaAnalysisInput, options: MetaOptions): MetaAnalysisResult | null {
  const opts: Required<MetaOptions> = { method: options.method, test: options.test, level: options.level ?? 0.95 };
  const { yi, vi } = input;
  const model = fitMetaModel(yi, vi, null, opts);
  if (!model) return null;
  const fixed = opts.method === 'FE' && opts.test === 'z' ? model : fitMetaModel(yi, vi, null, { method: 'FE', test: 'z', level: opts.level });
  if (!fixed) return null;
  const k = yi.length;
  return Object.freeze({
    options: opts,
    k,
    model,
    fixed,
    tau2Ci: opts.method === 'FE' ? null : qProfileCi(yi, vi, null, opts.level),
    prediction: predictionInterval(model, 'metafor'),
    predictionHts: predictionInterval(model, 'hts'),
    leaveOneOut: k >= 3 ? leaveOneOut(yi, vi, opts) : [],
    egger: eggerTest(yi, vi, opts, 'rma'),
    eggerLm: eggerTest(yi, vi, opts, 'lm'),
    trimAndFill: trimAndFill(yi, vi, opts),
    subgroups: input.subgroup ? subgroupAnalysis(yi, vi, input.subgroup, opts) : null,
    metaRegression: input.moderator ? metaRegression(yi, vi, input.moderator, opts) : null,
  });
}
