import { describe, expect, it } from 'vitest';
import type { RocFigureData } from '../../../src/report/figures/rocData.js';
import { rocLayout, rocPath } from '../../../src/report/figures/rocLayout.js';
import { rocSvg } from '../../../src/report/figures/rocSvg.js';
import { exampleRoc3 } from './examples.js';
import { expectAccessible, expectCleanText, rounded, textBoxes } from './svgCheck.js';

describe('rocPath', () => {
  it('accepts specificity/sensitivity or fpr/tpr in any order and runs (0,0) → (1,1)', () => {
    expect(rocPath([{ specificity: 0.5, sensitivity: 0.8 }, { specificity: 1, sensitivity: 0 }])).toEqual([[0, 0], [0.5, 0.8], [1, 1]]);
    expect(rocPath([{ fpr: 1, tpr: 1 }, { fpr: 0.2, tpr: 0.9 }, { fpr: 0.2, tpr: 0.6 }])).toEqual([[0, 0], [0.2, 0.6], [0.2, 0.9], [1, 1]]);
    expect(rocPath([{ fpr: Number.NaN, tpr: 0.5 }, { fpr: 1.5, tpr: -1 }])).toEqual([[0, 0], [1, 0], [1, 1]]);
    expect(rocPath([])).toEqual([[0, 0], [1, 1]]);
  });
});

describe('rocLayout', () => {
  it('maps the curve, the diagonal and the optimal cutoff onto the square plot', () => {
    const d: RocFigureData = { title: 'one', curves: [{ label: 'SII', auc: 0.8, lower: 0.7, upper: 0.9, points: [{ fpr: 0.25, tpr: 0.75 }], optimal: { threshold: 405.08, sensitivity: 0.75, specificity: 0.75 } }] };
    const L = rocLayout(d);
    const { x0, x1, y0, y1 } = L.plot;
    expect(x1 - x0).toBeCloseTo(y1 - y0, 9); // square
    expect(rounded(L.diagonal, 6)).toEqual(rounded([x0, y1, x1, y0], 6));
    expect(rounded(L.series[0].path, 6)).toEqual(rounded([[x0, y1], [x0 + 0.25 * (x1 - x0), y1 - 0.75 * (y1 - y0)], [x1, y0]], 6));
    expect(rounded(L.series[0].marker, 6)).toEqual(rounded({ x: x0 + 0.25 * (x1 - x0), y: y1 - 0.75 * (y1 - y0) }, 6));
    const cells = L.legend.rows.flatMap((r) => r.cells.map((c) => c.text));
    expect(cells).toEqual(['AUC', 'Optimal cutoff', '(95% CI)', '(specificity, sensitivity)', 'SII', '0.800 (0.700–0.900)', '405.08 (0.750, 0.750)']);
  });

  it('wraps a long legend label onto a second line instead of cutting it', () => {
    const d: RocFigureData = { title: 'two', curves: [
      { label: 'SII_mean', auc: 0.7, lower: 0.6, upper: 0.8, points: [], optimal: { threshold: 368.99, sensitivity: 0.53, specificity: 0.84 } },
      { label: 'SII_mean + AFP_mean + albumin', auc: 0.9, lower: 0.85, upper: 0.95, points: [], optimal: { threshold: 0.56, sensitivity: 0.82, specificity: 0.87 } },
    ] };
    const rows = rocLayout(d).legend.rows;
    const labelRows = rows.filter((r) => r.cells.length === 1 || r.colour !== null).map((r) => r.cells[0].text);
    expect(labelRows.join(' ')).toBe('SII_mean SII_mean + AFP_mean + albumin');
    expect(labelRows.length).toBeGreaterThan(2); // the long label took a second line, without an ellipsis
    expect(labelRows.some((t) => t.includes('…'))).toBe(false);
    const cont = rows[rows.length - 1];
    expect(cont.colour).toBeNull(); // a continuation line draws no second sample or marker
    expect(cont.shape).toBeNull();
  });

  it('puts the legend headers on one line when they fit', () => {
    const heads = (L: ReturnType<typeof rocLayout>): string[] => L.legend.rows.filter((r) => r.colour === null).flatMap((r) => r.cells.map((c) => c.text));
    expect(heads(rocLayout(exampleRoc3(), { width: 'double' }))).toEqual(['AUC (95% CI)', 'Optimal cutoff (specificity, sensitivity)']);
    expect(heads(rocLayout(exampleRoc3(), { showOptimal: false }))).toEqual(['AUC (95% CI)']);
    const L = rocLayout(exampleRoc3(), { showOptimal: false });
    expect(L.series.every((s) => s.marker === null)).toBe(true);
    // Without the cutoff column the legend fits inside the plot's empty lower right.
    expect(L.legend.box.x1).toBeLessThanOrEqual(L.plot.x1);
    expect(L.legend.box.y1).toBeLessThanOrEqual(L.plot.y1);
  });

  it('reverses the axis for xAxis: specificity', () => {
    const L = rocLayout({ title: 's', curves: [] }, { xAxis: 'specificity' });
    expect(L.xAxis.title).toBe('Specificity');
    expect(L.xAxis.ticks[0].pos).toBeCloseTo(L.plot.x1, 9); // specificity 0 on the right
  });

  it('matches the snapshot of the three-curve example (rounded)', () => {
    expect(rounded(rocLayout(exampleRoc3()))).toMatchSnapshot();
  });
});

describe('rocSvg', () => {
  it('is deterministic and accessible with clean text, single and double width', () => {
    for (const o of [{}, { width: 'double' as const }, { xAxis: 'specificity' as const }]) {
      const a = rocSvg(exampleRoc3(), o);
      expect(rocSvg(exampleRoc3(), o)).toBe(a);
      expectAccessible(a, exampleRoc3().title);
      expectCleanText(a);
    }
  });

  it('handles AUC 1, missing CIs, no optimal cutoff and no curves', () => {
    const d: RocFigureData = {
      title: 'Perfect',
      curves: [
        { label: 'Perfect', auc: 1, lower: 1, upper: 1, points: [{ specificity: 1, sensitivity: 0 }, { specificity: 1, sensitivity: 1 }, { specificity: 0, sensitivity: 1 }], optimal: { threshold: 3, sensitivity: 1, specificity: 1 } },
        { label: 'No CI', auc: 0.61, lower: null, upper: null, points: [{ fpr: 0.5, tpr: 0.7 }], optimal: null },
        { label: 'Broken', auc: Number.NaN, points: [] },
      ],
    };
    const svg = rocSvg(d);
    expectAccessible(svg, 'Perfect');
    expectCleanText(svg);
    const texts = textBoxes(svg).map((t) => t.text);
    expect(texts).toContain('1.000 (1.000–1.000)');
    expect(texts).toContain('0.610');
    expect(texts).toContain('—');
    expectAccessible(rocSvg({ title: 'Empty', curves: [] }), 'Empty');
  });
});
