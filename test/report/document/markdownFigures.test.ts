/** The Markdown report shows its figures: every image link names a file written beside it, as PNG. */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentMarkdown } from '../../../src/report/document/documentMarkdown.js';
import { markdownImageLinks } from '../../../src/report/document/markdownImages.js';
import type { ReportDocument } from '../../../src/report/document/reportDocument.js';
import { renderReportFiles } from '../../../src/report/writeReport.js';
import { crc32, zipArchive } from '../../../src/report/zipArchive.js';
import { kmSvg } from '../../../src/report/figures/kmSvg.js';
import { readZip } from '../../helpers/readZip.js';
import { exampleKm2 } from '../figures/examples.js';

const doc: ReportDocument = {
  title: 'T',
  subtitle: 's',
  banner: null,
  provenance: 'p',
  sections: [
    {
      id: 'r',
      heading: 'Results',
      blocks: [
        { kind: 'paragraph', text: 'See ![not an image] (text) and [a link](x.md).' },
        { kind: 'figure', figure: { id: 'figure-km-1', caption: 'Figure 1. Overall survival [by SII] (95% CI).', svg: kmSvg(exampleKm2()), widthMm: 85 } },
        { kind: 'figure', figure: { id: 'figure-km-2', caption: 'Figure 2. Again.', svg: kmSvg(exampleKm2(), { width: 'double' }), widthMm: 175 } },
      ],
    },
  ],
};

/** Image targets found by a plain pattern, independent of markdownImageLinks. */
const images = (md: string): string[] => [...md.matchAll(/!\[(?:\\.|[^\]\\])*\]\(([^)\s]+)\)/g)].map((m) => m[1]);

describe('Markdown figures', () => {
  it('links every figure as a PNG file that the report writes beside report.md', async () => {
    const files = await renderReportFiles(doc, ['md']);
    const md = files.get('report.md') as string;
    const links = images(md);
    expect(links).toEqual(['figures/figure-km-1.png', 'figures/figure-km-2.png']);
    for (const l of links) {
      const f = files.get(l);
      expect(f, l).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(f as Uint8Array).subarray(1, 4).toString()).toBe('PNG');
    }
    expect(markdownImageLinks(md)).toEqual(links);
    // Brackets in a caption are escaped, so the alt text does not end the link early.
    expect(md).toContain('![Figure 1. Overall survival \\[by SII\\] (95% CI).](figures/figure-km-1.png)\\\n*Figure 1. Overall survival [by SII] (95% CI).*\n');
  });

  it('shows each figure once with its caption once when pandoc reads it (skips without pandoc)', () => {
    if (!existsSync('/usr/bin/pandoc')) return;
    const html = execFileSync('/usr/bin/pandoc', ['-f', 'markdown', '-t', 'html'], { input: documentMarkdown(doc) }).toString();
    expect(html.match(/<img [^>]*src="figures\/figure-km-1\.png"/g)).toHaveLength(1);
    expect(html.split('Figure 2. Again.').length - 1).toBe(2); // alt text and the caption line, no figcaption copy
    expect(html).not.toContain('<figcaption');
  });

  it('reads image links with titles, angle brackets and duplicates, and nothing else', () => {
    expect(markdownImageLinks('![a](x.png "t") ![b](<y.png>) ![a](x.png) [c](z.png) ! [d](w.png)')).toEqual(['x.png', 'y.png']);
    expect(markdownImageLinks(documentMarkdown(doc, 'img'))).toEqual(['img/figure-km-1.png', 'img/figure-km-2.png']);
  });
});

describe('zipArchive', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('round-trips files, is reproducible, and unzip accepts it', () => {
    const png = new Uint8Array(5000).map((_, i) => (i * 7) % 251);
    const entries: [string, string | Uint8Array][] = [['report.md', '# Résumé\n![F](figures/f.png)\n'], ['figures/f.png', png], ['empty.txt', '']];
    const zip = zipArchive(entries);
    expect(zipArchive(entries)).toEqual(zip);
    const back = readZip(zip);
    expect([...back.keys()]).toEqual(['report.md', 'figures/f.png', 'empty.txt']);
    expect(new TextDecoder().decode(back.get('report.md'))).toBe('# Résumé\n![F](figures/f.png)\n');
    expect(back.get('figures/f.png')).toEqual(png);
    if (existsSync('/usr/bin/unzip')) {
      const dir = mkdtempSync(join(tmpdir(), 'siilab-zip-'));
      try {
        writeFileSync(join(dir, 'a.zip'), zip);
        expect(execFileSync('/usr/bin/unzip', ['-t', join(dir, 'a.zip')]).toString()).toContain('No errors detected');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
