/**
 * The nomogram as an SVG string: label column, the points ruler with light guides, one axis per
 * predictor, total points, linear predictor and survival axes. Pure and deterministic.
 *
 * @example
 * nomogramSvg(nomogramFigureData(nomo)) // '<svg xmlns="http://www.w3.org/2000/svg" width="175mm" … role="img" …>…</svg>\n'
 */
import { figureId, svgFrame } from './figureFrame.js';
import type { NomogramFigureData } from './nomogramData.js';
import type { NomogramLayout, NomogramOptions } from './nomogramLayout.js';
import { nomogramLayout } from './nomogramLayout.js';
import { INK } from './palette.js';
import { baselineFor, g, line, text } from './svg.js';

export function nomogramSvgFromLayout(L: NomogramLayout, title: string): string {
  const body: string[] = [];
  body.push(g({ class: 'guides' }, L.guides.map((gd) => line(gd.x, gd.y0, gd.x, gd.y1, { stroke: INK.light, 'stroke-width': 0.3, 'stroke-dasharray': '1 1.5' }))));
  const fs = L.fontSize;
  for (const r of L.rows) {
    const parts: string[] = [];
    parts.push(text(r.labelX, baselineFor(r.y, fs), r.label, { size: fs, bold: r.bold }));
    parts.push(line(r.x0, r.y, r.x1, r.y, { 'stroke-width': 0.7 }));
    for (const x of r.minor) parts.push(line(x, r.y, x, r.y - L.tickLength * 0.6, { 'stroke-width': 0.4 }));
    for (const t of r.ticks) {
      parts.push(line(t.x, r.y - (t.below ? 0 : L.tickLength), t.x, r.y + (t.below ? L.tickLength : 0), { 'stroke-width': 0.6 }));
      if (t.label !== null) {
        const y = t.below ? r.y + L.tickLength + 1.5 + 0.716 * fs : r.y - L.tickLength - 1.5;
        parts.push(text(t.x, y, t.label, { size: fs, anchor: 'middle' }));
      }
    }
    body.push(g({ class: 'nomogram-row' }, parts));
  }
  return svgFrame({ id: figureId('nomogram', title), width: L.width, height: L.height, title, description: L.description, body });
}

export function nomogramSvg(data: NomogramFigureData, options: NomogramOptions = {}): string {
  return nomogramSvgFromLayout(nomogramLayout(data, options), data.title ?? 'Nomogram');
}
