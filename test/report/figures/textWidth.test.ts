import { describe, expect, it } from 'vitest';
import { fitText, textWidth, wrapText } from '../../../src/report/figures/textWidth.js';

describe('textWidth', () => {
  it('uses Arial/Arimo advance widths', () => {
    // Arial: digits 0.556 em, space 0.278 em, "W" 0.944 em (1139/2048 etc.).
    expect(textWidth('0', 1000)).toBeCloseTo(556.2, 1);
    expect(textWidth(' ', 1000)).toBeCloseTo(277.8, 1);
    expect(textWidth('W', 1000)).toBeCloseTo(943.8, 1);
    expect(textWidth('0.5', 10)).toBeCloseTo(13.902, 6);
    expect(textWidth('A', 10, true)).toBeGreaterThan(textWidth('i', 10, true));
    expect(textWidth('', 10)).toBe(0);
    expect(textWidth('漢', 10)).toBeCloseTo(5.562, 3); // unknown glyph: a digit's width
  });
});

describe('wrapText', () => {
  it('wraps on spaces, keeps no-break spaces and comparison signs with their number', () => {
    expect(wrapText('Child–Pugh class C', 30, 7)).toEqual(['Child–Pugh', 'class C']);
    expect(wrapText('aaaa (n\u00a0=\u00a012)', 25, 7)).toEqual(['aaaa', '(n\u00a0=\u00a012)']);
    expect(wrapText('DNA ≥ 2000 IU/mL', 30, 7)).toEqual(['DNA', '≥ 2000', 'IU/mL']);
    expect(wrapText('Supercalifragilistic', 10, 7)).toEqual(['Supercalifragilistic']);
    expect(wrapText('', 10, 7)).toEqual(['']);
  });

  it('fitText shortens with an ellipsis only when needed', () => {
    expect(fitText('short', 100, 7)).toBe('short');
    const f = fitText('Macrovascular invasion', 50, 7);
    expect(f.endsWith('…')).toBe(true);
    expect(textWidth(f, 7)).toBeLessThanOrEqual(50);
  });
});
