/**
 * Input and result types of bootstrap internal validation (Harrell, Lee & Mark 1996; Efron &
 * Tibshirani 1993, §17.6). Inputs are plain typed arrays so that they can be posted to worker
 * threads (structured clone) unchanged.
 */
export interface CoxValidationData {
  readonly kind: 'cox';
  readonly time: Float64Array;
  readonly event: Uint8Array;
  /** Model-matrix columns (numeric terms and 0/1 indicators), complete cases only. */
  readonly columns: readonly Float64Array[];
  readonly termNames: readonly string[];
  /** Horizon of the Brier score (null: no Brier score). */
  readonly horizon: number | null;
  readonly ties: 'efron' | 'breslow';
}

export interface LogisticValidationData {
  readonly kind: 'logistic';
  /** 0/1 outcome. */
  readonly y: Float64Array;
  readonly columns: readonly Float64Array[];
  readonly termNames: readonly string[];
}

export type ValidationData = CoxValidationData | LogisticValidationData;

/** The performance indexes of one model on one data set. */
export interface ValidationIndexes {
  /** Harrell's C (Cox) or the AUC (logistic). */
  readonly c: number;
  /** Calibration slope (1 by definition on the data the model was fitted on, as rms). */
  readonly slope: number;
  /** Brier score at the horizon (IPCW; logistic: mean squared error); null without a horizon. */
  readonly brier: number | null;
}

export type ReplicateOutcome =
  | { readonly ok: true; readonly train: ValidationIndexes; readonly test: ValidationIndexes }
  | { readonly ok: false; readonly reason: string };

export interface IndexSummary {
  readonly apparent: number;
  /** Mean over successful replicates on the bootstrap sample. */
  readonly training: number;
  /** Mean over successful replicates on the original data. */
  readonly test: number;
  /** mean(training − test). */
  readonly optimism: number;
  /** apparent − optimism. */
  readonly corrected: number;
  /** Monte Carlo standard error of the optimism: sd(training − test)/√B. */
  readonly mcSe: number;
}

export interface BootstrapValidationResult {
  readonly model: 'cox' | 'logistic';
  readonly n: number;
  readonly events: number;
  readonly horizon: number | null;
  readonly terms: readonly string[];
  /** Replicates requested. */
  readonly requested: number;
  readonly successful: number;
  readonly failed: number;
  readonly failures: readonly { readonly reason: string; readonly count: number }[];
  readonly seed: number;
  readonly c: IndexSummary;
  /** Somers' Dxy = 2(C − 0.5), as rms::validate reports. */
  readonly dxy: IndexSummary;
  readonly slope: IndexSummary;
  readonly brier: IndexSummary | null;
}
