// Benchmark: a long-format hospital export. 10,000,000 blood draws of 200,000 patients (generated,
// deterministic; about 50 draws a patient from a year before treatment to five years after) with a
// one-row-per-patient file, through `siilab analyze` to the per-patient baseline SII (the last draw
// on or before the treatment date), Kaplan–Meier by its median and Cox on it — as a whole process,
// beside Rscript doing the same with data.table (fread both files, SII per draw, the last draw on or
// before the treatment per patient, merge, survfit + survdiff + coxph). Peak memory is each
// process's maximum resident set (/usr/bin/time). Targets (issue 14): under 60 s, under 2 GB.
// The same export is then loaded into PostgreSQL (typed columns: text id, date, float8; the server
// from scripts/ensure-postgres.sh, or SIILAB_BENCH_PG_URL; loading by psql's \copy is not timed) and
// the same study, its two sources now PostgreSQL tables, runs through `siilab analyze` with its
// derivations as SQL in the database; its analyses and flow must equal the CSV run's.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../lib/survivalCohort.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'siilab.js');
const PATIENTS = Number(process.env.SIILAB_BENCH_LONG_PATIENTS ?? 200_000);
const DRAWS_PER = 50;
const DAY = 86400000;
const T0 = Date.UTC(2015, 0, 1);
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

async function writeLines(file, header, rowsOf, n) {
  const out = createWriteStream(file);
  out.write(header + '\n');
  let buf = '';
  for (let i = 0; i < n; i++) {
    buf += rowsOf(i);
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.write(buf);
  await new Promise((r) => out.end(r));
}

export async function writeLongCohort(dir, patients, seed = 15) {
  const u = mulberry32(seed);
  const norm = () => Math.sqrt(-2 * Math.log(u() + 1e-300)) * Math.cos(2 * Math.PI * u());
  const treat = new Float64Array(patients);
  const frailty = new Float64Array(patients);
  for (let i = 0; i < patients; i++) {
    treat[i] = T0 + Math.floor(u() * 5 * 365) * DAY;
    frailty[i] = norm();
  }
  await writeLines(join(dir, 'draws.csv'), 'id,draw_date,neutrophils,lymphocytes,platelets', (i) => {
    let s = '';
    for (let k = 0; k < DRAWS_PER; k++) {
      const day = Math.floor(-365 + ((k + u()) / DRAWS_PER) * (6 * 365));
      const ne = Math.exp(1.2 + 0.3 * frailty[i] + 0.3 * norm());
      const ly = Math.exp(0.4 - 0.2 * frailty[i] + 0.3 * norm());
      const pl = Math.exp(5.2 + 0.1 * frailty[i] + 0.3 * norm());
      s += `P${i + 1},${iso(treat[i] + day * DAY)},${ne.toFixed(2)},${ly.toFixed(2)},${pl.toFixed(0)}\n`;
    }
    return s;
  }, patients);
  await writeLines(join(dir, 'patients.csv'), 'id,treatment_date,os_months,death', (i) => {
    const t = -Math.log(u()) / (0.02 * Math.exp(0.5 * frailty[i]));
    const c = 12 + u() * 60;
    return `P${i + 1},${iso(treat[i])},${Math.max(0.1, Math.min(t, c)).toFixed(1)},${t <= c ? 1 : 0}\n`;
  }, patients);
  writeFileSync(join(dir, 'study.yaml'), `version: 1
title: Baseline SII and survival in a long-format export (benchmark)
sources:
  - { id: patients, file: patients.csv }
  - { id: draws, file: draws.csv, format: long, idColumn: id, dateColumn: draw_date }
variables:
  patientId: { column: id, source: patients }
  treatmentDate: { column: treatment_date, source: patients }
  drawDate: { column: draw_date, source: draws }
  neutrophils: { column: neutrophils, source: draws, unit: 10^9/L }
  lymphocytes: { column: lymphocytes, source: draws, unit: 10^9/L }
  platelets: { column: platelets, source: draws, unit: 10^9/L }
  death: { column: death, source: patients }
covariates:
  osTime: { column: os_months, source: patients, unit: months }
derived:
  - { name: SII, index: SII }
  - { name: SII_baseline, aggregate: baseline, of: SII }
endpoints:
  os: { type: survival, events: [death], time: osTime }
cutoffs:
  SII_baseline: { method: median }
analyses:
  km: [{ endpoint: os, by: [SII_baseline] }]
  cox: [{ endpoint: os, candidates: [SII_baseline], multivariable: { rule: declared, variables: [SII_baseline] } }]
`);
}

const R_SCRIPT = (dir) => `suppressPackageStartupMessages({ library(data.table); library(survival) })
d <- fread("${dir}/draws.csv"); p <- fread("${dir}/patients.csv")
d[, sii := platelets * neutrophils / lymphocytes]
d[, draw_date := as.IDate(draw_date)]; p[, treatment_date := as.IDate(treatment_date)]
d <- merge(d, p[, .(id, treatment_date)], by = "id")
b <- d[draw_date <= treatment_date][order(id, draw_date)][, .SD[.N], by = id, .SDcols = "sii"]
x <- merge(p, b, by = "id")
x[, high := sii >= median(sii)]
km <- survfit(Surv(os_months, death) ~ high, data = x); lr <- survdiff(Surv(os_months, death) ~ high, data = x)
fit <- coxph(Surv(os_months, death) ~ sii, data = x)
cat(nrow(x), summary(km)$table[, "median"], lr$chisq, coef(fit), "\\n")
`;

function timed(cmd, args) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr.slice(-2000)}`);
  return { ms, peakMB: Number(r.stderr.trim().split('\n').pop()) / 1024, stdout: r.stdout };
}

export async function run({ hasR, tmp }) {
  const dir = join(tmp, 'long10m');
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'study.yaml'))) await writeLongCohort(dir, PATIENTS);
  const s = timed(process.execPath, [bin, 'analyze', join(dir, 'study.yaml'), '--out', join(dir, 'out'), '--format', 'md', '--engine', 'js']);
  const q = timed(process.execPath, [bin, 'analyze', join(dir, 'study.yaml'), '--out', join(dir, 'out-sql'), '--format', 'md', '--engine', 'duckdb']);
  const same = readFileSync(join(dir, 'out', 'results.json'), 'utf8') === readFileSync(join(dir, 'out-sql', 'results.json'), 'utf8');
  let r = null;
  if (hasR) {
    writeFileSync(join(dir, 'long.R'), R_SCRIPT(dir));
    r = timed('Rscript', [join(dir, 'long.R')]);
  }
  const p = postgresRun(dir);
  const task = `analyze: long format, ${(PATIENTS * DRAWS_PER).toLocaleString('en')} draws of ${PATIENTS.toLocaleString('en')} patients → baseline SII, KM, Cox (whole process)`;
  const rNote = `R (data.table fread + last draw on or before treatment + survfit/survdiff/coxph) peak ${r ? r.peakMB.toFixed(0) : '—'} MB; siilab writes the bundle and the Markdown report`;
  return [{
    task: `${task}, derivations in JavaScript`,
    n: PATIENTS * DRAWS_PER, siilabMs: s.ms, rMs: r ? r.ms : null, peakMB: s.peakMB,
    note: `targets < 60 s and < 2 GB; ${rNote}`,
  }, {
    task: `${task}, --engine duckdb (derivations as SQL)`,
    n: PATIENTS * DRAWS_PER, siilabMs: q.ms, rMs: r ? r.ms : null, peakMB: q.peakMB,
    note: `results.json ${same ? 'byte-identical to' : 'DIFFERENT from'} the JavaScript path's; DuckDB memory limit 1GB (SIILAB_DUCKDB_MEMORY)`,
  }, ...(p ? [{
    task: `${task}, both sources PostgreSQL tables (derivations as SQL in the database, the default)`,
    n: PATIENTS * DRAWS_PER, siilabMs: p.ms, rMs: r ? r.ms : null, peakMB: p.peakMB,
    note: `analyses, cut-offs and flow ${p.same ? 'identical to' : 'DIFFERENT from'} the CSV run's; PostgreSQL ${p.version} on this machine (its memory not in the peak); rows hashed for the bundle on a second connection; loading by \\copy ${(p.loadMs / 1000).toFixed(1)} s, not timed`,
  }] : [])];
}

/** The export loaded into PostgreSQL and analysed there; null (said on stderr) without a server. */
function postgresRun(dir) {
  const url = process.env.SIILAB_BENCH_PG_URL || spawnSync('bash', [join(root, 'scripts', 'ensure-postgres.sh')], { encoding: 'utf8' }).stdout.trim();
  if (!url || spawnSync('psql', ['--version']).status !== 0) {
    process.stderr.write('  longFormat: no PostgreSQL server or psql; the PostgreSQL row is left out\n');
    return null;
  }
  const t0 = performance.now();
  const load = spawnSync('psql', [url, '-q', '-v', 'ON_ERROR_STOP=1',
    '-c', 'DROP SCHEMA IF EXISTS siilab_bench CASCADE',
    '-c', 'CREATE SCHEMA siilab_bench; CREATE TABLE siilab_bench.draws (id text, draw_date date, neutrophils float8, lymphocytes float8, platelets float8); CREATE TABLE siilab_bench.patients (id text, treatment_date date, os_months float8, death integer)',
    '-c', `\\copy siilab_bench.draws FROM '${join(dir, 'draws.csv')}' CSV HEADER`,
    '-c', `\\copy siilab_bench.patients FROM '${join(dir, 'patients.csv')}' CSV HEADER`,
    '-c', 'ANALYZE siilab_bench.draws; ANALYZE siilab_bench.patients'], { encoding: 'utf8' });
  if (load.status !== 0) throw new Error(`loading PostgreSQL failed: ${load.stderr}`);
  const loadMs = performance.now() - t0;
  const version = spawnSync('psql', [url, '-tAc', 'SHOW server_version'], { encoding: 'utf8' }).stdout.trim().split(' ')[0];
  const spec = readFileSync(join(dir, 'study.yaml'), 'utf8')
    .replace('  - { id: patients, file: patients.csv }', '  - { id: patients, postgres: "$SIILAB_BENCH_PG_URL", table: siilab_bench.patients }')
    .replace('  - { id: draws, file: draws.csv, ', '  - { id: draws, postgres: "$SIILAB_BENCH_PG_URL", table: siilab_bench.draws, ');
  writeFileSync(join(dir, 'pg.yaml'), spec);
  process.env.SIILAB_BENCH_PG_URL = url;
  const t = timed(process.execPath, [bin, 'analyze', join(dir, 'pg.yaml'), '--out', join(dir, 'out-pg'), '--format', 'md']);
  const pick = (f) => {
    const b = JSON.parse(readFileSync(f, 'utf8'));
    return JSON.stringify([b.analyses, b.cutoffs, b.flow]).replace(/"(patients\.csv|draws\.csv|\$SIILAB_BENCH_PG_URL)"/g, '"SOURCE"');
  };
  const same = pick(join(dir, 'out', 'results.json')) === pick(join(dir, 'out-pg', 'results.json'));
  spawnSync('psql', [url, '-q', '-c', 'DROP SCHEMA IF EXISTS siilab_bench CASCADE']);
  return { ...t, same, loadMs, version };
}
