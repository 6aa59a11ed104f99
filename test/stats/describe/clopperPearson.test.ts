import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { clopperPearson } from '../../../src/stats/describe/clopperPearson.js';

const ref = JSON.parse(readFileSync('test/reference/describe/clopperPearson.json', 'utf8'));
const rel = (a: number, b: number) => (b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b));

describe('clopperPearson equals R binom.test', () => {
  for (const c of ref.cases) {
    it(`${c.x}/${c.n}`, () => {
      const a = clopperPearson(c.x, c.n);
      const b = clopperPearson(c.x, c.n, 0.9);
      expect(rel(a.lower, c.lower95)).toBeLessThan(1e-9);
      expect(rel(a.upper, c.upper95)).toBeLessThan(1e-9);
      expect(rel(b.lower, c.lower90)).toBeLessThan(1e-9);
      expect(rel(b.upper, c.upper90)).toBeLessThan(1e-9);
    });
  }
  it('hand case: 0 of n has upper 1 − (α/2)^(1/n)', () => {
    expect(clopperPearson(0, 20).upper).toBeCloseTo(1 - 0.025 ** (1 / 20), 12);
  });
});
