// Bundles the compiled CLI (dist/, from `tsc`) into dist/bundle/ with rolldown (the bundler of
// vite, already a dev dependency): the command-line entry and the two worker scripts, with code
// split between them. Loading ~320 compiled modules and @stdlib's many small packages took about
// 530 ms per process and worker thread; the bundle loads in about a tenth of that (`siilab analyze`
// on 200 patients: 2.1 → 1.8 s; docs/readme/ingest.md). bin/siilab.js uses the bundle when it is
// newer than dist/cli/main.js, so a `tsc` run after it is never shadowed by a stale bundle.
//
// dist/bundle/ is two folders below the repository as dist/<area>/ is, so the modules' paths
// relative to import.meta.url (schema/, examples/, web/dist/, src/audit/papers/) resolve the same,
// and each worker script sits next to the chunk that starts it (compiledWorkerUrl).
// Native and server-only packages stay external (loaded from node_modules when first used).
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const out = join(dist, 'bundle');

const EXTERNAL = [/^node:/, '@resvg/resvg-js', 'better-sqlite3', '@duckdb/node-api', 'pg', 'fastify', '@fastify/static', 'exceljs'];

rmSync(out, { recursive: true, force: true });
const bundle = await rolldown({
  input: {
    main: join(dist, 'cli', 'main.js'),
    analysisWorker: join(dist, 'analysis', 'parallel', 'analysisWorker.js'),
    scanWorker: join(dist, 'io', 'scanWorker.js'),
  },
  platform: 'node',
  external: EXTERNAL,
  logLevel: 'warn',
});
await bundle.write({ dir: out, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', sourcemap: true });
await bundle.close();
