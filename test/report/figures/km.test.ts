import { describe, expect, it } from 'vitest';
import type { KmFigureData } from '../../../src/report/figures/kmData.js';
import { kmLayout, kmTimeTicks } from '../../../src/report/figures/kmLayout.js';
import { kmSvg } from '../../../src/report/figures/kmSvg.js';
import { OKABE_ITO } from '../../../src/report/figures/palette.js';
import { exampleKm2, exampleKm4 } from './examples.js';
import { expectAccessible, expectCleanText, rounded, textBoxes } from './svgCheck.js';
import { textWidth } from '../../../src/report/figures/textWidth.js';

const tiny: KmFigureData = {
  title: 'Tiny',
  timeLabel: 'Time (months)',
  // Hand-computed KM of times 1, 2, 2+, 3, 5+: S = 0.8 at 1, 0.6 at 2, 0.3 at 3; median 3.
  groups: [{ label: 'All', n: 5, events: 3, points: [{ time: 1, surv: 0.8 }, { time: 2, surv: 0.6 }, { time: 3, surv: 0.3 }], censorTimes: [2, 5], median: 3, atRisk: [{ time: 0, n: 5 }, { time: 2, n: 4 }, { time: 4, n: 1 }, { time: 6, n: 0 }] }],
};

describe('kmTimeTicks', () => {
  it('gives nice ticks from 0 covering the last time', () => {
    expect(kmTimeTicks(58.3)).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(kmTimeTicks(36)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40]);
    expect(kmTimeTicks(0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(kmTimeTicks(Number.NaN)[0]).toBe(0);
  });
});

describe('kmLayout', () => {
  it('places the hand-computed tiny curve exactly', () => {
    const L = kmLayout(tiny);
    const { x0, x1, y0, y1 } = L.plot;
    const X = (t: number): number => x0 + ((x1 - x0) * t) / 6;
    const Y = (s: number): number => y1 - (y1 - y0) * s;
    const steps = L.series[0].steps;
    // Added start (0, 1), the three steps, and the end at the last censoring time 5.
    expect(rounded(steps, 6)).toEqual(rounded([[X(0), Y(1)], [X(1), Y(0.8)], [X(2), Y(0.6)], [X(3), Y(0.3)], [X(5), Y(0.3)]], 6));
    // Censoring ticks sit on the curve: S(2) = 0.6 (the step at 2 applies), S(5) = 0.3.
    expect(rounded(L.series[0].censor, 6)).toEqual(rounded([[X(2), Y(0.6)], [X(5), Y(0.3)]], 6));
    // Median lines: horizontal at 0.5 to t = 3, vertical at 3 down to the axis.
    expect(rounded(L.medianLines, 6)).toEqual(rounded([{ x1: x0, y1: Y(0.5), x2: X(3), y2: Y(0.5) }, { x1: X(3), y1: Y(0.5), x2: X(3), y2: y1 }], 6));
    // The risk table numbers are centred on the tick positions.
    const cells = L.riskTable.filter((t) => t.anchor === 'middle');
    expect(cells.map((c) => c.text)).toEqual(['5', '4', '1', '0']);
    expect(rounded(cells.map((c) => c.x), 6)).toEqual(rounded(L.xAxis.ticks.map((t) => t.pos), 6));
    expect(L.xAxis.ticks.map((t) => t.label)).toEqual(['0', '2', '4', '6']);
    expect(L.pText).toBeNull(); // one group: no log-rank
  });

  it('matches the snapshot of the two-group example (rounded)', () => {
    expect(rounded(kmLayout(exampleKm2(), { ci: true }))).toMatchSnapshot();
  });

  it('says "median not reached" and draws no median line when S never reaches 0.5', () => {
    const d: KmFigureData = { title: 't', groups: [{ label: 'A', n: 10, events: 2, points: [{ time: 3, surv: 0.9 }, { time: 7, surv: 0.8 }], median: null }] };
    const L = kmLayout(d);
    expect(L.legend[0].text).toBe('A (n = 10; median not reached)');
    expect(L.medianLines).toEqual([]);
  });

  it('draws a zero-event group flat at 1 to its last censoring', () => {
    const d: KmFigureData = {
      title: 't',
      groups: [
        { label: 'No events', n: 4, events: 0, points: [], censorTimes: [2, 4, 6, 9], median: null },
        { label: 'Events', n: 4, events: 4, points: [{ time: 0, surv: 1 }, { time: 1, surv: 0.75 }, { time: 2, surv: 0.5 }, { time: 3, surv: 0.25 }, { time: 4, surv: 0 }], median: 2 },
      ],
      logRank: { chisq: 6.2, df: 1, p: 0.0128 },
    };
    const L = kmLayout(d);
    const flat = L.series[0].steps;
    expect(new Set(flat.map((p) => p[1]))).toEqual(new Set([L.plot.y0]));
    // The axis runs to the nice tick 10; the flat curve ends at its last censoring, 9.
    expect(L.xAxis.ticks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(flat[flat.length - 1][0]).toBeCloseTo(L.plot.x0 + 0.9 * (L.plot.x1 - L.plot.x0), 9);
    expect(L.pText?.text).toBe('Log-rank P = 0.013');
    const svg = kmSvg(d, { ci: true });
    expectAccessible(svg, 't');
    expectCleanText(svg);
  });

  it('breaks the CI band where bounds are null, and never draws NaN', () => {
    const d: KmFigureData = {
      title: 'Bounds missing',
      groups: [{ label: 'G', n: 3, events: 3, points: [{ time: 0, surv: 1, lower: null, upper: null }, { time: 1, surv: 0.667, lower: 0.3, upper: 1 }, { time: 2, surv: 0.333, lower: 0.06, upper: 1 }, { time: 3, surv: 0, lower: null, upper: null }], median: 2 }],
    };
    const L = kmLayout(d, { ci: true });
    expect(L.series[0].band).toHaveLength(1);
    expect(L.series[0].band[0]).toHaveLength(3); // t = 1, 2 and the extension to t = 3
    const svg = kmSvg(d, { ci: true });
    expectAccessible(svg, 'Bounds missing');
  });

  it('survives garbage: no groups, NaN points, negative times, empty labels', () => {
    const bad = {
      title: 'bad',
      groups: [{ label: '', n: Number.NaN, events: Number.NaN, points: [{ time: Number.NaN, surv: 0.5 }, { time: -1, surv: 2 }, { time: 4, surv: Number.POSITIVE_INFINITY }], censorTimes: [Number.NaN, 3] }],
      logRank: { chisq: Number.NaN, df: 1, p: Number.NaN },
    } as KmFigureData;
    expect(() => kmSvg(bad)).not.toThrow();
    expect(kmSvg(bad)).not.toMatch(/NaN|Infinity/);
    const none = kmSvg({ title: 'none', groups: [] });
    expectAccessible(none, 'none');
    expect(none).toContain('no groups');
  });
});

describe('kmSvg', () => {
  it('is deterministic, accessible, Okabe–Ito coloured, with clean text (2 and 4 groups, both widths)', () => {
    for (const [d, o] of [[exampleKm2(), { ci: true }], [exampleKm4(), {}], [exampleKm4(), { width: 'double' as const, ci: true }], [exampleKm2(), { percent: true, showChisq: true }]] as const) {
      const a = kmSvg(d, o);
      expect(kmSvg(d, o)).toBe(a);
      expectAccessible(a, d.title);
      expectCleanText(a);
      expect(a).toContain(OKABE_ITO.blue);
      expect(a).toContain(OKABE_ITO.vermillion);
    }
    const four = kmSvg(exampleKm4());
    for (const c of [OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple]) expect(four).toContain(c);
    expect(four).toMatch(/width="85mm"/);
    expect(kmSvg(exampleKm4(), { width: 'double' })).toMatch(/width="175mm"/);
  });

  it('prints journal P values, group sizes and the risk table', () => {
    const svg = kmSvg(exampleKm2());
    const texts = textBoxes(svg).map((t) => t.text);
    expect(texts).toContain('Log-rank P < 0.001');
    expect(texts.some((t) => /^SII < 340 \(n = 118; median \d+\.\d\)$/.test(t))).toBe(true);
    expect(texts).toContain('Number at risk');
    // Each risk-table row: the group's line sample (colour and dash), then its label in black.
    const L = kmLayout(exampleKm2());
    expect(L.riskSamples.map((e) => [e.colour, e.dash])).toEqual(L.series.map((sr) => [sr.colour, sr.dash]));
    expect(L.riskTable.filter((t) => t.anchor === 'start' && !t.bold).map((t) => [t.text, t.colour])).toEqual([['SII < 340', undefined], ['SII ≥ 340', undefined]]);
    expect(kmSvg(exampleKm2(), { showChisq: true })).toContain('Log-rank χ² = 14.27, df = 1, P &lt; 0.001');
    const desc = /<desc[^>]*>([^<]*)</.exec(svg)?.[1] ?? '';
    expect(desc).toContain('SII &lt; 340 (n = 118');
    expect(desc).toContain('Log-rank test χ² = 14.27, df = 1, P &lt; 0.001.');
  });
});

describe('kmLayout with long, nearly identical group labels', () => {
  // Two-factor groupings as the pipeline labels them: they differ only at the end.
  const long = (): KmFigureData => {
    const base = exampleKm4();
    const names = [
      'SII_mean (mean of all draws) < 1,234.5, AFP_mean < 400',
      'SII_mean (mean of all draws) < 1,234.5, AFP_mean ≥ 400',
      'SII_mean (mean of all draws) ≥ 1,234.5, AFP_mean < 400',
      'SII_mean (mean of all draws) ≥ 1,234.5, AFP_mean ≥ 400',
    ];
    return { ...base, groups: base.groups.map((g, i) => ({ ...g, label: names[i] })) };
  };
  const rowLabels = (L: ReturnType<typeof kmLayout>): string[] => {
    // Each row's label lines, grouped by the row (the numbers share the first line's y).
    const starts = L.riskTable.filter((t) => t.anchor === 'start' && !t.bold);
    const firstYs = L.riskSamples.map((s) => s.y + 0.358 * L.fontSize);
    return firstYs.map((y, i) => starts.filter((t) => t.y >= y - 1e-6 && (i + 1 >= firstYs.length || t.y < firstYs[i + 1] - 1e-6)).map((t) => t.text).join(' '));
  };

  for (const width of ['single', 'double'] as const) {
    it(`prints every group's risk-table label distinguishably (${width})`, () => {
      const L = kmLayout(long(), { width });
      const labels = rowLabels(L);
      expect(labels).toHaveLength(4);
      expect(new Set(labels).size).toBe(4);
      // The differing ends are on the page.
      for (const [i, end] of ['< 400', '≥ 400', '< 400', '≥ 400'].entries()) expect(labels[i]).toContain(end);
      // Labels stay left of the first column of numbers.
      const firstCell = Math.min(...L.riskTable.filter((t) => t.anchor === 'middle').map((t) => t.x));
      const cellHalf = Math.max(...L.riskTable.filter((t) => t.anchor === 'middle').map((t) => textWidth(t.text, L.fontSize) / 2));
      for (const t of L.riskTable.filter((r) => r.anchor === 'start' && !r.bold)) expect(t.x + textWidth(t.text, L.fontSize)).toBeLessThanOrEqual(firstCell - cellHalf + 1e-6);
      // Rows never overlap: each row starts below the last line of the previous one.
      const ys = L.riskTable.filter((t) => t.anchor === 'start' && !t.bold).map((t) => t.y);
      expect([...ys].sort((a, b) => a - b)).toEqual(ys);
      expect(L.height).toBeGreaterThan(Math.max(...ys));
      const svg = kmSvg(long(), { width });
      expectCleanText(svg);
    });
  }

  it('wraps a legend entry wider than the figure instead of cutting it', () => {
    const L = kmLayout(long());
    for (const [i, e] of L.legend.entries()) {
      expect(e.text).toBe(`${long().groups[i].label} (n = ${long().groups[i].n}; median ${e.text.split('median ')[1].replace(')', '')})`);
      for (const l of e.lines) expect(e.x + L.sampleLength + 3 + textWidth(l, L.fontSize)).toBeLessThanOrEqual(L.width);
    }
    // Entries do not overlap: each starts below the previous entry's last line.
    for (let i = 1; i < L.legend.length; i++) expect(L.legend[i].y).toBeGreaterThanOrEqual(L.legend[i - 1].y + L.legend[i - 1].lines.length * L.legendLineHeight - 1e-6);
  });
});
