/**
 * Result types of the survival engine (Kaplan–Meier, log-rank, maximally selected log-rank).
 * Plain, immutable objects. Columnar curves are Float64Arrays in which NaN means "not defined"
 * (R's NA: e.g. the log CI where S = 0); every scalar that can be undefined is `number | null`.
 * Rendering (CLI JSON, report figures) turns NaN into null.
 */

/** Transformation used for the pointwise confidence interval of S(t) (R survfit's `conf.type`). */
export type ConfType = 'log' | 'log-log' | 'plain';

/** One Kaplan–Meier curve as R's `summary(survfit, censored = TRUE)`: one row per distinct time. */
export interface KaplanMeierTable {
  readonly time: Float64Array;
  /** Number at risk just before `time`. */
  readonly nRisk: Float64Array;
  readonly nEvent: Float64Array;
  readonly nCensor: Float64Array;
  readonly surv: Float64Array;
  /** Greenwood standard error of S (R summary's `std.err`); NaN once S reached 0 through n = d. */
  readonly stdErr: Float64Array;
  /** Greenwood standard error of −log S, Σ d/(n(n−d)) under a square root (R survfit's `std.err`). */
  readonly stdErrLog: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/** Survival at a chosen time, as R's `summary(survfit, times = t, extend = TRUE)`. */
export interface SurvivalAt {
  readonly time: number;
  readonly surv: number;
  readonly stdErr: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Number at risk at `time` (0 beyond the last follow-up time). */
  readonly nRisk: number;
  /** True when `time` is after the group's last observed time and S > 0 there: the value is carried forward (R's extend = TRUE). */
  readonly beyondFollowUp: boolean;
}

/**
 * The symmetric CI of the median printed by SPSS (Kaplan–Meier "Means and Medians" table):
 * median ± z·se, with se from Collett's formula (see medianSymmetricCI.ts).
 */
export interface MedianSymmetricCI {
  /** The median as SPSS defines it: the first time with S ≤ 0.5 (no midpoint rule). */
  readonly median: number;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly se: number | null;
  readonly method: string;
}

/** Restricted mean survival time ∫₀^τ S(t) dt and its standard error (R print(survfit, rmean = τ)). */
export interface RestrictedMean {
  readonly tau: number;
  readonly estimate: number;
  readonly se: number;
}

/** Step points of a curve for figures: (0, 1, 1, 1) then one point per event time. */
export interface SurvivalSteps {
  readonly time: Float64Array;
  readonly surv: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

export interface KaplanMeierGroup {
  /** The group's label ("all" without a grouping column). */
  readonly group: string;
  readonly n: number;
  readonly events: number;
  readonly table: KaplanMeierTable;
  /** Median as R's quantile.survfit (midpoint rule where S is exactly 0.5 on an interval); null when not reached. */
  readonly median: number | null;
  readonly medianLower: number | null;
  readonly medianUpper: number | null;
  readonly medianCISymmetric: MedianSymmetricCI | null;
  readonly rmst: RestrictedMean;
  readonly at: readonly SurvivalAt[];
  readonly steps: SurvivalSteps;
  /** Censoring times and S there (tick marks on a figure). */
  readonly censored: { readonly time: Float64Array; readonly surv: Float64Array };
}

export interface KaplanMeierResult {
  /** Rows used (after dropping rows with a missing value). */
  readonly n: number;
  readonly nDropped: number;
  readonly events: number;
  readonly confType: ConfType;
  readonly confLevel: number;
  readonly groups: readonly KaplanMeierGroup[];
}

export interface LogRankTrend {
  /** Score of each group, in the order of `groups`. */
  readonly scores: readonly number[];
  /** U = Σ w (O − E). */
  readonly u: number;
  /** Var(U) = w′Vw. */
  readonly variance: number;
  readonly chisq: number;
  readonly df: 1;
  readonly p: number;
}

export interface LogRankResult {
  readonly groups: readonly string[];
  readonly n: readonly number[];
  readonly observed: readonly number[];
  readonly expected: readonly number[];
  /** k×k variance matrix of O − E, row-major. */
  readonly variance: readonly (readonly number[])[];
  readonly chisq: number;
  readonly df: number;
  readonly p: number;
  /** Strata labels when stratified (survdiff with strata()), else null. */
  readonly strata: readonly string[] | null;
  readonly nDropped: number;
}

export interface MaxstatResult {
  readonly n: number;
  readonly nDropped: number;
  readonly events: number;
  /** The chosen cutoff: x ≤ cutoff is the low group (as maxstat). */
  readonly cutoff: number;
  /** The same split as "x ≥ highFrom is high": the smallest marker value above `cutoff` (siilab's ≥ convention). */
  readonly highFrom: number;
  /** Maximal absolute standardized log-rank statistic M. */
  readonly statistic: number;
  /** Lausen, Sauerbrei & Schumacher (1994) improved-Bonferroni P for M, clipped to [0, 1]. */
  readonly p: number;
  /** The same before clipping (maxstat's `p.value`, which can leave [0, 1]). */
  readonly pLau94Raw: number;
  /** Lausen & Schumacher (1992) / Miller & Siegmund (1982) asymptotic P, clipped to [0, 1]. */
  readonly pLau92: number;
  /** Naive two-sided normal P of M as if the cutoff had been fixed in advance (never report it alone). */
  readonly pNaive: number;
  /** Naive log-rank (survdiff) χ² and P for the split at the chosen cutoff (never report it alone). */
  readonly naiveLogRank: { readonly chisq: number; readonly p: number };
  readonly nLow: number;
  readonly nHigh: number;
  readonly minprop: number;
  readonly maxprop: number;
  /** Every cutpoint considered and its standardized statistic (signed). */
  readonly cuts: Float64Array;
  readonly stats: Float64Array;
}
