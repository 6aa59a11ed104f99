/**
 * Issue 17 items 2, 3 and 8 in Debian's Chromium against the real `siilab serve`, on the Chowell
 * pan-cancer immunotherapy export (NLR and platelets, no neutrophil or lymphocyte counts; skipped
 * without ../shared/data/real, or point SIILAB_REAL_DATA at the folder):
 * - the Cohort page offers SII and says it is NLR × platelets, and that PLR cannot be computed;
 * - the Analysis page offers SII with its derivation; ticking SII and the NLR column, the factor
 *   age, Cox regression, Kaplan–Meier and maxstat runs exactly those (the run's spec and bundle),
 *   and the report has SII's results (Kaplan–Meier by SII, SII in the Cox table, the derivation);
 * - the run id is in the address: a reload opens the same run and its spec fills the form.
 * Screenshots at 1366 and 820 px go to $SIILAB_SHOTS (default: the OS temp folder).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT, VIEWPORTS, collectPageErrors, launchBrowser, screenshots, skipReason, startServer, type Server } from './harness.js';

const REAL = process.env.SIILAB_REAL_DATA ?? join(ROOT, '..', 'shared', 'data', 'real');
const CHOWELL = join(REAL, 'chowell2021_ici_pancancer.csv');
const hasReal = existsSync(CHOWELL);
const reason = skipReason() ?? (hasReal ? null : `${CHOWELL} is absent`);
if (reason) process.stderr.write(`test/e2e/chowell.test.ts: skipped: ${reason}\n`);


describe.skipIf(reason !== null)(`Chowell: SII from NLR × platelets in Chromium${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: VIEWPORTS.laptop });
    collectPageErrors(page, pageErrors);
  }, 180000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('upload → SII offered as NLR × platelets → the ticked analyses run with SII → reload keeps the run and its form', async () => {
    await page.goto(`${server.url}#/cohort`);
    await page.locator('[data-testid="cohort-file"]').setInputFiles(CHOWELL);
    const markers = page.locator('[data-testid="derived-markers"]');
    await markers.waitFor({ timeout: 30000 });
    expect(await markers.locator('li[data-marker="SII"]').textContent()).toBe('SII = NLR × platelets (columns NLR, Platelets)');
    expect(await markers.locator('li[data-marker="NLR"]').textContent()).toBe('NLR as recorded in the file (column NLR): the marker “nlr”');
    expect(await markers.locator('li[data-marker="PLR"]').getAttribute('class')).toBe('unavailable');
    expect(await markers.locator('li[data-marker="PLR"]').textContent()).toMatch(/^PLR: Not available: PLR needs platelets with a lymphocyte count/);
    await screenshots(page, 'chowell-cohort', { fullPage: true, settleMs: 200 });
    await page.locator('[data-testid="check-data"]').click();
    const validation = page.locator('[data-testid="validation"]');
    await validation.waitFor({ timeout: 120000 });
    expect(await validation.textContent()).toMatch(/1479 patients in the file, 1479 analysable/);

    await page.getByRole('button', { name: /Choose the analyses/ }).click();
    await page.locator('[data-testid="analysis-choices"]').waitFor({ timeout: 20000 });
    const sii = page.getByRole('checkbox', { name: 'SII', exact: true });
    expect(await sii.getAttribute('aria-describedby')).toBe('marker-note-SII');
    expect(await page.locator('#marker-note-SII').textContent()).toBe('SII = NLR × platelets (columns NLR, Platelets)');
    await page.getByLabel('os').check();
    await sii.check();
    await page.getByRole('checkbox', { name: 'nlr', exact: true }).check();
    // Factor ticked with no analysis that uses it: said, not dropped silently.
    await page.locator('input[name="analysis-regression"]').uncheck();
    await page.locator('fieldset.factors').getByRole('checkbox', { name: 'age', exact: true }).check();
    await expect.poll(() => page.locator('[data-testid="unused-choices"]').textContent()).toMatch(/factor age is used only by the baseline table and regression/);
    for (const k of ['regression', 'km', 'maxstat']) await page.locator(`input[name="analysis-${k}"]`).check();
    expect(await page.locator('[data-testid="unused-choices"]').count()).toBe(0);
    await screenshots(page, 'chowell-analysis-form', { fullPage: true, settleMs: 200 });
    await page.locator('[data-testid="run-analysis"]').click();
    const results = page.locator('[data-testid="results"]');
    await results.locator('figure[id^="figure-km"]').first().waitFor({ timeout: 240000 });

    // The run id is in the address; its spec and bundle are exactly the ticked choices.
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#\/analysis\?run=[\w-]+$/);
    const runId = new URL(page.url()).hash.replace(/^.*run=/, '');
    const served = await page.evaluate(async (id) => (await fetch(`/api/runs/${id}`)).json(), runId);
    const spec = served.bundle.spec;
    expect(spec.derived).toEqual([{ name: 'SII', index: 'SII' }]);
    expect(Object.keys(spec.analyses).sort()).toEqual(['cox', 'km', 'maxstat']);
    expect(spec.analyses.cox).toEqual([{ endpoint: 'os', candidates: ['SII', 'nlr', 'age'], multivariable: { rule: 'p-threshold', threshold: 0.05 } }]);
    expect(spec.analyses.km.map((k: { by: string[] }) => k.by)).toEqual([[], ['SII'], ['nlr']]);
    expect(spec.analyses.maxstat).toEqual([{ endpoint: 'os', markers: ['SII', 'nlr'] }]);
    expect(served.bundle.cutoffs.map((c: { variable: string }) => c.variable).sort()).toEqual(['SII', 'nlr']);
    // The report has SII's results: Kaplan–Meier by SII, SII in the Cox table, SII's derivation in the methods.
    const html = await page.evaluate(async (id) => (await fetch(`/api/runs/${id}/report.html`)).text(), runId);
    expect(html).toMatch(/SII = platelets × NLR/);
    const text = (await results.textContent()) ?? '';
    expect(text).toMatch(/SII ≥ \d/);
    const coxTables = await results.locator('table[id^="table-cox"]').allTextContents();
    expect(coxTables.some((t) => /SII/.test(t) && /age|Age/.test(t))).toBe(true);
    await results.locator('figure[id^="figure-km"]').nth(1).scrollIntoViewIfNeeded();
    await screenshots(page, 'chowell-results', { fullPage: true, settleMs: 200 });

    // A reload keeps the opened run and fills the form from its spec.
    await page.reload();
    await page.locator('[data-testid="analysis-choices"]').waitFor({ timeout: 30000 });
    await expect.poll(() => page.getByRole('checkbox', { name: 'nlr', exact: true }).isChecked(), { timeout: 20000 }).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'SII', exact: true }).isChecked()).toBe(true);
    expect(await page.locator('fieldset.factors').getByRole('checkbox', { name: 'age', exact: true }).isChecked()).toBe(true);
    for (const k of ['regression', 'km', 'maxstat']) expect(await page.locator(`input[name="analysis-${k}"]`).isChecked(), k).toBe(true);
    for (const k of ['baselineTable', 'timeRoc', 'splines', 'nomogram']) expect(await page.locator(`input[name="analysis-${k}"]`).isChecked(), k).toBe(false);
    expect(await page.locator('[data-testid="kept-analyses"]').count()).toBe(0);
    await page.locator('[data-testid="results"]').waitFor({ timeout: 30000 });
    expect(await page.locator('footer').textContent()).toMatch(/Current run: chowell2021_ici_pancancer/);
  }, 420000);

  it('no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
