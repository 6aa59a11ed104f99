/**
 * Layout of the meta-analysis forest plot: a label column (and n), a log-scale plot column with
 * a square per study (area proportional to its weight) and its CI, diamonds for pooled estimates
 * (width = CI), the prediction interval as a bar with end caps under the main diamond, a dashed
 * line at 1 and a dotted line at the main pooled estimate, then "Weight" and "ratio (95% CI)"
 * columns; heterogeneity and other notes below the axis. Never throws: the axis covers the study
 * CIs up to 0.01–100 and estimates and pooled intervals up to 0.001–1000; limits beyond it become arrows.
 */
import { scaleLog } from 'd3-scale';
import { fixed } from '../format/numbers.js';
import type { AxisSpec, Tick } from './axis.js';
import { axisExtent } from './axis.js';
import type { FigureWidth } from './figureFrame.js';
import { PT_PER_MM, widthMm } from './figureFrame.js';
import type { MetaForestFigureData } from './metaForestData.js';
import { fitText, textWidth, wrapText } from './textWidth.js';

export interface MetaForestOptions {
  readonly width?: FigureWidth;
  readonly fontSize?: number;
  readonly digits?: number;
}

export interface MfText {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly bold?: boolean;
  readonly italic?: boolean;
}

export interface MfSquare {
  readonly x: number;
  readonly y: number;
  /** Half side (pt). */
  readonly half: number;
  readonly hollow: boolean;
}
export interface MfLine {
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly arrowLeft: boolean;
  readonly arrowRight: boolean;
  readonly caps?: boolean;
}
export interface MfDiamond {
  readonly x0: number;
  readonly xm: number;
  readonly x1: number;
  readonly y: number;
  readonly halfHeight: number;
  readonly main: boolean;
}

export interface MetaForestLayout {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly texts: readonly MfText[];
  readonly squares: readonly MfSquare[];
  readonly whiskers: readonly MfLine[];
  readonly diamonds: readonly MfDiamond[];
  readonly prediction: MfLine | null;
  readonly rules: readonly { readonly x0: number; readonly x1: number; readonly y: number; readonly heavy: boolean }[];
  readonly refX: number;
  readonly mainX: number | null;
  readonly plotTop: number;
  readonly plotBottom: number;
  readonly axis: AxisSpec;
  readonly description: string;
}

const PAD = 4;
const GAP = 8;
const TICKS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
const ok = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

function ratioText(x: number, digits: number): string {
  if (!Number.isFinite(x)) return '—';
  if (x > 999) return '> 999';
  if (x < 0.001) return '< 0.001';
  return fixed(x, digits);
}

/** "2.21 (1.09–4.49)". */
export function metaEstimateText(e: number, l: number, u: number, digits = 2): string {
  const lt = ratioText(l, digits), ut = ratioText(u, digits);
  // "< 0.001–> 999" would be unreadable: a bound written as text takes "to".
  return /[<>]/.test(lt + ut) ? `${ratioText(e, digits)} (${lt} to ${ut})` : `${ratioText(e, digits)} (${lt}–${ut})`;
}

export function metaForestLayout(data: MetaForestFigureData, options: MetaForestOptions = {}): MetaForestLayout {
  const fs = options.fontSize && options.fontSize > 3 ? options.fontSize : 7;
  const digits = options.digits ?? 2;
  const width = widthMm(options.width ?? 'double') * PT_PER_MM;
  const rowH = fs * 1.7;
  const studies = data.groups.flatMap((g) => g.studies);
  const pooled = [...data.pooled, ...data.groups.flatMap((g) => (g.pooled ? [g.pooled] : []))];
  // axis domain: the studies' estimates and the pooled intervals (study CIs may run off with arrows)
  // Study CIs widen the axis up to 0.01–100; estimates and pooled intervals up to 0.001–1000.
  let lo = 1, hi = 1;
  const widen = (v: number | undefined, min: number, max: number): void => {
    if (ok(v)) {
      lo = Math.min(lo, Math.max(min, v));
      hi = Math.max(hi, Math.min(max, v));
    }
  };
  for (const s of studies) {
    widen(s.lower, 0.01, 100);
    widen(s.upper, 0.01, 100);
    widen(s.estimate, 0.001, 1000);
  }
  for (const p of pooled) for (const v of [p.lower, p.upper]) widen(v, 0.001, 1000);
  widen(data.prediction?.lower, 0.01, 100);
  widen(data.prediction?.upper, 0.01, 100);
  const dLo = [...TICKS].reverse().find((t) => t <= lo * (1 + 1e-12)) ?? 0.001;
  const dHi = TICKS.find((t) => t >= hi * (1 - 1e-12)) ?? 1000;
  const domain: [number, number] = [dLo, dHi];

  const withN = studies.some((s) => ok(s.n));
  const estTexts = [...studies.map((s) => metaEstimateText(s.estimate, s.lower, s.upper, digits)), ...pooled.map((p) => metaEstimateText(p.estimate, p.lower, p.upper, digits))];
  if (data.prediction) estTexts.push(`${ratioText(data.prediction.lower, digits)}–${ratioText(data.prediction.upper, digits)}`);
  const estW = Math.max(textWidth(data.estimateHeader, fs, true), ...estTexts.map((t) => textWidth(t, fs)));
  const wW = Math.max(textWidth('Weight', fs, true), textWidth('100.0%', fs));
  const nW = withN ? Math.max(textWidth('n', fs, true), ...studies.map((s) => (ok(s.n) ? textWidth(String(s.n), fs) : 0))) : 0;
  const labels = [
    ...studies.map((s) => s.label + (s.flagged ? ' *' : '')),
    ...pooled.map((p) => p.label),
    ...data.groups.map((g) => g.heading ?? ''),
    data.prediction?.label ?? '',
    'Study',
  ];
  const labelNeed = Math.max(...labels.map((l) => textWidth(l, fs, true))) + fs;
  const fixedW = PAD + (withN ? GAP + nW : 0) + GAP + GAP + wW + GAP + estW + PAD;
  const labelW = Math.min(labelNeed, width * 0.38, width - fixedW - 80);
  const plotW = Math.max(60, width - fixedW - labelW);
  const xLabel = PAD;
  const xN = PAD + labelW + GAP;
  const plotX0 = xN + (withN ? nW + GAP : 0);
  const plotX1 = plotX0 + plotW;
  const xW = plotX1 + GAP + wW;
  const xEst = xW + GAP;
  const scale = scaleLog().domain(domain).range([plotX0 + 3, plotX1 - 3]).clamp(true);
  const X = (v: number): number => scale(v);

  const texts: MfText[] = [];
  const squares: MfSquare[] = [];
  const whiskers: MfLine[] = [];
  const diamonds: MfDiamond[] = [];
  const rules: { x0: number; x1: number; y: number; heavy: boolean }[] = [];
  const base = (yTop: number): number => yTop + rowH / 2 + 0.358 * fs;
  let y = PAD;
  // header
  texts.push({ x: xLabel, y: base(y), text: 'Study', anchor: 'start', bold: true });
  if (withN) texts.push({ x: xN + nW, y: base(y), text: 'n', anchor: 'end', bold: true, italic: true });
  texts.push({ x: xW, y: base(y), text: 'Weight', anchor: 'end', bold: true });
  texts.push({ x: xEst, y: base(y), text: data.estimateHeader, anchor: 'start', bold: true });
  y += rowH;
  rules.push({ x0: PAD, x1: width - PAD, y, heavy: true });
  const plotTop = y;
  const maxW = Math.max(...studies.map((s) => (Number.isFinite(s.weight) ? s.weight : 0)), 1e-9);
  const maxHalf = rowH * 0.42;
  const interval = (l: number, u: number, yc: number, caps = false): MfLine => ({
    x0: X(Math.max(l, domain[0])),
    x1: X(Math.min(u, domain[1])),
    y: yc,
    arrowLeft: !(l >= domain[0] * (1 - 1e-12)),
    arrowRight: !(u <= domain[1] * (1 + 1e-12)),
    caps,
  });
  const diamond = (p: { estimate: number; lower: number; upper: number; main?: boolean }, yc: number): void => {
    diamonds.push({ x0: X(Math.max(p.lower, domain[0])), xm: X(p.estimate), x1: X(Math.min(p.upper, domain[1])), y: yc, halfHeight: rowH * 0.32, main: !!p.main });
  };
  for (const g of data.groups) {
    if (g.heading) {
      texts.push({ x: xLabel, y: base(y), text: fitText(g.heading, labelW, fs, true), anchor: 'start', bold: true });
      y += rowH;
    }
    for (const s of g.studies) {
      const yc = y + rowH / 2;
      texts.push({ x: xLabel + (g.heading ? fs : 0), y: base(y), text: fitText(s.label + (s.flagged ? ' *' : ''), labelW - (g.heading ? fs : 0), fs), anchor: 'start' });
      if (withN && ok(s.n)) texts.push({ x: xN + nW, y: base(y), text: String(s.n), anchor: 'end' });
      texts.push({ x: xW, y: base(y), text: `${fixed(s.weight, 1)}%`, anchor: 'end' });
      texts.push({ x: xEst, y: base(y), text: metaEstimateText(s.estimate, s.lower, s.upper, digits), anchor: 'start' });
      if (ok(s.lower) && ok(s.upper)) whiskers.push(interval(s.lower, s.upper, yc));
      if (ok(s.estimate) && s.estimate >= domain[0] && s.estimate <= domain[1]) {
        const half = Math.max(1.2, maxHalf * Math.sqrt(Math.max(0, s.weight) / maxW));
        squares.push({ x: X(s.estimate), y: yc, half, hollow: !!s.flagged });
      }
      y += rowH;
    }
    if (g.pooled) {
      texts.push({ x: xLabel + (g.heading ? fs : 0), y: base(y), text: fitText(g.pooled.label, labelW, fs), anchor: 'start', italic: true });
      texts.push({ x: xEst, y: base(y), text: metaEstimateText(g.pooled.estimate, g.pooled.lower, g.pooled.upper, digits), anchor: 'start', italic: true });
      diamond(g.pooled, y + rowH / 2);
      y += rowH;
    }
    if (g.note) {
      for (const l of wrapText(g.note, labelW + plotW, fs * 0.9)) {
        texts.push({ x: xLabel + (g.heading ? fs : 0), y: base(y) - rowH * 0.15, text: l, anchor: 'start', italic: true });
        y += rowH * 0.8;
      }
    }
  }
  rules.push({ x0: PAD, x1: width - PAD, y: y + 1, heavy: false });
  y += 2;
  let mainX: number | null = null;
  let prediction: MfLine | null = null;
  for (const p of data.pooled) {
    texts.push({ x: xLabel, y: base(y), text: fitText(p.label, labelW + (withN ? nW + GAP : 0), fs, !!p.main), anchor: 'start', bold: !!p.main });
    texts.push({ x: xW, y: base(y), text: p.main ? '100.0%' : '', anchor: 'end', bold: !!p.main });
    texts.push({ x: xEst, y: base(y), text: metaEstimateText(p.estimate, p.lower, p.upper, digits), anchor: 'start', bold: !!p.main });
    diamond(p, y + rowH / 2);
    if (p.main) mainX = X(p.estimate);
    y += rowH;
    if (p.main && data.prediction && ok(data.prediction.lower) && ok(data.prediction.upper)) {
      texts.push({ x: xLabel, y: base(y), text: fitText(data.prediction.label, labelW, fs), anchor: 'start', italic: true });
      texts.push({ x: xEst, y: base(y), text: `${ratioText(data.prediction.lower, digits)}–${ratioText(data.prediction.upper, digits)}`, anchor: 'start', italic: true });
      prediction = interval(data.prediction.lower, data.prediction.upper, y + rowH / 2, true);
      y += rowH;
    }
  }
  const plotBottom = y;
  const ticks: Tick[] = [];
  const chosen: { x0: number; x1: number }[] = [];
  const rank = (t: number): number => (t === 1 ? 0 : Number.isInteger(Math.round(Math.log10(t) * 1e9) / 1e9) ? 1 : 2);
  for (const v of TICKS.filter((t) => t >= domain[0] && t <= domain[1]).sort((a, b) => rank(a) - rank(b) || a - b)) {
    const w = textWidth(String(v), fs);
    const c = { x0: X(v) - w / 2 - 3, x1: X(v) + w / 2 + 3 };
    if (chosen.every((o) => c.x1 <= o.x0 || c.x0 >= o.x1)) {
      chosen.push(c);
      ticks.push({ value: v, pos: X(v), label: String(v) });
    }
  }
  ticks.sort((a, b) => a.value - b.value);
  const axis: AxisSpec = { orient: 'bottom', at: plotBottom + 2, from: plotX0, to: plotX1, ticks, fontSize: fs, titleSize: fs, title: `${data.measureName} (log scale)` };
  y = plotBottom + 2 + axisExtent(axis);
  if (data.favours) {
    y += fs * 0.2;
    texts.push({ x: X(1) - 4, y: y + 0.8 * fs, text: data.favours[0], anchor: 'end', italic: true });
    texts.push({ x: X(1) + 4, y: y + 0.8 * fs, text: data.favours[1], anchor: 'start', italic: true });
    y += fs * 1.3;
  }
  y += fs * 0.6;
  for (const n of data.notes) {
    for (const l of wrapText(n, width - 2 * PAD, fs * 0.95)) {
      texts.push({ x: PAD, y: y + 0.8 * fs, text: l, anchor: 'start' });
      y += fs * 1.3;
    }
  }
  const description =
    `Forest plot of ${studies.length} studies (${data.measureName.toLowerCase()}, log scale) with the weight of each study. ` +
    pooled.map((p) => `${p.label}: ${metaEstimateText(p.estimate, p.lower, p.upper, digits)}`).join('; ') +
    (data.prediction ? `; ${data.prediction.label}: ${ratioText(data.prediction.lower, digits)}–${ratioText(data.prediction.upper, digits)}` : '') +
    '. ' + data.notes.join(' ');
  return {
    width,
    height: y + PAD,
    fontSize: fs,
    texts,
    squares,
    whiskers,
    diamonds,
    prediction,
    rules,
    refX: X(1),
    mainX,
    plotTop,
    plotBottom,
    axis,
    description,
  };
}
