import { describe, expect, it } from 'vitest';
import { coxConcordance, coxConcordanceOfRanks } from '../../../../src/stats/survival/cox/concordance.js';
import { denseRanks } from '../../../../src/stats/survival/cox/denseRanks.js';
import { coxSortedData } from '../../../../src/stats/survival/cox/sortedData.js';

/**
 * Pair-by-pair definition (O(n²)): i's death at time t is compared with every j in the same stratum
 * at risk at t (start_j < t ≤ stop_j) that is not a death at t; the infinitesimal-jackknife variance
 * is Σₖ ((Cₖ − c·Nₖ)/N)² from the per-subject pair counts.
 */
function brute(stop: number[], start: number[] | null, ev: number[], lp: number[], strata: number[]) {
  const n = stop.length;
  let C = 0, D = 0, TX = 0, TY = 0, TXY = 0;
  const cK = new Float64Array(n), nK = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!ev[i]) continue;
    const t = stop[i];
    for (let j = 0; j < n; j++) {
      if (j === i || strata[j] !== strata[i]) continue;
      const atRisk = (start ? start[j] < t : true) && stop[j] >= t;
      if (!atRisk) continue;
      if (stop[j] === t && ev[j]) {
        if (j > i) {
          if (lp[i] === lp[j]) TXY++;
          else TY++;
        }
        continue;
      }
      const s = lp[i] > lp[j] ? 1 : lp[i] === lp[j] ? 0.5 : 0;
      if (s === 1) C++;
      else if (s === 0) D++;
      else TX++;
      cK[i] += s; cK[j] += s; nK[i]++; nK[j]++;
    }
  }
  const N = C + D + TX;
  const c = (C + TX / 2) / N;
  let v = 0;
  for (let k = 0; k < n; k++) v += ((cK[k] - c * nK[k]) / N) ** 2;
  return { C, D, TX, TY, TXY, c, se: Math.sqrt(v) };
}

describe('coxConcordance equals the pair-by-pair definition', () => {
  let s = 12345;
  const rnd = () => (s = (s * 48271) % 2147483647) / 2147483647;
  for (const [label, counting, nStrata, tiedScores] of [
    ['right-censored', false, 1, true],
    ['stratified', false, 3, true],
    ['counting process, strata', true, 2, true],
    ['many small strata, distinct scores', false, 40, false],
    ['counting process, many small strata', true, 40, false],
  ] as const) {
    it(label, () => {
      const n = 400;
      const stop: number[] = [], start: number[] = [], ev: number[] = [], lp: number[] = [], st: number[] = [];
      for (let i = 0; i < n; i++) {
        const a = counting ? Math.floor(rnd() * 10) : 0;
        start.push(a);
        stop.push(a + 1 + Math.floor(rnd() * 20)); // many ties
        ev.push(rnd() < 0.6 ? 1 : 0);
        lp.push(tiedScores ? Math.round(rnd() * 8) / 4 : rnd()); // ties in the score, or none
        st.push(Math.floor(rnd() * nStrata));
      }
      const d = coxSortedData({
        stop: Float64Array.from(stop),
        start: counting ? Float64Array.from(start) : null,
        event: Uint8Array.from(ev),
        columns: [Float64Array.from(lp)],
        strata: Int32Array.from(st),
        nStrata,
      });
      const lpSorted = Float64Array.from(d.order, (i) => lp[i]);
      const r = coxConcordance(d, lpSorted);
      const b = brute(stop, counting ? start : null, ev, lp, st);
      expect([r.concordant, r.discordant, r.tiedX, r.tiedY, r.tiedXY]).toEqual([b.C, b.D, b.TX, b.TY, b.TXY]);
      expect(Math.abs(r.c! - b.c)).toBeLessThan(1e-14);
      expect(Math.abs(r.se! - b.se) / b.se).toBeLessThan(1e-12);
      const c = coxConcordance(d, lpSorted, false);
      expect([c.concordant, c.discordant, c.tiedX, c.tiedY, c.tiedXY, c.c, c.se, c.variance]).toEqual([r.concordant, r.discordant, r.tiedX, r.tiedY, r.tiedXY, r.c, null, null]);
    });
  }
});

describe('coxConcordanceOfRanks: frequency weights give the pair counts of the rows repeated', () => {
  let s = 4242;
  const rnd = () => (s = (s * 48271) % 2147483647) / 2147483647;
  for (const nStrata of [1, 3]) {
    it(`${nStrata} strata, tied times and scores, copies of one death tied on both`, () => {
      const n = 300;
      const stop: number[] = [], ev: number[] = [], lp: number[] = [], st: number[] = [], w: number[] = [];
      for (let i = 0; i < n; i++) {
        stop.push(1 + Math.floor(rnd() * 20));
        ev.push(rnd() < 0.6 ? 1 : 0);
        lp.push(Math.round(rnd() * 8) / 4);
        st.push(Math.floor(rnd() * nStrata));
        w.push(1 + Math.floor(rnd() * 4));
      }
      const rep = w.flatMap((wi, i) => Array.from({ length: wi }, () => i));
      const at = <T>(a: T[]) => rep.map((i) => a[i]);
      const b = brute(at(stop), null, at(ev), at(lp), at(st));
      const d = coxSortedData({ stop: Float64Array.from(stop), start: null, event: Uint8Array.from(ev), columns: [Float64Array.from(lp)], strata: Int32Array.from(st), nStrata });
      const weighted = { ...d, weight: Int32Array.from(d.order, (i) => w[i]) };
      const lpSorted = Float64Array.from(d.order, (i) => lp[i]);
      const rank = new Int32Array(n);
      const r = coxConcordanceOfRanks(weighted, rank, denseRanks(lpSorted, rank));
      expect([r.concordant, r.discordant, r.tiedX, r.tiedY, r.tiedXY]).toEqual([b.C, b.D, b.TX, b.TY, b.TXY]);
      expect(Math.abs(r.c! - b.c)).toBeLessThan(1e-14);
      expect(() => coxConcordance(weighted, lpSorted, true)).toThrow(/frequency weights/);
    });
  }
});
