/**
 * Calibration figure as an SVG string: diagonal, histogram of predicted risks, group points with
 * confidence bars, smooth curve, legend. Pure and deterministic.
 *
 * @example
 * calibrationSvg({ title: 'Calibration at 36 months', predictedLabel: 'Predicted risk', observedLabel: 'Observed risk',
 *   groups: [{ predicted: 0.2, observed: 0.25, lower: 0.15, upper: 0.35 }], smooth: null, histogram: null })
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="85mm" … role="img" …>…</svg>\n'
 */
import { line as d3line } from 'd3-shape';
import { axisSvg } from './axis.js';
import type { CalibrationFigureData } from './calibrationData.js';
import { calibrationLayout, type CalibrationLayout, type CalibrationOptions } from './calibrationLayout.js';
import { figureId, svgFrame } from './figureFrame.js';
import { markerSvg } from './marker.js';
import { INK, OKABE_ITO } from './palette.js';
import { baselineFor, el, g, line, rect, text } from './svg.js';

const GROUP = '#000000';
const SMOOTH = OKABE_ITO.blue;

export function calibrationSvgFromLayout(L: CalibrationLayout, title: string): string {
  const path = d3line<readonly [number, number]>().digits(2);
  const body: string[] = [];
  body.push(g({ class: 'risk-histogram' }, L.bars.map((b) => rect(b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0, { fill: INK.light, stroke: 'none' }))));
  body.push(line(...L.diagonal, { stroke: INK.reference, 'stroke-width': 0.6, 'stroke-dasharray': '3 2', class: 'ideal' }));
  if (L.curve.length) body.push(el('path', { d: path(L.curve) ?? '', fill: 'none', stroke: SMOOTH, 'stroke-width': 1.2, 'stroke-linejoin': 'round', class: 'smooth' }));
  const cap = L.markerSize * 0.8;
  for (const p of L.points) {
    if (p.y0 !== null && p.y1 !== null) {
      body.push(line(p.x, p.y0, p.x, p.y1, { stroke: GROUP, 'stroke-width': 0.6 }), line(p.x - cap, p.y0, p.x + cap, p.y0, { stroke: GROUP, 'stroke-width': 0.6 }), line(p.x - cap, p.y1, p.x + cap, p.y1, { stroke: GROUP, 'stroke-width': 0.6 }));
    }
    body.push(markerSvg('circle', p.x, p.y, L.markerSize, GROUP));
  }
  body.push(axisSvg(L.xAxis), axisSvg(L.yAxis));
  const items: string[] = [];
  const s = L.legend.sampleLength;
  for (const r of L.legend.rows) {
    const by = baselineFor(r.y, L.fontSize);
    if (r.kind === 'note') {
      items.push(text(r.x, by, r.text, { size: L.fontSize }));
      continue;
    }
    if (r.kind === 'diagonal') items.push(line(r.x, r.y, r.x + s, r.y, { stroke: INK.reference, 'stroke-width': 0.6, 'stroke-dasharray': '3 2' }));
    if (r.kind === 'smooth') items.push(line(r.x, r.y, r.x + s, r.y, { stroke: SMOOTH, 'stroke-width': 1.2 }));
    if (r.kind === 'groups') items.push(line(r.x + s / 2, r.y - L.fontSize * 0.5, r.x + s / 2, r.y + L.fontSize * 0.5, { stroke: GROUP, 'stroke-width': 0.6 }), markerSvg('circle', r.x + s / 2, r.y, L.markerSize, GROUP));
    if (r.kind === 'histogram') items.push(rect(r.x + 2, r.y - L.fontSize * 0.4, s - 4, L.fontSize * 0.8, { fill: INK.light, stroke: 'none' }));
    items.push(text(r.x + s + 4, by, r.text, { size: L.fontSize }));
  }
  body.push(g({ class: 'legend' }, items));
  return svgFrame({ id: figureId('calibration', title), width: L.width, height: L.height, title, description: L.description, body });
}

export function calibrationSvg(data: CalibrationFigureData, options: CalibrationOptions = {}): string {
  return calibrationSvgFromLayout(calibrationLayout(data, options), data.title ?? '');
}
