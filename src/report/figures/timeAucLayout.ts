/**
 * Layout of the time-dependent AUC figure: AUC(t) against time for each marker, its confidence
 * band shaded, the reported horizons marked, the chance line AUC = 0.5 dashed, a legend under the
 * plot. The AUC axis runs from 0.5 (or lower, in steps of 0.1, when a band reaches below) to 1.
 * Pure and deterministic; never throws.
 */
import { scaleLinear } from 'd3-scale';
import { fixed } from '../format/numbers.js';
import type { AxisSpec, Tick } from './axis.js';
import { axisExtent } from './axis.js';
import type { FigureWidth } from './figureFrame.js';
import { PT_PER_MM, widthMm } from './figureFrame.js';
import type { Box } from './geometry.js';
import { kmTimeTicks } from './kmLayout.js';
import type { MarkerShape } from './marker.js';
import { seriesStyle } from './palette.js';
import type { TimeAucFigureData, TimeAucPoint } from './timeAucData.js';
import { textWidth } from './textWidth.js';

export interface TimeAucOptions {
  readonly width?: FigureWidth;
  readonly fontSize?: number;
}

export interface TimeAucSeriesLayout {
  readonly label: string;
  readonly colour: string;
  readonly dash: string;
  readonly shape: MarkerShape;
  readonly line: readonly (readonly [number, number])[];
  /** Closed polygon of the band (upper limits forward, lower limits back); empty without limits. */
  readonly band: readonly (readonly [number, number])[];
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

export interface TimeAucLayout {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly plot: Box;
  readonly xAxis: AxisSpec;
  readonly yAxis: AxisSpec;
  /** y of the chance line AUC = 0.5 (null when off the axis). */
  readonly chanceY: number | null;
  readonly series: readonly TimeAucSeriesLayout[];
  readonly legend: { readonly sampleLength: number; readonly rows: readonly { readonly x: number; readonly y: number; readonly series: number; readonly text: string }[] };
  readonly markerSize: number;
  readonly description: string;
}

const PAD = 4;
const SAMPLE = 14;
const SHAPES: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond'];
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const clean = (pts: readonly TimeAucPoint[]): TimeAucPoint[] =>
  pts.filter((p) => finite(p.time) && finite(p.auc)).slice().sort((a, b) => a.time - b.time);

export function timeAucLayout(data: TimeAucFigureData, options: TimeAucOptions = {}): TimeAucLayout {
  const fs = finite(options.fontSize) && options.fontSize > 3 ? options.fontSize : 7;
  const ts = fs + 1;
  const width = widthMm(options.width) * PT_PER_MM;
  const level = finite(data.confLevel) && data.confLevel > 0 && data.confLevel < 1 ? data.confLevel : 0.95;
  const series = (data.series ?? []).map((s) => ({ label: s.label, curve: clean(s.curve ?? []), points: clean(s.points ?? []) }));
  const all = series.flatMap((s) => [...s.curve, ...s.points]);
  const maxTime = Math.max(1e-9, ...all.map((p) => p.time));
  const lows = all.map((p) => (finite(p.lower) ? p.lower : p.auc));
  const yMin = Math.max(0, Math.min(0.5, Math.floor(Math.min(1, ...lows) * 10 + 1e-9) / 10));
  const yTickValues: number[] = [];
  for (let v = yMin; v <= 1 + 1e-9; v += 0.1) yTickValues.push(Number(v.toFixed(1)));
  const xTickValues = kmTimeTicks(maxTime, options.width);
  const xMax = xTickValues[xTickValues.length - 1] ?? maxTime;

  const yProbe: AxisSpec = { orient: 'left', at: 0, from: 0, to: 1, fontSize: fs, titleSize: ts, title: 'AUC(t)', ticks: yTickValues.map((v) => ({ value: v, pos: 0, label: fixed(v, 1) })) };
  const left = PAD + axisExtent(yProbe);
  const right = PAD + textWidth(String(xMax), fs) / 2;
  const plotW = Math.max(60, width - left - right);
  const plot: Box = { x0: left, y0: PAD + fs / 2, x1: left + plotW, y1: PAD + fs / 2 + Math.min(plotW * 0.7, 180) };
  const x = scaleLinear().domain([0, xMax]).range([plot.x0, plot.x1]);
  const y = scaleLinear().domain([yMin, 1]).range([plot.y1, plot.y0]);
  const yc = (v: number): number => y(Math.max(yMin, Math.min(1, v)));
  const xTicks: Tick[] = xTickValues.map((v) => ({ value: v, pos: x(v), label: String(v) }));
  const xAxis: AxisSpec = { orient: 'bottom', at: plot.y1, from: plot.x0, to: plot.x1, fontSize: fs, titleSize: ts, ticks: xTicks, title: data.timeLabel };
  const yAxis: AxisSpec = { ...yProbe, at: plot.x0, from: plot.y1, to: plot.y0, ticks: yTickValues.map((v) => ({ value: v, pos: y(v), label: fixed(v, 1) })) };

  const laid: TimeAucSeriesLayout[] = series.map((s, i) => {
    const st = seriesStyle(i);
    const withCi = s.curve.filter((p) => finite(p.lower) && finite(p.upper));
    const band = withCi.length >= 2
      ? [...withCi.map((p) => [x(p.time), yc(p.upper!)] as const), ...withCi.slice().reverse().map((p) => [x(p.time), yc(p.lower!)] as const)]
      : [];
    return {
      label: s.label, colour: st.colour, dash: st.dash, shape: SHAPES[i % SHAPES.length],
      line: s.curve.map((p) => [x(p.time), yc(p.auc)] as const),
      band,
      points: s.points.map((p) => ({ x: x(p.time), y: yc(p.auc) })),
    };
  });

  // legend under the plot: as many entries per row as fit
  const top = plot.y1 + axisExtent(xAxis) + 6;
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
    rows.push({ x: cx, y: top + rowH * (row + 0.5), series: i, text: s.label });
    cx += w;
  });
  const bandNote = `Shaded: pointwise ${Math.round(level * 100)}% CI`;
  rows.push({ x: plot.x0, y: top + rowH * (row + 1.5), series: -1, text: bandNote });
  const height = top + rowH * (row + 2) + PAD;
  const chanceY = y(0.5);
  return {
    width, height, fontSize: fs, plot, xAxis, yAxis, chanceY, series: laid,
    legend: { sampleLength: SAMPLE, rows }, markerSize: Math.max(2.2, fs * 0.38),
    description: describe(series, level, data.timeLabel),
  };
}

function describe(series: readonly { label: string; points: TimeAucPoint[] }[], level: number, timeLabel: string): string {
  if (series.length === 0) return 'Time-dependent AUC plot with no markers.';
  const each = series.map((s) => `${s.label}: ${s.points.map((p) => `AUC(${String(Number(p.time.toPrecision(6)))}) ${fixed(p.auc, 3)}${finite(p.lower) && finite(p.upper) ? ` (${fixed(p.lower, 3)}–${fixed(p.upper, 3)})` : ''}`).join(', ')}`);
  return `Time-dependent AUC (cumulative/dynamic, IPCW) against ${timeLabel.toLowerCase()}, with pointwise ${Math.round(level * 100)}% confidence bands and the chance line at 0.5. ${each.join('; ')}.`;
}
