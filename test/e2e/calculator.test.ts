/**
 * Calculator safety (issue 17 item 7), in Debian's Chromium against the real `siilab serve`: where
 * the patient differs from a study's patients (treatment, outcome asked about, Child–Pugh class) it
 * is said open beside each HIGH/LOW category — visible without a click, never inside a collapsed
 * <details> — and it is what src/evidence/calculate.ts says for the same patient. Screenshots at
 * 1366 and 820 px go to $SIILAB_SHOTS (default: the OS temp folder).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { VIEWPORTS, collectPageErrors, launchBrowser, skipReason, startServer, type Server } from './harness.js';
import { calculate } from '../../src/evidence/calculate.js';
import { forPage } from '../../web/src/lib/forPage.js';

const reason = skipReason();
if (reason) process.stderr.write(`test/e2e/calculator.test.ts: skipped: ${reason}\n`);
const SHOTS = process.env.SIILAB_SHOTS ?? join(tmpdir(), 'siilab-shots');

describe.skipIf(reason !== null)(`calculator: applicability open beside each category${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: VIEWPORTS.laptop });
    collectPageErrors(page, pageErrors, false);
  }, 180000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sorafenib, Child–Pugh B, survival: each study card says so beside its categories, as the engine does', async () => {
    await page.goto(`${server.url}#/calculator`);
    await page.locator('input[name="neutrophils"]').fill('4.2');
    await page.locator('input[name="lymphocytes"]').fill('1.5');
    await page.locator('input[name="platelets"]').fill('180');
    await page.locator('input[name="treatment"]').fill('sorafenib');
    await page.getByLabel('Outcome asked about').selectOption('survival');
    await page.getByLabel('Child–Pugh class').selectOption('B');
    await expect.poll(() => page.locator('[data-index="SII"] .value').textContent(), { timeout: 15000 }).toBe('504');

    const engine = calculate({ raw: { neutrophils: 4.2, lymphocytes: 1.5, platelets: 180 }, treatment: 'sorafenib', endpoint: 'survival', childPughClass: 'B' });
    const withCategory = engine.evidence.filter((e) => e.category !== null && e.marker !== 'SII+AFP');
    expect(withCategory.length).toBeGreaterThan(0);
    // The patient differs from some study in treatment and in Child–Pugh class (else this test proves nothing).
    expect(withCategory.some((e) => e.applicability.some((c) => /sorafenib/.test(c)))).toBe(true);
    expect(withCategory.some((e) => e.applicability.some((c) => /Child–Pugh/.test(c)))).toBe(true);
    for (const e of withCategory) {
      const entry = page.locator(`[data-study="${e.study}"] li.entry[data-marker="${e.marker}"]`).first();
      expect(await entry.locator('[data-testid="category"]').textContent()).toBe(e.category);
      const box = entry.locator('[data-testid="applicability"]');
      if (!e.applicability.length) {
        expect(await box.count()).toBe(0);
        continue;
      }
      expect(await box.isVisible(), `${e.study} ${e.marker}`).toBe(true);
      expect(await box.evaluate((el) => el.closest('details') === null)).toBe(true);
      expect(await box.locator('li').allTextContents()).toEqual(e.applicability.map(forPage));
    }
    // The collapsed list keeps only what is the same for every patient (the study's own caveats).
    const collapsed = (await page.locator('.study-card details').allTextContents()).join(' ');
    expect(collapsed).not.toMatch(/sorafenib|Child–Pugh B/);
    mkdirSync(SHOTS, { recursive: true });
    for (const vp of Object.values(VIEWPORTS)) {
      await page.setViewportSize(vp);
      await page.locator('.study-card').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `calculator-applicability-${vp.width}.png`), fullPage: true });
    }
  }, 120000);

  it('no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
