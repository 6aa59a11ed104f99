import { describe, expect, it } from 'vitest';
import { ciLevelOf, contains, overlaps, parsePrinted, pRange } from '../../src/audit/printed.js';
import { gap, lastDigitSlip, mismatchSeverity } from '../../src/audit/slip.js';

describe('parsePrinted', () => {
  it('keeps the printed precision', () => {
    const p = parsePrinted('2.751')!;
    expect(p.value).toBe(2.751);
    expect(p.decimals).toBe(3);
    expect(p.half).toBeCloseTo(0.0005, 15);
    expect(p.lo).toBeCloseTo(2.7505, 12);
    expect(p.hi).toBeCloseTo(2.7515, 12);
    expect(parsePrinted('2.750')!.half).toBeCloseTo(0.0005, 15);
    expect(parsePrinted('60.53')!.half).toBeCloseTo(0.005, 15);
  });
  it('reads whole numbers, signs, unicode minus, percent signs and exponents', () => {
    expect(parsePrinted(340)!.half).toBe(0.5);
    expect(parsePrinted('−5.310')!.value).toBe(-5.31);
    expect(parsePrinted('48.18%')!.value).toBe(48.18);
    const e = parsePrinted('8.03e-6')!;
    expect(e.value).toBeCloseTo(8.03e-6, 18);
    expect(e.half).toBeCloseTo(0.5e-8, 20);
  });
  it('reads relations: "<0.001" is [−∞, 0.001], within [0, 1] for a P value', () => {
    const p = parsePrinted('<0.001')!;
    expect(p.relation).toBe('<');
    expect(p.hi).toBe(0.001);
    expect(p.lo).toBe(-Infinity);
    expect(pRange(p)).toEqual({ lo: 0, hi: 0.001 });
    expect(parsePrinted('≥ 0.05')!.relation).toBe('>');
    expect(parsePrinted('> 0.99')!.hi).toBe(Infinity);
  });
  it('reads thousands separators', () => {
    expect(parsePrinted('25,522')!.value).toBe(25522);
    expect(parsePrinted('1,234.5')!.half).toBeCloseTo(0.05, 15);
    expect(parsePrinted('1,23')).toBeNull();
  });
  it('refuses what is not a number', () => {
    expect(parsePrinted('/')).toBeNull();
    expect(parsePrinted('NA')).toBeNull();
    expect(parsePrinted('')).toBeNull();
  });
  it('closed intervals accept both round-half-up and round-half-even printings', () => {
    // 13/160 = 8.125%: printed "8.12" in yu2023 Table 1
    expect(contains(parsePrinted('8.12')!, (100 * 13) / 160)).toBe(true);
    expect(contains(parsePrinted('8.13')!, (100 * 13) / 160)).toBe(true);
    expect(contains(parsePrinted('8.11')!, (100 * 13) / 160)).toBe(false);
  });
  it('overlaps', () => {
    expect(overlaps({ lo: 0, hi: 1 }, { lo: 1, hi: 2 })).toBe(true);
    expect(overlaps({ lo: 0, hi: 1 }, { lo: 1.001, hi: 2 })).toBe(false);
  });
  it('confidence levels', () => {
    expect(ciLevelOf(undefined)).toBe(0.95);
    expect(ciLevelOf('95%')).toBe(0.95);
    expect(ciLevelOf('0.99')).toBe(0.99);
  });
});

describe('rounding slips', () => {
  it('one unit in the last digit is a slip; two units are not', () => {
    // Pearson χ² 0.826477 printed "0.827" (deng2025 Table 1, gender): rounded twice 0.8265 → 0.827
    expect(lastDigitSlip(parsePrinted('0.827')!, { lo: 0.826477, hi: 0.826477 })).toBe(true);
    expect(mismatchSeverity(parsePrinted('0.827')!, { lo: 0.826477, hi: 0.826477 })).toBe('warning');
    expect(mismatchSeverity(parsePrinted('0.829')!, { lo: 0.826477, hi: 0.826477 })).toBe('error');
    expect(lastDigitSlip(parsePrinted('<0.001')!, { lo: 0.0011, hi: 0.0011 })).toBe(false);
    expect(gap({ lo: 0, hi: 1 }, { lo: 3, hi: 4 })).toBe(2);
  });
});
