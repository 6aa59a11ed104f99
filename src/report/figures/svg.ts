/**
 * Small SVG string builders shared by every figure. Coordinates are printed with at most two
 * decimals (num) so that output is compact and byte-identical for identical input.
 */
import { INK } from './palette.js';

/** Escapes text and attribute values for XML. @example esc('a < b & "c"') // 'a &lt; b &amp; &quot;c&quot;' */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A coordinate with at most 2 decimals, no trailing zeros, never "-0". @example num(3.14159) // '3.14' */
export function num(x: number): string {
  if (!Number.isFinite(x)) return '0';
  const r = Math.round(x * 100) / 100;
  return String(r === 0 ? 0 : r);
}

export type Attrs = Readonly<Record<string, string | number | undefined | null>>;

/** Attributes in insertion order; numbers through num(), undefined/null/'' skipped. */
export function attrs(a: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined || v === null || v === '') continue;
    out += ` ${k}="${typeof v === 'number' ? num(v) : esc(v)}"`;
  }
  return out;
}

/** An element; self-closing when it has no children. */
export function el(tag: string, a: Attrs, children?: string | readonly string[]): string {
  const inner = children === undefined ? '' : typeof children === 'string' ? children : children.join('');
  return inner === '' ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${inner}</${tag}>`;
}

export interface TextStyle {
  readonly size: number;
  readonly anchor?: 'start' | 'middle' | 'end';
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fill?: string;
  /** Rotation in degrees about (x, y). */
  readonly rotate?: number;
}

/**
 * A text element whose `y` is the alphabetic baseline. Use baselineFor() to centre text on a
 * line: renderers disagree on dominant-baseline, so figures never use it.
 */
export function text(x: number, y: number, s: string, st: TextStyle): string {
  return el(
    'text',
    {
      x,
      y,
      'font-size': st.size,
      'text-anchor': st.anchor && st.anchor !== 'start' ? st.anchor : undefined,
      'font-weight': st.bold ? 'bold' : undefined,
      'font-style': st.italic ? 'italic' : undefined,
      fill: st.fill && st.fill !== INK.text ? st.fill : undefined,
      transform: st.rotate ? `rotate(${num(st.rotate)} ${num(x)} ${num(y)})` : undefined,
    },
    esc(s),
  );
}

/** Baseline y that visually centres text of `size` on `yCentre` (Arial cap height ≈ 0.716 em). */
export function baselineFor(yCentre: number, size: number): number {
  return yCentre + 0.358 * size;
}

/** A straight line segment. */
export function line(x1: number, y1: number, x2: number, y2: number, a: Attrs = {}): string {
  return el('line', { x1, y1, x2, y2, stroke: INK.axis, ...a });
}

/** A rectangle. */
export function rect(x: number, y: number, width: number, height: number, a: Attrs = {}): string {
  return el('rect', { x, y, width, height, ...a });
}

/** A group. */
export function g(a: Attrs, children: readonly string[]): string {
  return el('g', a, children);
}
