// Benchmark: bootstrap internal validation, 500 replicates of a 5-covariate Cox model on 1,000
// patients (bench/lib/survivalCohort.mjs), siilab `parallelValidate` (worker threads, default thread
// count; C, calibration slope and IPCW Brier at the horizon; the faster of two runs in one process,
// the first run's time in the note) against rms::validate(cph(..., x = TRUE,
// y = TRUE, surv = TRUE, time.inc = h), B = 500) (Dxy, R2, slope, D, U, Q, g) on the same file in the
// same run. File parsing and the full-data fit outside validate are excluded on both sides; siilab
// includes starting the worker threads. siilab runs in a child process (peak memory on its own).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeSurvivalCohort } from '../lib/survivalCohort.mjs';

const here = fileURLToPath(import.meta.url);
const dist = join(dirname(here), '..', '..', 'dist');
const B = 500;
const HORIZON = 10;

function readCohort(file) {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const want = ['time', 'status', 'x1', 'x2', 'x3', 'x4', 'x5'];
  const idx = want.map((w) => header.indexOf(w));
  const cols = want.map(() => new Float64Array(lines.length - 1));
  lines.slice(1).forEach((l, i) => {
    const p = l.split(',');
    idx.forEach((j, k) => (cols[k][i] = +p[j]));
  });
  return cols;
}

async function child(file, threads) {
  const { parallelValidate } = await import(pathToFileURL(join(dist, 'analysis', 'parallel', 'parallelValidate.js')).href);
  const [time, status, ...x] = readCohort(file);
  const data = { kind: 'cox', time, event: Uint8Array.from(status), columns: x, termNames: ['x1', 'x2', 'x3', 'x4', 'x5'], horizon: HORIZON, ties: 'efron' };
  let ms = Infinity;
  let firstMs = null;
  let r;
  for (let rep = 0; rep < 2; rep++) {
    const t0 = performance.now();
    r = await parallelValidate(data, { bootstrap: B, seed: 1, threads: threads ? Number(threads) : undefined });
    const t = performance.now() - t0;
    firstMs ??= t;
    ms = Math.min(ms, t);
  }
  process.stdout.write(JSON.stringify({ ms, firstMs, maxRssMB: process.resourceUsage().maxRSS / 1024, dxy: r.dxy, slope: r.slope, threads: r.threads, successful: r.successful }));
}

function timeR(file) {
  const script = `suppressPackageStartupMessages(library(rms))
d <- read.csv("${file}")
f <- cph(Surv(time, status) ~ x1 + x2 + x3 + x4 + x5, data = d, x = TRUE, y = TRUE, surv = TRUE, time.inc = ${HORIZON})
set.seed(1)
t0 <- proc.time()[["elapsed"]]
v <- rms::validate(f, B = ${B})
ms <- 1000 * (proc.time()[["elapsed"]] - t0)
cat(ms, v["Dxy", "index.orig"], v["Dxy", "optimism"], v["Slope", "optimism"], "\\n")`;
  const r = spawnSync('Rscript', ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`R failed: ${r.stderr}`);
  const v = r.stdout.trim().split(/\s+/).map(Number);
  return { ms: v[0], dxy: v[1], dxyOptimism: v[2], slopeOptimism: v[3] };
}

export async function run({ hasR, tmp }) {
  const n = 1000;
  const file = join(tmp, 'validation_cohort.csv');
  await writeSurvivalCohort(file, n, 7);
  const r = hasR ? timeR(file) : null;
  const rows = [];
  for (const threads of ['2', '']) {
    const c = spawnSync(process.execPath, [here, file, threads], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (c.status !== 0) throw new Error(`siilab child failed: ${c.stderr}`);
    const s = JSON.parse(c.stdout);
    const note = r
      ? `${s.threads} thread(s) (${s.threads > 1 ? 'this one and workers, kept warm between runs; ' : ''}best of 2 runs in one process, first run ${s.firstMs.toFixed(0)} ms), ${s.successful}/${B} fits; apparent Dxy ${s.dxy.apparent.toFixed(6)} (R ${r.dxy.toFixed(6)}); optimism Dxy ${s.dxy.optimism.toFixed(4)} ± ${s.dxy.mcSe.toFixed(4)} (R ${r.dxyOptimism.toFixed(4)}), slope ${s.slope.optimism.toFixed(4)} ± ${s.slope.mcSe.toFixed(4)} (R ${r.slopeOptimism.toFixed(4)})`
      : `${s.threads} thread(s)`;
    rows.push({ task: `bootstrap validation, Cox 5 covariates, B = ${B}, ${threads ? '2 threads' : 'default (1 thread below 2e6 patient-replicates)'} (siilab also IPCW Brier)`, n, siilabMs: s.ms, rMs: r ? r.ms : null, peakMB: s.maxRssMB, note });
  }
  return rows;
}

if (process.argv[1] === here && process.argv[2]) await child(process.argv[2], process.argv[3]);
