import { expect, test } from 'vitest';
import { kmRiskAt } from '../../../src/stats/calibration/kmRiskAt.js';
import { xoshiro128ss } from '../../../src/stats/roc/prng.js';

/** 1 − S(t) by the product-limit formula written out: over the distinct event times u ≤ t, (1 − d(u)/Y(u)). */
function byHand(time: number[], event: number[], t: number): number {
  let s = 1;
  for (const u of [...new Set(time)].sort((a, b) => a - b)) {
    if (u > t) break;
    const d = time.filter((x, i) => x === u && event[i] === 1).length;
    const y = time.filter((x) => x >= u).length;
    s *= 1 - d / y;
  }
  return 1 - s;
}

test('the example of the header (a death and a censoring tied at 2)', () => {
  const r = kmRiskAt(new Float64Array([1, 2, 2, 3, 5]), new Uint8Array([1, 1, 0, 1, 0]), 2.5);
  expect(r.risk).toBeCloseTo(0.4, 15);
  expect(r.nRisk).toBe(2);
});

test('equals the product-limit formula on data with many ties between deaths and censorings, on all rows and on subsets', () => {
  const rng = xoshiro128ss(14);
  for (let rep = 0; rep < 200; rep++) {
    const n = 1 + Math.floor(rng.next() * 40);
    const time = Array.from({ length: n }, () => Math.floor(rng.next() * 8));
    const event = Array.from({ length: n }, () => (rng.next() < 0.5 ? 1 : 0));
    const t = Math.floor(rng.next() * 9) - 0.5;
    const r = kmRiskAt(Float64Array.from(time), Uint8Array.from(event), t);
    const last = Math.max(...time);
    const undefinedAfterCensoring = t > last && !time.some((x, i) => x === last && event[i] === 1);
    if (undefinedAfterCensoring) expect(r.risk).toBeNull();
    else expect(r.risk).toBeCloseTo(byHand(time, event, t), 12);
    expect(r.nRisk).toBe(time.filter((x) => x > t).length);
    const rows = time.map((_, i) => i).filter(() => rng.next() < 0.6);
    if (rows.length === 0) continue;
    const sub = kmRiskAt(Float64Array.from(time), Uint8Array.from(event), t, rows);
    const st = rows.map((i) => time[i]);
    const se = rows.map((i) => event[i]);
    const sl = Math.max(...st);
    if (t > sl && !st.some((x, i) => x === sl && se[i] === 1)) expect(sub.risk).toBeNull();
    else expect(sub.risk).toBeCloseTo(byHand(st, se, t), 12);
  }
});
