/**
 * The funnel plot as an SVG string (layout in funnelLayout.ts). Pure and deterministic.
 *
 * @example
 * funnelSvg({ title: 'Funnel plot', measureName: 'Risk ratio', centre: 0.489, centreLabel: 'pooled RR',
 *   points: [{ label: 'Aronson 1948', estimate: 0.411, se: 0.571 }], notes: [] })
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="85mm" … role="img" …>…</svg>\n'
 */
import { axisSvg } from './axis.js';
import { figureId, svgFrame } from './figureFrame.js';
import type { FunnelFigureData } from './funnelData.js';
import { funnelLayout, type FunnelLayout, type FunnelOptions } from './funnelLayout.js';
import { INK, OKABE_ITO } from './palette.js';
import { el, g, line, num, text } from './svg.js';

export function funnelSvgFromLayout(L: FunnelLayout, title: string): string {
  const body: string[] = [];
  const { x0, y0, x1, y1 } = L.plot;
  body.push(el('clipPath', { id: `${figureId('funnel', title)}-clip` }, [el('rect', { x: x0, y: y0, width: x1 - x0, height: y1 - y0 })]));
  body.push(g({ 'clip-path': `url(#${figureId('funnel', title)}-clip)` }, [
    el('path', { d: `M${L.region.map(([x, y]) => `${num(x)},${num(y)}`).join('L')}Z`, fill: '#F2F2F2', stroke: INK.reference, 'stroke-width': 0.5, 'stroke-dasharray': '2 1.5' }),
    line(L.centreX, y0, L.centreX, y1, { stroke: INK.axis, 'stroke-width': 0.6 }),
    ...(L.refX !== null ? [line(L.refX, y0, L.refX, y1, { stroke: INK.reference, 'stroke-width': 0.5, 'stroke-dasharray': '2 2' })] : []),
  ]));
  body.push(g({ class: 'studies' }, L.points.map((p) =>
    el('circle', { cx: p.x, cy: p.y, r: 1.9, fill: p.imputed ? '#FFFFFF' : OKABE_ITO.blue, stroke: p.imputed ? OKABE_ITO.vermillion : '#FFFFFF', 'stroke-width': p.imputed ? 0.7 : 0.3 }))));
  body.push(axisSvg(L.xAxis));
  body.push(axisSvg(L.yAxis));
  body.push(g({ class: 'notes' }, L.texts.map((t) => text(t.x, t.y, t.text, { size: L.fontSize * 0.95, anchor: t.anchor, italic: t.italic }))));
  return svgFrame({ id: figureId('funnel', title), width: L.width, height: L.height, title, description: L.description, body });
}

export function funnelSvg(data: FunnelFigureData, options: FunnelOptions = {}): string {
  return funnelSvgFromLayout(funnelLayout(data, options), data.title);
}
