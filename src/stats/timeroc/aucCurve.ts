/**
 * AUC(t) with its CI at many times for each marker (a figure's curve): timeDependentAuc at each
 * time with the marker ranked once, its per-rank counts and its influence array reused from time to
 * time — no concordances, no comparisons, no influence kept (timeRoc computes those at the
 * requested horizons). Each point equals timeRoc's at the same time (the same computation).
 *
 * Contract: as timeRoc (complete cases; a marker is a risk score, higher = more risk).
 *
 * @example
 * const d = timeRocData(new Float64Array([1, 2, 3, 4]), new Uint8Array([1, 1, 1, 0]));
 * aucCurve(d, [new Float64Array([4, 2, 3, 1])], [2.5])[0][0].auc // 0.75
 */
import { markerRanks } from './markerRanks.js';
import type { TimeRocPoint } from './timeRoc.js';
import { rankCounts, timeDependentAuc } from './timeDependentAuc.js';
import type { TimeRocData } from './timeRocData.js';

export function aucCurve(d: TimeRocData, markers: readonly Float64Array[], times: readonly number[], level = 0.95): TimeRocPoint[][] {
  const inf = new Float64Array(d.n);
  return markers.map((values) => {
    const r = markerRanks(values, d.order);
    const work = rankCounts(r.levels);
    return times.map((t) => {
      const { influence: _, ...p } = timeDependentAuc(d, r, t, level, work, inf);
      return Object.freeze(p);
    });
  });
}
