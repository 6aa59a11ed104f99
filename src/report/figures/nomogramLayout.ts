/**
 * Nomogram layout: a label column on the left, then one horizontal axis per row across the same plot
 * width — the points rows on the 0 … maxScale scale, the total-points rows on 0 … total; the top row is
 * the points ruler and light vertical guides help reading. Tick labels sit above each line; a label
 * that would overlap its neighbour goes below the line, and is dropped when both places are taken
 * (the first and the last label are always kept). Never throws.
 */
import type { FigureWidth } from './figureFrame.js';
import { PT_PER_MM, widthMm } from './figureFrame.js';
import type { NomogramFigureData } from './nomogramData.js';
import { fitText, textWidth } from './textWidth.js';

export interface NomogramOptions {
  readonly width?: FigureWidth;
  readonly fontSize?: number;
}

export interface NomogramRowLayout {
  readonly label: string;
  readonly labelX: number;
  readonly y: number;
  readonly x0: number;
  readonly x1: number;
  readonly ticks: readonly { readonly x: number; readonly label: string | null; readonly below: boolean }[];
  readonly minor: readonly number[];
  readonly bold: boolean;
}

export interface NomogramLayout {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly plotX0: number;
  readonly plotX1: number;
  readonly rows: readonly NomogramRowLayout[];
  readonly guides: readonly { readonly x: number; readonly y0: number; readonly y1: number }[];
  readonly description: string;
  readonly tickLength: number;
}

const PAD = 6;
const GAP = 6;
const TICK = 3;

export function nomogramLayout(data: NomogramFigureData, options: NomogramOptions = {}): NomogramLayout {
  const width = widthMm(options.width ?? 'double') * PT_PER_MM;
  const fontSize = options.fontSize ?? 8;
  const maxLabel = Math.min(width * 0.3, Math.max(...data.rows.map((r) => textWidth(r.label, fontSize, true))));
  const plotX0 = PAD + maxLabel + GAP + fontSize; // room for a first tick label centred on x0
  const plotX1 = width - PAD - fontSize * 1.2;
  const rowH = 2 * (fontSize + TICK + 2) + 2;
  const top = PAD + fontSize + TICK + 2;
  const scaleOf = (s: 'points' | 'total') => (v: number) => {
    const max = s === 'points' ? data.maxScale : data.totalMax;
    return plotX0 + (max > 0 ? (v / max) * (plotX1 - plotX0) : 0);
  };
  const rows: NomogramRowLayout[] = data.rows.map((r, i) => {
    const X = scaleOf(r.scale);
    const y = top + i * rowH;
    const xs = r.ticks.map((t) => X(t.at));
    const lo = Math.min(...xs, X(0));
    const hi = Math.max(...xs);
    const placed = { above: [] as [number, number][], below: [] as [number, number][] };
    const free = (side: [number, number][], a: number, b: number) => side.every(([c, d]) => b + 2 < c || a > d + 2);
    // place the ends first so they always show, then the rest left to right
    const order = r.ticks.map((_, k) => k).sort((a, b) => (a === 0 || a === r.ticks.length - 1 ? -1 : 0) - (b === 0 || b === r.ticks.length - 1 ? -1 : 0));
    const labels: { label: string | null; below: boolean }[] = r.ticks.map(() => ({ label: null, below: false }));
    for (const k of order) {
      const w = textWidth(r.ticks[k].label, fontSize);
      const a = xs[k] - w / 2;
      const b = xs[k] + w / 2;
      if (free(placed.above, a, b)) {
        placed.above.push([a, b]);
        labels[k] = { label: r.ticks[k].label, below: false };
      } else if (r.kind === 'predictor' && free(placed.below, a, b)) {
        placed.below.push([a, b]);
        labels[k] = { label: r.ticks[k].label, below: true };
      }
    }
    return {
      label: fitText(r.label, maxLabel, fontSize, true),
      labelX: PAD,
      y,
      x0: r.kind === 'scale' ? X(0) : r.kind === 'outcome' ? Math.min(...xs) : lo,
      x1: r.kind === 'predictor' ? hi : r.scale === 'total' && r.kind === 'outcome' ? hi : X(r.scale === 'points' ? data.maxScale : data.totalMax),
      ticks: r.ticks.map((_, k) => ({ x: xs[k], ...labels[k] })),
      minor: (r.minor ?? []).map(X),
      bold: r.kind !== 'predictor',
    };
  });
  const lastPointsRow = data.rows.reduce((m, r, i) => (r.scale === 'points' ? i : m), 0);
  const guides = data.rows[0]?.ticks.map((t) => ({ x: scaleOf('points')(t.at), y0: rows[0].y, y1: rows[lastPointsRow].y })) ?? [];
  const height = top + (data.rows.length - 1) * rowH + fontSize + TICK + 2 + PAD;
  const predictors = data.rows.filter((r) => r.kind === 'predictor').map((r) => r.label);
  return {
    width,
    height,
    fontSize,
    plotX0,
    plotX1,
    rows,
    guides,
    tickLength: TICK,
    description:
      `Nomogram: read each predictor's points (${predictors.join(', ')}) on the Points scale, add them, ` +
      `and read the linear predictor and predicted survival below the total points.`,
  };
}
