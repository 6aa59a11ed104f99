/** Word column widths fitted to content: no number broken, label columns wrap only at spaces, the page width is kept. */
import { describe, expect, it } from 'vitest';
import { docxColumnWidths } from '../../../src/report/tables/docxColumnWidths.js';
import { textWidth } from '../../../src/report/figures/textWidth.js';

/** Twips of `s` at 9 pt in Arial, plus the cell margins. */
const need = (s: string, bold = false): number => textWidth(s, 9, bold) * 20 + 160;

describe('docxColumnWidths', () => {
  const cols = [
    ['Factor', 'SII ≥ 1092.2', 'Albumin, g/dL (per 1 g/dL)'],
    ['β', '1.225', '−0.843'],
    ['HR (95% CI)', '3.404 (1.608–7.207)', '0.430 (0.248–0.748)'],
    ['P', '0.001', '< 0.001'],
  ];
  it('sums to the text width and gives the CI column room for its whole text', () => {
    const w = docxColumnWidths(cols, ['left', 'right', 'right', 'right'], 9638, 9);
    expect(w.reduce((s, x) => s + x, 0)).toBeGreaterThan(9630);
    expect(w.reduce((s, x) => s + x, 0)).toBeLessThan(9646);
    // The whole CI at 9 pt in Arial + margins.
    expect(w[2]).toBeGreaterThanOrEqual(need('3.404 (1.608–7.207)'));
    expect(w[2]).toBeGreaterThan(w[1]);
  });
  it('when too wide, shrinks the label column first, never below its longest word', () => {
    const wide = [['Factor', 'A very long label with many words that should wrap at spaces only'], ...Array.from({ length: 3 }, () => ['HR (95% CI)', '3.404 (1.608–7.207)'])];
    const w = docxColumnWidths(wide, ['left', ...Array(3).fill('right')], 9638, 9);
    expect(w.slice(1).every((x) => x >= need('3.404 (1.608–7.207)'))).toBe(true);
    expect(w[0]).toBeGreaterThanOrEqual(need('spaces')); // the longest word
  });
  it('gives a column of three-digit counts room for its digits (LibreOffice broke "116" into "11" over "6")', () => {
    // The Kaplan–Meier table: long headers push the page width; n is a narrow number column.
    const km = [
      ['Group', 'SII_mean < 368.987', 'SII_mean ≥ 368.987'],
      ['n', '116', '70'],
      ['Events', '56', '53'],
      ['Median, months (95% CI, R)', 'not reached', '19.80 (14.31–24.44)'],
      ['Median (95% CI, SPSS)', '—', '19.62 (13.67–25.57)'],
      ['1-year survival (%)', '81.0', '62.9'],
      ['3-year survival (%)', '51.7', '24.3'],
      ['5-year survival (%)', '—', '—'],
    ];
    const w = docxColumnWidths(km, ['left', ...Array(7).fill('right')], 9638, 9);
    km.forEach((col, j) => {
      if (j === 0) return;
      for (const c of col.slice(1)) expect(w[j], `${col[0]}: ${c}`).toBeGreaterThanOrEqual(need(c));
    });
  });
});
