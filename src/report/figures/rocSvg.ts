/**
 * ROC figure as an SVG string: curves, chance diagonal, optimal cutoffs marked, legend table
 * with AUC (95% CI) and the cutoffs. Pure and deterministic.
 *
 * @example
 * rocSvg({ title: 'ROC of SII', curves: [{ label: 'SII', auc: 0.795, lower: 0.742, upper: 0.848,
 *   points: [{ fpr: 0, tpr: 0 }, { fpr: 0.2, tpr: 0.7 }, { fpr: 1, tpr: 1 }],
 *   optimal: { threshold: 405.08, sensitivity: 0.7, specificity: 0.8 } }] })
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="85mm" … role="img" …>…</svg>\n'
 */
import { line as d3line } from 'd3-shape';
import { axisSvg } from './axis.js';
import { figureId, svgFrame } from './figureFrame.js';
import { markerSvg } from './marker.js';
import { INK } from './palette.js';
import type { RocFigureData } from './rocData.js';
import type { RocLayout, RocOptions } from './rocLayout.js';
import { rocLayout } from './rocLayout.js';
import { baselineFor, el, esc, g, line, text } from './svg.js';

/** Draws a laid-out ROC figure. */
export function rocSvgFromLayout(L: RocLayout, title: string): string {
  const body: string[] = [];
  const path = d3line<readonly [number, number]>().digits(2);
  const [dx0, dy0, dx1, dy1] = L.diagonal;
  body.push(line(dx0, dy0, dx1, dy1, { stroke: INK.reference, 'stroke-width': 0.6, 'stroke-dasharray': '3 2', class: 'chance' }));
  // Curves in reverse order so the first-listed curve is on top.
  for (const s of [...L.series].reverse()) {
    body.push(
      g({ class: 'roc-curve' }, [
        el('title', {}, esc(s.label)),
        el('path', { d: path(s.path) ?? '', fill: 'none', stroke: s.colour, 'stroke-width': 1, 'stroke-dasharray': s.dash, 'stroke-linejoin': 'round' }),
      ]),
    );
  }
  body.push(axisSvg(L.xAxis), axisSvg(L.yAxis));
  for (const s of L.series) {
    if (s.marker) body.push(markerSvg(s.shape, s.marker.x, s.marker.y, L.markerSize, s.colour));
  }
  const lg = L.legend;
  const rows: string[] = [];
  for (const r of lg.rows) {
    const parts: string[] = [];
    if (r.colour) {
      parts.push(line(lg.sampleX, r.y, lg.sampleX + lg.sampleLength, r.y, { stroke: r.colour, 'stroke-width': 1.2, 'stroke-dasharray': r.dash }));
      if (r.shape) parts.push(markerSvg(r.shape, lg.sampleX + lg.sampleLength / 2, r.y, L.markerSize, r.colour));
    }
    for (const c of r.cells) parts.push(text(c.x, baselineFor(r.y, L.fontSize), c.text, { size: L.fontSize, anchor: c.anchor, bold: c.bold }));
    rows.push(g({}, parts));
  }
  body.push(g({ class: 'legend' }, [el('rect', { x: lg.box.x0, y: lg.box.y0, width: lg.box.x1 - lg.box.x0, height: lg.box.y1 - lg.box.y0, fill: '#FFFFFF', stroke: 'none' }), ...rows]));
  return svgFrame({ id: figureId('roc', title), width: L.width, height: L.height, title, description: L.description, body });
}

/** The ROC figure of `data` as a standalone SVG document string. */
export function rocSvg(data: RocFigureData, options: RocOptions = {}): string {
  return rocSvgFromLayout(rocLayout(data, options), data.title ?? '');
}
