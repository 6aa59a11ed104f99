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
import { coxSortedData, type CoxSortedData } from '../survival/cox/sortedData.js';
import type { TimeRocData } from './timeRocData.js';
import { gather } from '../gather.js';

export interface HarrellConcordance {
  readonly c: number | null;
  readonly se: number | null;
}

/**
 * `sorted` (optional): concordanceSort(d), when several markers share d (timeRoc): the rows are
 * sorted once (the order depends on the times and events alone).
 */
export function harrellConcordance(d: TimeRocData, marker: Float64Array, sorted: CoxSortedData = concordanceSort(d)): HarrellConcordance {
  const n = d.n;
  const x = new Float64Array(n);
  for (let k = 0; k < n; k++) x[k] = marker[d.order[k]];
  const r = coxConcordance(sorted, gather(x, sorted.order));
  return Object.freeze({ c: r.c, se: r.se });
}

/** d's rows (in d's order) in the Cox module's order: time ascending, deaths before censorings at tied times. */
export function concordanceSort(d: TimeRocData): CoxSortedData {
  return coxSortedData({ stop: Float64Array.from(d.time), start: null, event: Uint8Array.from(d.event), columns: [], strata: null, nStrata: 1 });
}
