/**
 * Input and result types of Cox proportional hazards regression. Results are plain, immutable
 * objects; every scalar that can be undefined is `number | null`. The report (forest plots,
 * tables) and the study pipeline consume CoxResult.
 */
import type { ModelTerm } from '../../design/modelMatrix.js';
import type { CoxBaseline } from './baseline.js';
import type { SplineSpec } from '../../design/splineSpec.js';

export type CoxTies = 'efron' | 'breslow';

/** A covariate as read from a table: numeric (NaN = missing) or categorical (null = missing). */
export type CoxCovariateInput =
  | { readonly name: string; readonly kind: 'numeric'; readonly values: Float64Array }
  | { readonly name: string; readonly kind: 'categorical'; readonly values: readonly (string | null)[] }
  /** A restricted cubic spline of a numeric column: k knots at Harrell's default quantiles (k = 3…7) or the given knots. */
  | { readonly name: string; readonly kind: 'spline'; readonly values: Float64Array; readonly knots: number | readonly number[] };

/** Where the data came from, so refusals can name file, row and column. */
export interface CoxSource {
  readonly file: string;
  readonly time: string;
  readonly event: string;
  readonly start?: string | null;
  readonly strata?: string | null;
  /** Spreadsheet row number of input row i (default i + 2: header is row 1). */
  readonly rowNumber?: (i: number) => number;
}

export interface CoxInput {
  /** Stop time (right-censored: follow-up time). NaN = missing. */
  readonly time: Float64Array;
  /** Start of the interval for counting-process rows (start, time]; null for right-censored data. */
  readonly start?: Float64Array | null;
  /** 1 = event, 0 = censored, NaN = missing. */
  readonly event: Float64Array;
  readonly covariates: readonly CoxCovariateInput[];
  /** Stratum label per row (null = missing); omit for one stratum. */
  readonly strata?: readonly (string | null)[] | null;
  readonly ties?: CoxTies;
  /** Reference level per categorical covariate (default: first level in sorted order). */
  readonly reference?: ReadonlyMap<string, string>;
  readonly source?: CoxSource;
  /** Confidence level of the hazard-ratio intervals (default 0.95). */
  readonly confLevel?: number;
  /** Skip the cox.zph test (default false). */
  readonly skipZph?: boolean;
  /**
   * The rows in the fit's sort order, survivalOrder(time, event) (survivalOrder.ts), when many models
   * are fitted on one outcome: the fit then takes its rows' order from it instead of sorting them.
   * Used for right-censored data without strata; an order that is not theirs is ignored.
   */
  readonly timeOrder?: Int32Array;
}

export interface CoxCoefficient {
  readonly term: string;
  readonly covariate: string;
  /** The level an indicator term marks, null for a numeric term. */
  readonly level: string | null;
  readonly reference: string | null;
  readonly coef: number;
  /** exp(coef); Infinity if it overflows (only with an infinite coefficient; the CLI's JSON prints null). */
  readonly hr: number;
  readonly se: number;
  /** Wald z = coef / se (R's print). */
  readonly z: number;
  /** Wald chi-square z² on 1 df (SPSS's "Wald" column); same p as z. */
  readonly waldChisq: number;
  readonly p: number;
  /** Wald confidence interval of the hazard ratio, exp(coef ± z₁₋α/₂·se); null where it overflows (R: Inf). */
  readonly lower: number | null;
  readonly upper: number | null;
  /** True when the log-likelihood converged before this coefficient (monotone likelihood). */
  readonly possiblyInfinite: boolean;
}

export interface CoxTest {
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
}

export interface CoxPhTest {
  readonly term: string;
  readonly chisq: number;
  readonly df: number;
  readonly p: number;
}

export interface CoxConcordance {
  /** Harrell's C (null when no pair is comparable). */
  readonly c: number | null;
  /** Infinitesimal-jackknife standard error, as R's coxph prints. */
  readonly se: number | null;
  readonly concordant: number;
  readonly discordant: number;
  readonly tiedRisk: number;
  readonly tiedTime: number;
  readonly tiedBoth: number;
}

export interface CoxResult {
  /** Rows used (complete cases). */
  readonly n: number;
  /** Rows dropped for a missing value in a used column. */
  readonly nDropped: number;
  readonly events: number;
  readonly ties: CoxTies;
  /** Stratum labels (sorted), null without strata. */
  readonly strata: readonly string[] | null;
  readonly countingProcess: boolean;
  readonly terms: readonly ModelTerm[];
  readonly coefficients: readonly CoxCoefficient[];
  readonly confLevel: number;
  readonly loglik: { readonly null: number; readonly model: number };
  readonly tests: { readonly likelihoodRatio: CoxTest; readonly wald: CoxTest; readonly score: CoxTest };
  readonly concordance: CoxConcordance;
  /** R cox.zph (transform "km", score-test form of survival ≥ 3.0), one test per covariate; null if skipped. */
  readonly proportionalHazards: { readonly terms: readonly CoxPhTest[]; readonly global: CoxPhTest } | null;
  readonly iterations: number;
  readonly converged: boolean;
  readonly warnings: readonly string[];
  /** Variance–covariance matrix of the coefficients (inverse information). */
  readonly variance: readonly (readonly number[])[];
  /** Input row index of each used row. */
  readonly rows: Int32Array;
  /** Centred linear predictor (x − centre)·β per used row (same order as `rows`), as R's fit$linear.predictors (centre: see CoxBaseline). */
  readonly linearPredictors: Float64Array;
  /** The spline covariates with their knots (computed on the non-missing values of the column, as rms::rcs); empty without splines. */
  readonly splines: readonly SplineSpec[];
  /** Baseline cumulative hazard at the centre (means; 0 for 0/1 indicators) — R basehaz(fit, centered = TRUE). */
  readonly baseline: CoxBaseline;
}
