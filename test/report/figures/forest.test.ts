import { describe, expect, it } from 'vitest';
import type { ForestFigureData } from '../../../src/report/figures/forestData.js';
import { forestEstimateText, forestLayout } from '../../../src/report/figures/forestLayout.js';
import { forestSvg } from '../../../src/report/figures/forestSvg.js';
import { exampleForest } from './examples.js';
import { expectAccessible, expectCleanText, rounded, textBoxes } from './svgCheck.js';

describe('forestEstimateText', () => {
  it('formats ratios, references, headings and unestimable rows', () => {
    expect(forestEstimateText({ label: 'a', estimate: 2.046, lower: 1.425, upper: 2.935 })).toBe('2.05 (1.43–2.94)');
    expect(forestEstimateText({ label: 'a', estimate: 3.1, lower: 1.2, upper: Number.POSITIVE_INFINITY })).toBe('3.10 (1.20–∞)');
    expect(forestEstimateText({ label: 'a', estimate: 3.1, lower: null, upper: null })).toBe('3.10 (— to —)');
    expect(forestEstimateText({ label: 'a', estimate: 3.9, lower: 1.1, upper: null })).toBe('3.90 (1.10 to —)');
    expect(forestEstimateText({ label: 'a', estimate: 1500, lower: 0.0004, upper: 1e9 })).toBe('> 999 (< 0.001–> 999)');
    expect(forestEstimateText({ label: 'a', reference: true })).toBe('Reference');
    expect(forestEstimateText({ label: 'a', header: true })).toBe('');
    expect(forestEstimateText({ label: 'a', estimate: null })).toBe('Not estimable');
    expect(forestEstimateText({ label: 'a', estimate: Number.POSITIVE_INFINITY, note: 'no events' })).toBe('no events');
  });
});

describe('forestLayout', () => {
  it('puts estimates on a log scale: 1 at the reference line, equal ratios equal distances', () => {
    const d: ForestFigureData = { title: 'f', measure: 'OR', panels: [{ title: 'Model', rows: [{ label: 'a', estimate: 2, lower: 1, upper: 4, p: 0.04 }, { label: 'b', estimate: 0.5, lower: 0.25, upper: 1, p: 0.04 }] }] };
    const L = forestLayout(d);
    const [a, b] = L.intervals;
    const ref = L.plots[0].refX;
    expect(a.xEst! - ref).toBeCloseTo(ref - b.xEst!, 9);
    expect(a.x1 - a.xEst!).toBeCloseTo(a.xEst! - a.x0, 9);
    expect(a.x0).toBeCloseTo(ref, 9);
    expect(L.plots[0].axis.title).toBe('Odds ratio (log scale)');
    expect(L.plots[0].axis.ticks.map((t) => t.label)).toContain('1');
    expect(L.texts.map((t) => t.text)).toEqual(expect.arrayContaining(['OR (95% CI)', '2.00 (1.00–4.00)', '0.040']));
  });

  it('draws arrows for open or off-axis limits and no marker when not estimable', () => {
    const d: ForestFigureData = {
      title: 'edge',
      measure: 'HR',
      panels: [{
        title: 'Univariate',
        rows: [
          { label: 'Stage', header: true },
          { label: 'I', reference: true, indent: true },
          { label: 'II', estimate: 1.8, lower: 0, upper: Number.POSITIVE_INFINITY, p: 0.3, indent: true },
          { label: 'Separation', estimate: Number.POSITIVE_INFINITY, lower: 2, upper: null, p: null },
          { label: 'Huge', estimate: 5000, lower: 900, upper: 1e9, p: 0.001 },
          { label: 'Null', estimate: null, lower: null, upper: null, p: null },
          { label: 'Normal', estimate: 1.3, lower: 1.1, upper: 1.6, p: 0.0004 },
        ],
      }],
    };
    const L = forestLayout(d);
    expect(L.intervals).toHaveLength(4); // II, Separation (open to the right), Huge, Normal
    const [ii, sep, huge, normal] = L.intervals;
    expect([ii.arrowLeft, ii.arrowRight]).toEqual([true, true]);
    expect([sep.arrowLeft, sep.arrowRight, sep.xEst]).toEqual([false, true, null]);
    expect(huge.xEst).toBeNull(); // 5000 lies beyond the axis end (1000)
    expect(huge.arrowRight).toBe(true);
    expect([normal.arrowLeft, normal.arrowRight]).toEqual([false, false]);
    const texts = L.texts.map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['Reference', 'Not estimable', '< 0.001', '1.80 (0.00–∞)', '> 999 (900.00–> 999)']));
    const svg = forestSvg(d);
    expectAccessible(svg, 'edge');
    expectCleanText(svg);
  });

  it('matches rows by key side by side and leaves missing rows blank', () => {
    const L = forestLayout(exampleForest(), { width: 'double' });
    expect(L.plots).toHaveLength(2);
    expect(L.intervals).toHaveLength(10); // 6 univariate + 4 multivariate
    const ageY = L.intervals[0].y;
    expect(L.intervals.slice(6).every((iv) => iv.y !== ageY)).toBe(true);
    expect(rounded(L)).toMatchSnapshot();
  });

  it('stacks the panels in a single column', () => {
    const L = forestLayout(exampleForest(), { width: 'single' });
    expect(L.plots).toHaveLength(1);
    expect(L.texts.filter((t) => t.italic && t.bold && t.text !== 'P').map((t) => t.text)).toEqual(['Univariate', 'Multivariate']);
    expect(rounded(L)).toMatchSnapshot();
  });
});

describe('long labels', () => {
  it('wrap onto more lines and make their row taller instead of overlapping', () => {
    const d = exampleForest();
    const long: ForestFigureData = {
      ...d,
      panels: d.panels.map((p) => ({ ...p, rows: [...p.rows, { label: 'Barcelona Clinic Liver Cancer stage C versus stage A or B', estimate: 2.4, lower: 1.5, upper: 3.8, p: 0.0002 }] })),
    };
    for (const width of ['single', 'double'] as const) {
      const L = forestLayout(long, { width });
      const parts = L.texts.filter((t) => /Barcelona|stage|versus|or B/.test(t.text) && t.anchor === 'start' && !t.text.includes('('));
      expect(parts.length).toBeGreaterThan(1);
      expect(parts.map((t) => t.text).join(' ').replace(/\s+/g, ' ')).toContain('Barcelona Clinic Liver Cancer stage C');
      const svg = forestSvg(long, { width });
      expectCleanText(svg);
    }
  });
});

describe('forestSvg', () => {
  it('is deterministic and accessible with clean text', () => {
    for (const o of [{ width: 'double' as const }, { width: 'single' as const }, { width: 'double' as const, arrangement: 'stacked' as const }]) {
      const a = forestSvg(exampleForest(), o);
      expect(forestSvg(exampleForest(), o)).toBe(a);
      expectAccessible(a, exampleForest().title);
      expectCleanText(a);
      expect(textBoxes(a).map((t) => t.text)).not.toContain('0.000');
    }
    expectAccessible(forestSvg({ title: 'Nothing', measure: 'HR', panels: [] }), 'Nothing');
  });
});
