/**
 * Duval & Tweedie's trim-and-fill (Duval & Tweedie 2000, Biometrics 56:455–463 and JASA
 * 95:89–98) with the L0 estimator of the number of missing studies:
 * orient the effects so that the suppressed studies would lie on the left (the side from the sign
 * of Egger's slope, as metafor's default: a negative slope — smaller studies with smaller effects
 * — puts the missing studies on the right); then iterate: fit the model without the k0 most
 * extreme studies on the right, rank |yᵢ − μ̂| over all k studies, Tₙ = the rank sum of the
 * studies above μ̂, L0 = (4Tₙ − k(k + 1)) / (2k − 1), k0 = max(0, round(L0)), until k0 repeats.
 * The k0 most extreme studies are mirrored about the trimmed μ̂ (2μ̂ − yᵢ, same vᵢ) and the model
 * is refitted on the k + k0 studies with the same τ² method and test. A sensitivity analysis for
 * one selection mechanism, not a corrected estimate.
 *
 * Contract: k ≥ 3, intercept-only model. Pure.
 *
 * @example
 * // metafor dat.bcg (log RR), FE: trimfill() k0 = 4 on the right, estimate −0.291025992106353
 * trimAndFill(bcg.yi, bcg.vi, { method: 'FE', test: 'z' }) // { k0: 4, side: 'right', fit: { b: [−0.29102599…] … } … }
 */
import { fitMetaModel } from './fitMetaModel.js';
import type { MetaFit, MetaOptions } from './types.js';
import { gather } from '../gather.js';

export interface TrimAndFillResult {
  readonly k0: number;
  readonly side: 'left' | 'right';
  /** The filled (imputed) studies' effects and variances. */
  readonly filledYi: readonly number[];
  readonly filledVi: readonly number[];
  /** The model on observed + filled studies. */
  readonly fit: MetaFit;
  readonly iterations: number;
}

/** Average ranks (1-based) of x, ties sharing the mean rank. */
function ranks(x: Float64Array): Float64Array {
  const n = x.length;
  const ord = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b]);
  const r = new Float64Array(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && x[ord[j + 1]] === x[ord[i]]) j++;
    const avg = (i + j + 2) / 2;
    for (let m = i; m <= j; m++) r[ord[m]] = avg;
    i = j + 1;
  }
  return r;
}

/** R's round(): half to even. */
function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

export function trimAndFill(yi: Float64Array, vi: Float64Array, options: MetaOptions, maxIter = 100): TrimAndFillResult | null {
  const k = yi.length;
  if (k < 3) return null;
  const egger = fitMetaModel(yi, vi, Float64Array.from(vi, Math.sqrt), { ...options, test: 'z' });
  if (!egger) return null;
  const side: 'left' | 'right' = egger.b[1] < 0 ? 'right' : 'left';
  const sign = side === 'left' ? 1 : -1;
  const y = Float64Array.from(yi, (v) => sign * v);
  // studies ordered by oriented effect, largest last
  const ord = Array.from({ length: k }, (_, i) => i).sort((a, b) => y[a] - y[b] || vi[b] - vi[a]);
  let k0 = 0;
  let prev = -1;
  let mu = 0;
  let it = 0;
  while (it < maxIter && k0 !== prev) {
    it++;
    prev = k0;
    const keep = ord.slice(0, k - k0);
    const f = fitMetaModel(gather(y, keep), gather(vi, keep), null, { ...options, test: 'z' });
    if (!f) return null;
    mu = f.b[0];
    const dev = Float64Array.from(y, (v) => v - mu);
    const r = ranks(Float64Array.from(dev, Math.abs));
    let T = 0;
    for (let i = 0; i < k; i++) if (dev[i] > 0) T += r[i];
    const L0 = (4 * T - k * (k + 1)) / (2 * k - 1);
    k0 = Math.max(0, roundHalfEven(L0));
    if (k0 >= k) k0 = k - 1;
  }
  const filled = ord.slice(k - k0);
  const filledYi = filled.map((i) => sign * (2 * mu - y[i]));
  const filledVi = filled.map((i) => vi[i]);
  const yAll = Float64Array.from([...yi, ...filledYi]);
  const vAll = Float64Array.from([...vi, ...filledVi]);
  const fit = fitMetaModel(yAll, vAll, null, options);
  if (!fit) return null;
  return Object.freeze({ k0, side, filledYi, filledVi, fit, iterations: it });
}
