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
 * deviance increases. Each iteration is one pass over the rows in cache-sized blocks: η, μ, the
 * deviance, Xᵀ(y−μ) and XᵀWX together, every sum a scalar accumulator over the block, with no
 * per-row allocation; O(n·p²) per iteration. Singular directions of XᵀWX (collinear columns) are
 * reported in `aliased` and their coefficients stay 0 (src/stats/linalg/cholesky.ts).
 *
 * @example
 * const r = logisticIrls([new Float64Array([1, 2, 3, 4, 5, 6])], new Float64Array([0, 0, 1, 0, 1, 1]));
 * r.beta // Float64Array [-4.24909655…, 1.21402759…]  (R: glm(y ~ x, binomial))
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
  const mu = new Float64Array(n);
  const h = new Float64Array(p * p);
  const g = new Float64Array(p);
  // per-block scratch: rows are processed in blocks that stay in cache, and every sum over rows is a
  // simple loop with a scalar accumulator (no per-row allocation, no stores into H per row)
  const B = 2048;
  const wb = new Float64Array(B);
  const rb = new Float64Array(B);
  const wxb = new Float64Array(B);

  /**
   * One pass at β: η, the deviance, μ, the gradient Xᵀ(y−μ) and the information XᵀWX (lower
   * triangle, then mirrored). Evaluating a trial β this way leaves g and H ready for the next Newton
   * step, so a fit costs (iterations + 1) passes over the data.
   */
  const evaluate = (b: Float64Array): number => {
    h.fill(0);
    g.fill(0);
    let dev = 0;
    for (let start = 0; start < n; start += B) {
      const len = Math.min(B, n - start);
      for (let i = 0; i < len; i++) eta[start + i] = b[0];
      for (let k = 0; k < q; k++) {
        const c = x[k];
        const bk = b[k + 1];
        for (let i = 0; i < len; i++) eta[start + i] += bk * c[start + i];
      }
      let sw = 0;
      let sr = 0;
      // Σ log(1 + e^{−|η|}) as the log of running products of (1 + e^{−|η|}) ∈ [1, 2], flushed every
      // 512 rows (product ≤ 2⁵¹²; relative rounding ≤ 512·ε per flush): one log per 512 rows.
      let prod = 1;
      for (let i = 0; i < len; i++) {
        const e = eta[start + i];
        const a = Math.exp(-Math.abs(e));
        const yi = y[start + i];
        // log(1 + e^η) − yη = max(η, 0) + log(1 + e^{−|η|}) − yη
        dev += (e > 0 ? e : 0) - yi * e;
        const opa = 1 + a;
        prod *= opa;
        if ((i & 511) === 511) {
          dev += Math.log(prod);
          prod = 1;
        }
        const inv = 1 / opa;
        const m = e >= 0 ? inv : a * inv;
        mu[start + i] = m;
        const w = a * inv * inv;
        wb[i] = w;
        rb[i] = yi - m;
        sw += w;
        sr += yi - m;
      }
      dev += Math.log(prod);
      h[0] += sw;
      g[0] += sr;
      for (let j = 0; j < q; j++) {
        const cj = x[j];
        let gr = 0;
        let hw = 0;
        for (let i = 0; i < len; i++) {
          const v = cj[start + i];
          gr += rb[i] * v;
          const wx = wb[i] * v;
          wxb[i] = wx;
          hw += wx;
        }
        const row = (j + 1) * p;
        g[j + 1] += gr;
        h[row] += hw;
        for (let k = 0; k <= j; k++) {
          const ck = x[k];
          let s = 0;
          for (let i = 0; i < len; i++) s += wxb[i] * ck[start + i];
          h[row + k + 1] += s;
        }
      }
    }
    for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) h[k * p + j] = h[j * p + k];
    return 2 * dev;
  };

  // Jacobi scaling: the information matrix is factorised as D·C·D with C of unit diagonal, so the
  // solve and the singularity test do not depend on the units of the covariates (a covariate in
  // platelets per litre, ~1e11, next to a rare 0/1 indicator must not look singular).
  const scale = new Float64Array(p);
  const hs = new Float64Array(p * p);
  const gs = new Float64Array(p);
  const factorScaled = (): CholeskyFactor => {
    for (let j = 0; j < p; j++) {
      const d = h[j * p + j];
      scale[j] = d > 0 && Number.isFinite(d) ? 1 / Math.sqrt(d) : 0;
    }
    for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) hs[j * p + k] = h[j * p + k] * scale[j] * scale[k];
    return cholesky(hs, p);
  };
  const newtonStep = (f: CholeskyFactor): Float64Array => {
    for (let j = 0; j < p; j++) gs[j] = g[j] * scale[j];
    const z = choleskySolve(f, gs);
    for (let j = 0; j < p; j++) z[j] *= scale[j];
    return z;
  };

  let dev = evaluate(beta);
  let converged = false;
  let iterations = 0;
  let factor: CholeskyFactor = factorScaled();
  const lastStep = new Float64Array(p);
  const trial = new Float64Array(p);
  for (let it = 1; it <= maxit; it++) {
    const step = newtonStep(factor);
    for (let j = 0; j < p; j++) trial[j] = beta[j] + step[j];
    let newDev = evaluate(trial);
    let half = 0;
    // halve only on a real increase: sums over 10⁶ rows carry ~1e-10 relative rounding noise
    while (!(newDev <= dev + 1e-9 * (Math.abs(dev) + 0.1)) && half < 30) {
      for (let j = 0; j < p; j++) {
        step[j] /= 2;
        trial[j] = beta[j] + step[j];
      }
      newDev = evaluate(trial);
      half++;
    }
    iterations = it;
    lastStep.set(step);
    beta.set(trial);
    // g and H now hold the gradient and information at the new β
    factor = factorScaled();
    const change = Math.abs(newDev - dev) / (Math.abs(newDev) + 0.1);
    dev = newDev;
    if (change < epsilon) {
      converged = true;
      break;
    }
  }
  const inv = choleskyInverse(factor);
  const covariance = new Float64Array(p * p);
  for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) covariance[j * p + k] = inv[j * p + k] * scale[j] * scale[k];
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
