// Time-dependent ROC on 100,000 patients (bench/lib/survivalCohort.mjs: times rounded to 0.1, so
// heavily tied, ~30% censored), two markers (x1, x2) at 3 horizons (1, 3, 7: about the quartiles of
// the event times), with SEs and the paired comparison, against riskRegression::Score(list(x1, x2),
// Hist(time, status) ~ 1, times, metrics = "auc", cens.model = "marginal", se.fit = TRUE) in the same
// run. Engine rows exclude file parsing on both sides (siilab: timeRoc on typed arrays from dist/, median
// of 3; R: system.time of Score after read.csv, median of 3); the CLI row is the whole process
// (`siilab tdroc --json` vs Rscript reading the CSV). Every AUC is checked against R to 1e-6 and
// every SE to 1e-4 (relative) before a time is reported — the SE only while n² < 2³¹: above that
// riskRegression 2022.11.28's AUC SE is wrong (integer overflow; see the check below).
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { writeSurvivalCohort } from '../lib/survivalCohort.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const TIMES = [1, 3, 7];
const REPS = 3;
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

function loadColumns(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const head = lines[0].split(',');
  const j = (k) => head.indexOf(k);
  const n = lines.length - 2;
  const time = new Float64Array(n), status = new Uint8Array(n), x1 = new Float64Array(n), x2 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = lines[i + 1].split(',');
    time[i] = Number(c[j('time')]);
    status[i] = Number(c[j('status')]);
    x1[i] = Number(c[j('x1')]);
    x2[i] = Number(c[j('x2')]);
  }
  return { time, status, x1, x2 };
}

function rTime(file, tmp) {
  const script = join(tmp, 'timeroc_bench.R');
  writeFileSync(script, `suppressPackageStartupMessages({ library(survival); library(prodlim); library(riskRegression) })
d <- read.csv("${file}")
st <- numeric(${REPS})
for (i in seq_len(${REPS})) st[i] <- system.time(s <- Score(list(x1 = d$x1, x2 = d$x2), formula = Hist(time, status) ~ 1, data = d,
  times = c(${TIMES.join(', ')}), metrics = "auc", cens.model = "marginal", se.fit = TRUE, null.model = FALSE))[["elapsed"]]
a <- as.data.frame(s$AUC$score)
cat(sprintf("%.6f %.6f\\n", median(st) * 1000, (sum(st) - median(st)) * 1000))
cat(paste(sprintf("%.12g %.12g", a$AUC, a$se), collapse = "\\n"), "\\n")
`);
  const t0 = performance.now();
  const res = spawnSync('Rscript', [script], { encoding: 'utf8' });
  const spawnMs = performance.now() - t0;
  if (res.status !== 0) throw new Error(res.stderr);
  const lines = res.stdout.trim().split('\n');
  const [engine, extraReps] = lines[0].split(/\s+/).map(Number);
  // the whole Rscript process (start-up, packages, read.csv, one Score call): the extra repetitions are subtracted
  const wall = spawnMs - extraReps;
  const vals = lines.slice(1).map((l) => l.split(/\s+/).map(Number));
  return { engine, wall, vals };
}

export async function run({ hasR, tmp }) {
  const n = 100_000;
  const file = join(tmp, 'timeroc_cohort.csv');
  await writeSurvivalCohort(file, n, 11);
  const { timeRoc } = await import(pathToFileURL(join(root, 'dist', 'stats', 'timeroc', 'timeRoc.js')).href);
  const d = loadColumns(file);
  const input = { time: d.time, event: d.status, times: TIMES, markers: [{ name: 'x1', values: d.x1 }, { name: 'x2', values: d.x2 }] };
  timeRoc({ ...input, time: d.time.subarray(0, 5000), event: d.status.subarray(0, 5000), markers: input.markers.map((m) => ({ ...m, values: m.values.subarray(0, 5000) })) }); // warm-up
  const ms = [];
  let r;
  for (let k = 0; k < REPS; k++) {
    const t0 = performance.now();
    r = timeRoc(input);
    ms.push(performance.now() - t0);
  }
  const engineMs = median(ms);
  const peakMB = process.memoryUsage().rss / 2 ** 20;

  const t1 = performance.now();
  const cli = spawnSync(process.execPath, [join(root, 'bin', 'siilab.js'), 'tdroc', file, '--time', 'time', '--event', 'status', '--markers', 'x1,x2', '--times', TIMES.join(','), '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const cliMs = performance.now() - t1;
  if (cli.status !== 0) throw new Error(cli.stderr);

  let rr = null;
  if (hasR) {
    rr = rTime(file, tmp);
    // R's rows: x1 at each time, then x2
    const ours = r.markers.flatMap((m) => m.at);
    ours.forEach((p, k) => {
      const [auc, se] = rr.vals[k];
      if (Math.abs(p.auc - auc) / auc > 1e-6) throw new Error(`AUC differs from Score: ${p.auc} vs ${auc}`);
      // riskRegression 2022.11.28's AUC SE is wrong once n² ≥ 2³¹ (n > 46,340: at n = 46,000 it equals
      // siilab's to 1e-9, at 47,000 it drops by 6% and at 100,000 it is 7× too small, an integer
      // overflow), so the SE is compared only below that size.
      if (n * n < 2 ** 31 && Math.abs(p.se - se) / se > 1e-4) throw new Error(`SE differs from Score: ${p.se} vs ${se}`);
    });
  }
  const aucs = r.markers[0].at.map((p) => p.auc.toFixed(4)).join('/');
  return [
    { task: 'time-dependent AUC, 2 markers × 3 horizons, SE + paired test (engine, in memory)', n, siilabMs: engineMs, rMs: rr ? rr.engine : null, peakMB, note: `AUC(x1) ${aucs} equal to riskRegression::Score to 1e-6; R: Score(cens.model = "marginal", se.fit = TRUE)${rr ? `; SE(x1, t = 1) siilab ${r.markers[0].at[0].se.toPrecision(4)}, Score ${rr.vals[0][1].toPrecision(4)} (Score overflows above n = 46,340)` : ''}` },
    { task: 'siilab tdroc --json vs Rscript (read CSV + Score)', n, siilabMs: cliMs, rMs: rr ? rr.wall : null, peakMB: null, note: "whole process on both sides (start-up, packages, reading the CSV, one call); siilab also computes Harrell's and Uno's C" },
  ];
}
