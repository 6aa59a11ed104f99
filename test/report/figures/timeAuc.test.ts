import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TimeAucFigureData } from '../../../src/report/figures/timeAucData.js';
import { timeAucLayout } from '../../../src/report/figures/timeAucLayout.js';
import { timeAucSvg } from '../../../src/report/figures/timeAucSvg.js';
import { timeAucFigureData } from '../../../src/report/build/figureAdapters.js';
import { timeRocAnalysis } from '../../../src/analysis/timeRocAnalysis.js';
import { toPlain } from '../../../src/analysis/plain.js';
import { svgToPng } from '../../../src/report/png.js';
import { readCsv } from '../../stats/timeroc/referenceData.js';
import { expectAccessible, expectCleanText } from './svgCheck.js';

const two: TimeAucFigureData = {
  title: 'AUC(t) for OS',
  timeLabel: 'Time (months)',
  series: [
    { label: 'SII', curve: [{ time: 12, auc: 0.7, lower: 0.6, upper: 0.8 }, { time: 6, auc: 0.72, lower: 0.62, upper: 0.82 }, { time: 24, auc: 0.65, lower: 0.5, upper: 0.8 }], points: [{ time: 12, auc: 0.7, lower: 0.6, upper: 0.8 }] },
    { label: 'AFP', curve: [{ time: 6, auc: 0.6, lower: 0.38, upper: 0.82 }, { time: 24, auc: 0.62, lower: NaN as unknown as number, upper: 0.7 }], points: [] },
  ],
};

describe('timeAucLayout', () => {
  it('maps AUC(t) onto the plot: time from 0, AUC axis down to the lowest limit in steps of 0.1, chance line at 0.5', () => {
    const L = timeAucLayout(two);
    const { x0, x1, y0, y1 } = L.plot;
    expect(L.yAxis.ticks.map((t) => t.label)).toEqual(['0.3', '0.4', '0.5', '0.6', '0.7', '0.8', '0.9', '1.0']);
    const xMax = L.xAxis.ticks[L.xAxis.ticks.length - 1].value;
    expect(L.xAxis.ticks[0].value).toBe(0);
    const X = (t: number) => x0 + (t / xMax) * (x1 - x0);
    const Y = (a: number) => y1 - ((a - 0.3) / 0.7) * (y1 - y0);
    expect(L.chanceY).toBeCloseTo(Y(0.5), 9);
    // the curve is sorted by time; the marked horizon sits on it
    expect(L.series[0].line.map(([x]) => x)).toEqual([X(6), X(12), X(24)].map((v) => expect.closeTo(v, 9)));
    expect(L.series[0].points[0].y).toBeCloseTo(Y(0.7), 9);
    // band: upper limits forward, lower limits back
    expect(L.series[0].band).toHaveLength(6);
    expect(L.series[0].band[0][1]).toBeCloseTo(Y(0.82), 9);
    expect(L.series[0].band[5][1]).toBeCloseTo(Y(0.62), 9);
    // a point without both limits is left out of the band (one left: no band)
    expect(L.series[1].band).toEqual([]);
    expect(L.legend.rows.map((r) => r.text)).toEqual(['SII', 'AFP', 'Shaded: pointwise 95% CI']);
    expect(L.description).toMatch(/SII: AUC\(12\) 0.700 \(0.600–0.800\)/);
  });

  it('never throws on empty input', () => {
    expect(() => timeAucSvg({ title: 'empty', timeLabel: 'Time', series: [] })).not.toThrow();
  });
});

describe('timeAucSvg on pbc (bilirubin, albumin, prothrombin time)', () => {
  it('is accessible, its text stays inside and does not overlap; renders to PNG', () => {
    const d = readCsv('timeroc_pbc.csv');
    const ds = {
      n: d.time.length, ids: Array.from(d.id, String),
      columns: new Map([
        ['bili', { kind: 'numeric' as const, values: d.bili, label: 'Bilirubin' }],
        ['albumin', { kind: 'numeric' as const, values: d.albumin, label: 'Albumin' }],
        ['protime', { kind: 'numeric' as const, values: d.protime, label: 'Prothrombin time' }],
      ]),
      endpoints: new Map([['os', { kind: 'survival' as const, time: d.time, event: d.status, unit: 'days' }]]),
    };
    const a = toPlain(timeRocAnalysis(ds, 'pbc', 'os', ['bili', 'albumin', 'protime'], [365.25, 1095.75, 1826.25, 3652.5], { lower: ['albumin'] }));
    const svg = timeAucSvg(timeAucFigureData(a, 'Time-dependent AUC for death in PBC', 'Time (days)'));
    expectAccessible(svg, 'Time-dependent AUC for death in PBC');
    expectCleanText(svg);
    expect(svg).toContain('Albumin (lower = higher risk)');
    expect((svg.match(/class="ci-band"/g) ?? []).length).toBe(3);
    const png = svgToPng(svg);
    expect(Buffer.from(png.subarray(1, 4)).toString()).toBe('PNG');
    const dir = process.env.SIILAB_FIGURE_DIR ?? mkdtempSync(join(tmpdir(), 'siilab-timeauc-'));
    writeFileSync(join(dir, 'pbc-time-auc.png'), png);
  });
});
