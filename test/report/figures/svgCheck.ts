/**
 * Test helpers for figures: read back the <text> elements of an SVG with their extents (from the
 * same font metrics the layouts use), check bounds, overlaps and accessibility, and round layout
 * numbers before snapshotting.
 */
import { expect } from 'vitest';
import { textWidth } from '../../../src/report/figures/textWidth.js';

export interface TextBox {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  rotated: boolean;
}

const unesc = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/** Every <text> with its box: baseline y, ascent 0.72 em above, descent 0.21 em below. */
export function textBoxes(svg: string): TextBox[] {
  const out: TextBox[] = [];
  for (const m of svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)) {
    const a = m[1];
    const get = (k: string): string | undefined => new RegExp(`\\s${k}="([^"]*)"`).exec(a)?.[1];
    const x = Number(get('x'));
    const y = Number(get('y'));
    const size = Number(get('font-size'));
    const anchor = get('text-anchor') ?? 'start';
    const bold = get('font-weight') === 'bold';
    const text = unesc(m[2]);
    const w = textWidth(text, size, bold);
    const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
    out.push({ text, x0, x1: x0 + w, y0: y - 0.72 * size, y1: y + 0.21 * size, rotated: get('transform') !== undefined });
  }
  return out;
}

/** viewBox width and height. */
export function viewBox(svg: string): { width: number; height: number } {
  const m = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!m) throw new Error('no viewBox');
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** Asserts every unrotated text lies inside the figure and no two texts overlap. */
export function expectCleanText(svg: string): void {
  const { width, height } = viewBox(svg);
  const boxes = textBoxes(svg).filter((b) => !b.rotated && b.text.trim() !== '');
  for (const b of boxes) {
    expect(b.x0, `"${b.text}" starts left of the figure`).toBeGreaterThanOrEqual(-0.01);
    expect(b.x1, `"${b.text}" ends right of the figure`).toBeLessThanOrEqual(width + 0.01);
    expect(b.y0, `"${b.text}" above the figure`).toBeGreaterThanOrEqual(-0.01);
    expect(b.y1, `"${b.text}" below the figure`).toBeLessThanOrEqual(height + 0.01);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const overlap = a.x0 < b.x1 - 0.3 && b.x0 < a.x1 - 0.3 && a.y0 < b.y1 - 0.3 && b.y0 < a.y1 - 0.3;
      expect(overlap, `"${a.text}" overlaps "${b.text}"`).toBe(false);
    }
  }
}

/** Asserts the accessibility contract and the absence of NaN/Infinity. */
export function expectAccessible(svg: string, title: string): void {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  expect(root).toContain('role="img"');
  const ids = /aria-labelledby="([^"]+)"/.exec(root)?.[1].split(' ') ?? [];
  expect(ids).toHaveLength(2);
  expect(svg).toContain(`<title id="${ids[0]}">`);
  expect(svg).toContain(`<desc id="${ids[1]}">`);
  const t = /<title id="[^"]+">([^<]*)<\/title>/.exec(svg)?.[1];
  expect(t).toBe(title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  const d = /<desc id="[^"]+">([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
  expect(d.length).toBeGreaterThan(20);
  expect(svg).not.toMatch(/NaN|Infinity|undefined|null/);
  expect(svg).not.toContain('0.000');
  expect(svg).toMatch(/<text[^>]*>[^<]+<\/text>/); // text as text, not outlines
}

/** Deep copy with every number rounded to `d` decimals (snapshots must not hinge on the last bit). */
export function rounded<T>(v: T, d = 1): T {
  const f = 10 ** d;
  const walk = (x: unknown): unknown => {
    if (typeof x === 'number') return Number.isFinite(x) ? Math.round(x * f) / f + 0 : String(x);
    if (Array.isArray(x)) return x.map(walk);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, walk(y)]));
    return x;
  };
  return walk(v) as T;
}
