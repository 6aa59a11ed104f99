/**
 * The study specification: the TypeScript types a `study.yaml` file must satisfy. The JSON Schema
 * in schema/study.schema.json is generated from these types (`npm run schema`), so the JSDoc here
 * is the field documentation users see in their editor. Keep every type plain data.
 *
 * @example
 * // study.yaml
 * // version: 1
 * // sources: [{ file: cohort.csv }]
 * // variables: { patientId: id, neutrophils: { column: NEUT, unit: 10^9/L } }
 */

/** Canonical variable names siilab understands. Map each one you have to a column of your file. */
export type CanonicalVariable =
  | 'patientId'
  | 'treatmentDate'
  | 'baselineDate'
  | 'drawDate'
  | 'lastFollowUpDate'
  | 'recurrenceDate'
  | 'metastasisDate'
  | 'deathDate'
  | 'followUpTime'
  | 'age'
  | 'sex'
  | 'neutrophils'
  | 'lymphocytes'
  | 'platelets'
  | 'monocytes'
  | 'whiteCells'
  | 'neutrophilPercent'
  | 'lymphocytePercent'
  | 'monocytePercent'
  | 'nlr'
  | 'afp'
  | 'albumin'
  | 'bilirubin'
  | 'tumourSize'
  | 'lesionCount'
  | 'vascularInvasion'
  | 'tumourThrombus'
  | 'capsule'
  | 'childPugh'
  | 'hepatitisB'
  | 'treatment'
  | 'response'
  | 'recurrence'
  | 'metastasis'
  | 'death';

/** The kind of values in a column. */
export type ValueType = 'number' | 'integer' | 'binary' | 'category' | 'date' | 'text';

/** Order of day, month and year in dates written like 03/04/2020. */
export type DateOrder = 'YMD' | 'DMY' | 'MDY';

export type TimeUnit = 'days' | 'weeks' | 'months' | 'years';

/** A length of time, e.g. `{ value: 3, unit: years }`. */
export interface Duration {
  /** @minimum 0 */
  value: number;
  unit: TimeUnit;
}

/**
 * One data source: a file (`file:`), a Parquet file (`parquet:`), a table or query of a DuckDB
 * database file (`duckdb:` with `table:` or `query:`) or of PostgreSQL (`postgres: "$DATABASE_URL"`
 * with `table:` or `query:`; the connection string only from that environment variable).
 */
export interface DataSource {
  /** Name other fields use to refer to this source (`source:` in a mapping). Default: `main` for the first source. */
  id?: string;
  /** Path of the CSV, TSV or XLSX file, relative to the study file. */
  file?: string;
  /** Path of a Parquet file, relative to the study file (read by embedded DuckDB). */
  parquet?: string;
  /** Path of a DuckDB database file, relative to the study file (opened read-only); with `table:` or `query:`. */
  duckdb?: string;
  /**
   * PostgreSQL: the name of the environment variable holding the connection string, written
   * `"$DATABASE_URL"` (a connection string itself is refused: credentials never go into a study
   * file, a bundle or a log); with `table:` or `query:`.
   */
  postgres?: string;
  /** Table (or `schema.table`) of a `duckdb:` or `postgres:` source: every column and row of it. */
  table?: string;
  /** SQL query of a `duckdb:` or `postgres:` source (the same SQL runs on both); its result columns are the source's columns. */
  query?: string;
  /** Worksheet of an XLSX file (default: the first sheet). */
  sheet?: string;
  /** `wide`: one row per patient. `long`: one row per measurement (blood draw) with patient id and date. */
  format?: 'wide' | 'long';
  /** Patient-id column of this source (default: the column mapped to `patientId`). */
  idColumn?: string;
  /** Draw-date column of a long source (default: the column mapped to `drawDate`). */
  dateColumn?: string;
  /** Order of day, month and year for dates like 03/04/2020 in this file (inferred when unambiguous). */
  dateOrder?: DateOrder;
  /**
   * `false`: the file has no header row; its first row is data. Column names then come from
   * `columns:`, else V1, V2, … (the first row is then row 1 in messages). Default: true.
   */
  header?: boolean;
  /** Column names of a file without a header row, one per field in file order (implies `header: false`). */
  columns?: string[];
  /**
   * Decimal mark of numbers written as text: `","` for European exports (`5,2`; thousands as
   * `1.234,5` or `1 234,5`). Default `"."`, except that a `;`- or tab-separated file whose numbers
   * are written `5,2` is read with decimal commas.
   */
  decimal?: '.' | ',';
}

/** Where a variable's values come from. */
export interface ColumnMapping {
  /** Column name exactly as in the file's header. */
  column: string;
  /** Source id (default: the first source that has this column). */
  source?: string;
  /** Unit of the values as stored, e.g. `10^9/L`, `/uL`, `g/dL`, `ng/mL`, `mm`, `months`. */
  unit?: string;
  /** Value type (default: the canonical variable's type, else inferred). */
  type?: ValueType;
  /** For binary variables: the value that means yes/present/event (default: 1, true, yes). */
  positive?: string | number;
  /** For categories: the levels in order (the first is the reference). */
  levels?: string[];
  /**
   * For coded categories: the name to print for each code, e.g. `{ 0: '≤ 5 cm', 1: '> 5 cm' }` or
   * `{ 1: male, 2: female }`; tables, figures and model terms then read "Tumour size: > 5 cm vs ≤ 5 cm".
   */
  valueLabels?: { [code: string]: string };
  /** Order of day, month and year for this date column (overrides the source's). */
  dateOrder?: DateOrder;
  /** Name in tables and figures (default: the canonical variable's label or the name). */
  label?: string;
  /**
   * Analyse the values in the declared `unit` instead of converting them to siilab's canonical
   * unit (e.g. albumin per g/dL rather than per g/L); derived indices still use converted values.
   */
  keepUnit?: boolean;
  /**
   * What to do when a column mixes units (e.g. platelets partly in cells/µL, partly in 10^9/L):
   * `convert` converts each value that is implausible in the declared unit but plausible in exactly
   * one other unit of the same quantity, row by row (counted in the participant flow); `refuse`
   * (default) stops with a message naming the column, the counts and example rows.
   */
  mixedUnits?: 'convert' | 'refuse';
}

/** The mapping of canonical variables to columns: a column name, or a mapping with unit and options. */
export type VariableMap = { [K in CanonicalVariable]?: string | ColumnMapping };

/** Indices computed from each blood draw. */
export type IndexName = 'SII' | 'NLR' | 'PLR' | 'LMR' | 'SIRI' | 'PIV' | 'dNLR';

/** An index (e.g. SII = platelets × neutrophils / lymphocytes) computed from every draw. */
export interface IndexDerivation {
  /** Name of the new variable. */
  name: string;
  /** Name in tables and figures. */
  label?: string;
  index: IndexName;
}

/** How repeated measurements become one value per patient. */
export type AggregateMethod = 'baseline' | 'first' | 'last' | 'mean' | 'max' | 'min';

/** A window of measurement times relative to the time origin (e.g. `from: 0, to: 36, unit: months`). */
export interface MeasurementWindow {
  from?: number;
  to?: number;
  unit: TimeUnit;
}

/**
 * One value per patient from repeated measurements of a variable. `baseline`: the last draw on or
 * before the time origin; `first`/`last`: the earliest/latest draw; `mean`/`max`/`min` over `window`.
 */
export interface AggregateDerivation {
  name: string;
  /** Name in tables and figures (e.g. "SII, mean over follow-up"). */
  label?: string;
  aggregate: AggregateMethod;
  /** The measured variable or index to aggregate. */
  of: string;
  /** Only draws in this window (times relative to the origin); default all draws. */
  window?: MeasurementWindow;
  /** Date variable that is time zero (default: `treatmentDate`, else `baselineDate`). */
  origin?: string;
}

/** A 0/1 variable from a number and a threshold (e.g. tumour size ≥ 5 cm). */
export interface ThresholdDerivation {
  name: string;
  /** Name in tables and figures (e.g. "Tumour size ≥ 5 cm"). */
  label?: string;
  threshold: number;
  of: string;
  /** `>=` (default) or `>`: which side is 1. */
  direction?: '>=' | '>';
}

/** A derived variable: an index per draw, a per-patient aggregate, or a threshold split. */
export type Derivation = IndexDerivation | AggregateDerivation | ThresholdDerivation;

/** A time-to-event endpoint. */
export interface SurvivalEndpoint {
  type: 'survival';
  /** Name in tables and figures (e.g. "Recurrence-free survival"). */
  label?: string;
  /** Event indicator variable(s); several make a composite endpoint (whichever happens first). */
  events: string[];
  /** Date of each event, same order as `events` (default: `<event>Date`, else `endDate`). */
  eventDates?: string[];
  /** Date the patient was last seen or had the event (default: `lastFollowUpDate`). */
  endDate?: string;
  /** Instead of dates: a variable holding the follow-up time (e.g. OS_Months). */
  time?: string;
  /** Unit of `time` (default: its mapping's unit, else months). */
  timeUnit?: TimeUnit;
  /** Time zero (default: `treatmentDate`, else `baselineDate`). */
  origin?: string;
  /** Administrative censoring: follow-up is cut at this time. */
  horizon?: Duration;
  /** Unit of the resulting times (default: months). */
  unit?: TimeUnit;
}

/** A yes/no endpoint: the event(s) happened, optionally within a horizon after the origin. */
export interface BinaryEndpoint {
  type: 'binary';
  label?: string;
  events: string[];
  eventDates?: string[];
  endDate?: string;
  origin?: string;
  /** Count only events within this time; patients followed for less without an event are excluded. */
  within?: Duration;
}

/**
 * A time-to-event endpoint with a competing event: the event of interest (e.g. recurrence) and the
 * events that prevent it (e.g. death without recurrence), e.g.
 * `{ type: competing, events: [recurrence], competing: [death], time: rfsTime, competingTime: osTime }`.
 * Each patient has cause 1 (the first event was one of `events`), cause 2 (one of `competing`
 * happened first) or is censored. Analyse it with `cif` and `fineGray`; for "recurrence or death"
 * as one outcome declare a `survival` endpoint with `events: [recurrence, death]` instead.
 */
export interface CompetingEndpoint {
  type: 'competing';
  /** Name in tables and figures (e.g. "Recurrence"). */
  label?: string;
  /**
   * Event(s) of interest (binary variables); several: whichever happens first.
   * @minItems 1
   */
  events: string[];
  /**
   * Competing event(s) (binary variables, e.g. `death`) that make the event of interest impossible.
   * A patient with both an event of interest and a competing event counts as the event of interest
   * when it came first (with dates), or always (with a follow-up time column: the competing event is
   * "death without recurrence").
   * @minItems 1
   */
  competing: string[];
  /** Date of each event of interest, same order as `events` (default: `<event>Date`, else `endDate`). */
  eventDates?: string[];
  /** Date of each competing event, same order as `competing` (default: `<event>Date`, else `endDate`). */
  competingDates?: string[];
  /** Date the patient was last seen or had the event (default: `lastFollowUpDate`). */
  endDate?: string;
  /** Instead of dates: a variable holding the time to the event of interest or censoring (e.g. RFS_Months). */
  time?: string;
  /** With `time`: the variable holding the time to the competing event (e.g. OS_Months); default `time`. */
  competingTime?: string;
  /** Unit of `time` and `competingTime` (default: the mapping's unit, else months). */
  timeUnit?: TimeUnit;
  /** Time zero (default: `treatmentDate`, else `baselineDate`). */
  origin?: string;
  /** Administrative censoring: follow-up is cut at this time (events after it are censored). */
  horizon?: Duration;
  /** Unit of the resulting times (default: months). */
  unit?: TimeUnit;
}

export type Endpoint = SurvivalEndpoint | BinaryEndpoint | CompetingEndpoint;

/** A fixed cut-off value for a marker. */
export interface FixedCutoff {
  value: number;
  /** `>=` (default): values ≥ the cut-off are "high"; `>`: values above it. */
  direction?: '>=' | '>';
  /**
   * Smallest share of patients either side may hold before the split is flagged (default 0.1).
   * @exclusiveMinimum 0
   * @exclusiveMaximum 0.5
   */
  minShare?: number;
}

/** A cut-off found from the data. */
export interface DataCutoff {
  /** `median`, `quantile` (at `probability`), `youden` (ROC-optimal for `endpoint`) or `maxstat` (maximally selected log-rank for `endpoint`). */
  method: 'youden' | 'maxstat' | 'median' | 'quantile';
  /** Endpoint the cut-off is optimised for (youden, maxstat). */
  endpoint?: string;
  /**
   * For `quantile`: the probability, e.g. 0.75 for the upper quartile (R's type-7 quantile).
   * @exclusiveMinimum 0
   * @exclusiveMaximum 1
   */
  probability?: number;
  /** `>=` (default): values ≥ the cut-off are "high"; `>`: values above it (maxstat's own estimate is then kept as printed by R). */
  direction?: '>=' | '>';
  /**
   * Smallest share of patients either side may hold before the split is flagged (default 0.1).
   * @exclusiveMinimum 0
   * @exclusiveMaximum 0.5
   */
  minShare?: number;
}

export type Cutoff = FixedCutoff | DataCutoff;

/** Who enters the analysis. */
export interface Population {
  /** Keep only rows whose variable has one of these values, e.g. `{ variable: cancerType, in: [Hepatobiliary] }`. */
  include?: InclusionRule[];
  /** Variables that must be present for a patient to be analysed (default: those the endpoints and derivations use). */
  require?: string[];
}

export interface InclusionRule {
  variable: string;
  in?: (string | number)[];
  min?: number;
  max?: number;
  /** Label in the participant flow (default: generated from the rule). */
  label?: string;
}

/**
 * Multivariable model selection: variables with univariable P below a threshold, or a declared set.
 * Without it, an analysis reports univariable models only (no multivariable model is fitted unrequested).
 */
export type MultivariableRule = { rule: 'p-threshold'; threshold: number } | { rule: 'declared'; variables: string[] };

export interface BaselineTableAnalysis {
  groupBy?: string;
  variables?: string[];
  /**
   * How each numeric variable is summarised: `mean` (mean ± SD, Student's t or ANOVA) or `median`
   * (median (IQR), Mann–Whitney or Kruskal–Wallis). Default by skewness: median when the sample
   * skewness (G1, as SPSS) of the pooled values exceeds 1 in absolute value.
   */
  summary?: { [variable: string]: 'mean' | 'median' };
}

export interface CompareAnalysis {
  markers: string[];
  groupBy: string;
}

export interface RocAnalysis {
  endpoint: string;
  markers: string[];
  /** Sets of markers combined by logistic regression into one predicted probability. */
  combine?: string[][];
}

/**
 * Time-dependent ROC of markers for a time-to-event endpoint: cumulative/dynamic AUC(t) with
 * inverse-probability-of-censoring weights at each time, paired differences between the markers,
 * Harrell's and Uno's C, e.g. `{ endpoint: os, markers: [SII, AFP], times: [12, 36, 60] }`.
 */
export interface TimeRocAnalysis {
  endpoint: string;
  /** @minItems 1 */
  markers: string[];
  /** Horizons in the endpoint's time unit (default: 1, 3 and 5 years). */
  times?: number[];
  /** Markers for which lower values mean higher risk (e.g. albumin); they are negated. */
  lower?: string[];
  /**
   * Truncation time of Uno's C (default: the largest of `times`).
   * @exclusiveMinimum 0
   */
  tau?: number;
}

/** How a continuous variable enters a model: `log` (natural), `log2`, `log10`, `sqrt`, or `standardise` (per SD). */
export type ModelTransform = 'log' | 'log2' | 'log10' | 'sqrt' | 'standardise';

/**
 * A model candidate with its scale, e.g. `{ variable: SII, continuous: true, per: 100 }` (HR per
 * 100 units of SII, named "SII (per 100)") or `{ variable: afp, transform: log10 }` ("log₁₀ AFP").
 */
export interface ModelCandidate {
  variable: string;
  /** Enter continuously even when the variable has a cut-off (which still splits it in Kaplan–Meier and tables). */
  continuous?: boolean;
  /** Applied before `per`. */
  transform?: ModelTransform;
  /**
   * Report the effect per this many units (of the transformed value), e.g. 100 for SII.
   * @exclusiveMinimum 0
   */
  per?: number;
  /** Row name in tables (default: generated from the variable's label, unit and scale). */
  label?: string;
}

/** A model candidate: a variable name (a cut-off, if declared, splits it), or a variable with its scale. */
export type Candidate = string | ModelCandidate;

export interface CoxAnalysis {
  endpoint: string;
  /** Factors, each entered alone (univariable); a name, or `{ variable, continuous, transform, per }`. */
  candidates: Candidate[];
  multivariable?: MultivariableRule;
  /** Markers entered as time-varying covariates from their repeated measurements. */
  timeVarying?: string[];
  /** Hazard ratio of a time-varying marker per this many units, e.g. `{ SII: 100 }` ("SII (per 100), time-varying"). */
  timeVaryingPer?: Record<string, number>;
}

export interface LogisticAnalysis {
  endpoint: string;
  /** Factors, each entered alone (univariable); a name, or `{ variable, continuous, transform, per }`. */
  candidates: Candidate[];
  multivariable?: MultivariableRule;
}

/** Kaplan–Meier curves by one split, or by two (four groups, e.g. SII high/low × AFP high/low). */
export interface KmAnalysis {
  endpoint: string;
  by: string[];
}

export interface SurvivalAtAnalysis {
  endpoint: string;
  times: number[];
  unit?: TimeUnit;
  by?: string[];
}

export interface ResponseRatesAnalysis {
  /** Levels of `response` counted as objective response (e.g. CR, PR). */
  objective: string[];
  /** Levels counted as disease control (e.g. CR, PR, SD). */
  control: string[];
  by?: string;
}

export interface MaxstatAnalysis {
  endpoint: string;
  markers: string[];
  /** Smallest group share at the cut-off (default 0.1). */
  minProp?: number;
}

/** The analyses to run. The engines read these; the spec only declares them. */
export interface Analyses {
  baselineTable?: BaselineTableAnalysis;
  compare?: CompareAnalysis[];
  roc?: RocAnalysis[];
  cox?: CoxAnalysis[];
  logistic?: LogisticAnalysis[];
  km?: KmAnalysis[];
  survivalAt?: SurvivalAtAnalysis[];
  responseRates?: ResponseRatesAnalysis;
  maxstat?: MaxstatAnalysis[];
  timeRoc?: TimeRocAnalysis[];
  splines?: SplineAnalysis[];
  nomogram?: NomogramAnalysis[];
  calibration?: CalibrationAnalysis[];
  validation?: ValidationAnalysis[];
  decisionCurve?: DecisionCurveAnalysis[];
  cif?: CifAnalysis[];
  fineGray?: FineGrayAnalysis[];
}

/**
 * Cumulative incidence of each cause of a competing endpoint (Aalen–Johansen), overall or by group,
 * at chosen times, with Gray's test across the groups, e.g. `{ endpoint: recurrence, by: [SII], times: [12, 24, 36] }`.
 */
export interface CifAnalysis {
  /** A `competing` endpoint. */
  endpoint: string;
  /** Grouping variable(s); a marker with a cut-off splits at it, as in `km`. Default: all patients. */
  by?: string[];
  /** Times in the endpoint's unit at which the cumulative incidence is reported (default: 1, 3 and 5 years). */
  times?: number[];
}

/**
 * Fine–Gray regression of the subdistribution hazard of the event of interest of a competing
 * endpoint (one model of all covariates), with the cause-specific Cox model of each cause beside it,
 * e.g. `{ endpoint: recurrence, covariates: [SII, afp] }`. Each model is fitted on its complete cases.
 */
export interface FineGrayAnalysis {
  /** A `competing` endpoint. */
  endpoint: string;
  /**
   * Covariates of the model; a name (a cut-off, if declared, splits it), or `{ variable, continuous, transform, per }`.
   * @minItems 1
   */
  covariates: Candidate[];
}

/**
 * The shape of a marker's association with an endpoint: a restricted cubic spline of the marker
 * (Cox for a survival endpoint, logistic for a binary one), its nonlinearity test and the hazard
 * (odds) ratio curve relative to a reference value.
 */
export interface SplineAnalysis {
  endpoint: string;
  /** A numeric variable (entered on its own scale, cut-offs ignored). */
  marker: string;
  /** Number of knots at Harrell's default quantiles (3 to 7), or the knot values (default 4). */
  knots?: number | number[];
  /** Adjustment covariates (names, or `{ variable, transform, per }`). */
  adjust?: Candidate[];
  /** Value with ratio 1 (default: the median, as rms). */
  reference?: number;
}

/** A nomogram of a Cox model for a survival endpoint: points per predictor, total points → survival at each horizon. */
export interface NomogramAnalysis {
  endpoint: string;
  /** @minItems 1 */
  predictors: Candidate[];
  /** Horizons in the endpoint's time unit (default: 1, 3 and 5 years). */
  horizons?: number[];
}

/**
 * Calibration of a multivariable model at a horizon (study spec `analyses.calibration`): Cox model for
 * a survival endpoint (observed 1 − Kaplan–Meier per risk group, smooth curve of Austin, Harrell &
 * van Klaveren 2020, ICI, slope, calibration-in-the-large), logistic model for a binary one.
 */
export interface CalibrationAnalysis {
  endpoint: string;
  /** @minItems 1 */
  predictors: Candidate[];
  /** Horizon in the endpoint's time unit (survival endpoints; default 3 years). */
  horizon?: number;
  /** Number of risk groups (default 10). @minimum 2 @maximum 50 */
  groups?: number;
}

/** Bootstrap internal validation (optimism-corrected C, calibration slope, Brier score), as rms::validate. */
export interface ValidationAnalysis {
  endpoint: string;
  /** @minItems 1 */
  predictors: Candidate[];
  /** Horizon of the Brier score in the endpoint's time unit (survival endpoints; default 3 years). */
  horizon?: number;
  /** Bootstrap replicates (default 200). @minimum 1 @maximum 100000 */
  bootstrap?: number;
  /** Seed of the resampling (default 1): the same seed gives the same result. @minimum 0 */
  seed?: number;
}

/** One model of a decision curve: its predictors (a Cox or logistic model), optionally named. */
export interface DecisionCurveModel {
  name?: string;
  /** @minItems 1 */
  predictors: Candidate[];
}

/** Decision curve analysis: net benefit of each model against treat-all and treat-none (Vickers & Elkin 2006; Vickers et al. 2008). */
export interface DecisionCurveAnalysis {
  endpoint: string;
  /** @minItems 1 */
  models: DecisionCurveModel[];
  /** Horizon in the endpoint's time unit (survival endpoints; default 3 years). */
  horizon?: number;
  /** Threshold probabilities (default 0.01, 0.02, …, 0.99), each strictly between 0 and 1. */
  thresholds?: number[];
}

/** A siilab study: data, variables, derivations, endpoints, cut-offs and analyses. */
export interface StudySpec {
  /** Specification format version. */
  version: 1;
  title?: string;
  /** @minItems 1 */
  sources: DataSource[];
  variables: VariableMap;
  /** Other columns to keep (covariates such as BMI or cancer type), by the name you want to use. */
  covariates?: { [name: string]: string | ColumnMapping };
  population?: Population;
  derived?: Derivation[];
  endpoints?: { [name: string]: Endpoint };
  /** Cut-offs by variable name. */
  cutoffs?: { [variable: string]: Cutoff };
  analyses?: Analyses;
}
