#!/usr/bin/env node
// npm run bench [-- NAME]: runs every bench/cases/*.mjs (or those whose file name contains NAME),
// after `npm run build`, each timing siilab and, when Rscript is on PATH, R on the same generated
// file in the same run. Prints ratios and writes BENCHMARKS.md: one section per case file, headed by
// the date and machine of its run, so that `npm run bench -- ingest` replaces the ingest section
// and keeps the others as they were measured. Each case exports
// `async function run({ hasR, tmp }) → rows`, a row being { task, n, siilabMs, rMs|null, peakMB|null, note? }.
import { existsSync, readdirSync, readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'BENCHMARKS.md');
const hasR = spawnSync('Rscript', ['--version']).status === 0;
const rVersion = hasR ? spawnSync('Rscript', ['-e', 'cat(R.version.string)'], { encoding: 'utf8' }).stdout : 'R not installed';
const machine = `${process.platform}, ${cpus().length} cores, Node ${process.version}, ${rVersion}`;
const tmp = mkdtempSync(join(tmpdir(), 'siilab-bench-'));
const only = process.argv[2];
const fmt = (x, d = 0) => (x == null ? '—' : x.toFixed(d));
const HEAD = ['| task | n | siilab (ms) | R (ms) | siilab / R | peak MB | note |', '|---|---:|---:|---:|---:|---:|---|'];
const tableOf = (rows) => [...HEAD, ...rows.map((r) => `| ${r.task} | ${r.n} | ${fmt(r.siilabMs)} | ${fmt(r.rMs)} | ${r.rMs ? fmt(r.siilabMs / r.rMs, 3) : '—'} | ${fmt(r.peakMB)} | ${r.note ?? ''} |`)].join('\n');

/** The sections of the current BENCHMARKS.md by case file (a file of the older single-table layout has none). */
function readSections() {
  const sections = new Map();
  if (!existsSync(out)) return sections;
  const text = readFileSync(out, 'utf8');
  // The older single-table layout: its rows are kept as one section until every case has its own.
  const legacy = text.match(/^Measured by `npm run bench` on (\S+) \((.*)\)\.\n\n(\|[\s\S]*?)\n*$/m);
  if (legacy && !/^## /m.test(text)) sections.set('~earlier', `## Earlier run, before the per-case sections (measured ${legacy[1]}; ${legacy[2]})\n\n${legacy[3].trim()}\n`);
  const parts = text.split(/^## /m).slice(1);
  for (const p of parts) {
    const name = p.slice(0, p.indexOf('\n')).trim().split(/\s/)[0];
    if (name.endsWith('.mjs')) sections.set(name, `## ${p.trimEnd()}\n`);
    else if (p.startsWith('Earlier run')) sections.set('~earlier', `## ${p.trimEnd()}\n`);
  }
  return sections;
}

const sections = readSections();
const printed = [];
for (const f of readdirSync(join(here, 'cases')).filter((f) => f.endsWith('.mjs')).sort()) {
  if (only && !f.includes(only)) continue;
  process.stderr.write(`bench: ${f}\n`);
  const mod = await import(pathToFileURL(join(here, 'cases', f)).href);
  const rows = [];
  for (const r of await mod.run({ hasR, tmp })) {
    rows.push(r);
    process.stderr.write(`  ${r.task} n=${r.n}: siilab ${r.siilabMs.toFixed(0)} ms` + (r.rMs != null ? `, R ${r.rMs.toFixed(0)} ms, ratio ${(r.siilabMs / r.rMs).toFixed(3)}` : '') + '\n');
  }
  printed.push(...rows);
  sections.set(f, `## ${f} (measured ${new Date().toISOString().slice(0, 10)}; ${machine})\n\n${tableOf(rows)}\n`);
}
console.log(tableOf(printed));
const body = [...sections.keys()].sort().map((k) => sections.get(k)).join('\n');
writeFileSync(out, `# Benchmarks\n\nMeasured by \`npm run bench\` (\`npm run bench -- NAME\` re-measures the cases whose file name contains NAME and keeps the other sections). Each row times siilab and R on the same generated data in the same run; the ratio is siilab's time over R's.\n\n${body}`);
