/**
 * The spline effect figure as an SVG string: band, curve, ratio-1 and reference lines, knots, rug,
 * axes and note. Pure and deterministic.
 *
 * @example
 * splineCurveSvg({ measure: 'HR', xLabel: 'SII', points, reference: 340, knots: [150, 340, 900], rug: [], note: 'P for nonlinearity = 0.21' })
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="85mm" … role="img" …>…</svg>\n'
 */
import { axisSvg } from './axis.js';
import { figureId, svgFrame } from './figureFrame.js';
import { INK, OKABE_ITO } from './palette.js';
import type { SplineCurveFigureData } from './splineCurveData.js';
import type { SplineCurveLayout, SplineCurveOptions } from './splineCurveLayout.js';
import { splineCurveLayout } from './splineCurveLayout.js';
import { el, g, line, num, rect, text } from './svg.js';
import { textWidth } from './textWidth.js';

const path = (pts: readonly (readonly [number, number])[]) => pts.map(([x, y], i) => `${i ? 'L' : 'M'}${num(x)},${num(y)}`).join('');

export function splineCurveSvgFromLayout(L: SplineCurveLayout, title: string): string {
  const colour = OKABE_ITO.blue;
  const body: string[] = [];
  if (L.band.length > 2) body.push(el('path', { d: `${path(L.band)}Z`, fill: colour, 'fill-opacity': 0.18, stroke: 'none', class: 'band' }));
  if (L.oneY !== null) body.push(line(L.plot.x0, L.oneY, L.plot.x1, L.oneY, { stroke: INK.reference, 'stroke-width': 0.5, 'stroke-dasharray': '2 2', class: 'ref-line' }));
  body.push(line(L.refX, L.plot.y0, L.refX, L.plot.y1, { stroke: INK.reference, 'stroke-width': 0.5, 'stroke-dasharray': '1 1.5', class: 'ref-value' }));
  body.push(el('path', { d: path(L.curve), fill: 'none', stroke: colour, 'stroke-width': 1.2, class: 'curve' }));
  body.push(g({ class: 'rug' }, L.rug.map((x) => line(x, L.rugY[0], x, L.rugY[1], { stroke: INK.axis, 'stroke-width': 0.3, 'stroke-opacity': 0.6 }))));
  const a = 2.2;
  body.push(g({ class: 'knots' }, L.knots.map((x) => el('path', { d: `M${num(x)},${num(L.plot.y1)}l${num(-a)},${num(a * 1.6)}h${num(2 * a)}Z`, fill: INK.axis }))));
  body.push(axisSvg(L.xAxis), axisSvg(L.yAxis));
  if (L.note) {
    const w = textWidth(L.note.text, L.fontSize);
    body.push(rect(L.note.x - 1, L.note.y - L.fontSize * 0.85, w + 2, L.fontSize * 1.1, { fill: '#FFFFFF', 'fill-opacity': 0.85 }));
    body.push(text(L.note.x, L.note.y, L.note.text, { size: L.fontSize }));
  }
  return svgFrame({ id: figureId('spline', title), width: L.width, height: L.height, title, description: L.description, body });
}

export function splineCurveSvg(data: SplineCurveFigureData, options: SplineCurveOptions = {}): string {
  return splineCurveSvgFromLayout(splineCurveLayout(data, options), data.title ?? `${data.measure} by ${data.xLabel}`);
}
