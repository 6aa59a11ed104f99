/**
 * Kaplan–Meier figure as an SVG string: step curves (d3-shape, step-after), censoring ticks,
 * optional confidence bands, median lines, legend with group sizes, log-rank P and the
 * number-at-risk table aligned under the time ticks. Pure and deterministic.
 *
 * @example
 * kmSvg({ title: 'Overall survival', groups: [{ label: 'All', n: 3, events: 2,
 *   points: [{ time: 0, surv: 1 }, { time: 2, surv: 0.667 }, { time: 5, surv: 0.333 }], censorTimes: [7] }] })
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="85mm" … role="img" aria-labelledby="…">…</svg>\n'
 */
import { area, curveStepAfter, line as d3line } from 'd3-shape';
import { axisSvg } from './axis.js';
import { figureId, svgFrame } from './figureFrame.js';
import type { KmFigureData } from './kmData.js';
import type { KmLayout, KmOptions } from './kmLayout.js';
import { kmLayout, RISK_SAMPLE_LENGTH } from './kmLayout.js';
import { INK } from './palette.js';
import { baselineFor, el, esc, g, line, num, text } from './svg.js';

/** Draws a laid-out Kaplan–Meier figure. */
export function kmSvgFromLayout(L: KmLayout, title: string): string {
  const body: string[] = [];
  const stepLine = d3line<readonly [number, number]>().curve(curveStepAfter).digits(2);
  const band = area<readonly [number, number, number]>()
    .curve(curveStepAfter)
    .x((d) => d[0])
    .y0((d) => d[1])
    .y1((d) => d[2])
    .digits(2);

  // Confidence bands under everything else.
  const bands = L.series.flatMap((s) =>
    s.band.map((run) => el('path', { d: band(run) ?? '', fill: s.colour, 'fill-opacity': 0.15, stroke: 'none' })),
  );
  if (bands.length) body.push(g({ class: 'ci-bands' }, bands));

  // Median reference lines.
  if (L.medianLines.length) {
    body.push(
      g(
        { class: 'median-lines', stroke: INK.reference, 'stroke-width': 0.5, 'stroke-dasharray': '2 2' },
        L.medianLines.map((m) => el('line', { x1: m.x1, y1: m.y1, x2: m.x2, y2: m.y2 })),
      ),
    );
  }

  // Curves and censoring ticks.
  const h = L.censorHalfHeight;
  for (const s of L.series) {
    const parts = [el('path', { d: stepLine(s.steps) ?? '', fill: 'none', stroke: s.colour, 'stroke-width': 1, 'stroke-dasharray': s.dash, 'stroke-linejoin': 'miter' })];
    if (s.censor.length) {
      const d = s.censor.map(([cx, cy]) => `M${num(cx)},${num(cy - h)}v${num(2 * h)}`).join('');
      parts.push(el('path', { d, fill: 'none', stroke: s.colour, 'stroke-width': 0.6 }));
    }
    body.push(g({ class: 'km-curve' }, [el('title', {}, esc(s.label)), ...parts]));
  }

  body.push(axisSvg(L.xAxis), axisSvg(L.yAxis));

  // Legend.
  const legend = L.legend.map((e) =>
    g({}, [
      line(e.x, e.y, e.x + L.sampleLength, e.y, { stroke: e.colour, 'stroke-width': 1.2, 'stroke-dasharray': e.dash }),
      ...e.lines.map((l, k) => text(e.x + L.sampleLength + 3, baselineFor(e.y + k * L.legendLineHeight, L.fontSize), l, { size: L.fontSize })),
    ]),
  );
  if (legend.length) body.push(g({ class: 'legend' }, legend));

  if (L.pText) body.push(text(L.pText.x, L.pText.y, L.pText.text, { size: L.fontSize, anchor: L.pText.anchor }));

  if (L.riskTable.length) {
    body.push(
      g(
        { class: 'risk-table' },
        [
          ...L.riskSamples.map((e) => line(e.x, e.y, e.x + RISK_SAMPLE_LENGTH, e.y, { stroke: e.colour, 'stroke-width': 1.2, 'stroke-dasharray': e.dash })),
          ...L.riskTable.map((t) => text(t.x, t.y, t.text, { size: L.fontSize, anchor: t.anchor, bold: t.bold, fill: t.colour })),
        ],
      ),
    );
  }
  return svgFrame({ id: figureId('km', title), width: L.width, height: L.height, title, description: L.description, body });
}

/** The Kaplan–Meier figure of `data` as a standalone SVG document string. */
export function kmSvg(data: KmFigureData, options: KmOptions = {}): string {
  return kmSvgFromLayout(kmLayout(data, options), data.title ?? '');
}
