/**
 * The coordinator's half of a distributed Newton–Raphson round for the Cox model stratified by
 * centre: the centres' log-likelihoods, score vectors and information matrices at the same β are
 * summed (the stratified partial likelihood is the product of the centres' partial likelihoods),
 * and the next β = β + I⁻¹U is proposed. The round is converged when the step is below
 * 1e-9·(1 + |β_j|) in every coordinate; SEs are √diag(I⁻¹) at β. Equals coxph(... + strata(site))
 * on the pooled rows when iterated to convergence from β = 0.
 *
 * @example
 * const r = newtonRound([stepA, stepB, stepC]);  // each from siilab site-step at the same β
 * r.next // the β to send to every centre; r.converged → r.beta, r.se are the estimates
 */
import { dataError } from '../errors.js';
import { metaMessages as M } from '../messages/meta.js';
import { cholesky } from '../stats/linalg/cholesky.js';
import { choleskyInverse } from '../stats/linalg/choleskyInverse.js';
import { SITE_STEP_FORMAT, type SiteStep } from './siteStep.js';

export interface NewtonRound {
  readonly analysis: string;
  readonly terms: readonly string[];
  readonly sites: readonly { readonly site: string; readonly n: number; readonly events: number }[];
  readonly beta: readonly number[];
  readonly loglik: number;
  readonly score: readonly number[];
  readonly se: readonly number[];
  readonly next: readonly number[];
  readonly converged: boolean;
}

export function newtonRound(steps: readonly { file: string; step: SiteStep }[]): NewtonRound {
  for (const { file, step } of steps) if (!step || step.format !== SITE_STEP_FORMAT) throw dataError(M.notStep(file));
  if (steps.length < 2) throw dataError(M.poolNeedsTwo(steps.length));
  const [f] = steps;
  const names = new Set<string>();
  for (const { file, step } of steps) {
    if (step.siilabVersion !== f.step.siilabVersion) throw dataError(M.bundleVersionsDiffer(f.file, f.step.siilabVersion, file, step.siilabVersion));
    if (step.specHash !== f.step.specHash) throw dataError(M.bundleSpecsDiffer(f.file, file, f.step.specHash, step.specHash));
    if (step.analysis !== f.step.analysis) throw dataError(M.stepsDiffer(f.file, file, 'analyses'));
    if (step.terms.join('\u0000') !== f.step.terms.join('\u0000')) throw dataError(M.stepsDiffer(f.file, file, 'model terms'));
    if (step.beta.some((b, j) => b !== f.step.beta[j])) throw dataError(M.stepsDiffer(f.file, file, 'β'));
    if (names.has(step.site)) throw dataError(M.bundleSiteTwice(step.site, f.file, file));
    names.add(step.site);
  }
  const p = f.step.terms.length;
  const U = new Float64Array(p);
  const I = new Float64Array(p * p);
  let loglik = 0;
  for (const { step } of steps) {
    loglik += step.loglik;
    for (let j = 0; j < p; j++) {
      U[j] += step.score[j];
      for (let k = 0; k < p; k++) I[j * p + k] += step.information[j][k];
    }
  }
  const inv = choleskyInverse(cholesky(I, p));
  const delta = Array.from({ length: p }, (_, j) => { let s = 0; for (let k = 0; k < p; k++) s += inv[j * p + k] * U[k]; return s; });
  const beta = f.step.beta;
  const next = beta.map((b, j) => b + delta[j]);
  return {
    analysis: f.step.analysis,
    terms: f.step.terms,
    sites: steps.map((s) => ({ site: s.step.site, n: s.step.n, events: s.step.events })),
    beta,
    loglik,
    score: Array.from(U),
    se: Array.from({ length: p }, (_, j) => Math.sqrt(inv[j * p + j])),
    next,
    converged: delta.every((d, j) => Math.abs(d) < 1e-9 * (1 + Math.abs(beta[j]))),
  };
}
