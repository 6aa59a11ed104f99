/**
 * Numeric core: Newton–Raphson maximisation of the Cox partial likelihood with step halving and
 * the convergence rule R's coxph documents (coxph.control): start at β = 0, stop when the relative
 * change of the log-likelihood |1 − ℓ_old/ℓ_new| ≤ eps (1e-9) or after maxIter (20) iterations; a
 * step that lowers the log-likelihood is halved towards the last accepted β. Singular directions of
 * the information matrix (pivot ≤ tolerChol × largest diagonal, Cholesky) are not moved.
 *
 * Contract: `evaluate(β, u, imat)` fills the score and information at β and returns the
 * log-likelihood (the caller's numeric core); nothing here checks data. The score test
 * uᵀI⁻¹u at β = 0 is computed from the first evaluation. Returns the last evaluated β together
 * with the score and information at that β.
 *
 * @example
 * // ℓ(b) = −(b − 3)² − 1: one Newton step reaches 3, the second evaluation confirms convergence
 * const r = newtonRaphson((b, u, imat) => { u[0] = -2 * (b[0] - 3); imat[0] = 2; return -((b[0] - 3) ** 2) - 1; }, 1,
 *   { eps: 1e-9, maxIter: 20, tolerChol: 1e-12 });
 * [r.beta[0], r.iterations, r.loglik, r.score] // [3, 2, -1, 18]
 */
import { cholesky, type CholeskyFactor } from '../../linalg/cholesky.js';
import { choleskySolve } from '../../linalg/choleskySolve.js';

export interface NewtonOptions {
  readonly eps: number;
  readonly maxIter: number;
  readonly tolerChol: number;
  /**
   * Starting β (default 0), e.g. a nearby fit's estimate to save iterations when refitting many
   * resamples. With a start other than 0, `loglikNull`, `score` and `singularAtStart` refer to the
   * start, not to β = 0.
   */
  readonly init?: Float64Array;
}

export interface NewtonResult {
  readonly beta: Float64Array;
  readonly loglikNull: number;
  readonly loglik: number;
  /** Score test statistic uᵀI⁻¹u at β = 0. */
  readonly score: number;
  /** Columns that were singular in the information at β = 0. */
  readonly singularAtStart: readonly number[];
  /** Score and information at the returned β. */
  readonly u: Float64Array;
  readonly imat: Float64Array;
  readonly factor: CholeskyFactor;
  readonly iterations: number;
  readonly converged: boolean;
}

export type CoxEvaluate = (beta: Float64Array, u: Float64Array, imat: Float64Array) => number;

export function newtonRaphson(evaluate: CoxEvaluate, p: number, opts: NewtonOptions): NewtonResult {
  const beta = opts.init ? Float64Array.from(opts.init) : new Float64Array(p);
  const u = new Float64Array(p);
  const imat = new Float64Array(p * p);
  const loglikNull = evaluate(beta, u, imat);
  let factor = cholesky(imat, p, opts.tolerChol);
  const singularAtStart = factor.singular;
  let step = choleskySolve(factor, u);
  let score = 0;
  for (let j = 0; j < p; j++) score += u[j] * step[j];
  if (opts.maxIter === 0 || p === 0)
    return { beta, loglikNull, loglik: loglikNull, score, singularAtStart, u, imat, factor, iterations: 0, converged: true };

  let loglik = loglikNull;
  const newBeta = new Float64Array(p);
  for (let j = 0; j < p; j++) newBeta[j] = beta[j] + step[j];
  let newLik = loglik;
  let converged = false;
  let iter = 0;
  while (iter < opts.maxIter) {
    iter++;
    newLik = evaluate(newBeta, u, imat);
    const finite = Number.isFinite(newLik);
    if (finite && Math.abs(1 - loglik / newLik) <= opts.eps) {
      converged = true;
      break;
    }
    if (iter === opts.maxIter) break;
    if (!finite || newLik < loglik) {
      for (let j = 0; j < p; j++) newBeta[j] = (newBeta[j] + beta[j]) / 2; // step halving
    } else {
      loglik = newLik;
      beta.set(newBeta);
      factor = cholesky(imat, p, opts.tolerChol);
      step = choleskySolve(factor, u);
      for (let j = 0; j < p; j++) newBeta[j] = beta[j] + step[j];
    }
  }
  factor = cholesky(imat, p, opts.tolerChol);
  return { beta: newBeta, loglikNull, loglik: newLik, score, singularAtStart, u, imat, factor, iterations: iter, converged };
}
