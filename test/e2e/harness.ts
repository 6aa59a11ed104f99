/**
 * End-to-end harness: the real `siilab serve` as a child process on a free port against a temp
 * data directory, and Debian's Chromium driven by playwright-core. Tests skip (with the reason in
 * their name and on stderr) when /usr/bin/chromium, the compiled CLI (dist/) or the built front
 * end (web/dist) is missing — `npm test` builds both and installs Chromium first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null. */
export function skipReason(): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing (apt-get install chromium, or run npm test, which installs it)`;
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) return 'dist/ is not built (npm run build)';
  if (!existsSync(join(ROOT, 'web', 'dist', 'index.html'))) return 'web/dist is not built (npm run web:build)';
  return null;
}

export interface Server {
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

export async function startServer(args: readonly string[] = ['--no-demo']): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'siilab-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin', 'siilab.js'), 'serve', '--port', '0', '--data-dir', dataDir, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: '' },
  });
  let out = '';
  let err = '';
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`siilab serve did not print its URL within 60 s.\nstdout: ${out}\nstderr: ${err}`)), 60000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /siilab: serving (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.stderr!.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`siilab serve exited with ${code}.\nstdout: ${out}\nstderr: ${err}`));
    });
  });
  return {
    url,
    dataDir,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          done();
        });
        child.kill('SIGTERM');
        setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export const VIEWPORTS = { laptop: { width: 1366, height: 768 }, tablet: { width: 820, height: 1180 } } as const;

/** Where screenshots go (to be looked at): $SIILAB_SHOTS or <tmp>/siilab-shots. */
export const SHOTS = process.env.SIILAB_SHOTS ?? join(tmpdir(), 'siilab-shots');

/** Screenshots of the page at each viewport width (name-1366.png, name-820.png), then back to the laptop size. */
export async function screenshots(page: Page, name: string, opts: { fullPage?: boolean; settleMs?: number } = {}): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const vp of Object.values(VIEWPORTS)) {
    await page.setViewportSize(vp);
    if (opts.settleMs) await page.waitForTimeout(opts.settleMs);
    await page.screenshot({ path: join(SHOTS, `${name}-${vp.width}.png`), fullPage: opts.fullPage ?? false });
  }
  await page.setViewportSize(VIEWPORTS.laptop);
}

/** Collects the page's script errors (and console errors other than failed resource loads, unless `console` is false) into `into`. */
export function collectPageErrors(page: Page, into: string[], console = true): void {
  page.on('pageerror', (e) => into.push(e.message));
  if (console)
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) into.push(m.text());
    });
}
