/**
 * The Analysis form is the truth, and the nomogram reaches the calculator — in Chromium against the
 * real `siilab serve` (with its demo run of examples/hong2021): upload → tick time-dependent ROC
 * and the nomogram (default horizons from the follow-up: 6, 12, 24 months) → run → their tables are
 * in the results; opening the demo run fills the form from its spec and lists the analyses the form
 * does not show; the calculator scores a patient on the new run's nomogram with the numbers of
 * src/analysis/nomogramPatient.ts on the served bundle. Screenshots at 1366 and 820 px go to
 * $SIILAB_SCREENSHOTS when it is set.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT, VIEWPORTS, collectPageErrors, launchBrowser, skipReason, startServer, type Server } from './harness.js';
import { nomogramFields, nomogramPatient } from '../../src/analysis/nomogramPatient.js';
import { sig } from '../../src/report/text/formatNumber.js';

const reason = skipReason();
if (reason) process.stderr.write(`test/e2e/analysisForm.test.ts: skipped: ${reason}\n`);
const SHOTS = process.env.SIILAB_SCREENSHOTS ?? null;

describe.skipIf(reason !== null)(`analysis form and nomogram calculator in Chromium${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  let runId = '';

  const shoot = async (name: string) => {
    if (!SHOTS) return;
    for (const [w, vp] of [['1366', VIEWPORTS.laptop], ['820', VIEWPORTS.tablet]] as const) {
      await page.setViewportSize(vp);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SHOTS, `${name}-${w}.png`), fullPage: true });
    }
    await page.setViewportSize(VIEWPORTS.laptop);
  };

  beforeAll(async () => {
    server = await startServer([]);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: VIEWPORTS.laptop });
    collectPageErrors(page, pageErrors);
  }, 180000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('ticking time-dependent ROC and the nomogram writes them into the spec and the run shows their tables', async () => {
    await page.goto(`${server.url}#/cohort`);
    await page.locator('[data-testid="cohort-file"]').setInputFiles(join(ROOT, 'examples', 'hong2021', 'cohort.csv'));
    await page.locator('[data-testid="mapping"]').waitFor({ timeout: 20000 });
    await page.locator('[data-testid="check-data"]').click();
    await page.locator('[data-testid="validation"]').waitFor({ timeout: 60000 });
    await page.getByRole('button', { name: /Choose the analyses/ }).click();
    const choices = page.locator('[data-testid="analysis-choices"]');
    await choices.waitFor({ timeout: 20000 });
    await page.getByLabel('os').check();
    await page.getByRole('checkbox', { name: 'SII', exact: true }).check();
    // Default horizons from the follow-up (longest 27.7 months): 6, 12, 24; shown and editable.
    await expect.poll(() => page.locator('input[name="param-horizons"]').inputValue(), { timeout: 10000 }).toBe('6, 12, 24');
    expect(await page.locator('input[name="param-bootstrap"]').inputValue()).toBe('200');
    await page.locator('input[name="analysis-timeRoc"]').check();
    await page.locator('input[name="analysis-nomogram"]').check();
    await page.locator('fieldset.factors').getByRole('checkbox', { name: 'bclc', exact: true }).check();
    await page.locator('input[name="predictor-bclc"]').check();
    await page.locator('input[name="analysis-maxstat"]').uncheck();
    const yaml = await page.locator('#spec-yaml').inputValue();
    expect(yaml).toMatch(/timeRoc:\s*\n\s*- endpoint: os\s*\n\s*markers:\s*\n\s*- SII\s*\n\s*times:\s*\n\s*- 6\s*\n\s*- 12\s*\n\s*- 24/);
    expect(yaml).toMatch(/nomogram:[\s\S]*variable: SII[\s\S]*continuous: true[\s\S]*- bclc/);
    expect(yaml).not.toMatch(/maxstat:/);
    await shoot('analysis-form');
    await page.locator('[data-testid="run-analysis"]').click();
    const results = page.locator('[data-testid="results"]');
    await results.locator('table#table-time-roc-1').waitFor({ timeout: 180000 });
    expect(await results.locator('table#table-time-roc-1 caption').textContent()).toMatch(/Time-dependent AUC of markers for overall survival/);
    expect(await results.locator('table#table-nomogram-1-total').count()).toBe(1);
    expect(await results.locator('figure[id="figure-nomogram-1"] svg').count()).toBe(1);
    expect(await results.locator('table[id^="table-maxstat"]').count()).toBe(0);
    await results.locator('table#table-time-roc-1').scrollIntoViewIfNeeded();
    await shoot('analysis-results');
    runId = await page.evaluate(async () => {
      const r = await fetch('/api/studies').then((x) => x.json());
      const ids: string[] = [];
      for (const s of r.studies) {
        const d = await fetch(`/api/studies/${s.id}`).then((x) => x.json());
        if (!/Demo:/.test(s.name)) ids.push(...d.runs.filter((x: { status: string }) => x.status === 'done').map((x: { id: string }) => x.id));
      }
      return ids[0] ?? '';
    });
    expect(runId).not.toBe('');
    // After the run the form is read back from the run's spec: the same choices.
    expect(await page.locator('input[name="analysis-timeRoc"]').isChecked()).toBe(true);
    expect(await page.locator('input[name="analysis-maxstat"]').isChecked()).toBe(false);
  }, 300000);

  it('opening the demo run shows its spec in the form and lists what the form does not show', async () => {
    const demo = await page.evaluate(() => fetch('/api/demo').then((r) => r.json()));
    expect(demo.runId).toBeTruthy();
    await page.goto(`${server.url}#/analysis?run=${demo.runId}`);
    await page.reload();
    await page.locator('[data-testid="analysis-choices"]').waitFor({ timeout: 30000 });
    await expect.poll(() => page.locator('input[name="param-seed"]').inputValue(), { timeout: 15000 }).toBe('2021');
    for (const k of ['baselineTable', 'km', 'maxstat', 'nomogram', 'calibration', 'validation']) expect(await page.locator(`input[name="analysis-${k}"]`).isChecked(), k).toBe(true);
    for (const k of ['regression', 'timeRoc', 'splines', 'decisionCurve']) expect(await page.locator(`input[name="analysis-${k}"]`).isChecked(), k).toBe(false);
    const kept = await page.locator('[data-testid="kept-analyses"]').textContent();
    expect(kept).toContain('7 analyses this form does not show');
    expect(kept).toContain('km (os; by SII × afp)');
    expect(kept).toContain('timeRoc (os; SII, NLR, afp)');
    // The YAML keeps them after a form change.
    await page.locator('input[name="analysis-splines"]').check();
    const yaml = await page.locator('#spec-yaml').inputValue();
    expect(yaml).toContain('- { endpoint: os, by: [ SII, afp ] }');
    expect(yaml).toContain('timeRoc: [ { endpoint: os, markers: [ SII, NLR, afp ], times: [ 6, 12, 24 ] } ]');
    await shoot('analysis-demo-form');
  }, 120000);

  it('the calculator scores a patient on the new run\'s nomogram as nomogramPatient does on its bundle', async () => {
    const { bundle } = await page.evaluate((id) => fetch(`/api/runs/${id}`).then((r) => r.json()), runId);
    const nomo = bundle.analyses.find((a: { kind: string }) => a.kind === 'nomogram');
    const fields = nomogramFields(nomo);
    const level = String(nomo.nomogram.predictors[1].values[1]);
    const want = nomogramPatient(nomo, { [fields[0].key]: '504', [fields[1].key]: level }).result!;
    await page.goto(`${server.url}#/calculator`);
    const box = page.locator('[data-testid="model-nomogram"]');
    await box.locator('[data-testid="nomogram-run"]').waitFor({ timeout: 30000 });
    await box.locator('[data-testid="nomogram-run"]').selectOption(runId);
    await box.locator(`input[name="nomo-${fields[0].key}"]`).fill('504');
    await box.locator(`select[name="nomo-${fields[1].key}"]`).selectOption(level);
    await expect.poll(() => box.locator('[data-testid="nomogram-total"]').textContent(), { timeout: 15000 }).toBe(want.total.toFixed(1));
    const surv = await box.locator('[data-testid="nomogram-survival"] dd').allTextContents();
    expect(surv).toEqual(want.survival.map((s) => `${sig(100 * s.surv, 3)} %`));
    expect(await box.locator('[data-testid="nomogram-survival"] dt').allTextContents()).toEqual(['6-month survival', '1-year survival', '2-year survival']);
    await box.scrollIntoViewIfNeeded();
    await shoot('calculator-nomogram');
  }, 120000);

  it('no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
