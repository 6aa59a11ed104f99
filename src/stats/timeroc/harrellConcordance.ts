/**
 * Harrell's C of a risk marker (higher = higher risk) with its infinitesimal-jackknife SE, by the
 * Cox module's coxConcordance (the one implementation; as survival::concordance(Surv(time, status)
 * ~ x, reverse = TRUE)).
 *
 * Contract: `d` from timeRocData; `marker` in input row order, no NaN.
 *
 * @example
 * const d = timeRocData(new Float64Array([1, 2, 3, 4, 5]), new Uint8Array([1, 1, 1, 0, 1]));
 * harrellConcordance(d, new Float64Array([1, 0, 1, 0, 0])).c // 0.7222222222222222
 */
import { coxConcordance } from '../survival/cox/concordance.js';
import { coxSortedData } from '../survival/cox/sortedData.js';
import type { TimeRocData } from './timeRocData.js';
import { gather } from '../gather.js';

export interface HarrellConcordance {
  readonly c: number | null;
  readonly se: number | null;
}

export function harrellConcordance(d: TimeRocData, marker: Float64Array): HarrellConcordance {
  const n = d.n;
  const t = new Float64Array(n);
  const e = new Uint8Array(n);
  const x = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    t[k] = d.time[k];
    e[k] = d.event[k];
    x[k] = marker[d.order[k]];
  }
  const s = coxSortedData({ stop: t, start: null, event: e, columns: [x], strata: null, nStrata: 1 });
  const lp = gather(x, s.order);
  const r = coxConcordance(s, lp);
  return Object.freeze({ c: r.c, se: r.se });
}
