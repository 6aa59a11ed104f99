import { describe, expect, it } from 'vitest';
import { censoringWeights } from '../../../src/stats/validation/censoringWeights.js';
import { weightedBrier } from '../../../src/stats/validation/brierScore.js';

describe('censoringWeights and weightedBrier with frequency weights', () => {
  it('by hand: the example of the header', () => {
    const r = censoringWeights(new Float64Array([1, 2, 3, 4]), new Uint8Array([1, 0, 1, 0]), 3.5);
    // G(2) = 1 − 1/3: 1/G = 1.5 to rounding
    expect(Array.from(r.weights)).toEqual([1, 0, expect.closeTo(1.5, 14), expect.closeTo(1.5, 14)]);
    expect(Array.from(r.outcome)).toEqual([1, 0, 1, 0]);
  });

  it('counts give each row the weight of each of its copies, and the Brier score of the rows repeated', () => {
    let s = 31;
    const rnd = () => (s = (s * 48271) % 2147483647) / 2147483647;
    const n = 250;
    const time = Float64Array.from({ length: n }, () => 1 + Math.floor(rnd() * 30)); // ties of deaths and censorings
    const event = Uint8Array.from({ length: n }, () => (rnd() < 0.6 ? 1 : 0));
    const risk = Float64Array.from({ length: n }, () => rnd());
    const count = Int32Array.from({ length: n }, () => Math.floor(rnd() * 4)); // 0: not drawn
    const rep = Array.from(count).flatMap((c, i) => Array.from({ length: c }, () => i));
    for (const horizon of [5, 17.5, 40]) {
      const w = censoringWeights(time, event, horizon, undefined, undefined, count);
      const e = censoringWeights(Float64Array.from(rep, (i) => time[i]), Uint8Array.from(rep, (i) => event[i]), horizon);
      rep.forEach((i, k) => {
        expect(Math.abs(w.weights[i] - e.weights[k])).toBeLessThan(1e-13 * e.weights[k] + 1e-300);
        expect(w.outcome[i]).toBe(e.outcome[k]);
      });
      const bw = weightedBrier(w.weights, w.outcome, risk, count);
      const be = weightedBrier(e.weights, e.outcome, Float64Array.from(rep, (i) => risk[i]));
      expect(Math.abs(bw - be)).toBeLessThan(1e-13);
    }
  });
});
