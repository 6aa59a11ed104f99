/**
 * Issue 17 item 8 in Debian's Chromium against the real `siilab serve`: the skip link is visible
 * when focused and moves the focus to the page without leaving it (the routes are in the hash);
 * the front end arrives compressed; a browser without the access token (or with a wrong one) gets
 * a readable HTML page, not JSON. Screenshots at 1366 and 820 px go to $SIILAB_SHOTS.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { VIEWPORTS, launchBrowser, screenshots, skipReason, startServer, type Server } from './harness.js';

const reason = skipReason();
if (reason) process.stderr.write(`test/e2e/smallThings.test.ts: skipped: ${reason}\n`);


describe.skipIf(reason !== null)(`skip link, compression, 401 page in Chromium${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let server: Server;
  let locked: Server;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [server, locked] = await Promise.all([startServer(), startServer(['--no-demo', '--host', '0.0.0.0'])]);
    browser = await launchBrowser();
  }, 180000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.stop(), locked?.stop()]);
  });

  it('the skip link shows on focus and moves the focus to the page it is on; the page arrives compressed', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.laptop });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const encodings: Record<string, string> = {};
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (/\.(js|css)$/.test(u.pathname) || /^\/api\/audit\/papers/.test(u.pathname)) encodings[u.pathname] = r.headers()['content-encoding'] ?? 'none';
    });
    await page.goto(`${server.url}#/audit`);
    await page.locator('.paper').first().waitFor({ timeout: 30000 });
    const skip = page.locator('[data-testid="skip-link"]');
    const hidden = await skip.boundingBox();
    expect(hidden!.x + hidden!.width).toBeLessThan(0); // off-screen until focused
    await page.keyboard.press('Tab');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const shown = await skip.boundingBox();
    expect(shown!.x).toBeGreaterThanOrEqual(0);
    expect(shown!.y).toBeGreaterThanOrEqual(0);
    expect(shown!.width).toBeGreaterThan(50);
    await screenshots(page, 'skip-link-focused');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(new URL(page.url()).hash).toBe('#/audit');
    expect(await page.locator('.paper').count()).toBeGreaterThan(0);
    // The next Tab goes into the page, past the header's links.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    // Compressed: every script and style sheet and the papers' JSON (Chromium asks for br; index.html is under 1 kB).
    expect(Object.keys(encodings).length).toBeGreaterThan(2);
    expect(Object.keys(encodings)).toContain('/api/audit/papers');
    for (const [path, enc] of Object.entries(encodings)) expect(enc, path).toBe('br');
    await page.close();
  }, 120000);

  it('without the token (or with a wrong one) a browser gets a readable page; fetch gets JSON', async () => {
    const u = new URL(locked.url);
    const base = `http://127.0.0.1:${u.port}/`;
    const page = await browser.newPage({ viewport: VIEWPORTS.laptop });
    const r = await page.goto(base);
    expect(r!.status()).toBe(401);
    expect(await page.locator('h1').textContent()).toBe('siilab: access token needed');
    expect(await page.locator('[data-testid="refusal"]').textContent()).toBe('This siilab server needs its access token: open the link with ?token=… that it printed at start.');
    expect(await page.title()).toBe('siilab: access token needed');
    await screenshots(page, 'token-401');
    const wrong = await page.goto(`${base}?token=not-the-token#/calculator`);
    expect(wrong!.status()).toBe(401);
    expect(await page.locator('[data-testid="refusal"]').textContent()).toMatch(/^The access token in this link is not this siilab server's/);
    const api = await page.evaluate(async () => {
      const x = await fetch('/api/health');
      return { status: x.status, type: x.headers.get('content-type'), body: await x.json() };
    });
    expect(api.status).toBe(401);
    expect(api.type).toMatch(/^application\/json/);
    expect(api.body.error).toMatch(/needs its access token/);
    await page.close();
  }, 60000);

  it('no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
