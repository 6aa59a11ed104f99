import { describe, expect, it } from 'vitest';
import { thinPolyline } from '../../../src/report/figures/thinPolyline.js';

describe('thinPolyline', () => {
  it('drops points within the tolerance of the last kept one, keeps both ends', () => {
    expect(thinPolyline([[0, 0], [0.01, 0], [0.02, 0.01], [1, 1]], 0.05)).toEqual([[0, 0], [1, 1]]);
    expect(thinPolyline([[0, 0], [0.03, 0], [0.06, 0], [0.07, 0.01], [1, 1]], 0.05)).toEqual([[0, 0], [0.06, 0], [1, 1]]);
  });
  it('returns a curve with steps longer than the tolerance point for point', () => {
    const pts: [number, number][] = [[0, 0], [0, 1], [1, 1], [1, 2], [3, 2]];
    expect(thinPolyline(pts, 0.05)).toEqual(pts);
    expect(thinPolyline([[5, 5]], 1)).toEqual([[5, 5]]);
  });
  it('a fine staircase stays within the tolerance of the thinned line', () => {
    // 10,000 alternating steps of 0.01 along the diagonal of a 100 × 100 box
    const pts: [number, number][] = [[0, 0]];
    for (let k = 0; k < 10000; k++) {
      const [x, y] = pts[pts.length - 1];
      pts.push(k % 2 ? [x, y + 0.02] : [x + 0.02, y]);
    }
    const thin = thinPolyline(pts, 0.05);
    expect(thin.length).toBeLessThan(pts.length / 2);
    expect(thin[thin.length - 1]).toEqual(pts[pts.length - 1]);
    // every original point is within the tolerance of some kept point
    let j = 0;
    for (const [x, y] of pts) {
      while (j + 1 < thin.length && Math.hypot(thin[j + 1][0] - x, thin[j + 1][1] - y) <= Math.hypot(thin[j][0] - x, thin[j][1] - y)) j++;
      expect(Math.hypot(thin[j][0] - x, thin[j][1] - y)).toBeLessThan(0.05 + 1e-12);
    }
  });
});
