/**
 * Input of the ROC figure, as a ROC engine (pROC-like) reports it. Points may be given as
 * {specificity, sensitivity} or as {fpr, tpr}; order does not matter.
 */
export type RocPoint =
  | { readonly specificity: number; readonly sensitivity: number }
  | { readonly fpr: number; readonly tpr: number };

export interface RocOptimalCutoff {
  readonly threshold: number;
  readonly sensitivity: number;
  readonly specificity: number;
}

export interface RocCurveData {
  readonly label: string;
  readonly auc: number;
  /** 95% confidence limits of the AUC; null when not computed. */
  readonly lower?: number | null;
  readonly upper?: number | null;
  readonly points: readonly RocPoint[];
  readonly optimal?: RocOptimalCutoff | null;
}

export interface RocFigureData {
  /** Accessible name (<title>). */
  readonly title: string;
  readonly description?: string;
  readonly curves: readonly RocCurveData[];
  /** Confidence level of lower/upper, for the legend header. Default 0.95. */
  readonly confLevel?: number;
}
