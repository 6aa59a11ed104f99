/**
 * Issue 17 item 8, in-process (fastify inject): responses are compressed (brotli, else gzip; the
 * bytes decompress to the same body; small, binary and unaccepted ones are sent as they are, with
 * Vary), the built front end's files too; a missing or wrong access token gets a readable HTML
 * page when a browser asks (Accept: text/html) and `{ error }` JSON for API clients.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { openStore } from '../../src/server/db/openStore.js';
import { buildApp } from '../../src/server/app.js';
import { chooseEncoding } from '../../src/server/compress.js';
import type { Store } from '../../src/server/db/store.js';

let app: FastifyInstance;
let locked: FastifyInstance;
let store: Store;
const BIG_JS = `export const rows = ${JSON.stringify(Array.from({ length: 3000 }, (_, i) => ({ id: i, sii: 400 + (i % 97) })))};\n`;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'siilab-compress-'));
  const web = join(dataDir, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>siilab</title><div id="root"></div>');
  writeFileSync(join(web, 'assets', 'big.js'), BIG_JS);
  writeFileSync(join(web, 'assets', 'logo.png'), Buffer.alloc(4096, 7));
  store = await openStore({ dataDir });
  app = await buildApp({ store, dataDir, token: null, maxUploadBytes: 100_000, webDir: web });
  locked = await buildApp({ store, dataDir, token: 's3cret', maxUploadBytes: 100_000, webDir: web });
}, 60000);
afterAll(async () => {
  await app.close();
  await locked.close();
  await store.close();
});

describe('compression', () => {
  it('chooses brotli, else gzip, by Accept-Encoding and its q-values', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip, deflate')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding('*')).toBe('br');
  });

  it('a large JSON answer is sent with brotli or gzip and decompresses to the same body', async () => {
    const plain = await app.inject({ url: '/api/audit/papers' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    const br = await app.inject({ url: '/api/audit/papers', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(Number(br.headers['content-length'])).toBe(br.rawPayload.length);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(plain.body);
    const gz = await app.inject({ url: '/api/audit/papers', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(plain.body);
  });

  it("the front end's files are compressed; a small answer and a PNG are not", async () => {
    const js = await app.inject({ url: '/assets/big.js', headers: { 'accept-encoding': 'br' } });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(js.rawPayload).toString('utf8')).toBe(BIG_JS);
    const health = await app.inject({ url: '/api/health', headers: { 'accept-encoding': 'br' } });
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(health.json().ok).toBe(true);
    const png = await app.inject({ url: '/assets/logo.png', headers: { 'accept-encoding': 'br' } });
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.rawPayload.length).toBe(4096);
  });
});

describe('the 401 page', () => {
  it('is a readable HTML page for a browser, JSON for an API client; a wrong token is named as such', async () => {
    const page = await locked.inject({ url: '/', headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(page.statusCode).toBe(401);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toMatch(/^<!doctype html>/);
    expect(page.body).toContain('<title>siilab: access token needed</title>');
    expect(page.body).toContain('needs its access token: open the link with ?token=… that it printed at start.');
    expect(page.body).not.toMatch(/<script/i);
    const wrong = await locked.inject({ url: '/?token=nope', headers: { accept: 'text/html' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('is not this siilab server&#39;s');
    const api = await locked.inject({ url: '/api/health', headers: { accept: '*/*' } });
    expect(api.statusCode).toBe(401);
    expect(api.json()).toEqual({ error: 'This siilab server needs its access token: open the link with ?token=… that it printed at start.' });
    const ok = await locked.inject({ url: '/api/health?token=s3cret' });
    expect(ok.statusCode).toBe(200);
  });
});
