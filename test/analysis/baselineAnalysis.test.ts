/**
 * Baseline table: a skewed numeric variable is summarised as median (IQR) with the Mann–Whitney
 * test (Kruskal–Wallis for more groups), a symmetric one as mean ± SD with Student's t; the spec's
 * `summary` overrides the default; the table says which and why in a footnote.
 */
import { describe, expect, it } from 'vitest';
import { datasetFromTable } from '../../src/analysis/datasetFromTable.js';
import { baselineAnalysis, sampleSkewness } from '../../src/analysis/baselineAnalysis.js';
import { mannWhitney } from '../../src/stats/compare/mannWhitney.js';
import { kruskalWallis } from '../../src/stats/compare/kruskalWallis.js';
import { tTest } from '../../src/stats/compare/tTest.js';
import { baselineTable } from '../../src/report/build/resultTables.js';
import { formatP } from '../../src/report/format/numbers.js';

// x: right-skewed (a few very high values, like SII); y: symmetric.
const xs = [120, 150, 180, 200, 210, 230, 260, 300, 350, 2400, 90, 140, 160, 170, 190, 220, 240, 280, 3100, 4200];
const ys = [50, 52, 48, 51, 49, 53, 47, 50, 52, 48, 55, 57, 53, 56, 54, 58, 52, 55, 57, 53];
const grp = xs.map((_, i) => (i < 10 ? 'A' : 'B'));
const rows = xs.map((x, i) => [String(i + 1), grp[i], x, ys[i], i % 3 === 0 ? 'C' : grp[i]]);
const ds = datasetFromTable(['id', 'g', 'x', 'y', 'g3'], rows, 'id', {}, { x: 'SII' });

describe('baselineAnalysis: summary by skewness', () => {
  it('computes the adjusted sample skewness G1 (as SPSS / Excel SKEW)', () => {
    // 1, 2, 3, 10: m2 = 12.5, m3 = 45, g1 = 45 / 12.5^1.5, G1 = g1·√(n(n−1))/(n−2) = 1.763633 (Excel =SKEW).
    expect(sampleSkewness([1, 2, 3, 10])).toBeCloseTo(1.763633, 5);
    expect(sampleSkewness([1, 2, 3])).toBeCloseTo(0, 12);
    expect(sampleSkewness([5, 5])).toBeNull();
  });

  it('summarises a skewed variable as median (IQR) with Mann–Whitney, a symmetric one as mean ± SD with t', () => {
    const r = baselineAnalysis(ds, 'baseline', 'g', ['x', 'y'], new Map());
    const [x, y] = r.variables;
    expect(x).toMatchObject({ summary: 'median', summaryBy: 'skewness', test: 'mannWhitney' });
    const a = Float64Array.from(xs.slice(0, 10)), b = Float64Array.from(xs.slice(10));
    expect(x.p).toBeCloseTo(mannWhitney(a, b).p, 12);
    expect(x.statistic).toBeCloseTo(Math.abs(mannWhitney(a, b).z), 12);
    expect(Math.abs(x.skewness!)).toBeGreaterThan(1);
    expect(y).toMatchObject({ summary: 'mean', test: 't' });
    expect(y.p).toBeCloseTo(tTest(Float64Array.from(ys.slice(0, 10)), Float64Array.from(ys.slice(10))).student.p, 12);

    const t = baselineTable(JSON.parse(JSON.stringify(r)), 'Table 1');
    const xRow = t.rows.find((row) => row.cells[0].startsWith('SII'))!;
    expect(xRow.cells[0]).toBe('SII, median (IQR)');
    expect(xRow.cells[1]).toMatch(/^\d+\.\d\d \(\d+\.\d\d–\d+\.\d\d\)$/);
    expect(xRow.cells[4]).toBe(formatP(x.p));
    const yRow = t.rows.find((row) => row.cells[0] === 'y')!;
    expect(yRow.cells[1]).toMatch(/ ± /);
    expect(t.columns.map((c) => c.label)).toContain('Z / t');
    const foot = t.footnotes.join(' ');
    expect(foot).toMatch(/Mann–Whitney U test/);
    expect(foot).toMatch(/SII is skewed \(\|sample skewness\| > 1\)/);
  });

  it('uses Kruskal–Wallis for a skewed variable across three groups', () => {
    const r = baselineAnalysis(ds, 'baseline', 'g3', ['x'], new Map());
    const x = r.variables[0];
    expect(x.test).toBe('kruskalWallis');
    const groups = ['A', 'B', 'C'].map((g) => Float64Array.from(xs.filter((_, i) => rows[i][4] === g)));
    expect(x.p).toBeCloseTo(kruskalWallis(groups).p, 12);
    expect(baselineTable(JSON.parse(JSON.stringify(r)), 'T').footnotes.join(' ')).toMatch(/Kruskal–Wallis/);
  });

  it("follows the spec's summary over the skewness default, and says so", () => {
    const r = baselineAnalysis(ds, 'baseline', 'g', ['x', 'y'], new Map(), false, { x: 'mean', y: 'median' });
    expect(r.variables[0]).toMatchObject({ summary: 'mean', summaryBy: 'spec', test: 't' });
    expect(r.variables[1]).toMatchObject({ summary: 'median', summaryBy: 'spec', test: 'mannWhitney' });
    expect(baselineTable(JSON.parse(JSON.stringify(r)), 'T').footnotes.join(' ')).toMatch(/y as declared in the study file/);
  });
});
