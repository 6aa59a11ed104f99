/**
 * Leave-one-out sensitivity analysis (Viechtbauer & Cheung 2010, Res Synth Methods 1:112–125), as
 * metafor's leave1out(rma): the model refitted k times, each time without one study, with the same
 * τ² method and test.
 *
 * Contract: k ≥ 2. Entry i is the fit without study i. Pure.
 *
 * @example
 * // metafor dat.bcg (log RR), REML: without study 1 the estimate is −0.707083784699262
 * leaveOneOut(bcg.yi, bcg.vi, { method: 'REML', test: 'z' })[0].b[0] // −0.70708378469…
 */
import { fitMetaModel } from './fitMetaModel.js';
import type { MetaFit, MetaOptions } from './types.js';

export function leaveOneOut(yi: Float64Array, vi: Float64Array, options: MetaOptions): readonly MetaFit[] {
  const k = yi.length;
  const out: MetaFit[] = [];
  if (k < 2) return out;
  const y = new Float64Array(k - 1);
  const v = new Float64Array(k - 1);
  for (let i = 0; i < k; i++) {
    for (let j = 0, m = 0; j < k; j++) {
      if (j === i) continue;
      y[m] = yi[j];
      v[m] = vi[j];
      m++;
    }
    const f = fitMetaModel(y.slice(), v.slice(), null, options);
    if (f) out.push(f);
  }
  return Object.freeze(out);
}
