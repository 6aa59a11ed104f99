/**
 * Numeric core of binary logistic regression: maximum likelihood by Newton–Raphson, which for the
 * canonical logit link is iteratively reweighted least squares (Nelder & Wedderburn 1972; McCullagh
 * & Nelder, Generalized Linear Models, 2nd ed., 1989, §2.5 and §4.4):
 *
 *   μ_i = 1/(1+e^{−η_i}),  w_i = μ_i(1−μ_i),  β ← β + (XᵀWX)⁻¹ Xᵀ(y − μ),
 *   deviance D = −2 Σ [y_i η_i − log(1+e^{η_i})]   (0/1 outcome; saturated log-likelihood 0).
 *
 * Contract (checks nothing): `x` are the p covariate columns (the intercept is added here as
 * column 0), each of length n; y is 0/1 with both classes present; no NaN. Start: β = (logit ȳ, 0,…),
 * the null-model MLE, so the first deviance is the null deviance. Convergence as R's glm.fit:
 * |D − D_old| / (|D| + 0.1) < epsilon (default 1e-10, tighter than R's 1e-8); step halving when the
 * deviance increases. XᵀWX is accumulated row by row into a (p+1)² scratch array without any
 * per-row allocation; O(n·p²) per iteration. Singular directions of XᵀWX (collinear columns) are
 * reported in `aliased` and their coefficients stay 0 (src/stats/linalg/cholesky.ts).
 *
 * @example
 * const r = logisticIrls([new Float64Array([1, 2, 3, 4, 5, 6])], new Float64Array([0, 0, 1, 0, 1, 1]));
 * r.beta // Float64Array [-4.3578…, 1.2450…]  (R: glm(y ~ x, binomial))
 */
import { cholesky, type CholeskyFactor } from '../linalg/cholesky.js';
import { choleskySolve } from '../linalg/choleskySolve.js';
import { choleskyInverse } from '../linalg/choleskyInverse.js';

export interface IrlsOptions {
  readonly epsilon?: number;
  readonly maxIterations?: number;
}

export interface IrlsResult {
  /** Intercept first, then one per column of x. */
  readonly beta: Float64Array;
  /** Covariance matrix (XᵀWX)⁻¹ at β, row-major (p+1)². */
  readonly covariance: Float64Array;
  readonly eta: Float64Array;
  readonly mu: Float64Array;
  readonly deviance: number;
  readonly nullDeviance: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** β change of the last Newton step (the direction of divergence under separation). */
  readonly lastStep: Float64Array;
  /** Indices (0 = intercept) of aliased (collinear) coefficients. */
  readonly aliased: readonly number[];
}

/** log(1 + e^η) without overflow. */
function softplus(eta: number): number {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}

export function logisticIrls(x: readonly Float64Array[], y: Float64Array, opts: IrlsOptions = {}): IrlsResult {
  const epsilon = opts.epsilon ?? 1e-10;
  const maxit = opts.maxIterations ?? 25;
  const n = y.length;
  const q = x.length;
  const p = q + 1;
  let events = 0;
  for (let i = 0; i < n; i++) events += y[i];
  const ybar = events / n;
  const beta = new Float64Array(p);
  beta[0] = Math.log(ybar / (1 - ybar));
  const nullDeviance = -2 * (events * Math.log(ybar) + (n - events) * Math.log1p(-ybar));

  const eta = new Float64Array(n);
  const h = new Float64Array(p * p);
  const g = new Float64Array(p);
  const xi = new Float64Array(p);
  xi[0] = 1;

  /** η for β; returns the deviance. */
  const linear = (b: Float64Array): number => {
    let dev = 0;
    for (let i = 0; i < n; i++) {
      let e = b[0];
      for (let k = 0; k < q; k++) e += b[k + 1] * x[k][i];
      eta[i] = e;
      dev += softplus(e) - y[i] * e;
    }
    return 2 * dev;
  };
  /** Gradient Xᵀ(y−μ) and information XᵀWX at the current η (lower triangle, then mirrored). */
  const information = (): void => {
    h.fill(0);
    g.fill(0);
    for (let i = 0; i < n; i++) {
      const e = eta[i];
      const a = Math.exp(-Math.abs(e));
      const m = e >= 0 ? 1 / (1 + a) : a / (1 + a);
      const w = a / ((1 + a) * (1 + a));
      const r = y[i] - m;
      for (let k = 0; k < q; k++) xi[k + 1] = x[k][i];
      for (let j = 0; j < p; j++) {
        const wx = w * xi[j];
        g[j] += r * xi[j];
        const row = j * p;
        for (let k = 0; k <= j; k++) h[row + k] += wx * xi[k];
      }
    }
    for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) h[k * p + j] = h[j * p + k];
  };

  let dev = linear(beta);
  let converged = false;
  let iterations = 0;
  let factor: CholeskyFactor = cholesky(new Float64Array([1]), 1);
  const lastStep = new Float64Array(p);
  const trial = new Float64Array(p);
  for (let it = 1; it <= maxit; it++) {
    information();
    factor = cholesky(h, p);
    const step = choleskySolve(factor, g);
    for (let j = 0; j < p; j++) trial[j] = beta[j] + step[j];
    let newDev = linear(trial);
    let half = 0;
    while (!(newDev <= dev * (1 + 1e-12) + 1e-12) && half < 30) {
      for (let j = 0; j < p; j++) {
        step[j] /= 2;
        trial[j] = beta[j] + step[j];
      }
      newDev = linear(trial);
      half++;
    }
    iterations = it;
    lastStep.set(step);
    beta.set(trial);
    const change = Math.abs(newDev - dev) / (Math.abs(newDev) + 0.1);
    dev = newDev;
    if (change < epsilon) {
      converged = true;
      break;
    }
  }
  // information at the final β (η already holds it)
  information();
  factor = cholesky(h, p);
  const covariance = choleskyInverse(factor);
  const mu = new Float64Array(n);
  for (let i = 0; i < n; i++) mu[i] = 1 / (1 + Math.exp(-eta[i]));
  return {
    beta,
    covariance,
    eta,
    mu,
    deviance: dev,
    nullDeviance,
    iterations,
    converged,
    lastStep,
    aliased: factor.singular,
  };
}
