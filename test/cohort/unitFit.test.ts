import { describe, expect, it } from 'vitest';
import { medianOf, unitFits } from '../../src/cohort/unitFit.js';

describe('medianOf', () => {
  it('the middle value, or the mean of the two middle values; NaN skipped; weighted by counts', () => {
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
    expect(medianOf([NaN, 5, NaN, 1])).toBe(3);
    expect(medianOf([NaN])).toBeNaN();
    expect(medianOf([1, 2, 10], [1, 1, 3])).toBe(10);
  });
  it('equals the sorted middle on large arrays with ties (selection, not a sort)', () => {
    let a = 7;
    const u = () => ((a = (a * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const n of [1000, 1001, 65536, 100_001]) {
      const v = Float64Array.from({ length: n }, () => Math.round(u() * 500) / 4);
      const s = v.slice().sort();
      const want = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
      expect(medianOf(v)).toBe(want);
      expect(medianOf(Array.from(v), Array.from(v, () => 1))).toBe(want);
    }
  });
  it('decides whether values fit a unit by their median', () => {
    expect(unitFits('platelets', '10^9/L', [150, 210, 180])).toBe(true);
    expect(unitFits('platelets', '10^9/L', [150000, 210000, 180000])).toBe(false);
  });
});
