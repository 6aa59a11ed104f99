/** The print width an SVG document declares on its root element (pure text parsing, no rendering). */

/** Width of an SVG's root element in mm (from width="…mm", or px at 96 per inch), or null. */
export function svgWidthMm(svg: string): number | null {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const m = /\swidth="([\d.]+)(mm|cm|in|pt|px)?"/.exec(root);
  if (!m) return null;
  const v = Number(m[1]);
  const perMm: Record<string, number> = { mm: 1, cm: 10, in: 25.4, pt: 25.4 / 72, px: 25.4 / 96 };
  return v * perMm[m[2] ?? 'px'];
}
