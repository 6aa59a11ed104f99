/**
 * Dense ranks 1..K of a marker in the sorted order of a TimeRocData (the one sort of the marker:
 * equal values share a rank, so ties are counted ½ by every statistic built on the ranks).
 *
 * Contract: `marker` in input row order, no NaN; `order` maps sorted position → input row.
 * O(n) (radix sort).
 *
 * @example
 * const r = markerRanks(new Float64Array([5, 1, 5, 3]), new Int32Array([0, 1, 2, 3]));
 * [Array.from(r.rank), r.levels] // [[3, 1, 3, 2], 3]
 */
import { radixOrder } from '../survival/cox/radixOrder.js';
import { gather } from '../gather.js';

export interface MarkerRanks {
  /** Rank (1..levels) of each sorted position. */
  readonly rank: Int32Array;
  readonly levels: number;
}

export function markerRanks(marker: Float64Array, order: Int32Array): MarkerRanks {
  const n = order.length;
  const values = gather(marker, order);
  const sorted = new Float64Array(n);
  const ord = radixOrder(values, undefined, false, sorted);
  const rank = new Int32Array(n);
  let K = 0;
  for (let k = 0; k < n; k++) {
    if (k === 0 || sorted[k] !== sorted[k - 1]) K++;
    rank[ord[k]] = K;
  }
  return { rank, levels: K };
}
