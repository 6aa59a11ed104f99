/**
 * Calibration figure layout: a square plot of observed against predicted risk on the same scale
 * (0 to the largest value, rounded up to a tenth), the ideal diagonal dashed, each risk group a
 * point with its confidence bar, the smooth calibration curve, and a histogram of the predicted
 * risks along the bottom of the plot (Austin, Harrell & van Klaveren 2020, Fig. 1 style). Legend
 * under the plot. Pure and deterministic; never throws.
 */
import { scaleLinear } from 'd3-scale';
import { fixed } from '../format/numbers.js';
import type { AxisSpec } from './axis.js';
import { axisExtent } from './axis.js';
import type { CalibrationFigureData } from './calibrationData.js';
import type { FigureWidth } from './figureFrame.js';
import { PT_PER_MM, widthMm } from './figureFrame.js';
import type { Box } from './geometry.js';
import { textWidth, wrapText } from './textWidth.js';

export interface CalibrationOptions {
  readonly width?: FigureWidth;
  readonly fontSize?: number;
}

export interface CalibrationLayout {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly plot: Box;
  readonly xAxis: AxisSpec;
  readonly yAxis: AxisSpec;
  readonly diagonal: readonly [number, number, number, number];
  readonly points: readonly { readonly x: number; readonly y: number; readonly y0: number | null; readonly y1: number | null }[];
  readonly curve: readonly (readonly [number, number])[];
  readonly bars: readonly Box[];
  readonly legend: { readonly sampleLength: number; readonly rows: readonly { readonly x: number; readonly y: number; readonly kind: 'diagonal' | 'groups' | 'smooth' | 'histogram' | 'note'; readonly text: string }[] };
  readonly markerSize: number;
  readonly description: string;
}

const PAD = 4;
const SAMPLE = 14;
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export function calibrationLayout(data: CalibrationFigureData, options: CalibrationOptions = {}): CalibrationLayout {
  const fs = finite(options.fontSize) && options.fontSize > 3 ? options.fontSize : 7;
  const ts = fs + 1;
  const width = widthMm(options.width) * PT_PER_MM;
  const groups = (data.groups ?? []).filter((g) => finite(g.predicted));
  const smoothP = data.smooth?.predicted ?? [];
  const smoothO = data.smooth?.observed ?? [];
  const vals = [
    ...groups.map((g) => g.predicted),
    ...groups.map((g) => (finite(g.upper) ? g.upper : finite(g.observed) ? g.observed : 0)),
    ...smoothP.filter(finite),
    ...smoothO.filter(finite),
  ];
  const top = Math.min(1, Math.max(0.1, Math.ceil(Math.max(0, ...vals) * 10 - 1e-9) / 10));
  const step = top > 0.5 ? 0.2 : 0.1;
  const ticks: number[] = [];
  for (let v = 0; v <= top + 1e-9; v += step) ticks.push(Number(v.toFixed(1)));
  if (ticks[ticks.length - 1] < top - 1e-9) ticks.push(top);
  const yProbe: AxisSpec = { orient: 'left', at: 0, from: 0, to: 1, fontSize: fs, titleSize: ts, title: data.observedLabel, ticks: ticks.map((v) => ({ value: v, pos: 0, label: fixed(v, 1) })) };
  const left = PAD + axisExtent(yProbe);
  const right = PAD + textWidth(fixed(top, 1), fs) / 2;
  const side = Math.max(60, Math.min(230, width - left - right));
  const plot: Box = { x0: left, y0: PAD + fs / 2, x1: left + side, y1: PAD + fs / 2 + side };
  const x = scaleLinear().domain([0, top]).range([plot.x0, plot.x1]);
  const y = scaleLinear().domain([0, top]).range([plot.y1, plot.y0]);
  const cy = (v: number): number => y(Math.max(0, Math.min(top, v)));
  const xAxis: AxisSpec = { orient: 'bottom', at: plot.y1, from: plot.x0, to: plot.x1, fontSize: fs, titleSize: ts, title: data.predictedLabel, ticks: ticks.map((v) => ({ value: v, pos: x(v), label: fixed(v, 1) })) };
  const yAxis: AxisSpec = { ...yProbe, at: plot.x0, from: plot.y1, to: plot.y0, ticks: ticks.map((v) => ({ value: v, pos: y(v), label: fixed(v, 1) })) };

  const points = groups
    .filter((g) => finite(g.observed))
    .map((g) => ({ x: x(Math.min(top, g.predicted)), y: cy(g.observed as number), y0: finite(g.lower) ? cy(g.lower) : null, y1: finite(g.upper) ? cy(g.upper) : null }));
  const curve: [number, number][] = [];
  for (let k = 0; k < smoothP.length; k++) if (finite(smoothP[k]) && finite(smoothO[k]) && smoothP[k] <= top) curve.push([x(smoothP[k]), cy(smoothO[k])]);

  // histogram of predicted risks: bars up from the x axis, the tallest 15% of the plot
  const bars: Box[] = [];
  const h = data.histogram;
  if (h && h.counts.length > 0) {
    const max = Math.max(...h.counts);
    const hMax = side * 0.15;
    h.counts.forEach((c, k) => {
      const a = k * h.width;
      if (c <= 0 || a >= top) return;
      const b = Math.min(top, a + h.width);
      bars.push({ x0: x(a), x1: x(b), y0: plot.y1 - (c / max) * hMax, y1: plot.y1 });
    });
  }

  const legendTop = plot.y1 + axisExtent(xAxis) + 6;
  const rowH = fs * 1.5;
  const entries: { kind: 'diagonal' | 'groups' | 'smooth' | 'histogram'; text: string }[] = [
    { kind: 'groups', text: 'Risk groups: observed (95% CI)' },
    ...(curve.length ? [{ kind: 'smooth' as const, text: data.smoothLabel ?? 'Smooth calibration curve' }] : []),
    { kind: 'diagonal', text: 'Ideal' },
    ...(bars.length ? [{ kind: 'histogram' as const, text: 'Distribution of predicted risk' }] : []),
  ];
  const rows: CalibrationLayout['legend']['rows'][number][] = [];
  let cx = plot.x0;
  let row = 0;
  for (const e of entries) {
    const w = SAMPLE + 4 + textWidth(e.text, fs) + 12;
    if (cx > plot.x0 && cx + w > width - PAD) {
      row++;
      cx = plot.x0;
    }
    rows.push({ x: cx, y: legendTop + rowH * (row + 0.5), kind: e.kind, text: e.text });
    cx += w;
  }
  row++;
  if (data.note) for (const l of wrapText(data.note, width - plot.x0 - PAD, fs)) rows.push({ x: plot.x0, y: legendTop + rowH * (row++ + 0.5), kind: 'note', text: l });
  const height = legendTop + rowH * row + PAD;
  return {
    width, height, fontSize: fs, plot, xAxis, yAxis,
    diagonal: [x(0), y(0), x(top), y(top)],
    points, curve, bars,
    legend: { sampleLength: SAMPLE, rows },
    markerSize: Math.max(2.2, fs * 0.38),
    description: describe(data),
  };
}

function describe(d: CalibrationFigureData): string {
  const g = (d.groups ?? []).filter((x) => finite(x.observed));
  const each = g.map((x) => `${fixed(x.predicted, 3)} predicted, ${fixed(x.observed as number, 3)} observed`).join('; ');
  return `Calibration plot: ${d.observedLabel.toLowerCase()} against ${d.predictedLabel.toLowerCase()} in ${g.length} risk groups (${each}), with the ideal diagonal${d.smooth ? ' and a smooth calibration curve' : ''}${d.histogram ? ' and the distribution of predicted risks' : ''}.${d.note ? ` ${d.note}.` : ''}`;
}
