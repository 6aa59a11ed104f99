/**
 * Funnel-plot layout (Light & Pillemer 1984; Sterne & Egger 2001, J Clin Epidemiol 54:1046–1055):
 * x the ratio on a log axis, y the standard error of the log ratio with 0 at the top; the
 * pseudo 95% confidence region centre ± 1.96·SE as a triangle; a vertical line at the pooled
 * estimate; observed studies filled, imputed (trim-and-fill) hollow; notes below.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { fixed } from '../format/numbers.js';
import type { AxisSpec, Tick } from './axis.js';
import { axisExtent } from './axis.js';
import type { FigureWidth } from './figureFrame.js';
import { PT_PER_MM, widthMm } from './figureFrame.js';
import type { FunnelFigureData } from './funnelData.js';
import { textWidth, wrapText } from './textWidth.js';

export interface FunnelOptions {
  readonly width?: FigureWidth;
  readonly fontSize?: number;
}

export interface FunnelLayout {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly plot: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
  /** Triangle apex (top) and the two bottom corners (clipped to the plot). */
  readonly region: readonly (readonly [number, number])[];
  readonly centreX: number;
  readonly refX: number | null;
  readonly points: readonly { readonly x: number; readonly y: number; readonly imputed: boolean }[];
  readonly xAxis: AxisSpec;
  readonly yAxis: AxisSpec;
  readonly texts: readonly { readonly x: number; readonly y: number; readonly text: string; readonly anchor: 'start' | 'middle' | 'end'; readonly italic?: boolean }[];
  readonly description: string;
}

const TICKS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
const Z = 1.959963984540054;

export function funnelLayout(data: FunnelFigureData, options: FunnelOptions = {}): FunnelLayout {
  const fs = options.fontSize && options.fontSize > 3 ? options.fontSize : 7;
  const width = widthMm(options.width ?? 'single') * PT_PER_MM;
  const pts = data.points.filter((p) => p.estimate > 0 && Number.isFinite(p.estimate) && p.se > 0 && Number.isFinite(p.se));
  const seMax = Math.max(...pts.map((p) => p.se), 0.05) * 1.08;
  const c = Math.log(data.centre);
  let lo = Math.min(c - Z * seMax, ...pts.map((p) => Math.log(p.estimate)));
  let hi = Math.max(c + Z * seMax, ...pts.map((p) => Math.log(p.estimate)));
  const pad = (hi - lo) * 0.04;
  lo = Math.exp(lo - pad);
  hi = Math.exp(hi + pad);
  const PAD = 4;
  const yTicksVals = scaleLinear().domain([0, seMax]).nice(5).ticks(5);
  const ySeMax = Math.max(seMax, yTicksVals[yTicksVals.length - 1]);
  const yAxisProbe: AxisSpec = { orient: 'left', at: 0, from: 0, to: 1, ticks: yTicksVals.map((v) => ({ value: v, pos: 0, label: fixed(v, 2) })), fontSize: fs, titleSize: fs, title: 'Standard error of the log ratio' };
  const x0 = PAD + axisExtent(yAxisProbe) + 2;
  const x1 = width - PAD - 4;
  const y0 = PAD + fs;
  const plotH = Math.min(width * 0.75, 220);
  const y1 = y0 + plotH;
  const X = scaleLog().domain([lo, hi]).range([x0, x1]);
  const Y = scaleLinear().domain([0, ySeMax]).range([y0, y1]);
  const ticks: Tick[] = [];
  const taken: { a: number; b: number }[] = [];
  const rank = (t: number): number => (t === 1 ? 0 : Number.isInteger(Math.round(Math.log10(t) * 1e9) / 1e9) ? 1 : 2);
  for (const v of TICKS.filter((t) => t >= lo && t <= hi).sort((a, b) => rank(a) - rank(b) || a - b)) {
    const w = textWidth(String(v), fs);
    const s = { a: X(v) - w / 2 - 3, b: X(v) + w / 2 + 3 };
    if (taken.every((o) => s.b <= o.a || s.a >= o.b)) {
      taken.push(s);
      ticks.push({ value: v, pos: X(v), label: String(v) });
    }
  }
  ticks.sort((a, b) => a.value - b.value);
  const xAxis: AxisSpec = { orient: 'bottom', at: y1, from: x0, to: x1, ticks, fontSize: fs, titleSize: fs, title: `${data.measureName} (log scale)` };
  const yAxis: AxisSpec = { ...yAxisProbe, at: x0, from: y0, to: y1, ticks: yTicksVals.map((v) => ({ value: v, pos: Y(v), label: fixed(v, 2) })) };
  const region: [number, number][] = [
    [X(Math.exp(c - Z * ySeMax)), Y(ySeMax)],
    [X(data.centre), Y(0)],
    [X(Math.exp(c + Z * ySeMax)), Y(ySeMax)],
  ];
  const texts: { x: number; y: number; text: string; anchor: 'start' | 'middle' | 'end'; italic?: boolean }[] = [];
  let y = y1 + axisExtent(xAxis) + fs * 0.8;
  for (const n of data.notes) {
    for (const l of wrapText(n, width - 2 * PAD, fs * 0.95)) {
      texts.push({ x: PAD, y: y + 0.8 * fs, text: l, anchor: 'start' });
      y += fs * 1.3;
    }
  }
  const imputed = pts.filter((p) => p.imputed).length;
  return {
    width,
    height: y + PAD,
    fontSize: fs,
    plot: { x0, y0, x1, y1 },
    region,
    centreX: X(data.centre),
    refX: lo < 1 && hi > 1 ? X(1) : null,
    points: pts.map((p) => ({ x: X(p.estimate), y: Y(p.se), imputed: !!p.imputed })),
    xAxis,
    yAxis,
    texts,
    description:
      `Funnel plot of ${pts.length - imputed} studies${imputed ? ` and ${imputed} imputed by trim-and-fill (hollow)` : ''}: ${data.measureName.toLowerCase()} on a log scale against its standard error, ` +
      `with the pseudo 95% confidence region around ${data.centreLabel} ${fixed(data.centre, 2)}. ${data.notes.join(' ')}`,
  };
}
