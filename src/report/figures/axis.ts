/**
 * Axes: the layout (where ticks, labels and the title go, and how much room they need) is
 * computed apart from the drawing, so figure layouts can reserve space before they draw.
 */
import { INK } from './palette.js';
import { baselineFor, g, line, text } from './svg.js';
import { textWidth } from './textWidth.js';

export interface Tick {
  readonly value: number;
  /** Position along the axis in pt. */
  readonly pos: number;
  readonly label: string;
}

export interface AxisSpec {
  readonly orient: 'bottom' | 'left';
  /** y of a bottom axis line, x of a left axis line. */
  readonly at: number;
  /** Extent of the axis line along the axis (pt). */
  readonly from: number;
  readonly to: number;
  readonly ticks: readonly Tick[];
  readonly title?: string;
  readonly fontSize: number;
  readonly titleSize: number;
}

export const TICK_LENGTH = 3;
const LABEL_GAP = 2;
const TITLE_GAP = 4;
const STROKE = 0.6;

/** Room the axis takes outside the plot (below a bottom axis, left of a left axis), in pt. */
export function axisExtent(a: AxisSpec): number {
  if (a.orient === 'bottom') {
    const labels = TICK_LENGTH + LABEL_GAP + a.fontSize;
    return a.title ? labels + TITLE_GAP + a.titleSize : labels;
  }
  const labels = TICK_LENGTH + LABEL_GAP + Math.max(0, ...a.ticks.map((t) => textWidth(t.label, a.fontSize)));
  return a.title ? labels + TITLE_GAP + a.titleSize : labels;
}

/** Draws an axis: line, ticks, tick labels and title. */
export function axisSvg(a: AxisSpec): string {
  const parts: string[] = [];
  const stroke = { stroke: INK.axis, 'stroke-width': STROKE };
  if (a.orient === 'bottom') {
    parts.push(line(a.from, a.at, a.to, a.at, { ...stroke, 'stroke-linecap': 'square' }));
    const ly = a.at + TICK_LENGTH + LABEL_GAP + 0.716 * a.fontSize;
    for (const t of a.ticks) {
      parts.push(line(t.pos, a.at, t.pos, a.at + TICK_LENGTH, stroke));
      parts.push(text(t.pos, ly, t.label, { size: a.fontSize, anchor: 'middle' }));
    }
    if (a.title) {
      const ty = a.at + TICK_LENGTH + LABEL_GAP + a.fontSize + TITLE_GAP + 0.716 * a.titleSize;
      parts.push(text((a.from + a.to) / 2, ty, a.title, { size: a.titleSize, anchor: 'middle' }));
    }
  } else {
    parts.push(line(a.at, a.from, a.at, a.to, { ...stroke, 'stroke-linecap': 'square' }));
    const lx = a.at - TICK_LENGTH - LABEL_GAP;
    for (const t of a.ticks) {
      parts.push(line(a.at - TICK_LENGTH, t.pos, a.at, t.pos, stroke));
      parts.push(text(lx, baselineFor(t.pos, a.fontSize), t.label, { size: a.fontSize, anchor: 'end' }));
    }
    if (a.title) {
      const w = Math.max(0, ...a.ticks.map((t) => textWidth(t.label, a.fontSize)));
      // Rotated text: the baseline sits on the right of the glyphs; descenders reach ~0.21 em.
      const tx = lx - w - TITLE_GAP - 0.21 * a.titleSize;
      parts.push(text(tx, (a.from + a.to) / 2, a.title, { size: a.titleSize, anchor: 'middle', rotate: -90 }));
    }
  }
  return g({ class: `axis axis-${a.orient}` }, parts);
}
