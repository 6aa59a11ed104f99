/**
 * Mid-ranks of a pooled sample (ties get the average of the ranks they span) and the tie
 * correction term Σ (t³ − t) over tie groups, from one sort (a radix sort: radixOrder.ts). Used by the Mann–Whitney and
 * Kruskal–Wallis tests (Kruskal & Wallis 1952, JASA 47:583, eq. for the tie correction).
 *
 * Contract: `values` finite. O(n).
 *
 * @example
 * midranks(new Float64Array([3, 1, 3, 2])) // { ranks: Float64Array [3.5, 1, 3.5, 2], tieSum: 6 }
 */
import { radixOrder } from '../survival/cox/radixOrder.js';

export interface Midranks {
  readonly ranks: Float64Array;
  /** Σ (t³ − t) over groups of t tied values. */
  readonly tieSum: number;
}

export function midranks(values: ArrayLike<number>): Midranks {
  const n = values.length;
  const v = Float64Array.from(values);
  // radix argsort: the ranks do not depend on the order within ties (−0 sorts next to +0, equal to it)
  const order = radixOrder(v);
  const ranks = new Float64Array(n);
  let tieSum = 0;
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && v[order[j]] === v[order[i]]) j++;
    const r = (i + 1 + j) / 2; // average of ranks i+1..j
    for (let k = i; k < j; k++) ranks[order[k]] = r;
    const t = j - i;
    tieSum += t * t * t - t;
    i = j;
  }
  return { ranks, tieSum };
}
