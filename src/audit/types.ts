/**
 * "What a paper reports", in machine-readable form: the input of `siilab audit`.
 *
 * Every reported number is kept AS PRINTED (type `Printed`): a YAML number such as `2.750` is read
 * back as the text "2.750" (the loader takes the source text of every non-integer number), so
 * that the rounding of every input is known: "2.751" stands for any value in [2.7505, 2.7515].
 * Counts and group sizes are whole numbers. Relations are allowed where papers print them:
 * "<0.001", "≥ 0.05".
 *
 * `schema/audit.schema.json` is generated from this file (`npm run schema:audit`); a test checks
 * that the committed schema equals a fresh generation.
 *
 * @example
 * // id: demo
 * // title: A demo
 * // groups: [{ id: a, label: events, n: 10 }, { id: b, label: no events, n: 10 }]
 */

/**
 * A number exactly as printed: a string such as "0.097", "<0.001", "57.27" or "1.000" (keeps
 * trailing zeros), or a whole number. Its last printed digit sets its rounding half-width.
 */
export type Printed = string | number;

/**
 * A whole number: a count, a group size or degrees of freedom.
 * @asType integer
 */
export type Count = number;

/** Where in the paper a number is printed. At least one of the fields should be given. */
export interface Location {
  /** e.g. "Table 1", "Abstract", "Results text", "Figure 2". */
  table?: string;
  /** The row label as printed, e.g. "Age (years) ≤ 50". */
  row?: string;
  /** Free text, e.g. "Kaplan-Meier survival analysis, paragraph 1". */
  section?: string;
}

/** A group of patients and its size, e.g. the recurrence group (n = 110). */
export interface Group {
  /** Short identifier used elsewhere in the file, e.g. "rec". @pattern ^[A-Za-z][A-Za-z0-9_-]*$ */
  id: string;
  /** The group as the paper names it. */
  label: string;
  /** Number of patients. @minimum 1 */
  n: Count;
  /** This group is the union of these (disjoint) groups, e.g. the whole cohort = events + non-events. */
  composedOf?: string[];
}

/** One level of a categorical baseline variable: counts (and percentages) per group. */
export interface Level {
  /** The level as printed, e.g. "≤ 50", "Male". */
  label: string;
  /** Count per group id, as printed. */
  counts: { [group: string]: Count };
  /** Percentage per group id, as printed (without the % sign), e.g. "48.18". */
  percents?: { [group: string]: Printed };
}

/** A test on counts printed beside a categorical row. */
export interface CountTest {
  /** "chi-square" (Pearson, possibly continuity-corrected), "fisher", or "unstated". */
  kind: 'chi-square' | 'fisher' | 'unstated';
  /** Continuity correction as the paper states it; "unstated" (default) accepts either. */
  correction?: 'none' | 'yates' | 'unstated';
  /** The printed statistic (χ²). */
  statistic?: Printed;
  /** Degrees of freedom if printed (otherwise (rows − 1)(columns − 1)). @minimum 1 */
  df?: Count;
  /** The printed P value. */
  p?: Printed;
}

/** A categorical baseline variable: counts per level and group, e.g. Table 1 "Gender". */
export interface CategoricalRow {
  location: Location;
  /** The variable as printed. */
  variable: string;
  /** The group ids of the columns. @minItems 1 */
  groups: string[];
  /** @minItems 1 */
  levels: Level[];
  /**
   * True (default) when the printed levels are all the levels, so each group's counts must add up
   * to its size. False for a row that prints one level of a yes/no variable.
   */
  complete?: boolean;
  test?: CountTest;
}

/** Mean ± SD as printed. */
export interface MeanSd {
  mean: Printed;
  sd: Printed;
}

/** A t test (or an unstated two-sample test on means) printed beside a continuous row. */
export interface MeanTest {
  /** "student-t" (equal variances), "welch-t", or "t-unstated" (either is accepted). */
  kind: 'student-t' | 'welch-t' | 't-unstated';
  /** The printed t (its sign is ignored). */
  statistic?: Printed;
  /** Degrees of freedom if printed. @minimum 1 */
  df?: Count;
  p?: Printed;
}

/** A continuous baseline variable as mean ± SD per group, e.g. "BMI 23.25 ± 1.87". */
export interface ContinuousRow {
  location: Location;
  variable: string;
  unit?: string;
  /** Exactly two group ids (first minus second). @minItems 2 @maxItems 2 */
  groups: string[];
  summaries: { [group: string]: MeanSd };
  test?: MeanTest;
}

/** A count and its percentage printed on their own, e.g. "37 cases of PD (19.89%)". */
export interface ProportionRow {
  location: Location;
  label: string;
  /** @minimum 0 */
  count: Count;
  /** The denominator. @minimum 1 */
  n: Count;
  /** Printed percentage (without %). */
  percent?: Printed;
  /** Rows sharing this key partition the same patients: their counts must add up to n. */
  partOf?: string;
}

/** One ROC row: a marker's AUC, its interval and test, and the operating point at its cutoff. */
export interface RocRow {
  location: Location;
  /** The marker, e.g. "SII". Cutoffs of the same marker are compared across the paper. */
  marker: string;
  /** Group id of the "cases": the condition the marker is said to predict. */
  positive: string;
  /** Group id of the "controls". */
  negative: string;
  auc: Printed;
  /** Confidence interval [lower, upper]. @minItems 2 @maxItems 2 */
  ci?: Printed[];
  /** Confidence level of ci (default 0.95). */
  ciLevel?: Printed;
  /** Printed standard error of the AUC. */
  se?: Printed;
  /** Printed P value (of AUC = 0.5). */
  p?: Printed;
  cutoff?: Printed;
  sensitivity?: Printed;
  specificity?: Printed;
  /** Scale of sensitivity and specificity: "fraction" (0.768) or "percent" (76.8). Default: guessed (> 1 → percent). */
  scale?: 'fraction' | 'percent';
  /** Printed Youden index (sensitivity + specificity − 1, as a fraction). */
  youden?: Printed;
}

/** How a model covariate is distributed in each outcome group (for calibration-in-the-large). */
export type CovariateDistribution =
  | BinaryCounts
  | BinaryProportions
  | ThresholdOfContinuous
  | AtRocCutoff
  | NormalContinuous;

/** A 0/1 covariate with the number of patients coded 1 per outcome group (e.g. from Table 1). */
export interface BinaryCounts {
  kind: 'binary-counts';
  counts: { [group: string]: Count };
}

/** A 0/1 covariate with the proportion coded 1 per outcome group (0–1). */
export interface BinaryProportions {
  kind: 'binary-proportions';
  proportions: { [group: string]: Printed };
}

/** A 0/1 covariate defined by a threshold on a continuous variable reported as mean ± SD (normal approximation). */
export interface ThresholdOfContinuous {
  kind: 'threshold';
  /** `variable` of a continuous row. */
  variable: string;
  /** Coded 1 when the value is below (`below`) or above (`above`) the threshold. */
  side: 'below' | 'above';
  threshold: Printed;
}

/** A 0/1 covariate that is a marker above its ROC cutoff: proportion sensitivity among cases, 1 − specificity among controls. */
export interface AtRocCutoff {
  kind: 'roc-cutoff';
  /** `marker` of a ROC row (the first one with that marker). */
  marker: string;
}

/** A continuous covariate entered per unit, distributed as mean ± SD (normal) per outcome group. */
export interface NormalContinuous {
  kind: 'normal';
  /** `variable` of a continuous row. */
  variable: string;
}

/** One term (row) of a regression table. */
export interface ModelTerm {
  location: Location;
  /** The term as printed, e.g. "SII ≥ 340". */
  label: string;
  /** Coefficient (log ratio). */
  beta?: Printed;
  se?: Printed;
  /** Printed Wald statistic. */
  wald?: Printed;
  p?: Printed;
  /** Printed ratio (OR, HR or RR, = exp(β)). */
  ratio?: Printed;
  /** CI of the ratio [lower, upper]. @minItems 2 @maxItems 2 */
  ci?: Printed[];
  /** Needed by the calibration check (logistic models with an intercept). */
  covariate?: CovariateDistribution;
  /** The covariate is coded 0/1 (e.g. per the paper's assignment table); enables the SE bound. */
  binary?: boolean;
  /**
   * What the paper's text says about the level coded 1 (or a higher value): it carries a higher or a
   * lower risk of the outcome. Checked against the sign of β (or the ratio's side of 1).
   */
  claimedDirection?: 'higher-risk' | 'lower-risk';
  /** Where the claim is made, e.g. "Abstract: no tumor capsule … related to recurrence". */
  claimSource?: string;
}

/** A regression model as printed. */
export interface Model {
  /** @pattern ^[A-Za-z][A-Za-z0-9_-]*$ */
  id: string;
  location: Location;
  /** The method that produced it: "cox", "logistic", "poisson", "linear" or "unstated". */
  kind: 'cox' | 'logistic' | 'poisson' | 'linear' | 'unstated';
  /** Why `kind` is what it is (quote the methods section or the table layout). */
  kindEvidence?: string;
  /** What the paper calls exp(β), as printed: "OR", "HR", "relative risk", "Exp(B)". */
  measureLabel?: string;
  /** Confidence level of the ratio CIs (default 0.95). */
  ciLevel?: Printed;
  /** The group whose members had the event (outcome = 1 in a logistic model; the events of a Cox model). */
  eventGroup?: string;
  /** Number of events, when no group holds exactly the patients with events (Cox models). @minimum 1 */
  events?: Count;
  /** The group without the event.  */
  nonEventGroup?: string;
  terms: ModelTerm[];
  /** The constant / intercept row, if printed. */
  intercept?: ModelTerm;
}

/** A survival summary: a rate (percent, with its count and denominator) or a median with its CI. */
export interface SurvivalRow {
  location: Location;
  label: string;
  kind: 'rate' | 'median';
  /** Percentage for a rate; time for a median. */
  value: Printed;
  count?: Count;
  n?: Count;
  /** @minItems 2 @maxItems 2 */
  ci?: Printed[];
  unit?: string;
}

/** A cutoff of a marker named somewhere (coding tables, text, figure legends). */
export interface CutoffMention {
  location: Location;
  marker: string;
  value: Printed;
  /** How it is applied as printed, e.g. "≥", "<", ">". */
  relation?: string;
}

/** A P value printed outside the structured rows above (text, abstract, figure legend). */
export interface PValueMention {
  location: Location;
  p: Printed;
  /** What it is the P value of. */
  context?: string;
}

/** One paper. */
export interface PaperDoc {
  /** Short identifier, e.g. "deng2025". @pattern ^[A-Za-z0-9][A-Za-z0-9_-]*$ */
  id: string;
  title: string;
  citation?: string;
  /** Statistical software as stated, e.g. "SPSS 22.0". */
  software?: string;
  /** @minItems 1 */
  groups: Group[];
  categorical?: CategoricalRow[];
  continuous?: ContinuousRow[];
  proportions?: ProportionRow[];
  roc?: RocRow[];
  models?: Model[];
  survival?: SurvivalRow[];
  cutoffs?: CutoffMention[];
  pValues?: PValueMention[];
  /** Notes by whoever encoded the paper (what was left out and why). */
  notes?: string[];
}
