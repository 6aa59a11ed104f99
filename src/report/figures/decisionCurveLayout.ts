/**
 * Decision curve layout (Vickers & Elkin 2006, Fig. 1 style): net benefit against threshold
 * probability for each model, treat-all (grey) and treat-none (the zero line); the y axis runs from
 * a little below 0 to the largest net benefit (the event risk), and curves are cut where they leave
 * it (treat-all falls steeply at high thresholds). Legend under the plot. Pure; never throws.
 */
import { scaleLinear } from 'd3-scale';
import { fixed } from '../format/numbers.js';
import type { AxisSpec } from './axis.js';
import { axisExtent } from './axis.js';
import type { DecisionCurveFigureData } from './decisionCurveData.js';
import type { FigureWidth } from './figureFrame.js';
import { PT_PER_MM, widthMm } from './figureFrame.js';
import type { Box } from './geometry.js';
import { seriesStyle } from './palette.js';
import { textWidth } from './textWidth.js';

export interface DecisionCurveOptions {
  readonly width?: FigureWidth;
  readonly fontSize?: number;
}

export interface DecisionCurveSeries {
  readonly label: string;
  readonly colour: string;
  readonly dash: string;
  readonly width: number;
  /** Polyline pieces (cut where the curve leaves the axis range or is undefined). */
  readonly pieces: readonly (readonly (readonly [number, number])[])[];
}

export interface DecisionCurveLayout {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly plot: Box;
  readonly xAxis: AxisSpec;
  readonly yAxis: AxisSpec;
  readonly series: readonly DecisionCurveSeries[];
  readonly legend: { readonly sampleLength: number; readonly rows: readonly { readonly x: number; readonly y: number; readonly series: number; readonly text: string }[] };
  readonly description: string;
}

const PAD = 4;
const SAMPLE = 14;
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function niceStep(range: number): number {
  const raw = range / 5;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

export function decisionCurveLayout(data: DecisionCurveFigureData, options: DecisionCurveOptions = {}): DecisionCurveLayout {
  const fs = finite(options.fontSize) && options.fontSize > 3 ? options.fontSize : 7;
  const ts = fs + 1;
  const width = widthMm(options.width) * PT_PER_MM;
  const pts = data.thresholds ?? [];
  const all = [...(data.treatAll ?? []), ...(data.models ?? []).flatMap((m) => m.netBenefit)].filter(finite);
  const yMaxRaw = Math.max(0.01, ...all);
  const yStep = niceStep(yMaxRaw * 1.1);
  const yMax = Math.ceil(yMaxRaw / yStep - 1e-9) * yStep;
  const yMin = -yStep;
  const xMax = Math.min(1, Math.ceil(Math.max(0.1, ...pts.filter(finite)) * 10 - 1e-9) / 10);
  const xStep = xMax > 0.5 ? 0.2 : 0.1;
  const xTicks: number[] = [];
  for (let v = 0; v <= xMax + 1e-9; v += xStep) xTicks.push(Number(v.toFixed(2)));
  const yTicks: number[] = [];
  for (let v = yMin; v <= yMax + 1e-9; v += yStep) yTicks.push(Number(v.toFixed(6)));
  const digits = yStep >= 0.1 ? 1 : yStep >= 0.01 ? 2 : 3;
  const yProbe: AxisSpec = { orient: 'left', at: 0, from: 0, to: 1, fontSize: fs, titleSize: ts, title: data.netBenefitLabel ?? 'Net benefit', ticks: yTicks.map((v) => ({ value: v, pos: 0, label: fixed(v, digits) })) };
  const left = PAD + axisExtent(yProbe);
  const right = PAD + textWidth(fixed(xMax, 1), fs) / 2;
  const plotW = Math.max(60, width - left - right);
  const plot: Box = { x0: left, y0: PAD + fs / 2, x1: left + plotW, y1: PAD + fs / 2 + Math.min(plotW * 0.75, 190) };
  const x = scaleLinear().domain([0, xMax]).range([plot.x0, plot.x1]);
  const y = scaleLinear().domain([yMin, yMax]).range([plot.y1, plot.y0]);
  const xAxis: AxisSpec = { orient: 'bottom', at: plot.y1, from: plot.x0, to: plot.x1, fontSize: fs, titleSize: ts, title: 'Threshold probability', ticks: xTicks.map((v) => ({ value: v, pos: x(v), label: fixed(v, 1) })) };
  const yAxis: AxisSpec = { ...yProbe, at: plot.x0, from: plot.y1, to: plot.y0, ticks: yTicks.map((v) => ({ value: v, pos: y(v), label: fixed(v, digits) })) };

  // pieces of a curve inside [yMin, yMax]; a segment leaving the range ends at the crossing
  const cut = (vals: readonly (number | null)[]): [number, number][][] => {
    const pieces: [number, number][][] = [];
    let cur: [number, number][] = [];
    for (let k = 0; k < pts.length; k++) {
      const v = vals[k];
      const inside = finite(v) && v >= yMin && v <= yMax;
      const prev = k > 0 ? vals[k - 1] : null;
      if (inside) {
        if (cur.length === 0 && finite(prev) && prev < yMin) cur.push([x(pts[k - 1] + ((yMin - prev) / (v - prev)) * (pts[k] - pts[k - 1])), y(yMin)]);
        cur.push([x(pts[k]), y(v)]);
      } else {
        if (cur.length && finite(v) && finite(prev) && v < yMin) cur.push([x(pts[k - 1] + ((yMin - prev) / (v - prev)) * (pts[k] - pts[k - 1])), y(yMin)]);
        if (cur.length) pieces.push(cur);
        cur = [];
      }
    }
    if (cur.length) pieces.push(cur);
    return pieces;
  };
  const series: DecisionCurveSeries[] = [
    { label: 'Treat none', colour: '#000000', dash: '', width: 0.8, pieces: [[[x(0), y(0)], [x(xMax), y(0)]]] },
    { label: 'Treat all', colour: '#9A9A9A', dash: '', width: 1.1, pieces: cut(data.treatAll ?? []) },
    ...(data.models ?? []).map((m, i) => {
      const st = seriesStyle(i);
      return { label: m.label, colour: st.colour, dash: st.dash, width: 1.2, pieces: cut(m.netBenefit) };
    }),
  ];
  const legendTop = plot.y1 + axisExtent(xAxis) + 6;
  const rowH = fs * 1.5;
  const rows: { x: number; y: number; series: number; text: string }[] = [];
  let cx = plot.x0;
  let row = 0;
  series.forEach((s, i) => {
    const w = SAMPLE + 4 + textWidth(s.label, fs) + 12;
    if (cx > plot.x0 && cx + w > width - PAD) {
      row++;
      cx = plot.x0;
    }
    rows.push({ x: cx, y: legendTop + rowH * (row + 0.5), series: i, text: s.label });
    cx += w;
  });
  const height = legendTop + rowH * (row + 1) + PAD;
  return { width, height, fontSize: fs, plot, xAxis, yAxis, series, legend: { sampleLength: SAMPLE, rows }, description: describe(data) };
}

function describe(d: DecisionCurveFigureData): string {
  const pts = d.thresholds ?? [];
  const at = [0.1, 0.2, 0.3].map((p) => pts.findIndex((t) => Math.abs(t - p) < 1e-9)).filter((k) => k >= 0);
  const each = (d.models ?? []).map((m) => `${m.label}: ${at.map((k) => `${fixed(pts[k], 2)} → ${finite(m.netBenefit[k]) ? fixed(m.netBenefit[k], 3) : '—'}`).join(', ')}`);
  return `Decision curves: net benefit against threshold probability for ${(d.models ?? []).map((m) => m.label).join(', ') || 'no model'}, treat all and treat none.${each.length && at.length ? ` Net benefit at thresholds ${each.join('; ')}.` : ''}`;
}
