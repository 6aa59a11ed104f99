/** Point markers (d3-shape symbols) with a shape per series, so markers differ beyond colour. */
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle } from 'd3-shape';
import type { SymbolType } from 'd3-shape';
import { el, num } from './svg.js';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

const TYPES: Readonly<Record<MarkerShape, SymbolType>> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
};

/** A marker of half-size `r` (pt) centred on (x, y), filled, with a thin white outline. */
export function markerSvg(shape: MarkerShape, x: number, y: number, r: number, fill: string): string {
  const area = shape === 'circle' ? Math.PI * r * r : shape === 'triangle' ? 1.6 * (2 * r) * (2 * r) * 0.55 : 4 * r * r * 0.9;
  const d = symbol(TYPES[shape], area).digits(2)() ?? '';
  return el('path', { d, transform: `translate(${num(x)},${num(y)})`, fill, stroke: '#FFFFFF', 'stroke-width': 0.4 });
}
