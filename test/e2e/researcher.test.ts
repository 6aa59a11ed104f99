/**
 * The researcher's path on real exports (issue 17), in Debian's Chromium against the real
 * `siilab serve`:
 * - the cutoff explorer at the analysis's median cut-off shows the report's group sizes and
 *   log-rank χ² (one convention: ≥ cutoff is high; the median button, a typed value and the slider
 *   give the same groups), and lists markers only;
 * - a cohort with typos (a 2 among 0/1 events, `high` among platelet counts, a negative time, a
 *   repeated id) shows each as a row-level problem in view, with a suggested fix that corrects the
 *   cells in one click; a PNG named .csv is refused; the same file twice is one cohort;
 * - the Tongji long-format XLSX (skipped without ../shared/data/real): the default check analyses
 *   more than 300 patients, and the suggested spec says why it uses the first draw;
 * Screenshots of each page at 1366 and 820 px go to $SIILAB_SHOTS (default: the OS temp folder).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT, SHOTS, VIEWPORTS, collectPageErrors, launchBrowser, screenshots, skipReason, startServer, type Server } from './harness.js';
import { cutoffText } from '../../src/analysis/cutoffText.js';
import { typoCohort } from '../helpers/typoCohort.js';

const REAL = process.env.SIILAB_REAL_DATA ?? join(ROOT, '..', 'shared', 'data', 'real');
const TONGJI = join(REAL, 'tongji_covid19_375_timeseries.xlsx');
const CHOWELL = join(REAL, 'chowell2021_ici_pancancer.csv');
const hasReal = existsSync(TONGJI) && existsSync(CHOWELL);
if (!hasReal) process.stderr.write(`test/e2e/researcher.test.ts: the real-cohort tests are skipped: ${REAL} is absent\n`);

/** True when the element's box is inside the viewport (after any smooth scrolling settles). */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top < window.innerHeight && r.bottom > 0 && r.height > 0;
  });
}

/**
 * Records, on every animation frame, whether the element has been inside the viewport at any moment
 * since the call: a progress line that is shown for less than a poll interval is still seen.
 */
async function watchInView(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __seen?: Record<string, boolean> };
    (w.__seen ??= {})[sel] = false;
    const tick = () => {
      const el = document.querySelector(sel);
      if (el) {
        const r = el.getBoundingClientRect();
        if (r.top < window.innerHeight && r.bottom > 0 && r.height > 0) { w.__seen![sel] = true; return; }
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, selector);
}

async function seenInView(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => (window as unknown as { __seen?: Record<string, boolean> }).__seen?.[sel] === true, selector);
}

const reason = skipReason();
if (reason) process.stderr.write(`test/e2e/researcher.test.ts: skipped: ${reason}\n`);


const SPEC = `version: 1
title: SII median split
sources: [{ file: cohort.csv }]
variables:
  patientId: id
  neutrophils: { column: neutrophils, unit: 10^9/L }
  lymphocytes: { column: lymphocytes, unit: 10^9/L }
  platelets: { column: platelets, unit: 10^9/L }
  followUpTime: { column: os_time, unit: months }
  death: os_event
derived:
  - { name: SII, index: SII }
  - { name: NLR, index: NLR }
endpoints:
  os: { type: survival, events: [death], time: followUpTime }
cutoffs:
  SII: { method: median }
analyses:
  km: [{ endpoint: os, by: [SII] }]
  maxstat: [{ endpoint: os, markers: [SII] }]
`;

describe.skipIf(reason !== null)(`researcher path in Chromium${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: VIEWPORTS.laptop });
    collectPageErrors(page, pageErrors, false);
  }, 90000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Uploads a file and creates + runs a study through the API (the page's own calls). */
  async function runViaApi(file: string, spec: string): Promise<{ runId: string; bundle: any; reportMd: string }> {
    await page.goto(`${server.url}#/cohort`);
    const body = readFileSync(file).toString('base64');
    return page.evaluate(async ({ body, spec }) => {
      const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
      const ok = async (res: Response) => {
        const j = await res.json();
        if (!res.ok) throw new Error(`${res.status}: ${j.error}`);
        return j;
      };
      const c = await fetch('/api/cohorts', { method: 'POST', body: bytes, headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'cohort.csv' } }).then(ok);
      const s = await fetch('/api/studies', { method: 'POST', body: JSON.stringify({ name: 'median', cohortId: c.cohort.id, specYaml: spec }), headers: { 'content-type': 'application/json' } }).then(ok);
      const r = await fetch(`/api/studies/${s.study.id}/runs`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }).then(ok);
      const md = await fetch(`/api/runs/${r.run.id}/report.md`).then((x) => x.text());
      return { runId: r.run.id, bundle: r.bundle, reportMd: md };
    }, { body, spec });
  }

  it('explorer at the analysis\'s median cut-off gives the report\'s group sizes and log-rank χ²; median, typed value and slider agree', async () => {
    const { runId, bundle, reportMd } = await runViaApi(join(ROOT, 'examples', 'hong2021', 'cohort.csv'), SPEC);
    const cut = bundle.cutoffs.find((c: any) => c.variable === 'SII');
    expect(cut).toMatchObject({ method: 'median', direction: '>=' });
    const km = bundle.analyses.find((a: any) => a.kind === 'km');
    const text = cutoffText(cut.value);
    const low = km.km.groups.find((g: any) => g.group === `SII < ${text}`);
    const high = km.km.groups.find((g: any) => g.group === `SII ≥ ${text}`);
    expect(low && high).toBeTruthy();
    // The report prints the same groups.
    expect(reportMd).toContain(`SII ≥ ${text}`);

    await page.goto(`${server.url}#/explorer?run=${runId}`);
    const sizes = page.locator('[data-testid="group-sizes"]');
    const lr = page.locator('[data-testid="logrank-p"]');
    await sizes.waitFor({ timeout: 30000 }).catch(async (e) => {
      await page.screenshot({ path: join(SHOTS, 'explorer-failed.png'), fullPage: true });
      throw new Error(`${e.message}\npage: ${(await page.locator('main').textContent())?.slice(0, 800)}\nerrors: ${pageErrors.join('; ')}`);
    });
    // Markers only: no follow-up time or event indicator in the list.
    const markers = await page.getByLabel('Marker').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(markers).toContain('SII');
    expect(markers).toContain('NLR');
    for (const m of markers) expect(['followUpTime', 'death']).not.toContain(m);

    const expectAgreement = async () => {
      await expect.poll(() => page.locator('[data-testid="cutoff-value"]').textContent(), { timeout: 15000 }).toBe(text);
      await expect.poll(() => sizes.textContent(), { timeout: 15000 }).toContain(`${low.n} / ${high.n} patients`);
      const chisq = Number(await lr.getAttribute('data-chisq'));
      expect(Math.abs(chisq - km.logrank.chisq) / km.logrank.chisq).toBeLessThan(1e-9);
    };
    // Opens at the study's cut-off.
    await expectAgreement();
    expect(await page.locator('.slider-label').textContent()).toContain(`SII ≥ ${text}`);
    await screenshots(page, 'explorer-study-cutoff');
    // Away with the slider, then back with the median button (58 patients, all with SII: the same median).
    const slider = page.locator('[data-testid="cutoff-slider"]');
    await slider.focus();
    for (let k = 0; k < 5; k++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('[data-testid="cutoff-value"]').textContent(), { timeout: 15000 }).not.toBe(text);
    await page.locator('[data-testid="cutoff-median"]').click();
    await expectAgreement();
    // A typed value.
    for (let k = 0; k < 5; k++) await slider.press('ArrowLeft');
    await page.locator('[data-testid="cutoff-typed"]').fill(String(cut.value));
    await page.locator('[data-testid="cutoff-typed"]').press('Enter');
    await expectAgreement();
    // The slider position for that value gives the same groups: one step right and one back.
    await slider.press('ArrowRight');
    await expect.poll(() => sizes.textContent(), { timeout: 15000 }).not.toContain(`${low.n} / ${high.n} patients`);
    await slider.press('ArrowLeft');
    await expect.poll(() => sizes.textContent(), { timeout: 15000 }).toContain(`${low.n} / ${high.n} patients`);
    // The maximally selected split, in the same convention, equals the report's maxstat row.
    const ms = bundle.analyses.find((a: any) => a.kind === 'maxstat').markers[0].result;
    expect(reportMd).toContain(`≥ ${cutoffText(ms.highFrom)}`);
    await page.getByRole('button', { name: /Maximally selected/ }).click();
    await expect.poll(() => sizes.textContent(), { timeout: 15000 }).toContain(`${ms.nLow} / ${ms.nHigh} patients`);
    const chisq = Number(await lr.getAttribute('data-chisq'));
    expect(Math.abs(chisq - ms.naiveLogRank.chisq) / ms.naiveLogRank.chisq).toBeLessThan(1e-9);
    // A split at the top leaves < 10 % high: flagged.
    await slider.press('End');
    await page.locator('[data-testid="small-group"]').waitFor({ timeout: 15000 });
    await screenshots(page, 'explorer-small-group');
  }, 120000);

  it('typos: each is a row-level problem in view with a fix; the corrected copy has none and keeps the mapping', async () => {
    await page.goto(`${server.url}#/cohort`);
    await page.locator('[data-testid="cohort-file"]').setInputFiles({ name: 'typos.csv', mimeType: 'text/csv', buffer: Buffer.from(typoCohort()) });
    const panel = page.locator('[data-testid="cell-problems"]');
    await panel.waitFor({ timeout: 20000 });
    await expect.poll(() => inView(page, '[data-testid="cell-problems"]'), { timeout: 5000 }).toBe(true);
    const rows = await panel.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-row'), tr.getAttribute('data-column'), tr.querySelector('code')?.textContent]));
    expect(rows.slice(0, 3)).toEqual([['5', 'os_event', '2'], ['8', 'platelets', 'high'], ['11', 'os_time', '-3']]);
    expect(rows[3].slice(0, 2)).toEqual(['14', 'id']);
    // The columns are still mapped (not re-typed to text), and the file is still one row per patient.
    expect(await page.getByLabel('Use column platelets as').inputValue()).toBe('platelets');
    expect(await page.getByLabel('Use column os_event as').inputValue()).toBe('death');
    expect(await page.locator('.panel h2 + p.muted').first().textContent()).toContain('one row per patient');
    await screenshots(page, 'cohort-typos');
    expect(await page.getByLabel('Correct row 11, column os_time to').inputValue()).toBe('3');
    await page.getByLabel('Correct row 5, column os_event to').fill('1');
    await page.getByLabel('Correct row 8, column platelets to').fill('180');
    await page.locator('[data-testid="apply-fixes"]').click();
    await expect.poll(() => page.locator('[data-testid="cohort-note"]').textContent(), { timeout: 20000 }).toMatch(/corrected/i);
    await expect.poll(() => panel.count(), { timeout: 20000 }).toBe(0);
    expect(await page.locator('.panel h2').first().textContent()).toBe('typos-corrected.csv');
    await page.locator('[data-testid="check-data"]').click();
    await page.locator('[data-testid="validation"]').waitFor({ timeout: 60000 });
    expect(await page.locator('[data-testid="validation"]').textContent()).toMatch(/58 patients in the file, 58 analysable/);
  }, 120000);

  it('uploads are checked by content; the same file twice is one cohort', async () => {
    await page.goto(`${server.url}#/cohort`);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    await page.locator('[data-testid="cohort-file"]').setInputFiles({ name: 'cohort.csv', mimeType: 'text/csv', buffer: png });
    await expect.poll(() => page.locator('[data-testid="cohort-error"]').textContent(), { timeout: 20000 }).toContain('cohort.csv: this file is a PNG image, not a table');
    const count = async () => page.evaluate(async () => (await fetch('/api/cohorts').then((r) => r.json())).cohorts.length);
    const before = await count();
    const csv = readFileSync(join(ROOT, 'examples', 'hong2021', 'cohort.csv'));
    await page.locator('[data-testid="cohort-file"]').setInputFiles({ name: 'again.csv', mimeType: 'text/csv', buffer: csv });
    await page.locator('[data-testid="mapping"]').waitFor({ timeout: 20000 });
    await page.locator('[data-testid="cohort-file"]').setInputFiles({ name: 'again-2.csv', mimeType: 'text/csv', buffer: csv });
    await expect.poll(() => page.locator('[data-testid="cohort-note"]').textContent(), { timeout: 20000 }).toContain('is the same file as');
    expect(await count()).toBeLessThanOrEqual(before + 1);
  }, 60000);

  it.skipIf(!hasReal)('Tongji long XLSX: the default check analyses more than 300 patients and says why it uses the first draw', async () => {
    await page.goto(`${server.url}#/cohort`);
    await page.locator('[data-testid="cohort-file"]').setInputFiles(TONGJI);
    await page.locator('[data-testid="mapping"]').waitFor({ timeout: 60000 });
    await expect.poll(() => page.locator('[data-testid="spec-note"]').textContent({ timeout: 1000 }).catch(() => `errors: ${pageErrors.join('; ')}`), { timeout: 30000 }).toMatch(/first draw/);
    await screenshots(page, 'cohort-tongji-mapped');
    await watchInView(page, '[data-testid="cohort-progress"]');
    await page.locator('[data-testid="check-data"]').click();
    const validation = page.locator('[data-testid="validation"]');
    await validation.waitFor({ timeout: 120000 }).catch(async (e) => {
      throw new Error(`${e.message}: ${await page.locator('[data-testid="cohort-error"]').textContent().catch(() => '')}`);
    });
    expect(await seenInView(page, '[data-testid="cohort-progress"]')).toBe(true);
    const m = /(\d+) analysable/.exec((await validation.textContent()) ?? '');
    expect(Number(m?.[1])).toBeGreaterThan(300);
    await validation.scrollIntoViewIfNeeded();
    await screenshots(page, 'cohort-tongji-checked');
  }, 240000);

  it('no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
