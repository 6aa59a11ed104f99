/**
 * Uno's concordance C_τ of a risk marker (Uno, Cai, Pencina, D'Agostino & Wei 2011, Stat Med
 * 30:1105–1117): Harrell's pairs, each weighted by 1/G(Tᵢ−)² of the earlier death i, counting only
 * deaths up to the truncation time τ, with the infinitesimal-jackknife SE that
 * survival::concordance(Surv(time, status) ~ x, timewt = "n/G2", ymax = τ, reverse = TRUE) reports
 * (the time weights held fixed).
 *
 * A pair is comparable when the earlier time Tᵢ ≤ τ is a death and the other is alive after it
 * (a later time, or censored at the same time); concordant when the death has the higher marker
 * (higher = higher risk), ½ when equal. C = Σ w·concordant / Σ w·comparable; the variance is Σₖ Uₖ²,
 * Uₖ = (Cₖ − C·Nₖ)/N with Cₖ, Nₖ the weighted concordant and comparable counts involving k.
 * G is the Kaplan–Meier estimate of censoring of timeRocData (censorings after same-time deaths).
 *
 * Contract: `d` from timeRocData, `r` from markerRanks on it; τ > 0 (Infinity: no truncation).
 * O(n log K) by Fenwick trees over the marker ranks. Null c/se when no pair is comparable.
 *
 * @example
 * // no censoring: Harrell's C. times 1..4 all deaths, markers 4, 2, 3, 1: 5 of 6 pairs concordant
 * const d = timeRocData(new Float64Array([1, 2, 3, 4]), new Uint8Array([1, 1, 1, 1]));
 * unoConcordance(d, markerRanks(new Float64Array([4, 2, 3, 1]), d.order), Infinity).c // 0.8333333333333334
 */
import { Fenwick } from './fenwick.js';
import type { MarkerRanks } from './markerRanks.js';
import type { TimeRocData } from './timeRocData.js';

export interface UnoConcordance {
  readonly tau: number;
  readonly c: number | null;
  readonly se: number | null;
  /** Σ of the weights of the comparable pairs (0: none). */
  readonly comparable: number;
}

export function unoConcordance(d: TimeRocData, r: MarkerRanks, tau: number): UnoConcordance {
  const { n, time, event, gMinus, blockStart } = d;
  const K = r.levels;
  const { rank } = r;
  const risk = new Fenwick(K);
  const deaths = new Fenwick(K);
  const cK = new Float64Array(n);
  const nK = new Float64Array(n);
  let C = 0;
  let N = 0;
  const nb = blockStart.length - 1;
  for (let b = nb - 1; b >= 0; b--) {
    const k0 = blockStart[b];
    const k1 = blockStart[b + 1];
    // censored of this time enter first: they are compared with this time's deaths
    for (let k = k0; k < k1; k++) {
      if (event[k]) continue;
      cK[k] -= deaths.aboveHalf(rank[k]);
      nK[k] -= deaths.total;
      risk.add(rank[k], 1);
    }
    const counted = time[k0] <= tau;
    if (counted) {
      for (let k = k0; k < k1; k++) {
        if (!event[k]) continue;
        const w = 1 / (gMinus[k] * gMinus[k]);
        const q = rank[k];
        const conc = w * (risk.prefix(q - 1) + 0.5 * risk.at[q]);
        const comp = w * risk.total;
        C += conc;
        N += comp;
        cK[k] += conc;
        nK[k] += comp;
      }
      for (let k = k0; k < k1; k++) if (event[k]) deaths.add(rank[k], 1 / (gMinus[k] * gMinus[k]));
    }
    for (let k = k0; k < k1; k++) {
      if (!event[k]) continue;
      cK[k] -= deaths.aboveHalf(rank[k]);
      nK[k] -= deaths.total;
      risk.add(rank[k], 1);
    }
  }
  if (!(N > 0)) return Object.freeze({ tau, c: null, se: null, comparable: 0 });
  const c = C / N;
  let v = 0;
  for (let k = 0; k < n; k++) {
    cK[k] += deaths.aboveHalf(rank[k]);
    nK[k] += deaths.total;
    const u = (cK[k] - c * nK[k]) / N;
    v += u * u;
  }
  return Object.freeze({ tau, c, se: Math.sqrt(v), comparable: N });
}
