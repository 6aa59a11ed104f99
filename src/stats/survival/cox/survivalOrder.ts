/**
 * The rows of right-censored data in the Cox fit's sort order (coxSortedData.ts: time ascending,
 * deaths before censorings at tied times, otherwise input order), computed once for an outcome and
 * given to coxph (CoxInput.timeOrder) for each of many models on it, e.g. a Cox regression's
 * univariable models, whose complete cases differ by covariate. Filtering a stable sort by a subset
 * keeps it a stable sort of the subset, so each fit takes its rows' order from here (O(n)) instead
 * of sorting them (coxph checks the order it derives and sorts when it is not one).
 *
 * Contract: rows whose time or event is missing (NaN) are left out; an event other than 1 sorts as
 * a censoring (coxph refuses such a row before the order is used).
 *
 * @example
 * Array.from(survivalOrder(new Float64Array([3, NaN, 1, 3]), new Float64Array([0, 1, 0, 1]))) // [2, 3, 0]
 */
import { countingOrder, radixOrder } from './radixOrder.js';

export function survivalOrder(time: Float64Array, event: Float64Array): Int32Array {
  const n = time.length;
  let m = 0;
  for (let i = 0; i < n; i++) if (time[i] === time[i] && event[i] === event[i]) m++;
  const rows = new Int32Array(m);
  const death = new Int32Array(n);
  for (let i = 0, k = 0; i < n; i++) {
    if (time[i] === time[i] && event[i] === event[i]) rows[k++] = i;
    death[i] = event[i] === 1 ? 1 : 0;
  }
  // least significant key first: deaths first, then time (stable passes)
  return radixOrder(time, countingOrder(death, 2, rows, true));
}

/**
 * The order of the kept rows (`rows`: ascending input indices) as positions 0..rows.length−1, taken
 * from `timeOrder` (survivalOrder of the full columns), or null when it is not their sort order
 * (another outcome's order, or rows it left out): the caller then sorts.
 */
export function keptOrder(timeOrder: Int32Array, rows: Int32Array, n0: number, stop: Float64Array, event: Uint8Array): Int32Array | null {
  const n = rows.length;
  const local = new Int32Array(n0).fill(-1);
  positionsOf(rows, local);
  const out = new Int32Array(n);
  if (!takeKept(timeOrder, local, out)) return null;
  return isSurvivalOrder(out, stop, event) ? out : null;
}

// keptOrder's loops are functions of their own: as its loops, V8 compiled each on its own (on-stack
// replacement) and left that code at the next for want of type feedback (25 deoptimizations in one
// 100,000-patient analyze).

/** local[rows[k]] = k. */
function positionsOf(rows: Int32Array, local: Int32Array): void {
  for (let k = 0; k < rows.length; k++) local[rows[k]] = k;
}

/** The kept rows' positions in `timeOrder`'s order into `out`; false when timeOrder is not a permutation covering them exactly. */
function takeKept(timeOrder: Int32Array, local: Int32Array, out: Int32Array): boolean {
  const n0 = local.length;
  const n = out.length;
  let m = 0;
  for (let q = 0; q < timeOrder.length; q++) {
    const i = timeOrder[q];
    if (i < 0 || i >= n0) return false;
    const k = local[i];
    if (k < 0) continue;
    if (m === n) return false;
    out[m++] = k;
  }
  return m === n;
}

/** Whether `order` is the stable sort by (time ascending, deaths first). */
function isSurvivalOrder(order: Int32Array, stop: Float64Array, event: Uint8Array): boolean {
  for (let q = 1; q < order.length; q++) {
    const a = order[q - 1];
    const b = order[q];
    if (stop[a] < stop[b]) continue;
    if (stop[a] > stop[b] || event[a] < event[b] || (event[a] === event[b] && a > b)) return false;
  }
  return true;
}
