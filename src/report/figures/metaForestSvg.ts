/**
 * The meta-analysis forest plot as an SVG string (layout in metaForestLayout.ts): weighted squares
 * with CI whiskers, pooled diamonds, the prediction interval bar, a dashed line at 1 and a dotted
 * line at the main pooled estimate. Pure and deterministic.
 *
 * @example
 * metaForestSvg({ title: 'SII and survival', measureName: 'Hazard ratio', estimateHeader: 'HR (95% CI)',
 *   groups: [{ heading: null, studies: [{ label: 'hong2021', estimate: 2.211, lower: 1.089, upper: 4.489, weight: 60 },
 *     { label: 'deng2025', estimate: 12.13, lower: 2.442, upper: 60.24, weight: 40 }] }],
 *   pooled: [{ label: 'Random effects (REML)', estimate: 3.4, lower: 1.2, upper: 9.6, main: true }], notes: [] })
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="175mm" … role="img" …>…</svg>\n'
 */
import { axisSvg } from './axis.js';
import { figureId, svgFrame } from './figureFrame.js';
import type { MetaForestFigureData } from './metaForestData.js';
import { metaForestLayout, type MetaForestLayout, type MetaForestOptions, type MfLine } from './metaForestLayout.js';
import { INK, OKABE_ITO } from './palette.js';
import { el, g, line, num, rect, text } from './svg.js';

const STUDY = OKABE_ITO.blue;
const POOLED = OKABE_ITO.black;

function whisker(w: MfLine, colour: string, width: number): string {
  const parts = [line(w.x0, w.y, w.x1, w.y, { stroke: colour, 'stroke-width': width })];
  const a = 2.2;
  const heads: string[] = [];
  if (w.arrowLeft) heads.push(`M${num(w.x0 + a)},${num(w.y - a / 1.6)}L${num(w.x0)},${num(w.y)}L${num(w.x0 + a)},${num(w.y + a / 1.6)}Z`);
  if (w.arrowRight) heads.push(`M${num(w.x1 - a)},${num(w.y - a / 1.6)}L${num(w.x1)},${num(w.y)}L${num(w.x1 - a)},${num(w.y + a / 1.6)}Z`);
  if (heads.length) parts.push(el('path', { d: heads.join(''), fill: colour }));
  if (w.caps) {
    if (!w.arrowLeft) parts.push(line(w.x0, w.y - 2, w.x0, w.y + 2, { stroke: colour, 'stroke-width': width }));
    if (!w.arrowRight) parts.push(line(w.x1, w.y - 2, w.x1, w.y + 2, { stroke: colour, 'stroke-width': width }));
  }
  return g({}, parts);
}

export function metaForestSvgFromLayout(L: MetaForestLayout, title: string): string {
  const body: string[] = [];
  body.push(line(L.refX, L.plotTop, L.refX, L.plotBottom, { stroke: INK.reference, 'stroke-width': 0.5, 'stroke-dasharray': '2 2', class: 'ref-line' }));
  if (L.mainX !== null) body.push(line(L.mainX, L.plotTop, L.mainX, L.plotBottom, { stroke: INK.light, 'stroke-width': 0.5, 'stroke-dasharray': '0.8 1.6', class: 'pooled-line' }));
  body.push(g({ class: 'studies' }, [
    ...L.whiskers.map((w) => whisker(w, STUDY, 0.7)),
    ...L.squares.map((s) =>
      rect(s.x - s.half, s.y - s.half, 2 * s.half, 2 * s.half, s.hollow ? { fill: '#FFFFFF', stroke: STUDY, 'stroke-width': 0.7 } : { fill: STUDY })),
  ]));
  body.push(g({ class: 'pooled' }, L.diamonds.map((d) =>
    el('path', {
      d: `M${num(d.x0)},${num(d.y)}L${num(d.xm)},${num(d.y - d.halfHeight)}L${num(d.x1)},${num(d.y)}L${num(d.xm)},${num(d.y + d.halfHeight)}Z`,
      fill: d.main ? POOLED : '#FFFFFF',
      stroke: POOLED,
      'stroke-width': 0.7,
    }))));
  if (L.prediction) body.push(g({ class: 'prediction-interval' }, [whisker(L.prediction, OKABE_ITO.vermillion, 1.2)]));
  body.push(axisSvg(L.axis));
  for (const r of L.rules) body.push(line(r.x0, r.y, r.x1, r.y, { stroke: INK.axis, 'stroke-width': r.heavy ? 0.6 : 0.4 }));
  body.push(g({ class: 'table-text' }, L.texts.map((t) => text(t.x, t.y, t.text, { size: L.fontSize, anchor: t.anchor, bold: t.bold, italic: t.italic }))));
  return svgFrame({ id: figureId('meta-forest', title), width: L.width, height: L.height, title, description: L.description, body });
}

export function metaForestSvg(data: MetaForestFigureData, options: MetaForestOptions = {}): string {
  return metaForestSvgFromLayout(metaForestLayout(data, options), data.title);
}
