import { describe, expect, it } from 'vitest';
import { efronLogTerm } from '../../../../src/stats/survival/cox/efronLogTerm.js';

/** The definition: a log per death. */
const byDeath = (loglik: number, S0: number, D0: number, m: number) => {
  for (let k = 0; k < m; k++) loglik -= Math.log(S0 - (k / m) * D0);
  return loglik;
};

describe('efronLogTerm', () => {
  it('the @example', () => {
    expect(efronLogTerm(0, 10, 4, 2)).toBe(-4.382026634673881);
  });
  it('equals a log per death, also where the products must restart (no overflow or underflow)', () => {
    for (const [S0, D0, m] of [[1e5, 3e4, 40], [1e40, 5e39, 200], [1e-30, 2e-31, 300], [7.5, 7.5, 1], [3.2, 1.1, 5]]) {
      const want = byDeath(-12.5, S0, D0, m);
      const got = efronLogTerm(-12.5, S0, D0, m);
      expect(Number.isFinite(got)).toBe(true);
      expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(want)));
    }
  });
});
