/**
 * Input checking shared by the survival functions: equal lengths, times ≥ 0, events 0/1; rows with
 * a missing value (NaN time/event/number, null label) in any used column are dropped and counted.
 *
 * @example completeCases([5, NaN, 3], [1, 1, 0], [['a', 'b', null]], [])
 * // { rows: Uint32Array [0], time: Float64Array [5], event: Uint8Array [1], nDropped: 2 }
 */
import { dataError, usageError } from '../../errors.js';
import { survivalMessages } from '../../messages/index.js';

export interface CompleteCases {
  /** Original positions of the rows kept. */
  readonly rows: Uint32Array;
  readonly time: Float64Array;
  readonly event: Uint8Array;
  readonly nDropped: number;
}

export function completeCases(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  labels: readonly (readonly (string | null)[])[] = [],
  numbers: readonly ArrayLike<number>[] = [],
): CompleteCases {
  const n = time.length;
  if (event.length !== n) throw usageError(survivalMessages.lengthMismatch('event', n, event.length));
  for (const l of labels) if (l.length !== n) throw usageError(survivalMessages.lengthMismatch('a grouping column', n, l.length));
  for (const x of numbers) if (x.length !== n) throw usageError(survivalMessages.lengthMismatch('a numeric column', n, x.length));
  const keep = new Uint8Array(n);
  const m = markComplete(time, event, labels, numbers, keep);
  const rows = new Uint32Array(m);
  const t2 = new Float64Array(m);
  const e2 = new Uint8Array(m);
  copyKept(time, event, keep, rows, t2, e2);
  return { rows, time: t2, event: e2, nDropped: n - m };
}

// The two loops are functions of their own: as loops of completeCases, V8 compiled each on its own
// (on-stack replacement) and left that code at the next for want of type feedback.

/** keep[i] = 1 for each complete row (checked: time ≥ 0, event 0/1); returns their number. */
function markComplete(
  time: ArrayLike<number>, event: ArrayLike<number>, labels: readonly (readonly (string | null)[])[], numbers: readonly ArrayLike<number>[], keep: Uint8Array,
): number {
  let m = 0;
  for (let i = 0; i < keep.length; i++) {
    const t = time[i];
    const e = event[i];
    let ok = Number.isFinite(t) && Number.isFinite(e);
    for (let j = 0; ok && j < labels.length; j++) ok = labels[j][i] !== null;
    for (let j = 0; ok && j < numbers.length; j++) ok = Number.isFinite(numbers[j][i]);
    if (!ok) continue;
    if (t < 0) throw dataError(survivalMessages.negativeTime(i + 1, t));
    if (e !== 0 && e !== 1) throw dataError(survivalMessages.eventNotBinary(i + 1, e));
    keep[i] = 1;
    m++;
  }
  return m;
}

/** The kept rows' positions, times and events. */
function copyKept(time: ArrayLike<number>, event: ArrayLike<number>, keep: Uint8Array, rows: Uint32Array, t2: Float64Array, e2: Uint8Array): void {
  for (let i = 0, k = 0; i < keep.length; i++) {
    if (!keep[i]) continue;
    rows[k] = i;
    t2[k] = time[i];
    e2[k] = event[i];
    k++;
  }
}
