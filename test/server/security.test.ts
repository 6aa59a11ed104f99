/**
 * Request security of `siilab serve`: the Host header must name this server (DNS rebinding), and
 * state-changing requests from another site's page are refused — in-process (inject) and on a
 * real listening socket, where the port is checked too.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { openStore } from '../../src/server/db/openStore.js';
import { buildApp } from '../../src/server/app.js';
import type { Store } from '../../src/server/db/store.js';
import { splitHost, isLoopback } from '../../src/server/security.js';
import { boundHosts } from '../../src/cli/serve.js';

let app: FastifyInstance;
let live: FastifyInstance;
let store: Store;
let port: number;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'siilab-sec-'));
  store = await openStore({ dataDir });
  await store.addStudy({ id: 's1', name: 'secret study', createdAt: '2025-01-01T00:00:00Z', cohortId: null, specYaml: 'version: 1' });
  app = await buildApp({ store, dataDir, token: null, maxUploadBytes: 100_000, webDir: null });
  live = await buildApp({ store, dataDir, token: null, maxUploadBytes: 100_000, webDir: null });
  await live.listen({ port: 0, host: '127.0.0.1' });
  port = (live.server.address() as { port: number }).port;
}, 60000);
afterAll(async () => {
  await app?.close();
  await live?.close();
  await store?.close();
});

/** A raw HTTP request to the listening server with exactly these headers. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
      let b = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (b += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: b }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

describe('Host header (DNS rebinding)', () => {
  it('a foreign Host gets 421 with a readable message, not the studies (real socket)', async () => {
    const r = await raw('GET', '/api/studies', { host: `evil.example:${port}` });
    expect(r.status).toBe(421);
    expect(r.body).not.toContain('secret study');
    const msg = JSON.parse(r.body).error as string;
    expect(msg).toContain('evil.example');
    expect(msg).toContain('localhost');
  });
  it('loopback names and addresses on the server\'s own port are answered (real socket)', async () => {
    for (const h of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      const r = await raw('GET', '/api/studies', { host: h });
      expect(r.status, h).toBe(200);
      expect(r.body).toContain('secret study');
    }
  });
  it('a loopback name on another port, a missing Host and a malformed Host are refused (real socket)', async () => {
    expect((await raw('GET', '/api/studies', { host: `localhost:${port === 9 ? 10 : 9}` })).status).toBe(421);
    expect((await raw('GET', '/api/studies', { host: 'localhost' })).status).toBe(421); // no port means 80
    expect((await raw('GET', '/api/studies', {})).status).toBeGreaterThanOrEqual(400);
    expect((await raw('GET', '/api/health', { host: `127.0.0.1.evil.example:${port}` })).status).toBe(421);
  });
  it('pages are protected too, and the refusal still carries the security headers (inject)', async () => {
    const r = await app.inject({ url: '/', headers: { host: 'evil.example' } });
    expect(r.statusCode).toBe(421);
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await app.inject({ url: '/api/health', headers: { host: 'localhost.evil.example:80' } })).statusCode).toBe(421);
    expect((await app.inject({ url: '/api/health', headers: { host: '127.0.0.1:80' } })).statusCode).toBe(200);
  });
  it('a server bound to another address answers its bound name too, and still not a foreign one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'siilab-sec2-'));
    const s2 = await openStore({ dataDir });
    const lan = await buildApp({ store: s2, dataDir, token: 't0k', allowedHosts: boundHosts('192.0.2.10'), maxUploadBytes: 1000, webDir: null });
    expect((await lan.inject({ url: '/api/health?token=t0k', headers: { host: '192.0.2.10:8080' } })).statusCode).toBe(200);
    expect((await lan.inject({ url: '/api/health?token=t0k', headers: { host: 'evil.example:8080' } })).statusCode).toBe(421);
    await lan.close();
    await s2.close();
  });
});

describe('Origin of state-changing requests', () => {
  const post = (headers: Record<string, string>) =>
    app.inject({ method: 'POST', url: '/api/studies', headers: { 'content-type': 'application/json', ...headers }, payload: { name: 'x', specYaml: 'nope: [' } });
  it('a POST from another site\'s page is refused with 403 before it is processed', async () => {
    const r = await post({ origin: 'http://evil.example' });
    expect(r.statusCode).toBe(403);
    expect(r.json().error).toContain('evil.example');
    expect((await post({ origin: 'null' })).statusCode).toBe(403);
    expect((await post({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    const del = await app.inject({ method: 'DELETE', url: '/api/studies/s1', headers: { origin: 'https://evil.example' } });
    expect(del.statusCode).toBe(403);
  });
  it('the page\'s own origin, a loopback dev front end and requests without Origin (curl) go through', async () => {
    // An invalid spec gets 422 from the handler: the request was let through.
    expect((await post({ origin: 'http://localhost:80' })).statusCode).toBe(422);
    expect((await post({ origin: 'http://localhost:5173' })).statusCode).toBe(422);
    expect((await post({})).statusCode).toBe(422);
    expect((await post({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(422);
  });
  it('a GET with a foreign Origin is answered (it cannot be read cross-origin) but a POST on a real socket is not', async () => {
    expect((await app.inject({ url: '/api/health', headers: { origin: 'http://evil.example' } })).statusCode).toBe(200);
    const r = await raw('POST', '/api/audit', { host: `127.0.0.1:${port}`, origin: 'http://evil.example', 'content-type': 'text/plain' }, 'id: x');
    expect(r.status).toBe(403);
  });
});

describe('host parsing', () => {
  it('splits names, bracketed IPv6 and ports; refuses malformed values', () => {
    expect(splitHost('localhost:8080')).toEqual({ name: 'localhost', port: 8080 });
    expect(splitHost('[::1]:9')).toEqual({ name: '::1', port: 9 });
    expect(splitHost('Example.COM.')).toEqual({ name: 'example.com', port: null });
    expect(splitHost('::1')).toBeNull();
    expect(splitHost('a:b')).toBeNull();
    expect(isLoopback('127.255.0.1')).toBe(true);
    expect(isLoopback('127.0.0.1.nip.io')).toBe(false);
    expect(boundHosts('127.0.0.1')).toEqual([]);
    expect(boundHosts('0.0.0.0')).toContain('0.0.0.0');
  });
});
