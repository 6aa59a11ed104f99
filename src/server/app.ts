/**
 * The web application's HTTP server (fastify): the JSON API the front end calls and the built
 * front end (web/dist). It only calls the same modules as the CLI: reading tables, inspect, the
 * study pipeline, the report renderer, the audit. No request leaves the machine; no patient value
 * is logged (the request logger is off; errors are logged by their message only, never with bodies).
 * Responses are compressed (brotli or gzip, compress.ts).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { parseDelimited, parseXlsx } from '../io/readTable.js';
import { inspectTable } from '../cohort/inspectTable.js';
import { specFromInspection } from '../study/specFromInspection.js';
import { parseSpecText } from '../study/parseSpec.js';
import { auditPapers } from '../audit/auditPaper.js';
import { BUILTIN_PAPERS, builtinPaper, parsePaper } from '../audit/loadPaper.js';
import { SiilabError } from '../errors.js';
import { VERSION } from '../version.js';
import type { Store } from './db/store.js';
import { installSecurity } from './security.js';
import { installCompression } from './compress.js';
import { sniffContent } from '../io/sniffContent.js';
import { tableToCsv } from '../io/tableToCsv.js';
import { applyCellFixes, type CellFix } from '../cohort/applyCellFixes.js';
import { serverMessages } from '../messages/server.js';
import { cohortMessages } from '../messages/cohort.js';
import { drawsBeforeOrigin } from '../cohort/drawsBeforeOrigin.js';
import { runStoredStudy, studyDataset } from './runStudy.js';
import { markdownZip } from './markdownZip.js';

export interface AppOptions {
  readonly store: Store;
  readonly dataDir: string;
  /** Required access token (non-loopback addresses), or null. */
  readonly token: string | null;
  /** Host names/addresses besides the loopback ones that requests may be addressed to (see security.ts). */
  readonly allowedHosts?: readonly string[];
  readonly maxUploadBytes: number;
  /** Built front end (web/dist); the API works without it. */
  readonly webDir: string | null;
  /** Preloaded demo study/run ids. */
  demo?: { studyId: string; runId: string } | null;
}

const MIME: Record<string, string> = {
  html: 'text/html; charset=utf-8', md: 'text/markdown; charset=utf-8', zip: 'application/zip', json: 'application/json', svg: 'image/svg+xml', png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', csv: 'text/csv; charset=utf-8',
};

export async function buildApp(o: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: o.maxUploadBytes });
  installSecurity(app, { token: o.token, allowedHosts: o.allowedHosts ?? [] });
  installCompression(app);
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: o.maxUploadBytes }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: o.maxUploadBytes }, (_req, body, done) => done(null, body));
  app.setErrorHandler((err: any, _req, reply) => {
    if (err instanceof SiilabError) return reply.code(err.kind === 'usage' ? 400 : 422).send({ error: err.message });
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413)
      return reply.code(413).send({ error: `The upload is larger than the limit of ${Math.round(o.maxUploadBytes / 1048576)} MB; split the file or start siilab serve with a larger --max-upload-mb.` });
    if (err.statusCode && err.statusCode < 500) return reply.code(err.statusCode).send({ error: err.message });
    process.stderr.write(`siilab serve: internal error: ${err.message}\n`);
    return reply.code(500).send({ error: 'Internal error in siilab; the server log has the details.' });
  });
  const notFound = (what: string) => Object.assign(new Error(`${what} not found.`), { statusCode: 404 });

  app.get('/api/health', async () => ({ ok: true, version: VERSION, store: o.store.kind }));
  app.get('/api/demo', async () => o.demo ?? { studyId: null, runId: null });

  const parseUpload = async (name: string, body: Buffer) => {
    const ext = extname(name).toLowerCase();
    return ext === '.xlsx' ? parseXlsx(name, body) : parseDelimited(name, body.toString('utf8'), ext === '.tsv' ? '\t' : undefined);
  };
  /** Stores an upload as a cohort, or answers with the earlier cohort of the same bytes (one file = one cohort). */
  const storeCohort = async (name: string, body: Buffer, reply: any) => {
    const sniffed = sniffContent(name, body);
    if (sniffed) throw new SiilabError('data', sniffed);
    const sha256 = createHash('sha256').update(body).digest('hex');
    const earlier = (await o.store.listCohorts()).find((c) => c.sha256 === sha256);
    if (earlier) return reply.code(200).send({ cohort: earlier, note: serverMessages.sameFile(name, earlier.name, earlier.createdAt.slice(0, 16).replace('T', ' ')) });
    const inspect = inspectTable(await parseUpload(name, body));
    const cohort = { id: randomUUID(), name, createdAt: new Date().toISOString(), sha256, sizeBytes: body.length, inspect };
    await o.store.addCohort(cohort, body);
    return reply.code(201).send({ cohort });
  };
  app.post('/api/cohorts', async (req, reply) => {
    const name = String(req.headers['x-file-name'] ?? 'upload.csv').replace(/[^\w.\- ]/g, '_').slice(0, 120) || 'upload.csv';
    const body = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0) throw new SiilabError('data', `${name}: the upload is empty.`);
    return storeCohort(name, body, reply);
  });
  // Corrections of row-level problems: a corrected copy (CSV) becomes a new cohort; the original stays.
  app.post<{ Params: { id: string }; Body: { fixes?: unknown } }>('/api/cohorts/:id/fixes', async (req, reply) => {
    const c = await o.store.getCohort(req.params.id);
    if (!c) throw notFound('cohort');
    const fixes = req.body?.fixes;
    if (!Array.isArray(fixes) || !fixes.every((f) => f && Number.isInteger(f.row) && typeof f.column === 'string' && typeof f.value === 'string')) throw new SiilabError('usage', serverMessages.fixesOnly());
    const fixed = applyCellFixes(await parseUpload(c.name, Buffer.from(c.content)), fixes as CellFix[]);
    const name = `${c.name.replace(/(-corrected)?\.[^.]+$/, '')}-corrected.csv`;
    return storeCohort(name, Buffer.from(tableToCsv({ ...fixed, file: name }), 'utf8'), reply);
  });
  app.get('/api/cohorts', async () => ({ cohorts: await o.store.listCohorts() }));
  app.get<{ Params: { id: string } }>('/api/cohorts/:id', async (req) => {
    const c = await o.store.getCohort(req.params.id);
    if (!c) throw notFound('cohort');
    const { content: _content, ...cohort } = c;
    return { cohort };
  });
  app.post<{ Params: { id: string } }>('/api/cohorts/:id/spec', async (req) => {
    const c = await o.store.getCohort(req.params.id);
    if (!c) throw notFound('cohort');
    // The per-patient aggregate is chosen from the data (as siilab init does), and the reason is given.
    const table = await parseUpload(c.name, Buffer.from(c.content));
    const inspect = inspectTable(table);
    const d = drawsBeforeOrigin(table, inspect);
    const note = inspect.format === 'long' ? cohortMessages.aggregateChoice(d.fits, d.patientsWithDraw, d.patients, d.checked) : null;
    return { specYaml: specFromInspection(inspect, c.name, { drawsBeforeOrigin: d.fits, aggregateNote: note ?? undefined }), notes: note ? [note] : [] };
  });

  app.post<{ Body: { name?: string; cohortId?: string | null; specYaml?: string } }>('/api/studies', async (req, reply) => {
    const b = req.body ?? {};
    if (typeof b.specYaml !== 'string' || !b.specYaml.trim()) throw new SiilabError('usage', 'specYaml is required.');
    if (b.cohortId && !(await o.store.getCohort(b.cohortId))) throw notFound('cohort');
    parseSpecText('study.yaml', b.specYaml); // validates; throws naming field and line
    const study = { id: randomUUID(), name: (b.name ?? 'study').slice(0, 200), createdAt: new Date().toISOString(), cohortId: b.cohortId ?? null, specYaml: b.specYaml };
    await o.store.addStudy(study);
    return reply.code(201).send({ study });
  });
  app.get('/api/studies', async () => ({ studies: await o.store.listStudies() }));
  app.get<{ Params: { id: string } }>('/api/studies/:id', async (req) => {
    const study = await o.store.getStudy(req.params.id);
    if (!study) throw notFound('study');
    return { study, runs: await o.store.listRuns(study.id) };
  });
  app.post<{ Params: { id: string }; Querystring: { progress?: string } }>('/api/studies/:id/runs', async (req, reply) => {
    const study = await o.store.getStudy(req.params.id);
    if (!study) throw notFound('study');
    if (req.query.progress === 'ndjson') {
      // Streamed: one JSON line per pipeline step ({step}), then the outcome ({run, bundle} or {error, run}).
      reply.hijack();
      reply.raw.writeHead(200, { ...(reply.getHeaders() as Record<string, string>), 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' });
      const line = (x: unknown) => reply.raw.write(JSON.stringify(x) + '\n');
      try {
        const r = await runStoredStudy(o.store, o.dataDir, study, (step) => line({ step }));
        line(r.error ? { error: r.error, run: r.run } : { run: r.run, bundle: r.bundle });
      } catch (e) {
        process.stderr.write(`siilab serve: internal error: ${(e as Error).message}\n`);
        line({ error: 'Internal error in siilab; the server log has the details.' });
      }
      reply.raw.end();
      return;
    }
    const r = await runStoredStudy(o.store, o.dataDir, study);
    return r.error ? reply.code(422).send({ error: r.error, run: r.run }) : reply.code(201).send({ run: r.run, bundle: r.bundle });
  });
  app.get<{ Params: { id: string } }>('/api/runs/:id', async (req) => {
    const run = await o.store.getRun(req.params.id);
    if (!run) throw notFound('run');
    const b = await o.store.getRunBundle(run.id);
    return { run, bundle: b ? JSON.parse(b) : null };
  });
  app.get<{ Params: { id: string } }>('/api/runs/:id/dataset', async (req) => {
    const run = await o.store.getRun(req.params.id);
    if (!run) throw notFound('run');
    const study = await o.store.getStudy(run.studyId);
    if (!study) throw notFound('study');
    return studyDataset(o.store, o.dataDir, study);
  });
  const download = async (runId: string, file: string, reply: any) => {
    const content = await o.store.getReport(runId, file);
    if (!content) throw notFound(file);
    const ext = file.split('.').pop() ?? '';
    reply.header('Content-Type', MIME[ext] ?? 'application/octet-stream');
    if (!['svg', 'png'].includes(ext)) reply.header('Content-Disposition', `attachment; filename="siilab-${file.replace(/\//g, '-')}"`);
    return reply.send(Buffer.from(content));
  };
  app.get<{ Params: { id: string; file: string } }>('/api/runs/:id/:file', async (req, reply) => {
    if (req.params.file === 'report-md.zip') {
      // The Markdown with the figures it links to, so that its images resolve once unzipped.
      const zip = await markdownZip(o.store, req.params.id);
      if (!zip) throw notFound(req.params.file);
      reply.header('Content-Type', MIME.zip);
      reply.header('Content-Disposition', 'attachment; filename="siilab-report-md.zip"');
      return reply.send(Buffer.from(zip));
    }
    if (!/^(report\.(html|docx|md)|results\.json|model\.json)$/.test(req.params.file)) throw notFound(req.params.file);
    return download(req.params.id, req.params.file, reply);
  });
  app.get<{ Params: { id: string; file: string } }>('/api/runs/:id/figures/:file', async (req, reply) => {
    if (!/^[\w.-]+\.(svg|png)$/.test(req.params.file)) throw notFound(req.params.file);
    return download(req.params.id, `figures/${req.params.file}`, reply);
  });

  app.get('/api/audit/papers', async () => auditPapers(BUILTIN_PAPERS.map((p) => builtinPaper(p))));
  app.post('/api/audit', async (req) => {
    const text = typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? '');
    return auditPapers([parsePaper(text, 'uploaded audit file')]);
  });

  if (o.webDir && existsSync(o.webDir)) {
    await app.register(fastifyStatic, { root: o.webDir, prefix: '/', index: ['index.html'] });
    app.setNotFoundHandler((req, reply) => (req.url.startsWith('/api/') ? reply.code(404).send({ error: 'not found' }) : reply.sendFile('index.html')));
  } else {
    app.get('/', async (_req, reply) => reply.type('text/html').send('<!doctype html><meta charset="utf-8"><title>siilab</title><p>siilab API is running. The web front end is not built: run <code>npm run build</code>.</p>'));
  }
  return app;
}
