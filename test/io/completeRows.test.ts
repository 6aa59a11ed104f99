import { describe, expect, it } from 'vitest';
import { completeRows, pick } from '../../src/io/completeRows.js';

describe('completeRows and pick', () => {
  it('keeps the rows with no NaN in any column, in order', () => {
    const a = Float64Array.of(1, NaN, 3, 4, 5);
    const b = Float64Array.of(0, 1, NaN, 1, 0);
    const rows = completeRows([a, b]);
    expect(Array.from(rows)).toEqual([0, 3, 4]);
    expect(Array.from(pick(a, rows))).toEqual([1, 4, 5]);
    expect(Array.from(pick(a, rows, -1))).toEqual([-1, -4, -5]);
  });
  it('no columns or no complete row give none', () => {
    expect(completeRows([]).length).toBe(0);
    expect(completeRows([Float64Array.of(NaN, NaN)]).length).toBe(0);
  });
});
