import { describe, expect, it } from 'vitest';
import { allocTimeDetail, coxDerivatives } from '../../../../src/stats/survival/cox/partialLikelihood.js';
import { coxSortedData } from '../../../../src/stats/survival/cox/sortedData.js';

// The right-censored path (sums formed one quantity at a time) against the row walk of the
// counting-process path, given the same rows as (−∞, stop] intervals: the same additions in the
// same order, so the same bits.
describe('coxDerivatives: right-censored path equals the counting-process row walk bit for bit', () => {
  let s = 99;
  const rnd = () => (s = (s * 48271) % 2147483647) / 2147483647;
  for (const [label, nStrata, p, ties] of [
    ['one stratum, p 5, Efron', 1, 5, 'efron'],
    ['three strata, p 3, Breslow', 3, 3, 'breslow'],
    ['two strata, p 6, Efron', 2, 6, 'efron'],
    ['p 1, Efron', 1, 1, 'efron'],
  ] as const) {
    it(label, () => {
      const n = 300;
      const stop = Float64Array.from({ length: n }, () => 1 + Math.floor(rnd() * 25)); // many ties
      const event = Uint8Array.from({ length: n }, () => (rnd() < 0.7 ? 1 : 0));
      const columns = Array.from({ length: p }, (_, j) => Float64Array.from({ length: n }, () => (j % 2 ? Math.round(rnd()) : rnd() * 3 - 1)));
      const strata = Int32Array.from({ length: n }, () => Math.floor(rnd() * nStrata));
      const right = coxSortedData({ stop, start: null, event, columns, strata, nStrata });
      const counting = coxSortedData({ stop, start: new Float64Array(n).fill(-Infinity), event, columns, strata, nStrata });
      for (const beta of [new Float64Array(p), Float64Array.from({ length: p }, () => rnd() - 0.5)]) {
        const out = [right, counting].map((d) => {
          const u = new Float64Array(p);
          const imat = new Float64Array(p * p);
          const detail = allocTimeDetail(d.nDeathTimes, p);
          const loglik = coxDerivatives(d, beta, ties === 'efron', u, imat, new Float64Array(n), detail);
          return { loglik, u: Array.from(u), imat: Array.from(imat), detail: { ...detail, time: Array.from(detail.time), hazard: Array.from(detail.hazard), resid: Array.from(detail.resid), cov: Array.from(detail.cov) } };
        });
        expect(out[0]).toEqual(out[1]);
      }
    });
  }
});
