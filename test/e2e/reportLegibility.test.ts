/**
 * The HTML report as displayed in Chromium at laptop (1366 px) and tablet (820 px) width: every
 * figure's text is at least 11 CSS px on screen and figures are not blown up past 1.35× their
 * print size; the page never scrolls sideways, and a table wider than the screen scrolls inside
 * its own box with its first column kept in view. Skips when /usr/bin/chromium is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { analyzeStudy } from '../../src/analysis/analyzeStudy.js';
import { buildReport } from '../../src/report/build/buildReport.js';
import { documentHtml, FIGURE_MAX_PX_PER_MM } from '../../src/report/document/documentHtml.js';
import type { ReportDocument } from '../../src/report/document/reportDocument.js';
import type { ReportTable } from '../../src/report/tables/reportTable.js';
import { CHROMIUM, ROOT, VIEWPORTS, launchBrowser } from './harness.js';

const reason = existsSync(CHROMIUM) ? null : `${CHROMIUM} is missing`;
if (reason) process.stderr.write(`test/e2e/reportLegibility.test.ts: skipped: ${reason}\n`);

/** A table of 14 number columns: wider than a tablet screen. */
const wide: ReportTable = {
  id: 'table-wide',
  title: 'A wide table',
  columns: [{ label: 'Factor', align: 'left' }, ...Array.from({ length: 14 }, (_, j) => ({ label: `HR ${j + 1} (95% CI)`, align: 'right' as const }))],
  rows: [{ cells: ['Variables', ...Array(14).fill('')], section: true }, ...['Tumour size ≥ 5 cm vs < 5 cm', 'SII ≥ 1,234.5'].map((f) => ({ cells: [f, ...Array.from({ length: 14 }, () => '1.486 (1.006–2.193)')], indent: 1 }))],
  footnotes: ['HR, hazard ratio; CI, confidence interval. This footnote is long enough to need wrapping at tablet width, and it must stay readable without scrolling sideways to its end.'],
};

describe.skipIf(reason !== null)(`HTML report legibility in Chromium${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let browser: Browser;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    const { bundle } = await analyzeStudy(join(ROOT, 'examples', 'hong2021', 'study.yaml'));
    const doc: ReportDocument = buildReport(bundle);
    const withWide: ReportDocument = { ...doc, sections: [...doc.sections, { id: 'wide', heading: 'Wide', blocks: [{ kind: 'table', table: wide }] }] };
    dir = mkdtempSync(join(tmpdir(), 'siilab-legibility-'));
    file = join(dir, 'report.html');
    writeFileSync(file, documentHtml(withWide));
    browser = await launchBrowser();
  }, 120000);
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`figures are legible and tables fit or scroll at ${name} width (${viewport.width} px)`, async () => {
      const page = await browser.newPage({ viewport });
      await page.goto(`file://${file}`);
      const figures = await page.$$eval('figure', (els) =>
        els.map((f) => {
          const svg = f.querySelector('svg')!;
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          const sizes = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
          return { id: f.id, min: Math.min(...sizes), widthPx: svg.getBoundingClientRect().width, widthPt: svg.viewBox.baseVal.width };
        }),
      );
      expect(figures.length).toBeGreaterThan(5);
      for (const f of figures) {
        expect(f.min, f.id).toBeGreaterThanOrEqual(11);
        // pt → mm → at most FIGURE_MAX_PX_PER_MM px per mm.
        expect(f.widthPx, f.id).toBeLessThanOrEqual(((f.widthPt * 25.4) / 72) * FIGURE_MAX_PX_PER_MM + 1);
      }
      // The page itself never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      // Every table fits its box, or scrolls inside it with the first column in view.
      const tables = await page.$$eval('.table-scroll', (els) =>
        els.map((box) => {
          const before = box.scrollWidth > box.clientWidth;
          box.scrollLeft = box.scrollWidth;
          const first = box.querySelector('tbody tr:not(.section) td')!.getBoundingClientRect().left;
          const caption = box.querySelector('caption')!.getBoundingClientRect().left;
          const note = box.querySelector('tfoot div')?.getBoundingClientRect();
          return { id: box.querySelector('table')!.id, scrolls: before, boxLeft: box.getBoundingClientRect().left, first, caption, noteRight: note?.right ?? 0, boxRight: box.getBoundingClientRect().right };
        }),
      );
      expect(tables.map((t) => t.id)).toContain('table-wide');
      for (const t of tables) {
        if (!t.scrolls) continue;
        expect(Math.abs(t.first - t.boxLeft), t.id).toBeLessThan(1);
        expect(Math.abs(t.caption - t.boxLeft), t.id).toBeLessThan(1);
        expect(t.noteRight, t.id).toBeLessThanOrEqual(t.boxRight + 1);
      }
      if (name === 'tablet') expect(tables.find((t) => t.id === 'table-wide')!.scrolls).toBe(true);
      await page.close();
    }, 60000);
  }
});
