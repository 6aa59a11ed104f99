// Benchmark: ingest. A 1,000,000-row, 8-column CSV (id, time, status, x1, x2, x3, group, outcome;
// generated, deterministic) read and analysed as a user would: `siilab cox`, `km` and `roc` as whole
// processes (start-up, reading, fit, output), beside Rscript with data.table::fread + fit and with
// read.csv + fit, all on the same file in the same run. Reading alone: siilab's readTable plus every
// column as typed values (what fread returns), timed in-process, beside fread and read.csv timed
// inside R. Each figure is the best of REPS runs (the machine is shared); peak memory is the child's
// maximum resident set (/usr/bin/time). `SIILAB_READER=rows` selects the previous reading path
// (papaparse into row arrays) for the comparison rows.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from '../lib/survivalCohort.mjs';
import { GLIBC_TUNABLES } from '../../bin/glibcTunables.js';

const here = fileURLToPath(import.meta.url);
const root = join(dirname(here), '..', '..');
const bin = join(root, 'bin', 'siilab.js');
const REPS = 3;
const N = 1_000_000;

export async function writeIngestCsv(file, n, seed = 14) {
  const u = mulberry32(seed);
  const norm = () => Math.sqrt(-2 * Math.log(u() + 1e-300)) * Math.cos(2 * Math.PI * u());
  const out = createWriteStream(file);
  out.write('id,time,status,x1,x2,x3,group,outcome\n');
  let buf = '';
  for (let i = 0; i < n; i++) {
    const x1 = norm(), x2 = norm(), x3 = u() * 100;
    const g = u() < 0.4 ? 1 : 0;
    const lp = 0.5 * x1 - 0.3 * x2 + 0.01 * x3 + 0.7 * g;
    const t = -Math.log(u()) / (0.1 * Math.exp(lp));
    const c = -Math.log(u()) / 0.04;
    const time = Math.max(0.1, Math.round(Math.min(t, c) * 10) / 10);
    const status = t <= c ? 1 : 0;
    const outcome = u() < 1 / (1 + Math.exp(-(-1 + lp))) ? 1 : 0;
    buf += `${i + 1},${time},${status},${x1.toFixed(4)},${x2.toFixed(4)},${x3.toFixed(2)},${g ? 'B' : 'A'},${outcome}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
  return file;
}

const COMMANDS = {
  cox: {
    siilab: (f) => ['cox', f, '--time', 'time', '--event', 'status', '--covariates', 'x1,x2,x3', '--json'],
    r: 'suppressPackageStartupMessages(library(survival)); fit <- coxph(Surv(time, status) ~ x1 + x2 + x3, data = d); s <- summary(fit); cat(coef(fit), s$concordance[1], "\\n")',
  },
  km: {
    siilab: (f) => ['km', f, '--time', 'time', '--event', 'status', '--group', 'group', '--json'],
    r: 'suppressPackageStartupMessages(library(survival)); fit <- survfit(Surv(time, status) ~ group, data = d); tb <- summary(fit)$table; lr <- survdiff(Surv(time, status) ~ group, data = d); cat(tb[, "median"], lr$chisq, "\\n")',
  },
  roc: {
    siilab: (f) => ['roc', f, '--outcome', 'outcome', '--markers', 'x1', '--json'],
    r: 'suppressMessages(library(pROC)); r <- roc(d$outcome, d$x1, quiet = TRUE); ci <- ci.auc(r, method = "delong"); cat(as.numeric(ci), "\\n")',
  },
};

const hasTime = existsSync('/usr/bin/time');

/** Wall time and peak RSS (MB) of one process; the best of REPS. */
function timeProcess(cmd, args, env = {}) {
  let best = Infinity;
  let peak = null;
  let stdout = '';
  for (let rep = 0; rep < REPS; rep++) {
    const full = hasTime ? ['/usr/bin/time', ['-f', '%M', cmd, ...args]] : [cmd, args];
    const t0 = performance.now();
    const r = spawnSync(full[0], full[1], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${cmd} ${args.slice(0, 3).join(' ')} failed: ${r.stderr}`);
    if (ms < best) {
      best = ms;
      stdout = r.stdout;
      if (hasTime) peak = Number(r.stderr.trim().split('\n').pop()) / 1024;
    }
  }
  return { ms: best, peakMB: peak, stdout };
}

/** Child mode: reads the file with readTable and turns every column into typed values; prints {ms, rssMB, rows}. */
async function child(file) {
  const { readTable } = await import(pathToFileURL(join(root, 'dist', 'io', 'readTable.js')).href);
  const { numericColumn, labelColumn } = await import(pathToFileURL(join(root, 'dist', 'io', 'columns.js')).href);
  let best = Infinity;
  let rows = 0;
  for (let rep = 0; rep < REPS; rep++) {
    const t0 = performance.now();
    const t = await readTable(file);
    const cols = t.columns.map((c) => (c === 'group' ? labelColumn(t, c, 'bench') : numericColumn(t, c, 'bench')));
    best = Math.min(best, performance.now() - t0);
    rows = cols[0].length;
  }
  process.stdout.write(JSON.stringify({ ms: best, rows }));
}

/** The environment siilab's CLI runs in on Linux (bin/siilab.js: huge pages for malloc's large blocks, freed blocks returned). */
const HUGE = { GLIBC_TUNABLES };

function timeRRead(file, env = {}) {
  const script = `suppressPackageStartupMessages(library(data.table))
f <- "${file}"
b1 <- Inf; b2 <- Inf; b3 <- Inf
for (i in 1:${REPS}) { t0 <- proc.time()[["elapsed"]]; d <- fread(f); b1 <- min(b1, proc.time()[["elapsed"]] - t0) }
for (i in 1:${REPS}) { t0 <- proc.time()[["elapsed"]]; d <- fread(f, nThread = 2); b3 <- min(b3, proc.time()[["elapsed"]] - t0) }
for (i in 1:${REPS}) { t0 <- proc.time()[["elapsed"]]; d <- read.csv(f); b2 <- min(b2, proc.time()[["elapsed"]] - t0) }
cat(1000 * b1, 1000 * b2, getDTthreads(), as.character(packageVersion("data.table")), 1000 * b3, "\\n")`;
  const r = spawnSync('Rscript', ['-e', script], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`R failed: ${r.stderr}`);
  const [fread, readCsv, threads, version, fread2] = r.stdout.trim().split(/\s+/);
  return { fread: Number(fread), readCsv: Number(readCsv), threads, version, fread2: Number(fread2) };
}

export async function run({ hasR, tmp }) {
  const file = join(tmp, 'ingest_1m.csv');
  await writeIngestCsv(file, N);
  const rows = [];
  const rr = hasR ? timeRRead(file) : null;
  const rrHuge = hasR ? timeRRead(file, HUGE) : null;
  const readChild = (env) => {
    const c = spawnSync(process.execPath, [here, file], { encoding: 'utf8', env: { ...process.env, ...env } });
    if (c.status !== 0) throw new Error(`reading child failed: ${c.stderr}`);
    return JSON.parse(c.stdout);
  };
  for (const reader of ['columnar', 'rows']) {
    // in a process set up as the CLI sets up its own (huge pages), and, for the columnar path, without
    const s = readChild({ SIILAB_READER: reader, ...HUGE });
    const plain = reader === 'columnar' ? readChild({ SIILAB_READER: reader }) : null;
    rows.push({
      task: `read CSV, 8 columns to typed values (readTable, ${reader} path) vs data.table::fread`,
      n: N, siilabMs: s.ms, rMs: rr ? rr.fread : null, peakMB: null,
      note: `in-process, best of ${REPS}, with GLIBC_TUNABLES as the CLI runs (bin/glibcTunables.js)${plain ? ` (without: ${plain.ms.toFixed(0)} ms)` : ''}; siilab ${reader === 'columnar' ? 'scans on 2 threads' : '1 thread'}; fread ${rr ? `${rr.version}, ${rr.threads} thread(s) (its default here; with nThread = 2: ${rr.fread2.toFixed(0)} ms; with the same tunable: ${rrHuge.fread.toFixed(0)} ms)` : 'not run'}; read.csv ${rr ? rr.readCsv.toFixed(0) : '—'} ms (siilab / read.csv ${rr ? (s.ms / rr.readCsv).toFixed(3) : '—'})`,
    });
  }
  for (const [name, spec] of Object.entries(COMMANDS)) {
    const s = timeProcess(process.execPath, [bin, ...spec.siilab(file)]);
    const sRows = timeProcess(process.execPath, [bin, ...spec.siilab(file)], { SIILAB_READER: 'rows' });
    const sPlain = timeProcess(process.execPath, [bin, ...spec.siilab(file)], { SIILAB_HUGEPAGES: '0' });
    let rf = null;
    let rc = null;
    let rfHuge = null;
    if (hasR) {
      const fs = join(tmp, `ingest_${name}_fread.R`);
      const cs = join(tmp, `ingest_${name}_readcsv.R`);
      writeFileSync(fs, `suppressPackageStartupMessages(library(data.table)); d <- fread("${file}"); ${spec.r}\n`);
      writeFileSync(cs, `d <- read.csv("${file}"); ${spec.r}\n`);
      rf = timeProcess('Rscript', [fs]);
      rc = timeProcess('Rscript', [cs]);
      rfHuge = timeProcess('Rscript', [fs], HUGE);
    }
    rows.push({
      task: `siilab ${name} --json (whole process) vs Rscript fread + fit`,
      n: N, siilabMs: s.ms, rMs: rf ? rf.ms : null, peakMB: s.peakMB,
      note: `best of ${REPS}; R peak ${rf?.peakMB?.toFixed(0) ?? '—'} MB; R with siilab's GLIBC_TUNABLES ${rfHuge ? rfHuge.ms.toFixed(0) : '—'} ms; siilab without them (SIILAB_HUGEPAGES=0) ${sPlain.ms.toFixed(0)} ms; previous reading path ${sRows.ms.toFixed(0)} ms (${sRows.peakMB?.toFixed(0) ?? '—'} MB)`,
    });
    rows.push({
      task: `siilab ${name} --json (whole process) vs Rscript read.csv + fit`,
      n: N, siilabMs: s.ms, rMs: rc ? rc.ms : null, peakMB: s.peakMB,
      note: `best of ${REPS}; R peak ${rc?.peakMB?.toFixed(0) ?? '—'} MB; target ≤ 0.2`,
    });
  }
  return rows;
}

if (process.argv[1] === here && process.argv[2]) await child(process.argv[2]);
