/**
 * The analysis-ready dataset `loadStudy` returns: one entry per analysed patient in every column
 * (typed arrays; NaN or null = missing), the endpoints, the repeated measurements in long form and
 * counting-process rows for Cox models with time-varying covariates. Dates are days since
 * 1970-01-01; measurement times are days since the patient's time origin.
 */
import type { Duration, TimeUnit, ValueType } from '../study/types.js';
import type { CountingProcessRows } from './countingProcess.js';

export type DatasetColumn =
  | {
      readonly name: string;
      readonly kind: 'number';
      readonly type: ValueType;
      readonly values: Float64Array;
      /** The unit the values are in, as analysed. */
      readonly unit: string | null;
      /** The declared unit when siilab converted the values from it, else null. */
      readonly convertedFrom: string | null;
    }
  | { readonly name: string; readonly kind: 'binary'; readonly type: 'binary'; readonly values: Float64Array }
  | { readonly name: string; readonly kind: 'date'; readonly type: 'date'; readonly values: Float64Array }
  | { readonly name: string; readonly kind: 'label'; readonly type: ValueType; readonly values: readonly (string | null)[]; readonly levels: readonly string[] };

export interface SurvivalEndpointData {
  readonly name: string;
  readonly type: 'survival';
  readonly time: Float64Array;
  /** 1 event, 0 censored. */
  readonly event: Float64Array;
  readonly unit: TimeUnit;
  readonly horizon: Duration | null;
  /** The event variables (several: a composite endpoint). */
  readonly events?: readonly string[];
}

/** A competing-risks endpoint: follow-up time and status 0 censored, 1 event of interest, 2 competing event. */
export interface CompetingEndpointData {
  readonly name: string;
  readonly type: 'competing';
  readonly time: Float64Array;
  readonly status: Float64Array;
  readonly unit: TimeUnit;
  readonly horizon: Duration | null;
  readonly events: readonly string[];
  readonly competing: readonly string[];
}

export interface BinaryEndpointData {
  readonly name: string;
  readonly type: 'binary';
  /** 1 event (within the horizon), 0 not. */
  readonly value: Float64Array;
  readonly within: Duration | null;
}

export type EndpointData = SurvivalEndpointData | BinaryEndpointData | CompetingEndpointData;

export interface Measurements {
  /** Patient index (into `ids`) of each blood draw. */
  readonly patient: Int32Array;
  /** Days since 1970 (NaN undated). */
  readonly date: Float64Array;
  /** Days since the patient's time origin (NaN when undated or no origin). */
  readonly day: Float64Array;
  /** Each measured variable and per-draw index (NaN = not measured at this draw). */
  readonly values: Readonly<Record<string, Float64Array>>;
}

export interface TimeVaryingRows extends CountingProcessRows {
  readonly endpoint: string;
  readonly unit: TimeUnit;
}

export interface Dataset {
  readonly n: number;
  readonly ids: readonly string[];
  readonly columns: Readonly<Record<string, DatasetColumn>>;
  readonly endpoints: Readonly<Record<string, EndpointData>>;
  readonly measurements: Measurements;
  /** Keyed by `endpoint:marker1,marker2` for each Cox analysis with `timeVarying`. */
  readonly timeVarying: Readonly<Record<string, TimeVaryingRows>>;
}
