import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { kmSvg } from '../../../src/report/figures/kmSvg.js';
import { svgToPng, svgToPngAsync, svgWidthMm } from '../../../src/report/png.js';
import { exampleKm2 } from './examples.js';

const chunk = (png: Uint8Array, type: string): Buffer | null => {
  const b = Buffer.from(png);
  let off = 8;
  while (off < b.length) {
    const len = b.readUInt32BE(off);
    if (b.toString('latin1', off + 4, off + 8) === type) return b.subarray(off + 8, off + 8 + len);
    off += 12 + len;
  }
  return null;
};

describe('svgToPng', () => {
  it('renders a single-column figure 1004 px wide at 300 dpi, with the density recorded', () => {
    const png = svgToPng(kmSvg(exampleKm2()));
    expect(Buffer.from(png.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');
    const ihdr = chunk(png, 'IHDR')!;
    expect(ihdr.readUInt32BE(0)).toBe(Math.round((85 / 25.4) * 300));
    const phys = chunk(png, 'pHYs')!;
    expect([phys.readUInt32BE(0), phys.readUInt32BE(4), phys[8]]).toEqual([11811, 11811, 1]);
    expect(svgToPng(kmSvg(exampleKm2()))).toEqual(png); // deterministic bytes
    const png150 = svgToPng(kmSvg(exampleKm2()), { dpi: 150 });
    expect(chunk(png150, 'IHDR')!.readUInt32BE(0)).toBe(502);
  });

  it('renders the same bytes on the thread pool (svgToPngAsync), several at once', async () => {
    const svg = kmSvg(exampleKm2(), { width: 'single' });
    const sync = Buffer.from(svgToPng(svg, { dpi: 150 }));
    const both = await Promise.all([svgToPngAsync(svg, { dpi: 150 }), svgToPngAsync(svg, { dpi: 150 })]);
    for (const png of both) expect(Buffer.from(png).equals(sync)).toBe(true);
  });
  it('draws text with the bundled font (system fonts are never loaded)', () => {
    const frame = (inner: string): string => `<svg xmlns="http://www.w3.org/2000/svg" width="20mm" height="10mm" viewBox="0 0 56.69 28.35" font-family="Arial, Arimo, Helvetica, sans-serif">${inner}</svg>`;
    const blank = svgToPng(frame(''));
    const withText = svgToPng(frame('<text x="4" y="18" font-size="12">SII</text>'));
    expect(Buffer.from(withText).equals(Buffer.from(blank))).toBe(false);
  });

  it('reads the physical width of an SVG', () => {
    expect(svgWidthMm('<svg width="85mm" height="10mm">')).toBe(85);
    expect(svgWidthMm('<svg width="96" height="10">')).toBeCloseTo(25.4, 9);
    expect(svgWidthMm('<svg viewBox="0 0 1 1">')).toBeNull();
  });
});

describe('fontMetrics.ts', () => {
  it('equals the widths read from the bundled TTFs', () => {
    const r = spawnSync(process.execPath, ['test/report/figures/fontMetrics.gen.mjs', '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
