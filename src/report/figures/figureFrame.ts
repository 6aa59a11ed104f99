/**
 * The root <svg> of every figure: physical size in mm (journal column widths), user units in pt,
 * accessible name and description (<title>, <desc>, role="img", aria-labelledby), white
 * background, and the font family that the bundled PNG font (Arimo) stands in for.
 */
import { esc, num } from './svg.js';

/** Journal column widths in mm. */
export const COLUMN_WIDTH_MM = { single: 85, double: 175 } as const;
export type FigureWidth = 'single' | 'double' | number;

/** pt per mm (1 pt = 1/72 in). */
export const PT_PER_MM = 72 / 25.4;

/** The font stack written into every figure; Arimo is metrically identical to Arial. */
export const FONT_FAMILY = 'Arial, Arimo, Helvetica, sans-serif';

/** Width in mm of a FigureWidth. @example widthMm('single') // 85 */
export function widthMm(w: FigureWidth | undefined): number {
  if (w === undefined || w === 'single') return COLUMN_WIDTH_MM.single;
  if (w === 'double') return COLUMN_WIDTH_MM.double;
  return Number.isFinite(w) && w >= 40 && w <= 400 ? w : COLUMN_WIDTH_MM.single;
}

/**
 * A stable id prefix from the figure's title and kind (FNV-1a, 32 bit), so that several
 * figures inlined in one HTML page keep distinct aria ids while output stays deterministic.
 */
export function figureId(kind: string, title: string): string {
  let h = 0x811c9dc5;
  const s = `${kind}\u0000${title}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `siilab-${kind}-${h.toString(16).padStart(8, '0')}`;
}

export interface FrameSpec {
  readonly id: string;
  /** Width and height in pt (user units). */
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly description: string;
  readonly body: readonly string[];
}

/** The complete SVG document (no XML declaration, so it can be inlined in HTML as is). */
export function svgFrame(f: FrameSpec): string {
  const wMm = f.width / PT_PER_MM;
  const hMm = f.height / PT_PER_MM;
  const t = `${f.id}-title`;
  const d = `${f.id}-desc`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(wMm)}mm" height="${num(hMm)}mm" ` +
    `viewBox="0 0 ${num(f.width)} ${num(f.height)}" role="img" aria-labelledby="${t} ${d}" ` +
    `font-family="${FONT_FAMILY}">` +
    `<title id="${t}">${esc(f.title)}</title>` +
    `<desc id="${d}">${esc(f.description)}</desc>` +
    `<rect width="${num(f.width)}" height="${num(f.height)}" fill="#FFFFFF"/>` +
    f.body.join('') +
    `</svg>\n`
  );
}
