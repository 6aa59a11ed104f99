/**
 * The Cox partial log-likelihood, score vector U(β) and information matrix I(β) at a given β
 * (Efron or Breslow ties; one stratum per call), in the model's own units: what one centre returns
 * in a distributed Newton–Raphson round. Summed over centres they are the log-likelihood and
 * derivatives of the Cox model stratified by centre (each centre its own baseline hazard and risk
 * sets), so iterating β ← β + I⁻¹U on the sums converges to coxph(... + strata(site)) on the
 * pooled rows without pooling them.
 *
 * The engine (src/stats/survival/cox/partialLikelihood.ts) works on centred columns scaled by
 * s_j; with β_s = β/s, U_j = U_s,j/s_j and I_jk = I_s,jk/(s_j·s_k) (centring changes nothing).
 * Rows with a missing time, event or covariate are dropped, as coxph does.
 *
 * @example
 * // times 1..5, events 1,1,1,0,1, x = 1,0,1,0,0 at β = 0: loglik −log(5·4·3·1), U = 61/60, I = 2339/3600
 * coxScoreAt({ time, event, covariates: [{ name: 'x', kind: 'numeric', values: x }] }, [0])
 * // { loglik: −4.0943445622221, score: [1.01666…], information: [[0.64972…]] }
 */
import { modelMatrix, type CovariateValues } from '../stats/design/modelMatrix.js';
import { coxSortedData } from '../stats/survival/cox/sortedData.js';
import { coxDerivatives } from '../stats/survival/cox/partialLikelihood.js';
import type { CoxInput } from '../stats/survival/cox/types.js';
import { gather } from '../stats/gather.js';

export interface CoxScore {
  readonly terms: readonly string[];
  readonly n: number;
  readonly events: number;
  readonly loglik: number;
  readonly score: readonly number[];
  readonly information: readonly (readonly number[])[];
}

export function coxScoreAt(input: Pick<CoxInput, 'time' | 'event' | 'covariates' | 'ties'>, beta: readonly number[]): CoxScore {
  const n0 = input.time.length;
  const keep: number[] = [];
  for (let i = 0; i < n0; i++) {
    if (!Number.isFinite(input.time[i]) || !Number.isFinite(input.event[i])) continue;
    if (input.covariates.some((c) => (c.kind === 'categorical' ? c.values[i] === null : !Number.isFinite(c.values[i])))) continue;
    keep.push(i);
  }
  const n = keep.length;
  const stop = gather(input.time, keep);
  const event = Uint8Array.from(keep, (i) => input.event[i]);
  const covs: CovariateValues[] = input.covariates.map((c) =>
    c.kind === 'categorical' ? { name: c.name, kind: 'categorical', values: keep.map((i) => c.values[i] as string) } : { name: c.name, kind: 'numeric', values: gather(c.values, keep) });
  const mm = modelMatrix(covs);
  const p = mm.terms.length;
  const d = coxSortedData({ stop, start: null, event, columns: mm.columns, strata: null, nStrata: 1 });
  const bs = Float64Array.from({ length: p }, (_, j) => (beta[j] ?? 0) / d.scale[j]);
  const u = new Float64Array(p);
  const imat = new Float64Array(p * p);
  const loglik = coxDerivatives(d, bs, (input.ties ?? 'efron') === 'efron', u, imat, new Float64Array(0));
  return {
    terms: mm.terms.map((t) => t.term),
    n,
    events: event.reduce((s, e) => s + e, 0),
    loglik,
    score: Array.from(u, (x, j) => x / d.scale[j]),
    information: Array.from({ length: p }, (_, j) => Array.from({ length: p }, (_, k) => imat[j * p + k] / (d.scale[j] * d.scale[k]))),
  };
}
