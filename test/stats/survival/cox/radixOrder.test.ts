import { describe, expect, it } from 'vitest';
import { countingOrder, radixOrder } from '../../../../src/stats/survival/cox/radixOrder.js';

describe('radixOrder', () => {
  it('the @example', () => {
    expect(Array.from(radixOrder(new Float64Array([3, -1, 2, -1])))).toEqual([1, 3, 2, 0]);
  });
  it.each([5000, 40000])('equals a stable comparator sort on random keys with ties, negatives and ±0, both directions (n = %i: 8- and 16-bit digits)', (n) => {
    let s = 7;
    const rnd = () => (s = (s * 48271) % 2147483647) / 2147483647;
    const keys = Float64Array.from({ length: n }, () => {
      const u = rnd();
      return u < 0.1 ? 0 : u < 0.15 ? -0 : Math.round((rnd() - 0.4) * 1e4) / (u < 0.5 ? 10 : 1e3);
    });
    const idx = Array.from(keys, (_, i) => i);
    const asc = [...idx].sort((a, b) => keys[a] - keys[b] || (Object.is(keys[a], -0) && !Object.is(keys[b], -0) ? -1 : Object.is(keys[b], -0) && !Object.is(keys[a], -0) ? 1 : a - b));
    expect(Array.from(radixOrder(keys))).toEqual(asc);
    const r = Array.from(radixOrder(keys, undefined, true));
    for (let k = 1; k < r.length; k++) {
      expect(keys[r[k - 1]]).toBeGreaterThanOrEqual(keys[r[k]]);
      if (keys[r[k - 1]] === keys[r[k]] && Object.is(keys[r[k - 1]], keys[r[k]])) expect(r[k - 1]).toBeLessThan(r[k]);
    }
  });
  it('returns the sorted keys bit-exactly when asked (both directions, ±0, negatives)', () => {
    const keys = new Float64Array([3.5, -1e-300, -0, 0, -7.25, 1e300, 2, -1e-300, 5e-324]);
    for (const desc of [false, true]) {
      const sorted = new Float64Array(keys.length);
      const o = radixOrder(keys, undefined, desc, sorted);
      Array.from(o).forEach((i, k) => expect(Object.is(sorted[k], keys[i])).toBe(true));
    }
  });
  it('refines a given order stably (lexicographic sorting by successive keys)', () => {
    const major = new Float64Array([2, 1, 2, 1, 1]);
    const minor = new Int32Array([1, 0, 0, 1, 0]);
    const o = radixOrder(major, countingOrder(minor, 2));
    expect(Array.from(o)).toEqual([1, 4, 3, 2, 0]);
  });
});
