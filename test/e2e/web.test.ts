/**
 * The web application in a real browser (Debian's Chromium, headless, via playwright-core) against
 * the real `siilab serve`: calculator → indices and study cards; an invalid upload shows its error;
 * upload of a generated cohort → mapping → validation → analysis → a Kaplan–Meier figure; the
 * cutoff slider changes the P value; the Word report downloads (a ZIP: starts with PK).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT, VIEWPORTS, collectPageErrors, launchBrowser, skipReason, startServer, type Server } from './harness.js';

const reason = skipReason();
if (reason) process.stderr.write(`test/e2e/web.test.ts: skipped: ${reason}\n`);

describe.skipIf(reason !== null)(`web application in Chromium${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: VIEWPORTS.laptop, acceptDownloads: true });
    collectPageErrors(page, pageErrors);
  }, 90000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('calculator: counts → indices and one card per study with the patient category', async () => {
    await page.goto(`${server.url}#/calculator`);
    await page.locator('input[name="neutrophils"]').fill('4.2');
    await page.locator('input[name="lymphocytes"]').fill('1.5');
    await page.locator('input[name="platelets"]').fill('180');
    await page.locator('input[name="afp"]').fill('500');
    // SII = 180 × 4.2 / 1.5 = 504; NLR = 2.8; PLR = 120.
    await expect.poll(() => page.locator('[data-index="SII"] .value').textContent(), { timeout: 15000 }).toBe('504');
    expect(await page.locator('[data-index="NLR"] .value').textContent()).toBe('2.8');
    expect(await page.locator('[data-index="PLR"] .value').textContent()).toBe('120');
    const cards = page.locator('.study-card');
    expect(await cards.count()).toBe(3);
    expect((await cards.evaluateAll((cs) => cs.map((c) => c.getAttribute('data-study')))).sort()).toEqual(['deng2025', 'hong2021', 'yu2023']);
    // yu2023: SII > 405.08 → high for 504 (the registry's @example); hong2021's four groups: SII high, AFP high.
    expect(await page.locator('[data-study="yu2023"] [data-marker="SII"] [data-testid="category"]').first().textContent()).toBe('high');
    expect(await page.locator('[data-study="hong2021"] [data-marker="SII+AFP"] [data-testid="category"]').textContent()).toBe('SII high, AFP high');
    // Units: the same counts in cells/µL give the same SII.
    await page.getByLabel('Cell count unit').selectOption('/uL');
    await page.locator('input[name="neutrophils"]').fill('4200');
    await page.locator('input[name="lymphocytes"]').fill('1500');
    await page.locator('input[name="platelets"]').fill('180000');
    await expect.poll(() => page.locator('[data-index="SII"] .value').textContent(), { timeout: 15000 }).toBe('504');
    // A model fitted on one's own cohort gives a probability with its provenance (test/model/fixtures/logistic.json:
    // −9.5 + 1.5·ln(SII) + 0.7·[AFP ≥ 400]; SII 504, AFP 500 → logit 0.5339…, P = 63.0 %).
    await page.locator('[data-testid="model-file"]').setInputFiles(join(ROOT, 'test', 'model', 'fixtures', 'logistic.json'));
    const model = page.locator('[data-testid="model"]');
    await expect.poll(() => model.textContent(), { timeout: 15000 }).toContain('recurrence or metastasis within 3 years (3 years): 63 %');
    expect(await model.textContent()).toContain('fitted on my_cohort.csv (n = 200, 80 events');
    expect(1 / (1 + Math.exp(-(-9.5 + 1.5 * Math.log(504) + 0.7)))).toBeCloseTo(0.630, 3);
    // Without AFP the model cannot be applied; the indices stay and the model says why.
    await page.locator('input[name="afp"]').fill('');
    await expect.poll(() => model.textContent(), { timeout: 15000 }).toMatch(/needs 'afp'/);
    expect(await page.locator('[data-index="SII"] .value').textContent()).toBe('504');
    // A value that is not a number is named.
    await page.locator('input[name="platelets"]').fill('18o');
    await expect.poll(() => page.locator('[data-testid="calc-error"]').textContent(), { timeout: 15000 }).toContain('Platelets');
  });

  it('an invalid upload shows the server\'s error naming the file', async () => {
    await page.goto(`${server.url}#/cohort`);
    await page.locator('[data-testid="cohort-file"]').setInputFiles({ name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('this is not a spreadsheet') });
    const err = page.locator('[data-testid="cohort-error"]');
    await err.waitFor({ timeout: 20000 });
    expect(await err.textContent()).toContain('broken.xlsx');
    // The same by drag and drop onto the drop zone: an empty file.
    const dt = await page.evaluateHandle(() => {
      const d = new DataTransfer();
      d.items.add(new File([''], 'empty.csv', { type: 'text/csv' }));
      return d;
    });
    await page.locator('[data-testid="dropzone"]').dispatchEvent('drop', { dataTransfer: dt });
    await expect.poll(() => err.textContent(), { timeout: 20000 }).toContain('empty.csv: the upload is empty');
  });

  it('the validation report lists row-level problems with their spreadsheet rows', async () => {
    const lines = readFileSync(join(ROOT, 'examples', 'hong2021', 'cohort.csv'), 'utf8').trim().split(/\r?\n/);
    const h = lines[0].split(',');
    const blank = (row: number, col: string) => {
      const cells = lines[row - 1].split(',');
      cells[h.indexOf(col)] = '';
      lines[row - 1] = cells.join(',');
    };
    blank(4, 'os_time'); // spreadsheet row 4 = patient P0003
    blank(6, 'platelets'); // row 6 = P0005
    await page.goto(`${server.url}#/cohort`);
    await page.locator('[data-testid="cohort-file"]').setInputFiles({ name: 'rows.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') });
    await page.locator('[data-testid="check-data"]').click();
    const validation = page.locator('[data-testid="validation"]');
    await validation.waitFor({ timeout: 60000 });
    expect(await validation.textContent()).toMatch(/56 analysable, 2 excluded/);
    const rows = await validation.locator('table.problems tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    expect(rows.map((r) => [r[0], r[3]])).toEqual([['P0003', '4'], ['P0005', '6']]);
  });

  let runId = '';
  it('upload → mapping → validation → analysis → a Kaplan–Meier figure', async () => {
    await page.goto(`${server.url}#/cohort`);
    await page.locator('[data-testid="cohort-file"]').setInputFiles(join(ROOT, 'examples', 'hong2021', 'cohort.csv'));
    const mapping = page.locator('[data-testid="mapping"]');
    await mapping.waitFor({ timeout: 20000 });
    // The suggested mapping (siilab inspect) is preselected: the platelets column maps to platelets.
    expect(await page.getByLabel('Use column platelets as').inputValue()).toBe('platelets');
    expect(await page.getByLabel('Use column os_event as').inputValue()).toBe('death');
    await page.locator('[data-testid="check-data"]').click();
    const validation = page.locator('[data-testid="validation"]');
    await validation.waitFor({ timeout: 60000 });
    expect(await validation.textContent()).toMatch(/58 patients in the file/);
    expect(await validation.locator('svg').count()).toBeGreaterThan(0); // participant flow

    await page.getByRole('button', { name: /Choose the analyses/ }).click();
    await page.locator('[data-testid="generate-spec"]').waitFor();
    await page.getByLabel('os').check();
    await page.getByRole('checkbox', { name: 'SII', exact: true }).check();
    await page.locator('[data-testid="generate-spec"]').click();
    expect(await page.locator('#spec-yaml').inputValue()).toMatch(/km:[\s\S]*by:\s*\n?\s*-?\s*\[?SII/);
    await page.locator('[data-testid="run-analysis"]').click();
    await page.locator('.run-progress').waitFor({ timeout: 5000 }).catch(() => undefined);
    const km = page.locator('[data-testid="results"] figure[id^="figure-km"] svg').first();
    await km.waitFor({ timeout: 120000 });
    expect(await km.isVisible()).toBe(true);
    expect(await km.getAttribute('role')).toBe('img');
    expect(await page.locator('[data-testid="results"]').textContent()).toContain('Number at risk'.slice(0, 6));
    runId = await page.evaluate(async () => {
      // The newest finished run of any study: the one just made (other tests make studies too).
      const r = await fetch('/api/studies').then((x) => x.json());
      const runs: { id: string; status: string; createdAt: string }[] = [];
      for (const s of r.studies) runs.push(...(await fetch(`/api/studies/${s.id}`).then((x) => x.json())).runs);
      return runs.filter((x) => x.status === 'done').sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0]?.id ?? '';
    });
    expect(runId).not.toBe('');
  });

  it('cutoff explorer: moving the slider changes the log-rank P; the corrected P is shown', async () => {
    await page.goto(`${server.url}#/explorer?run=${runId}`);
    const p = page.locator('[data-testid="logrank-p"]');
    await p.waitFor({ timeout: 30000 });
    await expect.poll(() => p.textContent(), { timeout: 15000 }).toMatch(/P [=<]/);
    const before = await p.textContent();
    expect(await page.locator('[data-testid="maxstat"]').textContent()).toMatch(/corrected P [=<]/);
    const slider = page.locator('[data-testid="cutoff-slider"]');
    await slider.focus();
    for (let k = 0; k < 8; k++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => p.textContent(), { timeout: 15000 }).not.toBe(before);
    expect(await page.locator('#explorer-km svg').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="group-sizes"]').textContent()).toMatch(/\d+ \/ \d+ patients/);
  });

  it('reports: the Word report downloads as a .docx (ZIP, starts with PK)', async () => {
    await page.goto(`${server.url}#/reports?run=${runId}`);
    const link = page.locator('[data-testid="download-docx"]');
    await link.waitFor({ timeout: 20000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const path = await download.path();
    const bytes = readFileSync(path!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    // Every figure listed is there as SVG and PNG.
    const hrefs = await page.locator('table.figures-list a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThanOrEqual(4);
    for (const h of hrefs) {
      const r = await page.request.get(h);
      expect(r.status(), h).toBe(200);
      const body = await r.body();
      if (h.endsWith('.svg')) expect(body.subarray(0, 4).toString()).toBe('<svg');
      else expect(body.subarray(1, 4).toString()).toBe('PNG');
    }
  });

  it('audit: the seeds are built in; a pasted audit file is checked, an invalid one refused by field', async () => {
    await page.goto(`${server.url}#/audit`);
    await page.locator('.paper[data-paper="hong2021"]').waitFor({ timeout: 30000 });
    expect(await page.locator('.paper').count()).toBe(3);
    await page.getByRole('tab', { name: 'Your paper' }).click();
    const box = page.getByLabel('or paste it here');
    await box.fill(readFileSync(join(ROOT, 'src', 'audit', 'papers', 'yu2023.yaml'), 'utf8'));
    await page.getByRole('button', { name: 'Check the numbers' }).click();
    await page.locator('#audit-mine .paper[data-paper="yu2023"]').waitFor({ timeout: 30000 });
    await box.fill('id: x\ntitle: t\ngroups: 5\n');
    await page.getByRole('button', { name: 'Check the numbers' }).click();
    await expect.poll(() => page.locator('[data-testid="audit-error"]').textContent(), { timeout: 15000 }).toContain('groups');
  });

  it('no script errors and no CSP violations on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
