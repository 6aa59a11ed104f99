import { describe, expect, it } from 'vitest';
import { survivalCalibration } from '../../../src/stats/calibration/survivalCalibration.js';
import { decisionCurve } from '../../../src/stats/decision/decisionCurve.js';
import { calibrationFigureData } from '../../../src/report/figures/calibrationData.js';
import { calibrationLayout } from '../../../src/report/figures/calibrationLayout.js';
import { calibrationSvg } from '../../../src/report/figures/calibrationSvg.js';
import { decisionCurveFigureData } from '../../../src/report/figures/decisionCurveData.js';
import { decisionCurveLayout } from '../../../src/report/figures/decisionCurveLayout.js';
import { decisionCurveSvg } from '../../../src/report/figures/decisionCurveSvg.js';
import { fixed } from '../../../src/report/format/numbers.js';
import { svgToPng } from '../../../src/report/png.js';
import { lung, lungEvent, reference } from '../../stats/validation/referenceData.js';
import { expectAccessible, expectCleanText } from './svgCheck.js';

const risk = Float64Array.from(reference.cox.risk as number[]);
const cal = survivalCalibration({ time: lung.time, event: lungEvent, risk, horizon: 365 });
const labels = { title: 'Calibration at 365 days', predictedLabel: 'Predicted risk of death by 365 days', observedLabel: 'Observed risk (1 − Kaplan–Meier)' };

describe('calibration figure (lung, Cox model at 365 days)', () => {
  it('points at (mean predicted, observed) on one scale, diagonal from the origin, histogram bars at the bottom', () => {
    const L = calibrationLayout(calibrationFigureData(cal, labels, fixed));
    const { x0, x1, y0, y1 } = L.plot;
    const top = L.xAxis.ticks[L.xAxis.ticks.length - 1].value;
    expect(top).toBe(1);
    expect(L.points).toHaveLength(10);
    cal.groups.forEach((g, k) => {
      expect(L.points[k].x).toBeCloseTo(x0 + (g.predicted / top) * (x1 - x0), 9);
      expect(L.points[k].y).toBeCloseTo(y1 - ((g.observed as number) / top) * (y1 - y0), 9);
    });
    expect(L.diagonal).toEqual([x0, y1, x1, y0]);
    expect(L.bars.length).toBeGreaterThan(10);
    expect(Math.max(...L.bars.map((b) => b.y1))).toBe(y1);
    expect(L.curve.length).toBe(100);
    expect(L.legend.rows.at(-1)!.text).toMatch(/^ICI 0\.019, E50 0\.018, E90 0\.034/);
  });
  it('is accessible and clean; renders to PNG; never throws on empty input', () => {
    const svg = calibrationSvg(calibrationFigureData(cal, labels, fixed));
    expectAccessible(svg, labels.title);
    expectCleanText(svg);
    expect(svgToPng(svg).length).toBeGreaterThan(1000);
    expect(() => calibrationSvg({ ...labels, groups: [], smooth: null, histogram: null })).not.toThrow();
  });
});

describe('decision curve figure', () => {
  const d = decisionCurve({ kind: 'survival', time: lung.time, event: lungEvent, horizon: 365 }, [{ name: 'Cox model', risk }]);
  it('treat none is the zero line; treat all is cut where it leaves the axis', () => {
    const L = decisionCurveLayout(decisionCurveFigureData(d, 'Decision curves'));
    const zero = L.yAxis.ticks.find((t) => t.value === 0)!.pos;
    expect(L.series[0].pieces[0].every(([, y]) => y === zero)).toBe(true);
    const all = L.series[1].pieces.flat();
    expect(Math.max(...all.map(([, y]) => y))).toBeCloseTo(L.plot.y1, 9);
    expect(L.series.map((s) => s.label)).toEqual(['Treat none', 'Treat all', 'Cox model']);
  });
  it('is accessible and clean; renders to PNG; never throws on empty input', () => {
    const svg = decisionCurveSvg(decisionCurveFigureData(d, 'Decision curves', 'Net benefit (death by 365 days)'));
    expectAccessible(svg, 'Decision curves');
    expectCleanText(svg);
    expect(svgToPng(svg).length).toBeGreaterThan(1000);
    expect(() => decisionCurveSvg({ title: 'x', thresholds: [], treatAll: [], models: [] })).not.toThrow();
  });
});
