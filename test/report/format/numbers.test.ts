import { describe, expect, it } from 'vitest';
import { auto, estimateCi, fixed, formatP, meanSd, nPercent, pPhrase } from '../../../src/report/format/numbers.js';

describe('journal number formatting', () => {
  it('rounds half away from zero on the decimal value', () => {
    expect(fixed(2.675, 2)).toBe('2.68');
    expect(fixed(1.005, 2)).toBe('1.01');
    expect(fixed(-0.0004, 3)).toBe('0.000');
    expect(fixed(-1.25, 1)).toBe('−1.3');
    expect(fixed(NaN, 2)).toBe('—');
    expect(fixed(null, 2)).toBe('—');
  });
  it('prints P as journals do, never 0.000', () => {
    expect(formatP(0.00042)).toBe('< 0.001');
    expect(formatP(0.0009999)).toBe('< 0.001');
    expect(formatP(0.001)).toBe('0.001');
    expect(formatP(0.0496)).toBe('0.050');
    expect(formatP(0.028)).toBe('0.028');
    expect(formatP(0.99999)).toBe('> 0.999');
    expect(formatP(Infinity)).toBe('—');
    expect(pPhrase(0.013)).toBe('P = 0.013');
    expect(pPhrase(1e-9)).toBe('P < 0.001');
  });
  it('formats counts, means and CIs', () => {
    expect(nPercent(53, 110)).toBe('53 (48.2)');
    expect(nPercent(53, 110, 2)).toBe('53 (48.18)');
    expect(meanSd(23.254, 1.871)).toBe('23.25 ± 1.87');
    expect(estimateCi(2.211, 1.089, 4.489)).toBe('2.211 (1.089–4.489)');
    expect(estimateCi(null, 1, 2)).toBe('—');
    expect(auto(375.555)).toBe('375.56');
  });
});
