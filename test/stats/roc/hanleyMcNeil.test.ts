import { describe, expect, it } from 'vitest';
import { hanleyMcNeilSe } from '../../../src/stats/roc/hanleyMcNeil.js';
import { SiilabError } from '../../../src/errors.js';

describe('hanleyMcNeilSe', () => {
  it('matches the formula worked by hand (A = 0.8, 50 cases, 50 controls)', () => {
    // Q1 = 0.8/1.2 = 2/3, Q2 = 2·0.64/1.8 = 32/45, A² = 0.64
    // v = (0.16 + 49·(2/3 − 0.64) + 49·(32/45 − 0.64)) / 2500
    const v = (0.16 + 49 * (2 / 3 - 0.64) + 49 * (32 / 45 - 0.64)) / 2500;
    expect(hanleyMcNeilSe(0.8, 50, 50)).toBeCloseTo(Math.sqrt(v), 15);
    expect(hanleyMcNeilSe(0.8, 50, 50)).toBeCloseTo(0.0445022, 6);
  });

  it('grows as the groups shrink and falls as A moves towards 1', () => {
    expect(hanleyMcNeilSe(0.8, 25, 25)).toBeGreaterThan(hanleyMcNeilSe(0.8, 50, 50));
    expect(hanleyMcNeilSe(0.95, 50, 50)).toBeLessThan(hanleyMcNeilSe(0.8, 50, 50));
  });

  it('at A = 0.5 reduces to sqrt((1/4 + (nA−1)/12 + (nN−1)/12)/(nA nN))', () => {
    // Q1 = 1/3, Q2 = 1/3 → Q − A² = 1/12
    const nA = 10, nN = 20;
    expect(hanleyMcNeilSe(0.5, nA, nN)).toBeCloseTo(Math.sqrt((0.25 + (nA - 1) / 12 + (nN - 1) / 12) / (nA * nN)), 15);
  });

  it('is symmetric in A ↔ 1 − A with the groups swapped', () => {
    expect(hanleyMcNeilSe(0.3, 12, 30)).toBeCloseTo(hanleyMcNeilSe(0.7, 30, 12), 14);
  });

  it('is 0 at A = 1 and refuses bad input', () => {
    expect(hanleyMcNeilSe(1, 5, 5)).toBe(0);
    expect(() => hanleyMcNeilSe(1.2, 5, 5)).toThrow(SiilabError);
    expect(() => hanleyMcNeilSe(NaN, 5, 5)).toThrow(SiilabError);
    expect(() => hanleyMcNeilSe(0.7, 0, 5)).toThrow(/cases/);
    expect(() => hanleyMcNeilSe(0.7, 5, 2.5)).toThrow(/controls/);
  });
});
