/**
 * The analysis-ready dataset: one row per patient, typed columns by variable name, and the
 * endpoints resolved to columns. The cohort layer (src/cohort, src/study) builds it from files and
 * a spec; the simulator and tests build it directly. NaN (numeric) and null (categorical) are
 * missing values; each analysis drops and counts its own.
 */
export type DatasetColumn =
  | {
      readonly kind: 'numeric';
      readonly values: Float64Array;
      /** The unit the values are in, as analysed. */
      readonly unit?: string | null;
      /** The declared unit when siilab converted the values from it, else absent/null. */
      readonly convertedFrom?: string | null;
      readonly label?: string;
    }
  | { readonly kind: 'categorical'; readonly values: readonly (string | null)[]; readonly levels?: readonly string[]; readonly label?: string };

export type DatasetEndpoint =
  | {
      readonly kind: 'survival';
      readonly time: Float64Array;
      readonly event: Float64Array;
      readonly unit: string;
      readonly label?: string;
      /** The event variables (for the competing-risks warning of Kaplan–Meier). */
      readonly events?: readonly string[];
    }
  | {
      readonly kind: 'competing';
      readonly time: Float64Array;
      /** 0 censored, 1 event of interest, 2 competing event (NaN missing). */
      readonly status: Float64Array;
      readonly unit: string;
      readonly label?: string;
      readonly events: readonly string[];
      readonly competing: readonly string[];
    }
  | { readonly kind: 'binary'; readonly values: Float64Array; readonly label?: string };

/** Counting-process rows (start, stop] for a Cox model with time-varying covariates (R tmerge). */
export interface TimeVaryingData {
  readonly patient: Int32Array;
  readonly start: Float64Array;
  readonly stop: Float64Array;
  readonly event: Float64Array;
  readonly covariates: Readonly<Record<string, Float64Array>>;
}

export interface AnalysisDataset {
  readonly n: number;
  readonly ids: readonly string[];
  readonly columns: ReadonlyMap<string, DatasetColumn>;
  readonly endpoints: ReadonlyMap<string, DatasetEndpoint>;
  /** Keyed by `endpoint:marker1,marker2`. */
  readonly timeVarying?: ReadonlyMap<string, TimeVaryingData>;
}

/** Display label of a variable (its declared label, else its name). */
export const labelOf = (ds: AnalysisDataset, name: string): string => ds.columns.get(name)?.label ?? name;
