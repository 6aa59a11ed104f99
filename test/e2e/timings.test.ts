/**
 * Browser timings of the web application (measured, printed and written to test/tmp/web-timings.json,
 * never asserted against a limit — the standards forbid timed tests): the cutoff explorer on a
 * simulated cohort of 5,000 patients (slider move → redrawn curves and statistics, measured in the
 * page with performance.now), the calculator per keystroke, and the first page load.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT, VIEWPORTS, launchBrowser, skipReason, startServer, type Server } from './harness.js';

const reason = skipReason();
const N = 5000;

const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, median: +q(0.5).toFixed(2), p95: +q(0.95).toFixed(2), max: +s[s.length - 1].toFixed(2) };
};

describe.skipIf(reason !== null)(`web timings in Chromium${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  let runId = '';

  beforeAll(async () => {
    server = await startServer();
    const dir = mkdtempSync(join(tmpdir(), 'siilab-e2e-sim-'));
    const csv = join(dir, 'cohort5000.csv');
    execFileSync(process.execPath, [join(ROOT, 'bin', 'siilab.js'), 'simulate', join(ROOT, 'examples', 'hong2021', 'profile.yaml'), '--out', csv, '--n', String(N)], { stdio: 'ignore' });
    const up = await fetch(`${server.url}api/cohorts`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'cohort5000.csv' }, body: readFileSync(csv) });
    const { cohort } = await up.json();
    // hong2021's own plan, cut down to one Kaplan–Meier analysis (the explorer needs a finished run).
    const spec = readFileSync(join(ROOT, 'examples', 'hong2021', 'study.yaml'), 'utf8').replace(/\nanalyses:[\s\S]*$/, '\nanalyses:\n  km:\n    - { endpoint: os, by: [SII] }\n');
    const st = await fetch(`${server.url}api/studies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'timing', cohortId: cohort.id, specYaml: spec }) });
    const { study } = await st.json();
    const run = await fetch(`${server.url}api/studies/${study.id}/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    runId = (await run.json()).run.id;
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: VIEWPORTS.laptop });
  }, 180000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(`measures the explorer on ${N} patients, the calculator and the first load`, async () => {
    await page.goto(`${server.url}#/calculator`);
    const load = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
    });
    for (const [name, value] of [['neutrophils', '4.25'], ['lymphocytes', '1.52'], ['platelets', '183'], ['monocytes', '0.61'], ['afp', '512']]) {
      await page.locator(`input[name="${name}"]`).pressSequentially(value, { delay: 20 });
    }
    const calc: number[] = await page.evaluate(() => (window as any).__siilabTimings?.calculator ?? []);

    await page.goto(`${server.url}#/explorer?run=${runId}`);
    await page.reload();
    const p = page.locator('[data-testid="logrank-p"]');
    await p.waitFor({ timeout: 60000 });
    expect(await page.locator('.slider-panel').textContent()).toContain(`${N} patients`);
    const slider = page.locator('[data-testid="cutoff-slider"]');
    await slider.focus();
    const count = () => page.evaluate(() => ((window as any).__siilabTimings?.explorer ?? []).length as number);
    for (let k = 0; k < 40; k++) {
      const before = await count();
      const value = await slider.inputValue();
      await page.keyboard.press(k % 10 === 9 ? 'PageUp' : 'ArrowRight');
      if ((await slider.inputValue()) === value) continue; // at the end of the range: nothing to redraw
      await page.waitForFunction((b) => ((window as any).__siilabTimings?.explorer ?? []).length > b, before, { timeout: 30000 });
    }
    const t = await page.evaluate(() => (window as any).__siilabTimings);
    const result = {
      date: new Date().toISOString(),
      patients: N,
      explorerMoveToRedraw: summary(t.explorer.slice(1)),
      explorerWorkerCompute: summary(t.explorerWorker.slice(1)),
      calculatorKeystroke: summary(calc),
      firstLoad: { domContentLoadedMs: +load.domContentLoaded.toFixed(1), loadMs: +load.load.toFixed(1) },
    };
    mkdirSync(join(ROOT, 'test', 'tmp'), { recursive: true });
    writeFileSync(join(ROOT, 'test', 'tmp', 'web-timings.json'), JSON.stringify(result, null, 2) + '\n');
    process.stderr.write(`web timings: ${JSON.stringify(result)}\n`);
    expect(t.explorer.length).toBeGreaterThanOrEqual(30);
    expect(calc.length).toBeGreaterThan(10);
  }, 240000);
});
