/**
 * Time-dependent AUC figure as an SVG string: a shaded confidence band and a line per marker, the
 * reported horizons marked, the chance line, a legend. Pure and deterministic.
 *
 * @example
 * timeAucSvg({ title: 'AUC(t) for OS', timeLabel: 'Time (months)', series: [{ label: 'SII',
 *   curve: [{ time: 6, auc: 0.7, lower: 0.6, upper: 0.8 }, { time: 60, auc: 0.65, lower: 0.55, upper: 0.75 }],
 *   points: [{ time: 12, auc: 0.69, lower: 0.6, upper: 0.78 }] }] })
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="85mm" … role="img" …>…</svg>\n'
 */
import { line as d3line } from 'd3-shape';
import { axisSvg } from './axis.js';
import { figureId, svgFrame } from './figureFrame.js';
import { markerSvg } from './marker.js';
import { INK } from './palette.js';
import type { TimeAucFigureData } from './timeAucData.js';
import { timeAucLayout, type TimeAucLayout, type TimeAucOptions } from './timeAucLayout.js';
import { baselineFor, el, esc, g, line, rect, text } from './svg.js';

export function timeAucSvgFromLayout(L: TimeAucLayout, title: string): string {
  const path = d3line<readonly [number, number]>().digits(2);
  const body: string[] = [];
  for (const s of L.series) if (s.band.length) body.push(el('path', { d: `${path(s.band) ?? ''}Z`, fill: s.colour, 'fill-opacity': 0.14, stroke: 'none', class: 'ci-band' }));
  if (L.chanceY !== null) body.push(line(L.plot.x0, L.chanceY, L.plot.x1, L.chanceY, { stroke: INK.reference, 'stroke-width': 0.6, 'stroke-dasharray': '3 2', class: 'chance' }));
  for (const s of [...L.series].reverse()) {
    body.push(g({ class: 'auc-curve' }, [
      el('title', {}, esc(s.label)),
      el('path', { d: path(s.line) ?? '', fill: 'none', stroke: s.colour, 'stroke-width': 1.1, 'stroke-dasharray': s.dash, 'stroke-linejoin': 'round' }),
    ]));
  }
  body.push(axisSvg(L.xAxis), axisSvg(L.yAxis));
  for (const s of L.series) for (const p of s.points) body.push(markerSvg(s.shape, p.x, p.y, L.markerSize, s.colour));
  const items: string[] = [];
  for (const r of L.legend.rows) {
    const by = baselineFor(r.y, L.fontSize);
    if (r.series < 0) {
      items.push(text(r.x, by, r.text, { size: L.fontSize, fill: INK.reference }));
      continue;
    }
    const s = L.series[r.series];
    items.push(
      rect(r.x, r.y - L.fontSize * 0.45, L.legend.sampleLength, L.fontSize * 0.9, { fill: s.colour, 'fill-opacity': 0.14, stroke: 'none' }),
      line(r.x, r.y, r.x + L.legend.sampleLength, r.y, { stroke: s.colour, 'stroke-width': 1.1, 'stroke-dasharray': s.dash }),
      markerSvg(s.shape, r.x + L.legend.sampleLength / 2, r.y, L.markerSize, s.colour),
      text(r.x + L.legend.sampleLength + 4, by, r.text, { size: L.fontSize }),
    );
  }
  body.push(g({ class: 'legend' }, items));
  return svgFrame({ id: figureId('time-auc', title), width: L.width, height: L.height, title, description: L.description, body });
}

/** The time-dependent AUC figure of `data` as a standalone SVG document string. */
export function timeAucSvg(data: TimeAucFigureData, options: TimeAucOptions = {}): string {
  return timeAucSvgFromLayout(timeAucLayout(data, options), data.title ?? '');
}
