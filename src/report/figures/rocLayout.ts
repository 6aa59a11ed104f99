/**
 * ROC figure layout: square plot, chance diagonal, one polyline per curve, the optimal cutoff of
 * each curve marked with a shape per curve; a legend table with AUC (95% CI) and the cutoff
 * "threshold (specificity, sensitivity)", beside the plot when there is room, else inside its
 * lower right when clear of the curves, else under it. Never throws.
 */
import { format } from 'd3-format';
import { scaleLinear } from 'd3-scale';
import { fixed } from '../format/numbers.js';
import type { AxisSpec, Tick } from './axis.js';
import { axisExtent } from './axis.js';
import type { FigureWidth } from './figureFrame.js';
import { PT_PER_MM, widthMm } from './figureFrame.js';
import type { Box } from './geometry.js';
import type { MarkerShape } from './marker.js';
import { inflate, polylineHitsBox } from './geometry.js';
import { thinPolyline } from './thinPolyline.js';
import { seriesStyle } from './palette.js';
import type { RocCurveData, RocPoint } from './rocData.js';
import { fitText, textWidth, wrapText } from './textWidth.js';

export interface RocOptions {
  readonly width?: FigureWidth;
  readonly fontSize?: number;
  /** 'fpr': x = 1 − specificity from 0 to 1 (default); 'specificity': x = specificity from 1 to 0 (pROC's default look). */
  readonly xAxis?: 'fpr' | 'specificity';
  /** Mark and label the optimal cutoffs. Default true. */
  readonly showOptimal?: boolean;
}

const SHAPES: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond'];

export interface RocSeriesLayout {
  readonly label: string;
  readonly colour: string;
  readonly dash: string;
  readonly shape: MarkerShape;
  readonly path: readonly (readonly [number, number])[];
  readonly marker: { readonly x: number; readonly y: number } | null;
}

export interface RocLegendCell {
  readonly x: number;
  readonly text: string;
  readonly anchor: 'start' | 'end';
  readonly bold?: boolean;
}

export interface RocLegendRow {
  readonly y: number;
  readonly colour: string | null;
  readonly dash: string;
  readonly shape: MarkerShape | null;
  readonly cells: readonly RocLegendCell[];
}

export interface RocLayout {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly titleSize: number;
  readonly plot: Box;
  readonly xAxis: AxisSpec;
  readonly yAxis: AxisSpec;
  readonly diagonal: readonly [number, number, number, number];
  readonly series: readonly RocSeriesLayout[];
  readonly legend: { readonly box: Box; readonly sampleX: number; readonly sampleLength: number; readonly rows: readonly RocLegendRow[] };
  readonly markerSize: number;
  readonly description: string;
}

const PAD = 4;
const SAMPLE = 14;
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
const fmtThreshold = format('.5~g');

/** (fpr, tpr) pairs in drawing order, from (0, 0) to (1, 1). */
export function rocPath(points: readonly RocPoint[]): [number, number][] {
  const xy: [number, number][] = [];
  for (const p of points ?? []) {
    const fpr = 'fpr' in p ? p.fpr : 1 - p.specificity;
    const tpr = 'tpr' in p ? p.tpr : p.sensitivity;
    if (finite(fpr) && finite(tpr)) xy.push([clamp01(fpr), clamp01(tpr)]);
  }
  // a curve usually comes in threshold order: already ascending, or descending (reversed: equal
  // points are the same values, so the reversed order is the sorted one)
  const cmp = (a: readonly [number, number], b: readonly [number, number]): number => a[0] - b[0] || a[1] - b[1];
  let up = true;
  let down = true;
  for (let i = 1; i < xy.length && (up || down); i++) {
    const c = cmp(xy[i - 1], xy[i]);
    if (c > 0) up = false;
    if (c < 0) down = false;
  }
  if (!up) {
    if (down) xy.reverse();
    else xy.sort(cmp);
  }
  if (xy.length === 0 || xy[0][0] !== 0 || xy[0][1] !== 0) xy.unshift([0, 0]);
  const last = xy[xy.length - 1];
  if (last[0] !== 1 || last[1] !== 1) xy.push([1, 1]);
  return xy.filter((p, i) => i === 0 || p[0] !== xy[i - 1][0] || p[1] !== xy[i - 1][1]);
}

function aucText(c: RocCurveData): string {
  if (!finite(c.auc)) return '—';
  return finite(c.lower) && finite(c.upper) ? `${fixed(c.auc, 3)} (${fixed(c.lower, 3)}–${fixed(c.upper, 3)})` : fixed(c.auc, 3);
}

/** Lays out a ROC figure. */
export function rocLayout(data: { readonly title: string; readonly description?: string; readonly curves: readonly RocCurveData[]; readonly confLevel?: number }, options: RocOptions = {}): RocLayout {
  const fs = finite(options.fontSize) && options.fontSize > 3 ? options.fontSize : 7;
  const ts = fs + 1;
  const width = widthMm(options.width) * PT_PER_MM;
  const bySpec = options.xAxis === 'specificity';
  const showOptimal = options.showOptimal ?? true;
  const curves = data.curves ?? [];
  const level = finite(data.confLevel) && data.confLevel > 0 && data.confLevel < 1 ? data.confLevel : 0.95;
  const anyCi = curves.some((c) => finite(c.lower) && finite(c.upper));
  const fmt1 = (v: number): string => fixed(v, 1);
  const tickValues = [0, 0.2, 0.4, 0.6, 0.8, 1];

  // ---- legend content: a small table, label | AUC (95% CI) | optimal cutoff (specificity, sensitivity) ----
  // Labels wrap onto up to three lines rather than being cut ("SII_mean + AFP_mean"); beyond that they are shortened.
  const wrapLabel = (label: string, w: number): string[] => {
    const lines = wrapText(label, w, fs);
    return lines.length <= 3 ? lines : [lines[0], lines[1], fitText(lines.slice(2).join(' '), w, fs)];
  };
  let labelLines = curves.map((c) => wrapLabel(c.label, width * 0.3));
  const aucs = curves.map(aucText);
  const hasOptimal = showOptimal && curves.some((c) => c.optimal && finite(c.optimal.sensitivity) && finite(c.optimal.specificity));
  const cutoffs = curves.map((c) => {
    const o = c.optimal;
    if (!showOptimal || !o || !finite(o.sensitivity) || !finite(o.specificity)) return '';
    return `${finite(o.threshold) ? fmtThreshold(o.threshold) : '—'} (${fixed(o.specificity, 3)}, ${fixed(o.sensitivity, 3)})`;
  });
  // Column headers on one line when they fit (no cutoff column, or a double-column figure), else two.
  const ciText = `(${Math.round(level * 100)}% CI)`;
  const oneHeadRow = !hasOptimal || widthMm(options.width) >= 120;
  const aucHead: string[] = !anyCi ? ['AUC'] : oneHeadRow ? [`AUC ${ciText}`] : ['AUC', ciText];
  const cutHead: string[] = oneHeadRow ? ['Optimal cutoff (specificity, sensitivity)'] : ['Optimal cutoff', '(specificity, sensitivity)'];
  let labelW = Math.max(0, ...labelLines.flat().map((s) => textWidth(s, fs)));
  const aucW = Math.max(...aucHead.map((s) => textWidth(s, fs, true)), ...aucs.map((s) => textWidth(s, fs)));
  const cutW = hasOptimal ? Math.max(...cutHead.map((s) => textWidth(s, fs, true)), ...cutoffs.map((s) => textWidth(s, fs))) : 0;
  const rowH = fs * 1.45;
  const headRows = Math.max(aucHead.length, hasOptimal ? cutHead.length : 1);
  let legendW = 4 + SAMPLE + 4 + labelW + 10 + aucW + (hasOptimal ? 10 + cutW : 0) + 4;
  // A legend wider than the figure (long cut-off values at single-column width): shorten the labels.
  const room = width - 2 * PAD;
  if (legendW > room) {
    labelLines = curves.map((c) => wrapLabel(c.label, Math.max(30, labelW - (legendW - room))));
    labelW = Math.max(0, ...labelLines.flat().map((s) => textWidth(s, fs)));
    legendW = 4 + SAMPLE + 4 + labelW + 10 + aucW + (hasOptimal ? 10 + cutW : 0) + 4;
  }
  const legendLines = labelLines.reduce((s, l) => s + l.length, 0);
  const legendH = rowH * (legendLines + headRows) + 4;

  // ---- plot size ----
  const yAxisProbe: AxisSpec = {
    orient: 'left', at: 0, from: 0, to: 1, fontSize: fs, titleSize: ts, title: 'Sensitivity',
    ticks: tickValues.map((v) => ({ value: v, pos: 0, label: fmt1(v) })),
  };
  const left = PAD + axisExtent(yAxisProbe);
  const right = PAD + textWidth('1.0', fs) / 2;
  const maxSide = 250;
  const fullSide = Math.max(60, Math.min(maxSide, width - left - right));
  const top = PAD + fs / 2;

  // each curve's path once (100,000 points at 100,000 patients), whatever legend placement is tried
  const curvePaths = curves.map((c) => rocPath(c.points));
  const make = (legendAt: 'inside' | 'right' | 'below'): RocLayout | null => {
    const side = legendAt === 'right' ? Math.min(fullSide, width - PAD - legendW - 12 - left) : fullSide;
    if (legendAt === 'right' && side < 150) return null;
    const plot: Box = { x0: left, y0: top, x1: left + side, y1: top + side };
    const x = scaleLinear().domain(bySpec ? [1, 0] : [0, 1]).range([plot.x0, plot.x1]);
    const y = scaleLinear().domain([0, 1]).range([plot.y1, plot.y0]);
    const fx = (fpr: number): number => (bySpec ? x(1 - fpr) : x(fpr));
    const xTicks: Tick[] = tickValues.map((v) => ({ value: v, pos: x(v), label: fmt1(v) }));
    const xAxis: AxisSpec = {
      orient: 'bottom', at: plot.y1, from: plot.x0, to: plot.x1, fontSize: fs, titleSize: ts,
      ticks: xTicks, title: bySpec ? 'Specificity' : '1 − Specificity',
    };
    const yAxis: AxisSpec = { ...yAxisProbe, at: plot.x0, from: plot.y1, to: plot.y0, ticks: tickValues.map((v) => ({ value: v, pos: y(v), label: fmt1(v) })) };
    // drawn to a twentieth of a point: a 100,000-patient curve's steps are far finer (thinPolyline.ts)
    const paths = curvePaths.map((xy) => thinPolyline(xy.map(([f, t]) => [fx(f), y(t)] as [number, number]), 0.05));

    let box: Box;
    if (legendAt === 'inside') box = { x0: plot.x1 - 3 - legendW, y0: plot.y1 - 3 - legendH, x1: plot.x1 - 3, y1: plot.y1 - 3 };
    else if (legendAt === 'right') box = { x0: plot.x1 + 12, y0: plot.y0 + (side - legendH) / 2, x1: plot.x1 + 12 + legendW, y1: plot.y0 + (side + legendH) / 2 };
    else {
      const by = plot.y1 + axisExtent(xAxis) + 6;
      const bx = Math.max(PAD, Math.min(plot.x0, width - PAD - legendW));
      box = { x0: bx, y0: by, x1: bx + legendW, y1: by + legendH };
    }
    if (legendAt === 'inside' && (box.x0 < plot.x0 + 20 || box.y0 < plot.y0 + 20 || paths.some((p) => polylineHitsBox(p, inflate(box, 1))))) return null;
    if (legendAt === 'right' && box.x1 > width - PAD) return null;

    const ms = Math.max(2.2, fs * 0.38);
    const series: RocSeriesLayout[] = curves.map((c, i) => {
      const st = seriesStyle(i);
      const o = c.optimal;
      const marker = showOptimal && o && finite(o.sensitivity) && finite(o.specificity)
        ? { x: fx(1 - clamp01(o.specificity)), y: y(clamp01(o.sensitivity)) }
        : null;
      return { label: c.label, colour: st.colour, dash: st.dash, shape: SHAPES[i % SHAPES.length], path: paths[i], marker };
    });

    const sampleX = box.x0 + 4;
    const labelX = sampleX + SAMPLE + 4;
    const aucX = labelX + labelW + 10;
    const cutX = aucX + aucW + 10;
    const cell = (x: number, text: string, bold = false): RocLegendCell => ({ x, text, anchor: 'start', bold });
    const rows: RocLegendRow[] = [];
    for (let k = 0; k < headRows; k++) {
      const cells = [cell(aucX, aucHead[k] ?? '', true)];
      if (hasOptimal) cells.push(cell(cutX, cutHead[k] ?? '', true));
      rows.push({ y: box.y0 + 2 + rowH * (k + 0.5), colour: null, dash: '', shape: null, cells: cells.filter((c) => c.text !== '') });
    }
    let line = headRows;
    curves.forEach((_, i) => {
      const cells = [cell(labelX, labelLines[i][0] ?? ''), cell(aucX, aucs[i])];
      if (hasOptimal && cutoffs[i] !== '') cells.push(cell(cutX, cutoffs[i]));
      rows.push({ y: box.y0 + 2 + rowH * (line++ + 0.5), colour: series[i].colour, dash: series[i].dash, shape: series[i].marker ? series[i].shape : null, cells });
      for (const more of labelLines[i].slice(1)) rows.push({ y: box.y0 + 2 + rowH * (line++ + 0.5), colour: null, dash: '', shape: null, cells: [cell(labelX, more)] });
    });
    const bottom = Math.max(plot.y1 + axisExtent(xAxis), box.y1);
    return {
      width, height: bottom + PAD, fontSize: fs, titleSize: ts, plot, xAxis, yAxis,
      diagonal: [fx(0), y(0), fx(1), y(1)], series,
      legend: { box, sampleX, sampleLength: SAMPLE, rows }, markerSize: ms,
      description: rocDescription(data, anyCi ? `AUC (${Math.round(level * 100)}% CI)` : 'AUC'),
    };
  };
  return make('right') ?? make('inside') ?? (make('below') as RocLayout);
}

function rocDescription(data: { readonly description?: string; readonly curves: readonly RocCurveData[] }, header: string): string {
  const parts: string[] = [];
  if (data.description) parts.push(data.description.trim().replace(/\.?$/, '.'));
  const curves = data.curves ?? [];
  if (curves.length === 0) return [...parts, 'ROC plot with no curves.'].join(' ');
  const each = curves.map((c) => {
    const o = c.optimal;
    const cut = o && finite(o.threshold) ? `, optimal cutoff ${fmtThreshold(o.threshold)} (specificity ${fixed(o.specificity, 3)}, sensitivity ${fixed(o.sensitivity, 3)})` : '';
    return `${c.label}: ${header} ${aucText(c)}${cut}`;
  });
  parts.push(`Receiver operating characteristic curves, sensitivity against 1 − specificity, with the chance diagonal. ${each.join('; ')}.`);
  return parts.join(' ');
}
