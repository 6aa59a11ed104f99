/**
 * Splitting one marker into cases and controls and orienting it so that higher always means
 * "more likely a case" (values are negated for direction `lower`). Every ROC routine downstream
 * works on these oriented arrays; thresholds are turned back into the marker's units on output.
 */
import { autoDirection, type RocDirection, type RocDirectionOption } from './direction.js';

export interface OrientedGroups {
  readonly direction: RocDirection;
  /** +1 for `higher`, −1 for `lower`: oriented value = sign × marker value. */
  readonly sign: 1 | -1;
  /** Oriented marker values of the cases, in the order they appear in the data. */
  readonly cases: Float64Array;
  /** Oriented marker values of the controls, in the order they appear in the data. */
  readonly controls: Float64Array;
  /** `cases` sorted ascending. */
  readonly sortedCases: Float64Array;
  /** `controls` sorted ascending. */
  readonly sortedControls: Float64Array;
}

/**
 * Contract: x and y have equal length, x finite, y ∈ {0, 1} with at least one of each (not checked).
 * One native sort per group: O(n log n).
 *
 * @example
 * orientedGroups(Float64Array.of(3, 1, 2), Float64Array.of(0, 1, 1), 'auto').direction // 'lower'
 */
export function orientedGroups(x: Float64Array, y: Float64Array, direction: RocDirectionOption): OrientedGroups {
  let m = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === 1) m++;
  const cases = new Float64Array(m);
  const controls = new Float64Array(y.length - m);
  for (let i = 0, a = 0, b = 0; i < y.length; i++) {
    if (y[i] === 1) cases[a++] = x[i];
    else controls[b++] = x[i];
  }
  const sc = cases.slice().sort();
  const sn = controls.slice().sort();
  const dir = direction === 'auto' ? autoDirection(sc, sn) : direction;
  if (dir === 'higher') return { direction: dir, sign: 1, cases, controls, sortedCases: sc, sortedControls: sn };
  for (let i = 0; i < cases.length; i++) cases[i] = -cases[i];
  for (let i = 0; i < controls.length; i++) controls[i] = -controls[i];
  return { direction: dir, sign: -1, cases, controls, sortedCases: negateReverse(sc), sortedControls: negateReverse(sn) };
}

function negateReverse(a: Float64Array): Float64Array {
  const n = a.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = -a[n - 1 - i];
  return out;
}
