/**
 * Spline effect figure layout: ratio on a log axis (ticks at 1, 2, 5 × 10^k or their halves), the
 * marker on a linear axis over the curve's range, the band as a polygon, a dashed line at ratio 1
 * and at the reference value, knots as small triangles on the x axis, a rug of observed values
 * inside the bottom of the plot, and the note (nonlinearity P) in the top left. Never throws.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { format } from 'd3-format';
import type { AxisSpec, Tick } from './axis.js';
import { axisExtent } from './axis.js';
import type { FigureWidth } from './figureFrame.js';
import { PT_PER_MM, widthMm } from './figureFrame.js';
import type { Box } from './geometry.js';
import type { SplineCurveFigureData } from './splineCurveData.js';

export interface SplineCurveOptions {
  readonly width?: FigureWidth;
  readonly fontSize?: number;
}

export interface SplineCurveLayout {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly plot: Box;
  readonly xAxis: AxisSpec;
  readonly yAxis: AxisSpec;
  readonly curve: readonly (readonly [number, number])[];
  readonly band: readonly (readonly [number, number])[];
  readonly oneY: number | null;
  readonly refX: number;
  readonly knots: readonly number[];
  readonly rug: readonly number[];
  readonly rugY: readonly [number, number];
  readonly note: { readonly x: number; readonly y: number; readonly text: string } | null;
  readonly description: string;
}

const PAD = 4;
const fmt = format('~g');

/** Log-axis ticks covering [lo, hi]: 1-2-5 steps, thinned to at most 7. */
function ratioTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)) - 1; e <= Math.ceil(Math.log10(hi)) + 1; e++)
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= lo * 0.999 && v <= hi * 1.001) out.push(Number(v.toPrecision(3)));
    }
  if (out.length > 7) return out.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9 || v === 1);
  return out;
}

export function splineCurveLayout(data: SplineCurveFigureData, options: SplineCurveOptions = {}): SplineCurveLayout {
  const width = widthMm(options.width ?? 'single') * PT_PER_MM;
  const fs = options.fontSize ?? 7;
  const ts = fs + 1;
  const pts = data.points.filter((p) => [p.x, p.ratio, p.lower, p.upper].every((v) => Number.isFinite(v) && v !== 0));
  const xs = pts.map((p) => p.x);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  let ylo = Math.min(1, ...pts.map((p) => p.lower));
  let yhi = Math.max(1, ...pts.map((p) => p.upper));
  if (!(ylo > 0) || !Number.isFinite(yhi)) [ylo, yhi] = [0.5, 2];
  const pad = Math.pow(yhi / ylo, 0.05);
  ylo /= pad;
  yhi *= pad;
  let yt = ratioTicks(ylo, yhi);
  if (yt.length < 2) yt = [ylo, yhi].map((v) => Number(v.toPrecision(2)));
  const yAxis0: AxisSpec = { orient: 'left', at: 0, from: 0, to: 1, fontSize: fs, titleSize: ts, title: `${data.measure} (95% CI)`, ticks: yt.map((v) => ({ value: v, pos: 0, label: fmt(v) })) };
  const left = PAD + axisExtent(yAxis0);
  const plotH = width * 0.62;
  const plot: Box = { x0: left, y0: PAD + fs, x1: width - PAD - fs, y1: PAD + fs + plotH };
  const X = scaleLinear().domain([x0, x1]).range([plot.x0, plot.x1]);
  const Y = scaleLog().domain([ylo, yhi]).range([plot.y1, plot.y0]).clamp(true);
  const xt: Tick[] = X.ticks(6).map((v) => ({ value: v, pos: X(v), label: fmt(v) }));
  const xAxis: AxisSpec = { orient: 'bottom', at: plot.y1, from: plot.x0, to: plot.x1, fontSize: fs, titleSize: ts, title: data.xLabel, ticks: xt };
  const yAxis: AxisSpec = { ...yAxis0, at: plot.x0, from: plot.y1, to: plot.y0, ticks: yt.map((v) => ({ value: v, pos: Y(v), label: fmt(v) })) };
  const curve = pts.map((p) => [X(p.x), Y(p.ratio)] as const);
  const band = [...pts.map((p) => [X(p.x), Y(p.upper)] as const), ...[...pts].reverse().map((p) => [X(p.x), Y(p.lower)] as const)];
  const rugH = Math.max(3, fs * 0.6);
  const inRange = (v: number) => v >= x0 && v <= x1;
  return {
    width,
    height: plot.y1 + axisExtent(xAxis) + PAD,
    fontSize: fs,
    plot,
    xAxis,
    yAxis,
    curve,
    band,
    oneY: 1 >= ylo && 1 <= yhi ? Y(1) : null,
    refX: X(Math.min(Math.max(data.reference, x0), x1)),
    knots: data.knots.filter(inRange).map((k) => X(k)),
    rug: [...new Set(data.rug.filter(inRange).map((v) => Math.round(X(v) * 4) / 4))],
    rugY: [plot.y1 - rugH, plot.y1],
    note: data.note ? { x: plot.x0 + fs * 0.6, y: plot.y0 + fs * 1.2, text: data.note } : null,
    description:
      `${data.measure} of ${data.xLabel} relative to ${fmt(data.reference)} (restricted cubic spline, ${data.knots.length} knots) with a pointwise 95% band; ` +
      `${data.measure} ranges from ${fmt(Number(Math.min(...pts.map((p) => p.ratio)).toPrecision(3)))} to ${fmt(Number(Math.max(...pts.map((p) => p.ratio)).toPrecision(3)))} over ${fmt(x0)}–${fmt(x1)}.`,
  };
}
