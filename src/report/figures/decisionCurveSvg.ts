/**
 * Decision curve figure as an SVG string (net benefit against threshold probability). Pure.
 *
 * @example
 * decisionCurveSvg({ title: 'Decision curves', thresholds: [0.1, 0.2], treatAll: [0.3, 0.2], models: [{ label: 'SII', netBenefit: [0.3, 0.25] }] })
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="85mm" … role="img" …>…</svg>\n'
 */
import { line as d3line } from 'd3-shape';
import { axisSvg } from './axis.js';
import type { DecisionCurveFigureData } from './decisionCurveData.js';
import { decisionCurveLayout, type DecisionCurveLayout, type DecisionCurveOptions } from './decisionCurveLayout.js';
import { figureId, svgFrame } from './figureFrame.js';
import { baselineFor, el, esc, g, line, text } from './svg.js';

export function decisionCurveSvgFromLayout(L: DecisionCurveLayout, title: string): string {
  const path = d3line<readonly [number, number]>().digits(2);
  const body: string[] = [];
  for (const s of L.series)
    body.push(g({ class: 'net-benefit' }, [el('title', {}, esc(s.label)), ...s.pieces.map((p) => el('path', { d: path(p) ?? '', fill: 'none', stroke: s.colour, 'stroke-width': s.width, 'stroke-dasharray': s.dash, 'stroke-linejoin': 'round' }))]));
  body.push(axisSvg(L.xAxis), axisSvg(L.yAxis));
  const items: string[] = [];
  for (const r of L.legend.rows) {
    const s = L.series[r.series];
    items.push(line(r.x, r.y, r.x + L.legend.sampleLength, r.y, { stroke: s.colour, 'stroke-width': s.width, 'stroke-dasharray': s.dash }), text(r.x + L.legend.sampleLength + 4, baselineFor(r.y, L.fontSize), r.text, { size: L.fontSize }));
  }
  body.push(g({ class: 'legend' }, items));
  return svgFrame({ id: figureId('decision-curve', title), width: L.width, height: L.height, title, description: L.description, body });
}

export function decisionCurveSvg(data: DecisionCurveFigureData, options: DecisionCurveOptions = {}): string {
  return decisionCurveSvgFromLayout(decisionCurveLayout(data, options), data.title ?? '');
}
