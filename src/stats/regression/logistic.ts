/**
 * Binary logistic regression with an intercept, fitted by IRLS (Newton–Raphson; McCullagh & Nelder
 * 1989, §4.4), as R's glm(y ~ x1 + … + xp, family = binomial). This layer checks the input and
 * detects separation (Albert & Anderson 1984; src/stats/regression/separation.ts); the numeric core
 * is src/stats/regression/logisticIrls.ts and the labelled model with odds ratios, Hosmer–Lemeshow
 * and pseudo-R² is src/stats/regression/logitModel.ts.
 *
 * Aliased (collinear) columns get coefficient and SE NaN (R: NA) and are listed in `aliased`.
 * Under separation the fit is the last iterate (coefficients drifting to ±∞): `separation` says so
 * and callers must not report those coefficients as estimates.
 *
 * @example
 * const f = logisticRegression([new Float64Array([1, 2, 3, 4, 5, 6])], new Float64Array([0, 0, 1, 0, 1, 1]));
 * f.coefficients // Float64Array [-4.24909655…, 1.21402759…]; f.se // [3.38785…, 0.912586…]; f.deviance // 4.95597367…
 */
import { analysisError, dataError } from '../../errors.js';
import { logitMessages } from '../../messages/index.js';
import { logisticIrls, type IrlsOptions } from './logisticIrls.js';
import { detectSeparation, EXTREME_ETA, type Separation } from './separation.js';
import { cholesky } from '../linalg/cholesky.js';

/**
 * Singular columns (0 = intercept) of the unweighted cross-product [1 X]ᵀ[1 X]: true collinearity.
 * Columns are centred (the intercept aside) and scaled to unit sum of squares, so the test is on
 * correlations and does not depend on units; a pivot below 1e-10 means R² > 1 − 1e-10 against the
 * preceding columns.
 */
function crossProductSingular(columns: readonly Float64Array[]): number[] {
  const p = columns.length + 1;
  const n = columns.length ? columns[0].length : 0;
  const z: Float64Array[] = [Float64Array.from({ length: n }, () => 1 / Math.sqrt(n))];
  for (const c of columns) {
    let s = 0;
    for (let i = 0; i < n; i++) s += c[i];
    const m = s / n;
    const v = new Float64Array(n);
    let ss = 0;
    for (let i = 0; i < n; i++) {
      v[i] = c[i] - m;
      ss += v[i] * v[i];
    }
    const f = ss > 0 ? 1 / Math.sqrt(ss) : 0;
    for (let i = 0; i < n; i++) v[i] *= f;
    z.push(v);
  }
  const a = new Float64Array(p * p);
  for (let j = 0; j < p; j++)
    for (let k = 0; k <= j; k++) {
      let s = 0;
      const zj = z[j];
      const zk = z[k];
      for (let i = 0; i < n; i++) s += zj[i] * zk[i];
      a[j * p + k] = s;
      a[k * p + j] = s;
    }
  return [...cholesky(a, p, 1e-10).singular];
}

export type LogisticOptions = IrlsOptions;

export interface LogisticFit {
  readonly n: number;
  readonly events: number;
  /** Intercept first, then one per column (NaN for an aliased column). */
  readonly coefficients: Float64Array;
  /** Standard errors √diag((XᵀWX)⁻¹) (NaN for an aliased column). */
  readonly se: Float64Array;
  /** Covariance of the coefficients, row-major (p+1)². */
  readonly covariance: Float64Array;
  /** Predicted probabilities. */
  readonly fitted: Float64Array;
  readonly linearPredictor: Float64Array;
  readonly deviance: number;
  readonly nullDeviance: number;
  /** −2 log L + 2·(number of estimated coefficients). */
  readonly aic: number;
  /** Number of estimated (non-aliased) coefficients, intercept included. */
  readonly rank: number;
  readonly converged: boolean;
  readonly iterations: number;
  /** Indices (0 = intercept) of aliased coefficients. */
  readonly aliased: readonly number[];
  readonly separation: Separation | null;
  /** True when some fitted probability is numerically 0 or 1 (|η| > 30). */
  readonly fittedExtreme: boolean;
}

export function logisticRegression(columns: readonly Float64Array[], y: Float64Array, opts: LogisticOptions = {}): LogisticFit {
  const n = y.length;
  let events = 0;
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (v !== 0 && v !== 1) {
      if (!Number.isFinite(v)) throw dataError(logitMessages.notFinite('outcome', i + 1));
      throw dataError(logitMessages.outcomeNotBinary(i + 1, v));
    }
    events += v;
  }
  columns.forEach((c, k) => {
    if (c.length !== n) throw dataError(logitMessages.lengthMismatch(`covariate ${k + 1}`, c.length, n));
    for (let i = 0; i < n; i++) if (!Number.isFinite(c[i])) throw dataError(logitMessages.notFinite(`covariate ${k + 1}`, i + 1));
  });
  if (events === 0 || events === n) throw analysisError(logitMessages.oneClass(null, 'outcome', events === 0 ? 0 : 1, n));
  if (n <= columns.length + 1) throw analysisError(logitMessages.tooFewRows(n, columns.length + 1));
  return logisticFit(columns, y, events, opts);
}

/** The fit on checked input (no checks). */
export function logisticFit(columns: readonly Float64Array[], y: Float64Array, events: number, opts: LogisticOptions = {}): LogisticFit {
  const n = y.length;
  const r = logisticIrls(columns, y, opts);
  const p = columns.length + 1;
  const coefficients = Float64Array.from(r.beta);
  const se = new Float64Array(p);
  for (let j = 0; j < p; j++) se[j] = Math.sqrt(r.covariance[j * p + j]);
  // A singular information matrix XᵀWX is either collinearity (XᵀX singular too) or weights
  // collapsing to 0 because fitted probabilities reach 0 or 1 (separation).
  const aliased = r.aliased.length > 0 ? crossProductSingular(columns) : [];
  for (const j of aliased) {
    coefficients[j] = NaN;
    se[j] = NaN;
  }
  let fittedExtreme = false;
  for (let i = 0; i < n; i++)
    if (Math.abs(r.eta[i]) > EXTREME_ETA) {
      fittedExtreme = true;
      break;
    }
  let separation = detectSeparation(columns, y, r.lastStep, r.deviance);
  const collapsed = r.aliased.filter((j) => j > 0 && !aliased.includes(j));
  if (separation === null && collapsed.length > 0 && fittedExtreme)
    separation = Object.freeze({ kind: r.deviance < 1e-6 * n ? 'complete' : 'quasi', columns: Object.freeze(collapsed.map((j) => j - 1)) });
  const rank = p - aliased.length;
  return Object.freeze({
    n,
    events,
    coefficients,
    se,
    covariance: r.covariance,
    fitted: r.mu,
    linearPredictor: r.eta,
    deviance: r.deviance,
    nullDeviance: r.nullDeviance,
    aic: r.deviance + 2 * rank,
    rank,
    converged: r.converged,
    iterations: r.iterations,
    aliased,
    separation,
    fittedExtreme,
  });
}
