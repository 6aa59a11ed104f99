/**
 * SVG → PNG for reports and manuscripts: rasterises a figure with resvg (@resvg/resvg-js) at
 * 300 dpi by default, using only the bundled open font Arimo (npm @expo-google-fonts/arimo,
 * SIL OFL; metrically identical to Arial, the family the SVGs name first). System fonts are never
 * loaded, so the PNG is the same on every machine. The pixel density is written into the PNG
 * (pHYs chunk), so word processors place the image at its physical size.
 *
 * @example
 * const png = svgToPng(kmSvg(data, { width: 'single' }));   // Uint8Array, 85 mm → 1004 px wide
 */
import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { svgWidthMm } from './figures/svgWidth.js';

export { svgWidthMm };

const require = createRequire(import.meta.url);

interface ResvgModule {
  Resvg: new (svg: string, options?: ResvgRenderOptions) => { render(): { asPng(): Buffer; width: number; height: number } };
  renderAsync(svg: string, options?: ResvgRenderOptions): Promise<{ asPng(): Buffer }>;
}

let cached: { mod: ResvgModule; fonts: string[] } | null = null;

/** Absolute paths of the bundled font files (regular, bold, italic, bold italic). */
export function bundledFontFiles(): string[] {
  const base = '@expo-google-fonts/arimo';
  return ['400Regular/Arimo_400Regular.ttf', '700Bold/Arimo_700Bold.ttf', '400Regular_Italic/Arimo_400Regular_Italic.ttf', '700Bold_Italic/Arimo_700Bold_Italic.ttf'].map(
    (f) => require.resolve(`${base}/${f}`),
  );
}

function load(): { mod: ResvgModule; fonts: string[] } {
  if (!cached) cached = { mod: require('@resvg/resvg-js') as ResvgModule, fonts: bundledFontFiles() };
  return cached;
}

/** Inserts a pHYs chunk (pixels per metre) right after IHDR. */
function withDpi(png: Uint8Array, dpi: number): Uint8Array {
  const ppm = Math.round(dpi / 0.0254);
  const chunk = Buffer.alloc(21);
  chunk.writeUInt32BE(9, 0);
  chunk.write('pHYs', 4, 'latin1');
  chunk.writeUInt32BE(ppm, 8);
  chunk.writeUInt32BE(ppm, 12);
  chunk.writeUInt8(1, 16);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 17)), 17);
  const ihdrEnd = 8 + 8 + 13 + 4; // signature, IHDR length+type, IHDR data, CRC
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
}

export interface PngOptions {
  /** Pixels per inch. Default 300. */
  readonly dpi?: number;
  /** Physical width in mm when the SVG does not state it. Default 85 (single journal column). */
  readonly widthMm?: number;
}

/** resvg's options for an SVG at `dpi`: its physical width (or `widthMm`) in pixels, the bundled font only. */
function renderOptions(svg: string, options: PngOptions, fonts: string[]): ResvgRenderOptions {
  const dpi = options.dpi ?? 300;
  const mm = svgWidthMm(svg) ?? options.widthMm ?? 85;
  const px = Math.max(1, Math.round((mm / 25.4) * dpi));
  return {
    fitTo: { mode: 'width', value: px },
    background: '#FFFFFF',
    font: { loadSystemFonts: false, fontFiles: fonts, defaultFontFamily: 'Arimo', sansSerifFamily: 'Arimo' },
    logLevel: 'off',
  };
}

/** Renders an SVG string to PNG bytes at `dpi` (default 300) with the bundled font only. */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const { mod, fonts } = load();
  const r = new mod.Resvg(svg, renderOptions(svg, options, fonts));
  return withDpi(r.render().asPng(), options.dpi ?? 300);
}

/**
 * svgToPng on Node's thread pool (resvg's renderAsync): the same bytes, and a report's figures
 * rendered several at a time while this thread goes on.
 */
export async function svgToPngAsync(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  const { mod, fonts } = load();
  const img = await mod.renderAsync(svg, renderOptions(svg, options, fonts));
  return withDpi(img.asPng(), options.dpi ?? 300);
}
