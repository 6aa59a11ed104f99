/** Word column widths fitted to content: no number broken, label columns wrap only at spaces, the page width is kept. */
import { describe, expect, it } from 'vitest';
import { docxColumnWidths } from '../../../src/report/tables/docxColumnWidths.js';

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
    // 19 characters at 9 pt × 0.55 em + margins
    expect(w[2]).toBeGreaterThanOrEqual(19 * 9 * 20 * 0.55 + 160);
    expect(w[2]).toBeGreaterThan(w[1]);
  });
  it('when too wide, shrinks the label column first, never below its longest word', () => {
    const wide = [['Factor', 'A very long label with many words that should wrap at spaces only'], ...Array.from({ length: 3 }, () => ['HR (95% CI)', '3.404 (1.608–7.207)'])];
    const w = docxColumnWidths(wide, ['left', ...Array(3).fill('right')], 9638, 9);
    expect(w.slice(1).every((x) => x >= 19 * 9 * 20 * 0.55 + 160 - 1)).toBe(true);
    expect(w[0]).toBeGreaterThanOrEqual(8 * 9 * 20 * 0.55 + 160 - 1); // "spaces" / "label" … longest word "should" etc.
  });
});
