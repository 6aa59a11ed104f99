/**
 * Shared types of the meta-analysis engine (src/stats/meta/): effect sizes on an additive scale
 * (log hazard ratio, log odds ratio, log risk ratio, …) with their sampling variances, the
 * between-study variance estimators, and the test used for the pooled coefficients.
 */

/** τ² estimator: 'FE' is the inverse-variance fixed-effect (equal-effects) model, τ² = 0. */
export type Tau2Method = 'FE' | 'DL' | 'REML' | 'PM';
export const TAU2_METHODS: readonly Tau2Method[] = ['FE', 'DL', 'REML', 'PM'];

/** 'z': Wald tests and intervals from the normal distribution (metafor's default);
 *  'knha': Hartung–Knapp–Sidik–Jonkman, t with k − p df and the adjusted SE. */
export type MetaTest = 'z' | 'knha';

export interface MetaOptions {
  readonly method: Tau2Method;
  readonly test: MetaTest;
  /** Confidence level of intervals. Default 0.95. */
  readonly level?: number;
}

/** REML stops when |Δτ²| < REML_TOLERANCE (Fisher scoring), at most REML_MAX_ITER steps. */
export const REML_TOLERANCE = 1e-12;
export const REML_MAX_ITER = 10000;

/** One fitted (mixed-effects) model with p = 1 (intercept) or p = 2 (intercept + moderator) coefficients. */
export interface MetaFit {
  readonly method: Tau2Method;
  readonly test: MetaTest;
  readonly level: number;
  readonly k: number;
  readonly p: number;
  /** Coefficients (intercept first). */
  readonly b: readonly number[];
  /** Standard errors (Hartung–Knapp adjusted under test 'knha'). */
  readonly se: readonly number[];
  /** z or t statistics, two-sided P values and CI limits per coefficient. */
  readonly stat: readonly number[];
  readonly pValue: readonly number[];
  readonly ciLower: readonly number[];
  readonly ciUpper: readonly number[];
  /** Degrees of freedom of the t distribution under 'knha' (k − p), else null. */
  readonly df: number | null;
  readonly tau2: number;
  /** SE of τ² (REML only: √(2 / tr(P²)) at the estimate), else null. */
  readonly seTau2: number | null;
  /** Iterations used by REML / PM (0 for closed forms). */
  readonly iterations: number;
  /** Cochran's Q (residual heterogeneity with fixed-effect weights 1/vᵢ), its df k − p and P. */
  readonly Q: number;
  readonly Qdf: number;
  readonly Qp: number;
  /** I² (%) and H²: from Q for the FE model, from τ² and the typical within-study variance otherwise. */
  readonly I2: number;
  readonly H2: number;
  /** Typical within-study variance (k − p) / tr(P_FE) (Higgins & Thompson 2002). */
  readonly typicalVariance: number;
  /** Weights 1/(vᵢ + τ²) and their percentage share. */
  readonly weights: Float64Array;
  readonly weightPercent: Float64Array;
  /** Hartung–Knapp scale factor s² = Σ wᵢ eᵢ² / (k − p) (1 under 'z'). */
  readonly knhaScale: number;
}
