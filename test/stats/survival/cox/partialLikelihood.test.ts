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

// Frequency weights (a bootstrap resample's distinct rows with their draw counts): the same
// log-likelihood, score, information and per-time detail as the rows repeated, to rounding; the
// counting-process core refuses them.
describe('coxDerivatives: frequency weights equal the rows repeated', () => {
  let s = 7;
  const rnd = () => (s = (s * 48271) % 2147483647) / 2147483647;
  for (const [label, nStrata, ties] of [['Efron, one stratum', 1, 'efron'], ['Breslow, two strata', 2, 'breslow'], ['Efron, three strata', 3, 'efron']] as const) {
    it(label, () => {
      const n = 200;
      const p = 3;
      const stop = Float64Array.from({ length: n }, () => 1 + Math.floor(rnd() * 15)); // many tied deaths
      const event = Uint8Array.from({ length: n }, () => (rnd() < 0.7 ? 1 : 0));
      const columns = Array.from({ length: p }, (_, j) => Float64Array.from({ length: n }, () => (j === 1 ? Math.round(rnd()) : rnd() * 3 - 1)));
      const strata = Int32Array.from({ length: n }, () => Math.floor(rnd() * nStrata));
      const weight = Int32Array.from({ length: n }, () => 1 + Math.floor(rnd() * 4));
      const rep = Int32Array.from(Array.from(weight).flatMap((w, i) => Array.from({ length: w }, () => i)));
      const expanded = coxSortedData({ stop: Float64Array.from(rep, (i) => stop[i]), start: null, event: Uint8Array.from(rep, (i) => event[i]), columns: columns.map((c) => Float64Array.from(rep, (i) => c[i])), strata: Int32Array.from(rep, (i) => strata[i]), nStrata });
      const once = coxSortedData({ stop, start: null, event, columns, strata, nStrata });
      // the weighted rows, with the expanded data's centring (so that the scaled β means the same)
      const x = new Float64Array(n * p);
      for (let k = 0; k < n; k++) for (let j = 0; j < p; j++) x[k * p + j] = (columns[j][once.order[k]] - expanded.means[j]) * expanded.scale[j];
      const w = Int32Array.from(once.order, (i) => weight[i]);
      let nEvents = 0;
      for (let k = 0; k < n; k++) nEvents += once.event[k] * w[k];
      const weighted = { ...once, x, means: expanded.means, scale: expanded.scale, weight: w, nEvents };
      expect(nEvents).toBe(expanded.nEvents);
      const beta = Float64Array.from({ length: p }, () => rnd() - 0.5);
      const [a, b] = [weighted, expanded].map((d) => {
        const u = new Float64Array(p);
        const imat = new Float64Array(p * p);
        const detail = allocTimeDetail(d.nDeathTimes, p);
        const loglik = coxDerivatives(d, beta, ties === 'efron', u, imat, new Float64Array(0), detail);
        return { loglik, u, imat, detail };
      });
      const close = (x: number, y: number) => expect(Math.abs(x - y)).toBeLessThan(1e-11 * Math.max(1, Math.abs(y)));
      close(a.loglik, b.loglik);
      for (let j = 0; j < p; j++) close(a.u[j], b.u[j]);
      for (let q = 0; q < p * p; q++) close(a.imat[q], b.imat[q]);
      expect(a.detail.count).toBe(b.detail.count);
      expect(Array.from(a.detail.deaths.subarray(0, a.detail.count))).toEqual(Array.from(b.detail.deaths.subarray(0, b.detail.count)));
      for (let c = 0; c < a.detail.count; c++) close(a.detail.hazard[c], b.detail.hazard[c]);
      expect(() => coxDerivatives({ ...weighted, start: new Float64Array(n).fill(-Infinity), byStart: once.order }, beta, true, a.u, a.imat, new Float64Array(n))).toThrow(/right-censored/);
    });
  }
});
