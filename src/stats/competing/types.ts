/**
 * Result types of the competing-risks engine (cumulative incidence, Gray's test, Fine–Gray).
 * Plain, immutable objects; scalars that can be undefined are `number | null`.
 */
import type { ModelTerm } from '../design/modelMatrix.js';
import type { CifTable } from './aalenJohansen.js';

export interface CifAt {
  readonly time: number;
  /** CIF at `time` (step function, as cmprsk's timepoints()). */
  readonly cif: number;
  readonly variance: number;
  readonly se: number;
  /** log(−log) pointwise CI (null where undefined: CIF 0 or 1). */
  readonly lower: number | null;
  readonly upper: number | null;
  /** Number at risk (follow-up ≥ time) in the group. */
  readonly nRisk: number;
}

export interface CifCurve {
  readonly group: string;
  /** The status code of the cause. */
  readonly cause: number;
  /** Patients in the group. */
  readonly n: number;
  /** Events of this cause in the group. */
  readonly events: number;
  readonly table: CifTable;
  readonly at: readonly CifAt[];
}

export interface GrayCauseTest {
  readonly cause: number;
  readonly chisq: number;
  readonly df: number;
  readonly p: number;
  readonly score: readonly number[];
}

export interface CumulativeIncidenceResult {
  readonly n: number;
  readonly nDropped: number;
  readonly causes: readonly number[];
  readonly groups: readonly string[];
  readonly censorValue: number;
  readonly confLevel: number;
  /** One curve per group × cause, groups outer. */
  readonly curves: readonly CifCurve[];
  /** Gray's test per cause (empty with one group). */
  readonly gray: readonly GrayCauseTest[];
  readonly warnings: readonly string[];
  /** Largest follow-up time per group. */
  readonly maxTime: readonly number[];
}

export interface FineGrayCoefficient {
  readonly term: string;
  readonly covariate: string;
  readonly level: string | null;
  readonly reference: string | null;
  readonly coef: number;
  /** Subdistribution hazard ratio exp(coef). */
  readonly shr: number;
  /** Robust (sandwich) standard error as cmprsk::crr. */
  readonly se: number;
  readonly z: number;
  readonly p: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface FineGrayResult {
  readonly n: number;
  readonly nDropped: number;
  /** Status code of the cause of interest. */
  readonly cause: number;
  readonly events: number;
  /** Events of the other causes. */
  readonly competing: number;
  readonly censored: number;
  readonly terms: readonly ModelTerm[];
  readonly coefficients: readonly FineGrayCoefficient[];
  readonly confLevel: number;
  /** Log pseudo-likelihood at 0 and at the estimate (crr's loglik). */
  readonly loglik: { readonly null: number; readonly model: number };
  readonly iterations: number;
  readonly converged: boolean;
  readonly warnings: readonly string[];
  /** Robust variance matrix. */
  readonly variance: readonly (readonly number[])[];
  /** Model-based variance (inverse information), as coxph on finegray() data without cluster. */
  readonly naiveVariance: readonly (readonly number[])[];
}
