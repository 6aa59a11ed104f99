/**
 * Kaplan–Meier figure layout: turns KmFigureData into positions in pt (no drawing). kmSvg.ts
 * draws the result. Never throws: non-finite values are dropped, probabilities clamped to [0, 1].
 */
import { format } from 'd3-format';
import { scaleLinear } from 'd3-scale';
import { fixed, pPhrase } from '../format/numbers.js';
import type { AxisSpec, Tick } from './axis.js';
import { axisExtent } from './axis.js';
import type { FigureWidth } from './figureFrame.js';
import type { Box } from './geometry.js';
import { PT_PER_MM, widthMm } from './figureFrame.js';
import type { KmFigureData, KmGroupData, KmStepPoint } from './kmData.js';
import { seriesStyle } from './palette.js';
import { distinctLabelLines } from './distinctLabels.js';
import { fitText, textWidth, wrapText } from './textWidth.js';

export interface KmOptions {
  /** 'single' (85 mm), 'double' (175 mm) or a width in mm. Default 'single'. */
  readonly width?: FigureWidth;
  /** Base font size in pt (tick labels, legend, risk table); titles are 1 pt larger. Default 7. */
  readonly fontSize?: number;
  /** Shade the confidence bands. Default false. */
  readonly ci?: boolean;
  /** Dashed lines at S = 0.5 down to each median, and the medians in the legend. Default true. */
  readonly medianLines?: boolean;
  /** Draw the number-at-risk table when the groups carry atRisk. Default true. */
  readonly riskTable?: boolean;
  /** Survival axis in percent (0–100) instead of probability. Default false. */
  readonly percent?: boolean;
  /** Decimals of medians in the legend. Default 1. */
  readonly medianDigits?: number;
  /** Print χ² and df with the log-rank P. Default false. */
  readonly showChisq?: boolean;
}

export interface KmSeriesLayout {
  readonly label: string;
  readonly colour: string;
  readonly dash: string;
  /** Step vertices in pt, drawn step-after; the last repeats the final value at the end time. */
  readonly steps: readonly (readonly [number, number])[];
  /** Runs of the confidence band (step-after), each vertex [x, yLower, yUpper] in pt. */
  readonly band: readonly (readonly (readonly [number, number, number])[])[];
  /** Censoring marks (centre of each tick) in pt. */
  readonly censor: readonly (readonly [number, number])[];
}

export interface KmTextItem {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly colour?: string;
  readonly bold?: boolean;
}

export interface KmLegendEntry {
  /** Left end of the line sample; y is the centre line of the entry's first line. */
  readonly x: number;
  readonly y: number;
  readonly colour: string;
  readonly dash: string;
  /** The whole entry (the lines joined by spaces). */
  readonly text: string;
  /** The entry as drawn: one line, or several when it is wider than the figure (never cut short). */
  readonly lines: readonly string[];
}

export interface KmLayout {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly titleSize: number;
  readonly plot: Box;
  readonly xAxis: AxisSpec;
  readonly yAxis: AxisSpec;
  readonly series: readonly KmSeriesLayout[];
  readonly legend: readonly KmLegendEntry[];
  /** Distance (pt) between the lines of a wrapped legend entry. */
  readonly legendLineHeight: number;
  readonly sampleLength: number;
  readonly medianLines: readonly { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number }[];
  readonly pText: KmTextItem | null;
  /** The heading (bold), each line of each row label (anchor 'start') and the cells (anchor 'middle'). */
  readonly riskTable: readonly KmTextItem[];
  /** Line samples (colour and dash of the group) before each risk-table label. */
  readonly riskSamples: readonly KmLegendEntry[];
  readonly censorHalfHeight: number;
  /** Full sentence(s) for <desc>. */
  readonly description: string;
}

const PAD = 4;
const SAMPLE = 14;
/** Length (pt) of the line sample before each risk-table label. */
export const RISK_SAMPLE_LENGTH = 10;

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const countText = (x: number): string => (finite(x) ? String(x) : '—');

/**
 * Tick times for the time axis of a figure `width` wide reaching `maxTime`: the times at which
 * the pipeline should compute numbers at risk. Deterministic ("nice" d3 ticks).
 * @example kmTimeTicks(58.3) // [0, 10, 20, 30, 40, 50, 60]
 */
export function kmTimeTicks(maxTime: number, width: FigureWidth = 'single'): number[] {
  const max = finite(maxTime) && maxTime > 0 ? maxTime : 1;
  const count = widthMm(width) >= 120 ? 10 : 6;
  const s = scaleLinear().domain([0, max]).nice(count);
  return s.ticks(count);
}

interface CleanGroup {
  readonly g: KmGroupData;
  readonly points: KmStepPoint[];
  readonly censor: number[];
  readonly end: number;
}

function clean(g: KmGroupData): CleanGroup {
  const pts = (g.points ?? [])
    .filter((p) => finite(p.time) && p.time >= 0 && finite(p.surv))
    .map((p) => ({
      time: p.time,
      surv: clamp01(p.surv),
      lower: finite(p.lower) ? clamp01(p.lower) : null,
      upper: finite(p.upper) ? clamp01(p.upper) : null,
    }))
    .sort((a, b) => a.time - b.time);
  if (pts.length === 0 || pts[0].time > 0) pts.unshift({ time: 0, surv: 1, lower: 1, upper: 1 });
  const censor = (g.censorTimes ?? []).filter((t) => finite(t) && t >= 0).slice().sort((a, b) => a - b);
  const end = Math.max(pts[pts.length - 1].time, censor.length ? censor[censor.length - 1] : 0);
  return { g, points: pts, censor, end };
}

/** The step in force at t (the last at or before t) of a cleaned curve. */
function pointAt(points: readonly KmStepPoint[], t: number): KmStepPoint {
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (points[mid].time <= t) lo = mid;
    else hi = mid - 1;
  }
  return points[lo];
}

/** Lays out a Kaplan–Meier figure. */
export function kmLayout(data: KmFigureData, options: KmOptions = {}): KmLayout {
  const fs = finite(options.fontSize) && options.fontSize > 3 ? options.fontSize : 7;
  const ts = fs + 1;
  const width = widthMm(options.width) * PT_PER_MM;
  const ci = options.ci ?? false;
  const showMedian = options.medianLines ?? true;
  const medianDigits = options.medianDigits ?? 1;
  const percent = options.percent ?? false;
  const groups = (data.groups ?? []).map(clean);

  // ---- time axis ticks and domain ----
  const riskTimes = [...new Set(groups.flatMap((c) => (c.g.atRisk ?? []).map((r) => r.time).filter(finite)))].sort((a, b) => a - b);
  const lastObs = Math.max(0, ...groups.map((c) => c.end));
  const wantRisk = (options.riskTable ?? true) && riskTimes.length > 0;
  let maxTime = finite(data.maxTime) && data.maxTime > 0 ? data.maxTime : lastObs;
  if (!(maxTime > 0)) maxTime = wantRisk && riskTimes[riskTimes.length - 1] > 0 ? riskTimes[riskTimes.length - 1] : 1;
  if (wantRisk) {
    // Extend the axis to the next risk-table tick when it is close (ticks are usually "nice" and
    // the last one lies just past the last observation).
    const next = riskTimes.find((t) => t >= maxTime * (1 - 1e-12));
    if (next !== undefined && next <= maxTime * 1.25) maxTime = next;
  }
  const tickValues = wantRisk ? riskTimes.filter((t) => t >= 0 && t <= maxTime) : kmTimeTicks(maxTime, options.width);
  if (!wantRisk) maxTime = Math.max(maxTime, tickValues[tickValues.length - 1] ?? maxTime);
  const fmtTime = format('.6~g');
  const survTicks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const fmtSurv = (v: number): string => (percent ? String(Math.round(v * 100)) : fixed(v, 1));

  // ---- legend text ----
  const legendTexts = groups.map((c) => {
    const bits = [`n = ${countText(c.g.n)}`];
    if (showMedian) bits.push(finite(c.g.median) ? `median ${fixed(c.g.median, medianDigits)}` : 'median not reached');
    return groups.length === 1 && c.g.label === '' ? bits.join('; ') : `${c.g.label} (${bits.join('; ')})`;
  });

  // ---- horizontal space ----
  const yAxisProbe: AxisSpec = {
    orient: 'left', at: 0, from: 0, to: 1, fontSize: fs, titleSize: ts,
    ticks: survTicks.map((v) => ({ value: v, pos: 0, label: fmtSurv(v) })),
    title: data.survivalLabel ?? (percent ? 'Survival (%)' : 'Survival probability'),
  };
  const riskCells = wantRisk
    ? groups.map((c) => tickValues.map((t) => {
        const r = (c.g.atRisk ?? []).find((a) => Math.abs(a.time - t) <= 1e-9 * Math.max(1, Math.abs(t)));
        return r && finite(r.n) ? String(r.n) : '';
      }))
    : [];
  const cellHalf = Math.max(0, ...riskCells.flat().map((s) => textWidth(s, fs) / 2));
  // Risk-table row labels: on one line when they all fit in a third of the width, else wrapped (at
  // most three lines) into a quarter; never shortened into the same text for two groups.
  const oneLine = groups.every((c) => textWidth(c.g.label, fs) <= width * 0.34);
  const riskLabels: string[][] = wantRisk
    ? (oneLine ? groups.map((c) => [c.g.label]) : distinctLabelLines(groups.map((c) => c.g.label), width * 0.27, fs, { maxLines: 3 }))
    : [];
  const riskLabelW = Math.max(0, ...riskLabels.flat().map((s) => textWidth(s, fs)));
  const left = PAD + Math.max(axisExtent(yAxisProbe), wantRisk ? RISK_SAMPLE_LENGTH + 3 + riskLabelW + cellHalf + 6 : 0);
  const lastTickHalf = tickValues.length ? textWidth(fmtTime(tickValues[tickValues.length - 1]), fs) / 2 : 0;
  const right = PAD + Math.max(2, lastTickHalf, wantRisk ? cellHalf : 0);
  const plotW = Math.max(40, width - left - right);

  // ---- legend rows (flowing left to right, wrapping) ----
  const lineH = fs * 1.4;
  const legendItems: { x: number; row: number; lines: string[]; i: number }[] = [];
  let legendRows = 0;
  {
    // Aligned with the plot's left edge, or with the figure's when the risk-table labels push the
    // plot far right and the legend would otherwise be wrapped.
    const lx = legendTexts.some((t) => textWidth(t, fs) + SAMPLE + 3 > width - PAD - left) ? PAD : left;
    const avail = width - PAD - lx - SAMPLE - 3;
    let x = lx;
    let row = 0;
    groups.forEach((_, i) => {
      // An entry wider than the figure wraps onto lines of its own (a word wider than the figure
      // is the only thing ever shortened).
      const lines = wrapText(legendTexts[i], avail, fs).map((l) => fitText(l, avail, fs));
      const w = SAMPLE + 3 + Math.max(...lines.map((l) => textWidth(l, fs)));
      if (x > lx && (lines.length > 1 || x + w > width - PAD)) {
        row += 1;
        x = lx;
      }
      legendItems.push({ x, row, lines, i });
      if (lines.length > 1) {
        row += lines.length;
        x = lx;
      } else x += w + 10;
    });
    legendRows = legendItems.length ? Math.max(...legendItems.map((e) => e.row + e.lines.length)) : 0;
  }

  // ---- vertical space ----
  const legendTop = PAD;
  const plotH = Math.min(220, Math.max(110, plotW * 0.62));
  const xAxisProbe: AxisSpec = {
    orient: 'bottom', at: 0, from: 0, to: 1, fontSize: fs, titleSize: ts, ticks: [], title: data.timeLabel ?? 'Time',
  };
  const build = (pAbove: boolean): KmLayout => {
    const y0 = legendTop + legendRows * lineH + (pAbove ? lineH : 0) + (legendRows ? 4 : 0) + fs / 2;
    const plot: Box = { x0: left, y0, x1: left + plotW, y1: y0 + plotH };
    const x = scaleLinear().domain([0, maxTime]).range([plot.x0, plot.x1]);
    const y = scaleLinear().domain([0, 1]).range([plot.y1, plot.y0]);
    const xTicks: Tick[] = tickValues.map((v) => ({ value: v, pos: x(v), label: fmtTime(v) }));
    const xAxis: AxisSpec = { ...xAxisProbe, at: plot.y1, from: plot.x0, to: plot.x1, ticks: xTicks };
    const yAxis: AxisSpec = {
      ...yAxisProbe, at: plot.x0, from: plot.y1, to: plot.y0,
      ticks: survTicks.map((v) => ({ value: v, pos: y(v), label: fmtSurv(v) })),
    };

    const series: KmSeriesLayout[] = groups.map((c, i) => {
      const st = seriesStyle(i);
      const pts = c.points.filter((p) => p.time <= maxTime);
      const steps: [number, number][] = pts.map((p) => [x(p.time), y(p.surv)]);
      const endT = Math.min(c.end, maxTime);
      steps.push([x(endT), y(pts[pts.length - 1].surv)]);
      const band: [number, number, number][][] = [];
      if (ci) {
        let run: [number, number, number][] = [];
        pts.forEach((p, k) => {
          const next = k + 1 < pts.length ? pts[k + 1].time : endT;
          if (p.lower !== null && p.upper !== null && p.lower !== undefined && p.upper !== undefined) {
            run.push([x(p.time), y(p.lower), y(p.upper)]);
            if (k + 1 >= pts.length || pts[k + 1].lower == null || pts[k + 1].upper == null) {
              run.push([x(next), y(p.lower), y(p.upper)]);
              band.push(run);
              run = [];
            }
          }
        });
      }
      const censor: [number, number][] = c.censor.filter((t) => t <= maxTime).map((t) => [x(t), y(pointAt(c.points, t).surv)]);
      return { label: c.g.label, colour: st.colour, dash: st.dash, steps, band, censor };
    });

    const medianLines: { x1: number; y1: number; x2: number; y2: number }[] = [];
    if (showMedian) {
      const medians = groups.map((c) => c.g.median).filter((m): m is number => finite(m) && m >= 0 && m <= maxTime);
      if (medians.length) {
        const ym = y(0.5);
        medianLines.push({ x1: plot.x0, y1: ym, x2: x(Math.max(...medians)), y2: ym });
        for (const m of [...new Set(medians)].sort((a, b) => a - b)) medianLines.push({ x1: x(m), y1: ym, x2: x(m), y2: plot.y1 });
      }
    }

    const legend: KmLegendEntry[] = legendItems.map((e) => ({
      x: e.x, y: legendTop + e.row * lineH + lineH / 2, colour: series[e.i].colour, dash: series[e.i].dash, text: e.lines.join(' '), lines: e.lines,
    }));

    // ---- log-rank P: bottom-left inside the plot, else top-right, else a line above ----
    let pText: KmTextItem | null = null;
    const lr = data.logRank;
    if (lr && groups.length > 1 && (finite(lr.p) || finite(lr.chisq))) {
      const s = options.showChisq && finite(lr.chisq)
        ? `Log-rank χ² = ${fixed(lr.chisq, 2)}, df = ${countText(lr.df)}, ${pPhrase(lr.p)}`
        : `Log-rank ${pPhrase(lr.p)}`;
      const w = textWidth(s, fs);
      const collides = (b: Box): boolean =>
        groups.some((c) => {
          const t0 = x.invert(b.x0);
          if (t0 > c.end) return false;
          const p0 = pointAt(c.points, t0);
          const p1 = pointAt(c.points, Math.min(x.invert(b.x1), c.end));
          // the curve's extent over the box (falling survival curves or rising cumulative incidence)
          const ys = [p0, p1].flatMap((p) => [y(ci && p.upper != null ? p.upper : p.surv), y(ci && p.lower != null ? p.lower : p.surv)]);
          const top = Math.min(...ys);
          const bot = Math.max(...ys);
          return !(bot + 2 < b.y0 || top - 2 > b.y1);
        }) ||
        medianLines.some((m) => !(Math.max(m.x1, m.x2) < b.x0 || Math.min(m.x1, m.x2) > b.x1 || Math.max(m.y1, m.y2) < b.y0 || Math.min(m.y1, m.y2) > b.y1));
      const bl: Box = { x0: plot.x0 + 4, y0: plot.y1 - 4 - fs * 1.1, x1: plot.x0 + 4 + w, y1: plot.y1 - 3 };
      const tr: Box = { x0: plot.x1 - 2 - w, y0: plot.y0 + 1, x1: plot.x1 - 2, y1: plot.y0 + 2 + fs * 1.1 };
      if (pAbove) pText = { x: plot.x1, y: legendTop + legendRows * lineH + lineH * 0.72, text: s, anchor: 'end' };
      else if (!collides(bl)) pText = { x: bl.x0, y: bl.y1 - 0.25 * fs, text: s, anchor: 'start' };
      else if (!collides(tr)) pText = { x: tr.x1, y: tr.y1 - 0.25 * fs, text: s, anchor: 'end' };
      else return build(true);
    }

    // ---- number-at-risk table ----
    const riskTable: KmTextItem[] = [];
    const riskSamples: KmLegendEntry[] = [];
    let bottom = plot.y1 + axisExtent(xAxis);
    if (wantRisk) {
      const rowH = fs * 1.35;
      // Wrapped labels: lines closer together within a group than between groups.
      const wrapH = fs * 1.15;
      const headY = bottom + 8 + fs * 0.72;
      riskTable.push({ x: PAD, y: headY, text: 'Number at risk', anchor: 'start', bold: true });
      let yy = headY;
      groups.forEach((_, i) => {
        yy += rowH;
        // The group's line sample (identification) in a column at the left, then its label in black
        // (contrast); the numbers sit on the label's first line.
        riskSamples.push({ x: PAD, y: yy - 0.358 * fs, colour: series[i].colour, dash: series[i].dash, text: '', lines: [] });
        riskLabels[i].forEach((l, k) => riskTable.push({ x: PAD + RISK_SAMPLE_LENGTH + 3, y: yy + k * wrapH, text: l, anchor: 'start' }));
        tickValues.forEach((t, k) => {
          if (riskCells[i][k] !== '') riskTable.push({ x: x(t), y: yy, text: riskCells[i][k], anchor: 'middle' });
        });
        yy += (riskLabels[i].length - 1) * wrapH;
      });
      bottom = yy + fs * 0.3;
    }

    return {
      width, height: bottom + PAD, fontSize: fs, titleSize: ts, plot, xAxis, yAxis, series, legend, legendLineHeight: lineH, sampleLength: SAMPLE,
      medianLines, pText, riskTable, riskSamples, censorHalfHeight: Math.max(1.5, fs * 0.3), description: kmDescription(data, groups),
    };
  };
  return build(false);
}

function kmDescription(data: KmFigureData, groups: readonly CleanGroup[]): string {
  const parts: string[] = [];
  if (data.description) parts.push(data.description.trim().replace(/\.?$/, '.'));
  if (groups.length === 0) {
    parts.push('Kaplan–Meier plot with no groups to show.');
    return parts.join(' ');
  }
  const each = groups.map((c) => {
    const m = finite(c.g.median) ? `median ${fixed(c.g.median, 1)}` : 'median not reached';
    return `${c.g.label || 'all patients'} (n = ${countText(c.g.n)}, ${countText(c.g.events)} events, ${m})`;
  });
  parts.push(`Kaplan–Meier curves of ${data.survivalLabel ?? 'survival probability'} against ${data.timeLabel ?? 'time'} for ${groups.length === 1 ? 'one group' : `${groups.length} groups`}: ${each.join('; ')}.`);
  const lr = data.logRank;
  if (lr && groups.length > 1 && finite(lr.chisq)) parts.push(`Log-rank test χ² = ${fixed(lr.chisq, 2)}, df = ${countText(lr.df)}, ${pPhrase(lr.p)}.`);
  return parts.join(' ');
}
