/** The HTTP API in-process (fastify inject): uploads, studies, runs, downloads, audit, token, limits, CSP. */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openStore } from '../../src/server/db/openStore.js';
import { buildApp } from '../../src/server/app.js';
import { preloadDemo } from '../../src/server/preloadDemo.js';
import type { Store } from '../../src/server/db/store.js';
import { readZip } from '../helpers/readZip.js';

let app: FastifyInstance;
let store: Store;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'siilab-app-'));
  store = await openStore({ dataDir });
  const demo = await preloadDemo(store, dataDir);
  app = await buildApp({ store, dataDir, token: null, maxUploadBytes: 200_000, webDir: null, demo });
}, 60000);
afterAll(async () => {
  await app.close();
  await store.close();
});

const upload = (name: string, body: string | Buffer) =>
  app.inject({ method: 'POST', url: '/api/cohorts', headers: { 'content-type': 'application/octet-stream', 'x-file-name': name }, payload: body });

describe('web API', () => {
  it('serves health with a content-security policy', async () => {
    const r = await app.inject('/api/health');
    expect(r.json()).toMatchObject({ ok: true, store: 'sqlite' });
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });
  it('has the demo preloaded with a finished run and its Word report', async () => {
    const { runId } = (await app.inject('/api/demo')).json();
    const run = (await app.inject(`/api/runs/${runId}`)).json();
    expect(run.run.status).toBe('done');
    expect(run.bundle.flow.analysed).toBe(58);
    const docx = await app.inject(`/api/runs/${runId}/report.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(docx.headers['content-disposition']).toContain('attachment');
    const ds = (await app.inject(`/api/runs/${runId}/dataset`)).json();
    expect(ds.n).toBe(58);
    expect(ds.endpoints.os.kind).toBe('survival');
    expect((await app.inject(`/api/runs/${runId}/figures/figure-km-1.svg`)).body).toContain('<svg');
    // The Markdown download is a zip of report.md and every figure it links to.
    const zip = await app.inject(`/api/runs/${runId}/report-md.zip`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.headers['content-disposition']).toContain('siilab-report-md.zip');
    const entries = readZip(zip.rawPayload);
    const md = new TextDecoder().decode(entries.get('report.md'));
    const links = [...md.matchAll(/!\[(?:\\.|[^\]\\])*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(2);
    for (const l of links) expect(entries.get(l)?.subarray(1, 4), l).toEqual(new TextEncoder().encode('PNG'));
    expect([...entries.keys()].sort()).toEqual(['report.md', ...links].sort());
    expect((await app.inject(`/api/runs/no-such-run/report-md.zip`)).statusCode).toBe(404);
    expect((await app.inject(`/api/runs/${runId}/..%2F..%2Fetc`)).statusCode).toBe(404);
  });
  it('uploads a cohort, writes a spec, runs it and keeps it across a restart', async () => {
    const csv = readFileSync('examples/yu2023/cohort.csv');
    const up = await upload('yu.csv', csv);
    expect(up.statusCode).toBe(201);
    const cohort = up.json().cohort;
    expect(cohort.inspect.columns.length).toBeGreaterThan(10);
    const spec = readFileSync('examples/yu2023/study.yaml', 'utf8');
    const st = await app.inject({ method: 'POST', url: '/api/studies', payload: { name: 'yu', cohortId: cohort.id, specYaml: spec } });
    expect(st.statusCode).toBe(201);
    const run = await app.inject({ method: 'POST', url: `/api/studies/${st.json().study.id}/runs` });
    expect(run.statusCode).toBe(201);
    expect(run.json().bundle.flow.analysed).toBe(272);
    const first = (await app.inject({ method: 'POST', url: `/api/cohorts/${cohort.id}/spec` })).json();
    expect(first.specYaml).toContain('version: 1');
    // Restart: a new app over the same data directory sees everything.
    await store.close();
    store = await openStore({ dataDir });
    await app.close();
    app = await buildApp({ store, dataDir, token: null, maxUploadBytes: 200_000, webDir: null });
    expect((await app.inject('/api/studies')).json().studies.some((s: any) => s.name === 'yu')).toBe(true);
  }, 60000);
  it('streams the pipeline steps as NDJSON, then the run and its bundle', async () => {
    const studyId = (await app.inject('/api/studies')).json().studies.find((x: any) => x.name.startsWith('Demo')).id;
    const r = await app.inject({ method: 'POST', url: `/api/studies/${studyId}/runs?progress=ndjson` });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('application/x-ndjson');
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    const lines = r.body.trim().split('\n').map((l) => JSON.parse(l));
    const steps = lines.filter((l) => l.step).map((l) => l.step);
    expect(steps).toEqual(expect.arrayContaining(['reading the study and its data', 'Cox regression 1', 'writing the report']));
    const last = lines[lines.length - 1];
    expect(last.run.status).toBe('done');
    expect(last.bundle.flow.analysed).toBe(58);
  }, 60000);
  it('refuses bad input with one clear message', async () => {
    const empty = await upload('e.csv', '');
    expect(empty.statusCode).toBeGreaterThanOrEqual(400);
    const big = await upload('big.csv', Buffer.alloc(300_000, 'a'));
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatch(/larger than the limit/);
    const xlsx = await upload('bad.xlsx', 'not a zip');
    expect(xlsx.statusCode).toBe(422);
    expect(xlsx.json().error).toContain('bad.xlsx');
    const spec = await app.inject({ method: 'POST', url: '/api/studies', payload: { name: 'x', specYaml: 'version: 1\nsources: []\n' } });
    expect(spec.statusCode).toBe(422);
    expect(spec.json().error).toMatch(/line|field|sources/);
    expect((await app.inject('/api/runs/nope')).statusCode).toBe(404);
  });
  it('audits the built-in papers and an uploaded file', async () => {
    const all = (await app.inject('/api/audit/papers')).json();
    expect(all.papers.map((p: any) => p.id)).toEqual(['deng2025', 'yu2023', 'hong2021']);
    const bad = await app.inject({ method: 'POST', url: '/api/audit', headers: { 'content-type': 'text/plain' }, payload: 'id: [' });
    expect(bad.statusCode).toBe(422);
  });
  it('requires the token on a non-loopback address, then accepts the cookie', async () => {
    const locked = await buildApp({ store, dataDir, token: 'secret-token', maxUploadBytes: 1000, webDir: null });
    expect((await locked.inject('/')).statusCode).toBe(401);
    expect((await locked.inject('/api/health')).statusCode).toBe(401);
    expect((await locked.inject('/api/health?token=wrong')).statusCode).toBe(401);
    const ok = await locked.inject('/api/health?token=secret-token');
    expect(ok.statusCode).toBe(200);
    const cookie = String(ok.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    const withCookie = await locked.inject({ url: '/api/health', headers: { cookie: cookie.split(';')[0] } });
    expect(withCookie.statusCode).toBe(200);
    await locked.close();
  });
});
