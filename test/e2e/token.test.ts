/**
 * On a non-loopback address every request needs the access token: the page opened once with
 * ?token= gets its cookie, and the front end's fetches, worker and reloads then work without the
 * token in the address (which the page removes from the address bar).
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, skipReason, startServer, type Server } from './harness.js';

const reason = skipReason();

describe.skipIf(reason !== null)(`access token in Chromium${reason ? ` (skipped: ${reason})` : ''}`, () => {
  let server: Server;
  let browser: Browser;
  let base = '';
  let token = '';

  beforeAll(async () => {
    server = await startServer(['--no-demo', '--host', '0.0.0.0']);
    const u = new URL(server.url);
    token = u.searchParams.get('token') ?? '';
    base = `http://127.0.0.1:${u.port}/`;
    browser = await launchBrowser();
  }, 90000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('prints a link with a token; without it the page and the API answer 401', async () => {
    expect(token.length).toBeGreaterThan(20);
    expect((await fetch(base)).status).toBe(401);
    expect((await fetch(`${base}api/health`)).status).toBe(401);
  });

  it('the page opened with ?token= works, drops the token from the address, and keeps working after a reload', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}?token=${encodeURIComponent(token)}#/audit`);
    await page.locator('.paper').first().waitFor({ timeout: 30000 });
    expect(page.url()).not.toContain('token');
    await page.reload();
    await page.locator('.paper').first().waitFor({ timeout: 30000 });
    expect(await page.locator('.foot').textContent()).toMatch(/siilab \d+\.\d+\.\d+ · SQLite/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
