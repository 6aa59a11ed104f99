// ROC with DeLong CI on 1,000,000 rows (marker x1, outcome of bench/lib/survivalCohort.mjs), timed
// against pROC 1.18 (roc + ci.auc(method = "delong")) in the same run.
// Two rows: the engine alone (data already in memory, both sides), and the whole command
// (`siilab roc --json` reading the CSV vs Rscript reading it with read.csv).
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { writeSurvivalCohort } from '../lib/survivalCohort.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

function loadColumns(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const head = lines[0].split(',');
  const jx = head.indexOf('x1'), jy = head.indexOf('outcome');
  const n = lines.length - 2; // trailing newline
  const x = new Float64Array(n), y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = lines[i + 1].split(',');
    x[i] = Number(c[jx]);
    y[i] = Number(c[jy]);
  }
  return { x, y };
}

function rTime(file, tmp) {
  const script = join(tmp, 'roc_bench.R');
  writeFileSync(script, `suppressMessages(library(pROC))
t0 <- proc.time()[["elapsed"]]
d <- read.csv("${file}")
t1 <- proc.time()[["elapsed"]]
r <- roc(d$outcome, d$x1, quiet = TRUE)
ci <- ci.auc(r, method = "delong")
t2 <- proc.time()[["elapsed"]]
cat(sprintf("%.6f %.6f %.10f\\n", (t2 - t1) * 1000, (t2 - t0) * 1000, as.numeric(auc(r))))
`);
  const t0 = performance.now();
  const res = spawnSync('Rscript', [script], { encoding: 'utf8' });
  const wall = performance.now() - t0;
  if (res.status !== 0) throw new Error(res.stderr);
  const [engine, , auc] = res.stdout.trim().split(/\s+/).map(Number);
  return { engine, wall, auc };
}

export async function run({ hasR, tmp }) {
  const n = 1_000_000;
  const file = join(tmp, 'roc_cohort.csv');
  await writeSurvivalCohort(file, n, 7);
  const { rocAnalysis } = await import('../../dist/stats/roc/rocAnalysis.js');
  const { x, y } = loadColumns(file);
  rocAnalysis(x.subarray(0, 10000), y.subarray(0, 10000)); // warm-up
  const t0 = performance.now();
  const r = rocAnalysis(x, y, { marker: 'x1' });
  const engineMs = performance.now() - t0;
  const peakMB = process.memoryUsage().rss / 2 ** 20;

  const t1 = performance.now();
  const cli = spawnSync(process.execPath, [join(root, 'bin', 'siilab.js'), 'roc', file, '--outcome', 'outcome', '--markers', 'x1', '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const cliMs = performance.now() - t1;
  if (cli.status !== 0) throw new Error(cli.stderr);

  let rr = null;
  if (hasR) {
    rr = rTime(file, tmp);
    if (Math.abs(rr.auc - r.auc) > 1e-9) throw new Error(`AUC differs from pROC: ${r.auc} vs ${rr.auc}`);
  }
  return [
    { task: 'roc + DeLong CI (engine, in memory)', n, siilabMs: engineMs, rMs: rr ? rr.engine : null, peakMB, note: `AUC ${r.auc.toFixed(6)}; R: roc + ci.auc(delong)` },
    { task: 'siilab roc --json vs Rscript (read CSV + roc + ci.auc)', n, siilabMs: cliMs, rMs: rr ? rr.wall : null, peakMB: null, note: 'whole process, incl. start-up and reading the CSV' },
  ];
}
