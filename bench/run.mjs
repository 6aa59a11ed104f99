#!/usr/bin/env node
// npm run bench: runs every bench/cases/*.mjs (after `npm run build`), each timing siilab and,
// when Rscript is on PATH, R on the same generated file in the same run. Prints ratios and writes
// BENCHMARKS.md. Each case exports `async function run({ hasR, tmp }) → rows`, a row being
// { task, n, siilabMs, rMs|null, peakMB|null, note? }.
import { readdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const hasR = spawnSync('Rscript', ['--version']).status === 0;
const tmp = mkdtempSync(join(tmpdir(), 'siilab-bench-'));
const only = process.argv[2];
const rows = [];
for (const f of readdirSync(join(here, 'cases')).filter((f) => f.endsWith('.mjs')).sort()) {
  if (only && !f.includes(only)) continue;
  process.stderr.write(`bench: ${f}\n`);
  const mod = await import(pathToFileURL(join(here, 'cases', f)).href);
  for (const r of await mod.run({ hasR, tmp })) {
    rows.push(r);
    process.stderr.write(`  ${r.task} n=${r.n}: siilab ${r.siilabMs.toFixed(0)} ms` + (r.rMs != null ? `, R ${r.rMs.toFixed(0)} ms, ratio ${(r.siilabMs / r.rMs).toFixed(3)}` : '') + '\n');
  }
}
const fmt = (x, d = 0) => (x == null ? '—' : x.toFixed(d));
const table = ['| task | n | siilab (ms) | R (ms) | siilab / R | peak MB | note |', '|---|---:|---:|---:|---:|---:|---|',
  ...rows.map((r) => `| ${r.task} | ${r.n} | ${fmt(r.siilabMs)} | ${fmt(r.rMs)} | ${r.rMs ? fmt(r.siilabMs / r.rMs, 3) : '—'} | ${fmt(r.peakMB)} | ${r.note ?? ''} |`)].join('\n');
console.log(table);
if (!only) writeFileSync(join(here, '..', 'BENCHMARKS.md'), `# Benchmarks\n\nMeasured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${process.platform}, ${(await import('node:os')).cpus().length} cores, Node ${process.version}${hasR ? ', ' + spawnSync('Rscript', ['-e', 'cat(R.version.string)']).stdout : ', R not installed'}).\n\n${table}\n`);
