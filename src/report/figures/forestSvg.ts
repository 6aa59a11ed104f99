/**
 * Forest plot as an SVG string: squares (univariate) and diamonds (multivariate) with CI
 * whiskers on a log axis, a dashed line at 1, estimate and P columns, arrows where an interval
 * leaves the axis. Pure and deterministic.
 *
 * @example
 * forestSvg({ title: 'Cox models', measure: 'HR', panels: [{ title: 'Univariate',
 *   rows: [{ label: 'SII ≥ 340', estimate: 2.05, lower: 1.43, upper: 2.94, p: 0.00011 }] }] })
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="85mm" … role="img" …>…</svg>\n'
 */
import { axisSvg } from './axis.js';
import { figureId, svgFrame } from './figureFrame.js';
import type { ForestFigureData } from './forestData.js';
import type { ForestLayout, ForestOptions } from './forestLayout.js';
import { forestLayout } from './forestLayout.js';
import { markerSvg } from './marker.js';
import { INK } from './palette.js';
import { el, g, line, num, text } from './svg.js';

/** Draws a laid-out forest plot. */
export function forestSvgFromLayout(L: ForestLayout, title: string): string {
  const body: string[] = [];
  for (const p of L.plots) {
    body.push(line(p.refX, p.box.y0, p.refX, p.box.y1, { stroke: INK.reference, 'stroke-width': 0.5, 'stroke-dasharray': '2 2', class: 'ref-line' }));
  }
  const a = L.markerSize * 0.9;
  for (const iv of L.intervals) {
    const parts = [line(iv.x0, iv.y, iv.x1, iv.y, { stroke: iv.colour, 'stroke-width': 0.8 })];
    const heads: string[] = [];
    if (iv.arrowLeft) heads.push(`M${num(iv.x0 + a)},${num(iv.y - a / 1.6)}L${num(iv.x0)},${num(iv.y)}L${num(iv.x0 + a)},${num(iv.y + a / 1.6)}Z`);
    if (iv.arrowRight) heads.push(`M${num(iv.x1 - a)},${num(iv.y - a / 1.6)}L${num(iv.x1)},${num(iv.y)}L${num(iv.x1 - a)},${num(iv.y + a / 1.6)}Z`);
    if (heads.length) parts.push(el('path', { d: heads.join(''), fill: iv.colour }));
    if (iv.xEst !== null) parts.push(markerSvg(iv.shape, iv.xEst, iv.y, L.markerSize, iv.colour));
    body.push(g({ class: 'interval' }, parts));
  }
  for (const p of L.plots) body.push(axisSvg(p.axis));
  for (const r of L.rules) body.push(line(r.x0, r.y, r.x1, r.y, { stroke: INK.axis, 'stroke-width': r.heavy ? 0.6 : 0.4 }));
  body.push(
    g(
      { class: 'table-text' },
      L.texts.map((t) => text(t.x, t.y, t.text, { size: L.fontSize, anchor: t.anchor, bold: t.bold, italic: t.italic })),
    ),
  );
  return svgFrame({ id: figureId('forest', title), width: L.width, height: L.height, title, description: L.description, body });
}

/** The forest plot of `data` as a standalone SVG document string. */
export function forestSvg(data: ForestFigureData, options: ForestOptions = {}): string {
  return forestSvgFromLayout(forestLayout(data, options), data.title ?? '');
}
