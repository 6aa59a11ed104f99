/**
 * Forest plot layout: ratios with confidence intervals on a log scale, a text column
 * "HR (95% CI)" and a P column, one block per panel (univariate, multivariate) side by side
 * (rows matched by key) or stacked. Never throws: a row with a null or non-finite estimate gets
 * "Not estimable" and no marker; a limit that is null, non-positive, infinite or outside the
 * axis becomes an arrow at the axis end.
 */
import { scaleLog } from 'd3-scale';
import { fixed, formatP, pPhrase } from '../format/numbers.js';
import type { AxisSpec, Tick } from './axis.js';
import { axisExtent } from './axis.js';
import type { FigureWidth } from './figureFrame.js';
import { PT_PER_MM, widthMm } from './figureFrame.js';
import type { ForestFigureData, ForestRow } from './forestData.js';
import type { Box } from './geometry.js';
import type { MarkerShape } from './marker.js';
import { seriesStyle } from './palette.js';
import { fitText, textWidth, wrapText } from './textWidth.js';

export interface ForestOptions {
  readonly width?: FigureWidth;
  readonly fontSize?: number;
  /** 'side': panels side by side sharing the label column; 'stacked': one after another. Default: side when it fits (double width), else stacked. */
  readonly arrangement?: 'side' | 'stacked';
  /** Decimals of the ratios and limits. Default 2. */
  readonly digits?: number;
}

export interface ForestText {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly bold?: boolean;
  readonly italic?: boolean;
}

export interface ForestInterval {
  readonly y: number;
  /** Line from x0 to x1; arrowheads where a limit runs off the axis. */
  readonly x0: number;
  readonly x1: number;
  readonly arrowLeft: boolean;
  readonly arrowRight: boolean;
  /** Marker centre x, or null when the estimate is not estimable / off the axis. */
  readonly xEst: number | null;
  readonly colour: string;
  readonly shape: MarkerShape;
}

export interface ForestPlotColumn {
  readonly box: Box;
  readonly axis: AxisSpec;
  readonly refX: number;
}

export interface ForestLayout {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly titleSize: number;
  readonly texts: readonly ForestText[];
  readonly rules: readonly { readonly x0: number; readonly x1: number; readonly y: number; readonly heavy: boolean }[];
  readonly plots: readonly ForestPlotColumn[];
  readonly intervals: readonly ForestInterval[];
  readonly markerSize: number;
  readonly description: string;
}

const PAD = 4;
const GAP = 8;
/** Narrowest plot column (pt) before labels wrap or columns are dropped. */
const MIN_PLOT = 60;
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const CANDIDATE_TICKS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
const AXIS_MIN = 0.001;
const AXIS_MAX = 1000;

/** Long name of the measure for the axis. */
const MEASURE_NAME = { HR: 'Hazard ratio', OR: 'Odds ratio' } as const;

function estimable(r: ForestRow): boolean {
  return !r.header && !r.reference && finite(r.estimate) && r.estimate > 0;
}

/** A ratio for the text column: beyond 999 or below 0.001 it prints as a bound (the plot shows an arrow). */
function ratioText(x: number | null | undefined, digits: number): string {
  if (x === Infinity) return '∞';
  if (typeof x === 'number' && Number.isFinite(x)) {
    if (x > 999) return '> 999';
    if (x > 0 && x < 0.001) return '< 0.001';
  }
  return fixed(x ?? null, digits);
}

/** "2.05 (1.43–2.94)", "Reference", "Not estimable" (or the row's note), or '' for headings. */
export function forestEstimateText(r: ForestRow, digits = 2): string {
  if (r.header) return '';
  if (r.reference) return 'Reference';
  if (!estimable(r)) return r.note && r.note.trim() !== '' ? r.note.trim() : 'Not estimable';
  const lo = ratioText(r.lower, digits);
  const hi = ratioText(r.upper, digits);
  // A missing limit reads "1.10 to —": an en dash next to an em dash would be ambiguous.
  return lo === '—' || hi === '—' ? `${ratioText(r.estimate, digits)} (${lo} to ${hi})` : `${ratioText(r.estimate, digits)} (${lo}–${hi})`;
}

/** Log-axis domain covering every finite positive estimate and limit, and 1. */
function logDomain(rows: readonly ForestRow[]): [number, number] {
  let lo = 1;
  let hi = 1;
  for (const r of rows) {
    if (!estimable(r)) continue;
    for (const v of [r.estimate, r.lower, r.upper]) {
      if (finite(v) && v > 0) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
  }
  lo = Math.max(AXIS_MIN, lo);
  hi = Math.min(AXIS_MAX, hi);
  const dLo = [...CANDIDATE_TICKS].reverse().find((t) => t <= lo * (1 + 1e-12)) ?? AXIS_MIN;
  const dHi = CANDIDATE_TICKS.find((t) => t >= hi * (1 - 1e-12)) ?? AXIS_MAX;
  return [dLo, dHi];
}

/** Ticks on a log axis that do not collide: 1 first, then powers of ten, then 2s and 5s. */
function logTicks(domain: [number, number], pos: (v: number) => number, fs: number): number[] {
  const inDomain = CANDIDATE_TICKS.filter((t) => t >= domain[0] * (1 - 1e-12) && t <= domain[1] * (1 + 1e-12));
  const rank = (t: number): number => (t === 1 ? 0 : Number.isInteger(Math.round(Math.log10(t) * 1e9) / 1e9) ? 1 : 2);
  const order = [...inDomain].sort((a, b) => rank(a) - rank(b) || a - b);
  const chosen: { v: number; x0: number; x1: number }[] = [];
  for (const v of order) {
    const w = textWidth(tickLabel(v), fs);
    const c = { v, x0: pos(v) - w / 2 - 3, x1: pos(v) + w / 2 + 3 };
    if (chosen.every((o) => c.x1 <= o.x0 || c.x0 >= o.x1)) chosen.push(c);
  }
  return chosen.map((c) => c.v).sort((a, b) => a - b);
}

function tickLabel(v: number): string {
  return String(v);
}

interface PanelCols {
  n: boolean;
  nW: number;
  estW: number;
  pW: number;
}

/** Lays out a forest plot. */
export function forestLayout(data: ForestFigureData, options: ForestOptions = {}): ForestLayout {
  const fs = finite(options.fontSize) && options.fontSize > 3 ? options.fontSize : 7;
  const ts = fs + 1;
  const digits = options.digits ?? 2;
  const width = widthMm(options.width) * PT_PER_MM;
  const panels = (data.panels ?? []).filter((p) => p && Array.isArray(p.rows));
  const measure = data.measure === 'OR' ? 'OR' : 'HR';
  const allRows = panels.flatMap((p) => p.rows);
  const domain = logDomain(allRows);
  const estHead = `${measure} (95% CI)`;
  const labelHead = data.labelHeader ?? 'Variable';
  const rowH = fs * 1.75;
  const indent = fs * 1.2;

  const cols = (rows: readonly ForestRow[], withN = true): PanelCols => {
    const n = withN && rows.some((r) => finite(r.n));
    return {
      n,
      nW: n ? Math.max(textWidth('n', fs, true), ...rows.map((r) => (finite(r.n) ? textWidth(String(r.n), fs) : 0))) : 0,
      estW: Math.max(textWidth(estHead, fs, true), ...rows.map((r) => textWidth(forestEstimateText(r, digits), fs))),
      pW: Math.max(textWidth('P', fs, true), ...rows.map((r) => (r.header || r.reference ? 0 : textWidth(formatP(r.p), fs)))),
    };
  };
  const fixedW = (c: PanelCols): number => (c.n ? c.nW + GAP : 0) + GAP + c.estW + GAP + c.pW;
  const labelNeed = (rows: readonly ForestRow[]): number =>
    Math.max(textWidth(labelHead, fs, true), ...rows.map((r) => textWidth(r.label ?? '', fs, !!r.header) + (r.indent ? indent : 0)));

  // Merge rows by key for the side-by-side arrangement.
  const keys: string[] = [];
  const byKey = new Map<string, { label: string; header: boolean; indent: boolean }>();
  for (const p of panels) {
    for (const r of p.rows) {
      const k = r.key ?? r.label ?? '';
      if (!byKey.has(k)) {
        keys.push(k);
        byKey.set(k, { label: r.label ?? '', header: !!r.header, indent: !!r.indent });
      }
    }
  }
  let panelCols = panels.map((p) => cols(p.rows));
  // The n column is the first thing to go when the labels would otherwise be squeezed.
  const labelRoom = (pc: PanelCols[]): number =>
    width - (PAD + GAP + pc.reduce((s, c) => s + fixedW(c), 0) + Math.max(0, panels.length - 1) * 2 * GAP + PAD) - MIN_PLOT * Math.max(1, panels.length);
  if (panelCols.some((c) => c.n) && labelRoom(panelCols) < Math.min(labelNeed(allRows), width * 0.3)) panelCols = panels.map((p) => cols(p.rows, false));
  // Labels get what they need (up to 40% of the width) as long as each plot keeps MIN_PLOT pt; beyond that they wrap.
  const sideFixed = PAD + GAP + panelCols.reduce((s, c) => s + fixedW(c), 0) + Math.max(0, panels.length - 1) * 2 * GAP + PAD;
  const sideLabelW = Math.max(width * 0.2, Math.min(labelNeed(allRows), width * 0.4, width - sideFixed - MIN_PLOT * Math.max(1, panels.length)));
  const sidePlotW = panels.length ? (width - sideFixed - sideLabelW) / panels.length : 0;
  const arrangement = options.arrangement ?? (panels.length > 1 && sidePlotW >= MIN_PLOT ? 'side' : 'stacked');

  const texts: ForestText[] = [];
  const rules: { x0: number; x1: number; y: number; heavy: boolean }[] = [];
  const intervals: ForestInterval[] = [];
  const plots: ForestPlotColumn[] = [];
  const markerSize = Math.max(2, fs * 0.36);

  const axisProbe: AxisSpec = { orient: 'bottom', at: 0, from: 0, to: 1, ticks: [], fontSize: fs, titleSize: fs, title: `${MEASURE_NAME[measure]} (log scale)` };

  const placeInterval = (r: ForestRow, y: number, x: (v: number) => number, colour: string, shape: MarkerShape): void => {
    if (!estimable(r)) {
      // +∞ estimate with a finite lower limit: open interval to the right.
      if (r.estimate === Infinity && finite(r.lower) && r.lower > 0 && r.lower < domain[1]) {
        intervals.push({ y, x0: x(Math.max(r.lower, domain[0])), x1: x(domain[1]), arrowLeft: false, arrowRight: true, xEst: null, colour, shape });
      }
      return;
    }
    const e = r.estimate as number;
    const lo = finite(r.lower) && r.lower > 0 ? r.lower : 0;
    const hi = finite(r.upper) ? r.upper : Infinity;
    const arrowLeft = lo < domain[0] * (1 - 1e-12);
    const arrowRight = hi > domain[1] * (1 + 1e-12);
    const onAxis = e >= domain[0] * (1 - 1e-12) && e <= domain[1] * (1 + 1e-12);
    intervals.push({
      y,
      x0: x(arrowLeft ? domain[0] : lo),
      x1: x(arrowRight ? domain[1] : hi),
      arrowLeft,
      arrowRight,
      xEst: onAxis ? x(e) : null,
      colour,
      shape,
    });
  };

  const rowTexts = (r: ForestRow, y: number, c: PanelCols, x0: number, plotW: number): number => {
    // n column (before the plot), then estimate and P after it; returns the right edge.
    let cx = x0;
    if (c.n) {
      if (finite(r.n) && !r.header) texts.push({ x: cx + c.nW, y, text: String(r.n), anchor: 'end' });
      cx += c.nW + GAP;
    }
    cx += plotW + GAP;
    const est = forestEstimateText(r, digits);
    if (est) texts.push({ x: cx, y, text: est, anchor: 'start', italic: r.reference || !estimable(r) });
    cx += c.estW + GAP;
    if (!r.header && !r.reference && finite(r.p)) texts.push({ x: cx + c.pW, y, text: formatP(r.p), anchor: 'end' });
    return cx + c.pW;
  };
  const headerTexts = (c: PanelCols, x0: number, plotW: number, y: number): void => {
    let cx = x0;
    if (c.n) {
      texts.push({ x: cx + c.nW, y, text: 'n', anchor: 'end', bold: true, italic: true });
      cx += c.nW + GAP;
    }
    cx += plotW + GAP;
    texts.push({ x: cx, y, text: estHead, anchor: 'start', bold: true });
    cx += c.estW + GAP;
    texts.push({ x: cx + c.pW, y, text: 'P', anchor: 'end', bold: true, italic: true });
  };
  const base = (yTop: number): number => yTop + rowH / 2 + 0.358 * fs;
  const lineGap = fs * 1.2;
  /** Label wrapped to at most 3 lines (the last shortened with an ellipsis if still too long). */
  const labelLines = (label: string, avail: number, bold: boolean): string[] => {
    const lines = wrapText(label, avail, fs, bold);
    if (lines.length <= 3) return lines.map((l) => fitText(l, avail, fs, bold));
    return [...lines.slice(0, 2), fitText(lines.slice(2).join(' '), avail, fs, bold)];
  };
  const heightOf = (nLines: number): number => rowH + (nLines - 1) * lineGap;
  /** Baselines of a row's label lines, centred on the row. */
  const labelBaselines = (yTop: number, n: number): number[] =>
    Array.from({ length: n }, (_, i) => yTop + heightOf(n) / 2 - ((n - 1) * lineGap) / 2 + i * lineGap + 0.358 * fs);
  /** Baseline of the one-line texts (estimate, P, n) of a row: centred on the row. */
  const midBase = (yTop: number, n: number): number => yTop + heightOf(n) / 2 + 0.358 * fs;

  let bottom: number;
  if (arrangement === 'side' && panels.length > 0) {
    const labelW = sideLabelW;
    const plotW = Math.max(40, sidePlotW);
    let y = PAD;
    const titleY = y;
    y += rowH; // panel titles
    const headY = y;
    y += rowH; // column headers
    const rowsTop = y;
    const keyLines = keys.map((k) => {
      const m = byKey.get(k)!;
      return labelLines(m.label, labelW - (m.indent ? indent : 0), m.header);
    });
    const keyTop: number[] = [];
    let yy = rowsTop;
    for (const l of keyLines) {
      keyTop.push(yy);
      yy += heightOf(l.length);
    }
    const rowsBottom = yy;
    texts.push({ x: PAD, y: base(headY), text: labelHead, anchor: 'start', bold: true });
    keys.forEach((k, i) => {
      const m = byKey.get(k)!;
      labelBaselines(keyTop[i], keyLines[i].length).forEach((b, j) =>
        texts.push({ x: PAD + (m.indent ? indent : 0), y: b, text: keyLines[i][j], anchor: 'start', bold: m.header }));
    });
    let x0 = PAD + labelW + GAP;
    panels.forEach((p, pi) => {
      const c = panelCols[pi];
      const st = seriesStyle(pi);
      const shape: MarkerShape = pi % 2 === 0 ? 'square' : 'diamond';
      const px0 = x0 + (c.n ? c.nW + GAP : 0);
      const box: Box = { x0: px0, y0: rowsTop, x1: px0 + plotW, y1: rowsBottom };
      const scale = scaleLog().domain(domain).range([box.x0 + 3, box.x1 - 3]);
      const right = x0 + fixedW(c) + plotW;
      texts.push({ x: (x0 + right) / 2, y: base(titleY), text: fitText(p.title ?? '', right - x0, ts, true), anchor: 'middle', bold: true });
      rules.push({ x0, x1: right, y: titleY + rowH - 1, heavy: false });
      headerTexts(c, x0, plotW, base(headY));
      keys.forEach((k, i) => {
        const r = p.rows.find((rr) => (rr.key ?? rr.label ?? '') === k);
        if (!r) return;
        const yc = keyTop[i] + heightOf(keyLines[i].length) / 2;
        rowTexts(r, midBase(keyTop[i], keyLines[i].length), c, x0, plotW);
        placeInterval(r, yc, (v) => scale(v), st.colour, shape);
      });
      const ticks: Tick[] = logTicks(domain, (v) => scale(v), fs).map((v) => ({ value: v, pos: scale(v), label: tickLabel(v) }));
      plots.push({ box, refX: scale(1), axis: { ...axisProbe, at: rowsBottom + 2, from: box.x0, to: box.x1, ticks } });
      x0 = right + GAP * 2;
    });
    const rightEdge = x0 - GAP * 2;
    rules.push({ x0: PAD, x1: rightEdge, y: headY + rowH, heavy: true });
    rules.push({ x0: PAD, x1: rightEdge, y: rowsBottom + 0.5, heavy: false });
    bottom = rowsBottom + 2 + axisExtent(axisProbe);
  } else {
    // Stacked: one label column, one plot column; each panel starts with its title row.
    const stackRows = panels.flatMap((p) => p.rows);
    let c = cols(stackRows);
    if (c.n && width - 2 * PAD - GAP - fixedW(c) - MIN_PLOT < Math.min(labelNeed(stackRows), width * 0.3)) c = cols(stackRows, false);
    const need = Math.max(labelNeed(stackRows), ...panels.map((p) => textWidth(p.title ?? '', fs, true)));
    const labelW = Math.max(width * 0.2, Math.min(need, width * 0.4, width - 2 * PAD - GAP - fixedW(c) - MIN_PLOT));
    const plotW = Math.max(40, width - 2 * PAD - labelW - GAP - fixedW(c));
    let y = PAD;
    const headY = y;
    y += rowH;
    const rowsTop = y;
    const rowLines = panels.map((p) => p.rows.map((r) => labelLines(r.label ?? '', labelW - (r.indent ? indent : 0), !!r.header)));
    const rowsBottom = rowsTop + rowLines.flat().reduce((s, l) => s + heightOf(l.length), 0) + (panels.length > 1 ? panels.length * rowH : 0);
    const x0 = PAD + labelW + GAP;
    const px0 = x0 + (c.n ? c.nW + GAP : 0);
    const box: Box = { x0: px0, y0: rowsTop, x1: px0 + plotW, y1: rowsBottom };
    const scale = scaleLog().domain(domain).range([box.x0 + 3, box.x1 - 3]);
    texts.push({ x: PAD, y: base(headY), text: labelHead, anchor: 'start', bold: true });
    headerTexts(c, x0, plotW, base(headY));
    let yTop = rowsTop;
    panels.forEach((p, pi) => {
      const st = seriesStyle(pi);
      const shape: MarkerShape = pi % 2 === 0 ? 'square' : 'diamond';
      if (panels.length > 1) {
        texts.push({ x: PAD, y: base(yTop), text: fitText(p.title ?? '', labelW + GAP + plotW, fs, true), anchor: 'start', bold: true, italic: true });
        if (pi > 0) rules.push({ x0: PAD, x1: width - PAD, y: yTop, heavy: false });
        yTop += rowH;
      }
      p.rows.forEach((r, ri) => {
        const lines = rowLines[pi][ri];
        labelBaselines(yTop, lines.length).forEach((b, j) =>
          texts.push({ x: PAD + (r.indent ? indent : 0), y: b, text: lines[j], anchor: 'start', bold: !!r.header }));
        rowTexts(r, midBase(yTop, lines.length), c, x0, plotW);
        placeInterval(r, yTop + heightOf(lines.length) / 2, (v) => scale(v), st.colour, shape);
        yTop += heightOf(lines.length);
      });
    });
    const ticks: Tick[] = logTicks(domain, (v) => scale(v), fs).map((v) => ({ value: v, pos: scale(v), label: tickLabel(v) }));
    plots.push({ box, refX: scale(1), axis: { ...axisProbe, at: rowsBottom + 2, from: box.x0, to: box.x1, ticks } });
    rules.push({ x0: PAD, x1: width - PAD, y: headY + rowH, heavy: true });
    rules.push({ x0: PAD, x1: width - PAD, y: rowsBottom + 0.5, heavy: false });
    bottom = rowsBottom + 2 + axisExtent(axisProbe);
  }

  return { width, height: bottom + PAD, fontSize: fs, titleSize: ts, texts, rules, plots, intervals, markerSize, description: forestDescription(data, digits) };
}

function forestDescription(data: ForestFigureData, digits: number): string {
  const parts: string[] = [];
  if (data.description) parts.push(data.description.trim().replace(/\.?$/, '.'));
  const measure = data.measure === 'OR' ? 'OR' : 'HR';
  const panels = data.panels ?? [];
  if (panels.length === 0) return [...parts, 'Forest plot with no rows.'].join(' ');
  parts.push(`Forest plot of ${MEASURE_NAME[measure].toLowerCase()}s (${measure}) with 95% confidence intervals on a log scale.`);
  for (const p of panels) {
    const rows = p.rows.filter((r) => !r.header).map((r) => {
      const e = forestEstimateText(r, digits);
      const pv = !r.reference && finite(r.p) ? `, ${pPhrase(r.p)}` : '';
      return `${r.label} ${e}${pv}`;
    });
    parts.push(`${p.title}: ${rows.join('; ')}.`);
  }
  return parts.join(' ');
}
