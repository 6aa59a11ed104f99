import { expect, it } from 'vitest';
import { aucCurve } from '../../../src/stats/timeroc/aucCurve.js';
import { timeRoc } from '../../../src/stats/timeroc/timeRoc.js';
import { timeRocData } from '../../../src/stats/timeroc/timeRocData.js';

it('equals timeRoc\'s points at the same times, for every marker (the influence array reused from time to time)', () => {
  let s = 3;
  const rnd = () => (s = (s * 48271) % 2147483647) / 2147483647;
  const n = 2000;
  const time = Float64Array.from({ length: n }, () => Math.round(rnd() * 300) / 10); // tied times
  const event = Uint8Array.from({ length: n }, () => (rnd() < 0.6 ? 1 : 0));
  const markers = [Float64Array.from({ length: n }, () => Math.exp(rnd() * 3)), Float64Array.from({ length: n }, () => Math.round(rnd() * 4))];
  const times = [-1, 3, 7.5, 12, 20, 29.9, 40]; // the first before any case, the last after every control
  const want = timeRoc({ time, event, markers: markers.map((values, k) => ({ name: `m${k}`, values })), times });
  const got = aucCurve(timeRocData(time, event), markers, times);
  for (let k = 0; k < markers.length; k++) expect(got[k]).toEqual(want.markers[k].at);
  expect([got[0][0].auc, got[0][6].auc]).toEqual([null, null]);
  expect(got[0][3].auc).toBeGreaterThan(0.5);
});

it('the example of the header', () => {
  const d = timeRocData(new Float64Array([1, 2, 3, 4]), new Uint8Array([1, 1, 1, 0]));
  expect(aucCurve(d, [new Float64Array([4, 2, 3, 1])], [2.5])[0][0].auc).toBe(0.75);
});
