/**
 * Participant flow diagram as an SVG string (boxes, arrows, wrapped text). Pure and deterministic.
 *
 * @example
 * flowSvg({ title: 'Patient flow', screened: { label: 'Screened', n: 412 },
 *   exclusions: [{ reason: 'No blood count', n: 38 }], analysed: { label: 'Analysed', n: 374 } })
 * // '<svg xmlns="http://www.w3.org/2000/svg" width="85mm" … role="img" …>…</svg>\n'
 */
import { figureId, svgFrame } from './figureFrame.js';
import type { FlowFigureData } from './flowData.js';
import type { FlowLayout, FlowOptions } from './flowLayout.js';
import { flowLayout } from './flowLayout.js';
import { INK } from './palette.js';
import { el, g, num, rect, text } from './svg.js';

/** Draws a laid-out flow diagram. */
export function flowSvgFromLayout(L: FlowLayout, title: string): string {
  const body: string[] = [];
  const a = L.arrowSize;
  for (const ar of L.arrows) {
    const pts = ar.points;
    const n = pts.length;
    // Stop the line at the arrowhead's base so the tip stays sharp.
    const [x2, y2] = pts[n - 1];
    const [x1, y1] = pts[n - 2];
    const len = Math.hypot(x2 - x1, y2 - y1) || 1;
    const ux = (x2 - x1) / len;
    const uy = (y2 - y1) / len;
    const end: [number, number] = ar.head ? [x2 - ux * a * 0.9, y2 - uy * a * 0.9] : [x2, y2];
    const d = pts.slice(0, n - 1).map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${num(x)},${num(y)}`).join('') + `L${num(end[0])},${num(end[1])}`;
    const parts = [el('path', { d, fill: 'none', stroke: INK.axis, 'stroke-width': 0.7 })];
    if (ar.head) {
      const px = -uy;
      const py = ux;
      const head = `M${num(x2)},${num(y2)}L${num(x2 - ux * a * 1.6 + px * a * 0.6)},${num(y2 - uy * a * 1.6 + py * a * 0.6)}L${num(x2 - ux * a * 1.6 - px * a * 0.6)},${num(y2 - uy * a * 1.6 - py * a * 0.6)}Z`;
      parts.push(el('path', { d: head, fill: INK.axis }));
    }
    body.push(g({ class: 'arrow' }, parts));
  }
  for (const b of L.boxes) {
    body.push(
      g({ class: 'box' }, [
        rect(b.box.x0, b.box.y0, b.box.x1 - b.box.x0, b.box.y1 - b.box.y0, { fill: INK.boxFill, stroke: INK.axis, 'stroke-width': 0.7 }),
        ...b.lines.map((l) => text(l.x, l.y, l.text, { size: L.fontSize, anchor: l.anchor, bold: l.bold })),
      ]),
    );
  }
  return svgFrame({ id: figureId('flow', title), width: L.width, height: L.height, title, description: L.description, body });
}

/** The participant flow diagram of `data` as a standalone SVG document string. */
export function flowSvg(data: FlowFigureData, options: FlowOptions = {}): string {
  return flowSvgFromLayout(flowLayout(data, options), data.title ?? '');
}
