#!/usr/bin/env node
/**
 * Screenshots of every page of the web application at laptop (1366×768) and tablet (820×1180)
 * widths, for a person to look at: starts `siilab serve` (demo preloaded) on a free port against a
 * temp data dir, drives Debian's Chromium, uploads examples/hong2021/cohort.csv on the Cohort page.
 *
 *   node web/scripts/screenshots.mjs [OUT_DIR]     (default test/tmp/screenshots; needs npm run build)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = resolve(process.argv[2] ?? join(ROOT, 'test', 'tmp', 'screenshots'));
mkdirSync(out, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'siilab-shots-'));
const server = spawn(process.execPath, [join(ROOT, 'bin', 'siilab.js'), 'serve', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((ok, fail) => {
  let s = '';
  server.stdout.on('data', (d) => { s += d; const m = /serving (http:\/\/\S+)/.exec(s); if (m) ok(m[1]); });
  server.on('exit', (c) => fail(new Error(`siilab serve exited with ${c}`)));
});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
try {
  for (const [tag, viewport] of [['laptop', { width: 1366, height: 768 }], ['tablet', { width: 820, height: 1180 }]]) {
    const page = await browser.newPage({ viewport });
    page.on('pageerror', (e) => console.error(`${tag}: page error: ${e.message}`));
    const shot = async (name, full = true) => page.screenshot({ path: join(out, `${name}-${tag}.png`), fullPage: full });
    await page.goto(`${url}#/calculator`);
    for (const [k, v] of [['neutrophils', '4.2'], ['lymphocytes', '1.5'], ['platelets', '180'], ['afp', '500'], ['albumin', '38'], ['bilirubin', '18']]) await page.fill(`input[name=${k}]`, v);
    await page.fill('input[name=treatment]', 'TACE');
    await shot('calculator');
    await page.goto(`${url}#/cohort`);
    await page.locator('[data-testid="cohort-file"]').setInputFiles(join(ROOT, 'examples', 'hong2021', 'cohort.csv'));
    await page.locator('[data-testid="mapping"]').waitFor();
    await page.locator('[data-testid="check-data"]').click();
    await page.locator('[data-testid="validation"]').waitFor({ timeout: 60000 });
    await shot('cohort');
    await page.getByRole('button', { name: /Choose the analyses/ }).click();
    await page.locator('[data-testid="run-analysis"]').click();
    await page.locator('[data-testid="results"] figure[id^="figure-km"]').first().waitFor({ timeout: 120000 });
    await shot('analysis');
    await page.goto(`${url}#/explorer`);
    await page.locator('[data-testid="logrank-p"]').waitFor({ timeout: 30000 });
    await page.waitForTimeout(300);
    await shot('explorer');
    await page.goto(`${url}#/audit`);
    await page.locator('.paper').first().waitFor({ timeout: 30000 });
    await shot('audit', false);
    await page.goto(`${url}#/reports`);
    await page.locator('[data-testid="download-docx"]').waitFor();
    await shot('reports');
    await page.close();
  }
  console.log(`screenshots in ${out}`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
