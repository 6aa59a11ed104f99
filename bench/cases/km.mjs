// Benchmark: Kaplan–Meier by group and the log-rank test on 1,000,000 patients with tied times
// (bench/lib/survivalCohort.mjs, 2 groups), against R survival::survfit and survdiff on the same file
// in the same run (median of 3 runs each). File parsing is excluded on both sides: siilab times the engine on typed arrays
// (kaplanMeier / logRank from dist/), R times the call alone with system.time after read.csv.
// siilab runs in a child process so that its peak memory (maxRSS, incl. the parsed columns) is its own.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { performance } from 'node:perf_hooks';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeSurvivalCohort } from '../lib/survivalCohort.mjs';

const here = fileURLToPath(import.meta.url);
/** Each side runs its call REPS times on the same data; the median time is reported. */
const REPS = 3;
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const dist = join(dirname(here), '..', '..', 'dist');

/** Parses time, status and group into typed columns / a label array (not timed). */
function readCohort(file) {
  const text = readFileSync(file, 'latin1');
  const header = text.slice(0, text.indexOf('\n')).split(',');
  const jt = header.indexOf('time'), js = header.indexOf('status'), jg = header.indexOf('group');
  const n = (text.match(/\n/g) || []).length - 1;
  const time = new Float64Array(n), status = new Float64Array(n), group = new Array(n);
  let pos = text.indexOf('\n') + 1;
  for (let i = 0; i < n; i++) {
    const end = text.indexOf('\n', pos);
    const parts = text.slice(pos, end).split(',');
    time[i] = +parts[jt];
    status[i] = +parts[js];
    group[i] = parts[jg];
    pos = end + 1;
  }
  return { n, time, status, group };
}

/** Child mode: node km.mjs <file> <task km|logrank> → prints {ms, maxRssMB, check}. */
async function child(file, task) {
  const d = readCohort(file);
  const { kaplanMeier } = await import(pathToFileURL(join(dist, 'stats', 'survival', 'kaplanMeier.js')).href);
  const { logRank } = await import(pathToFileURL(join(dist, 'stats', 'survival', 'logRank.js')).href);
  const times = [];
  let check;
  for (let rep = 0; rep < REPS; rep++) {
    const t0 = performance.now();
    if (task === 'km') check = kaplanMeier(d.time, d.status, { group: d.group }).groups.map((g) => g.median);
    else check = [logRank(d.time, d.status, d.group).chisq];
    times.push(performance.now() - t0);
  }
  process.stdout.write(JSON.stringify({ ms: median(times), maxRssMB: process.resourceUsage().maxRSS / 1024, check }));
}

function timeR(file, tmp, task) {
  const script = join(tmp, `km_bench_${task}.R`);
  writeFileSync(script, `suppressPackageStartupMessages(library(survival))
d <- read.csv("${file}")
st <- numeric(${REPS})
for (i in seq_len(${REPS})) st[i] <- system.time(${task === 'km' ? 'fit <- survfit(Surv(time, status) ~ group, data = d)' : 'sd <- survdiff(Surv(time, status) ~ group, data = d)'})[["elapsed"]]
chk <- ${task === 'km' ? 'unname(quantile(fit, 0.5)$quantile)' : 'sd$chisq'}
cat(1000 * median(st), sprintf("%.15g", chk), "\\n")
`);
  const r = spawnSync('Rscript', [script], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`R failed: ${r.stderr}`);
  const v = r.stdout.trim().split(/\s+/).map(Number);
  return { ms: v[0], check: v.slice(1) };
}

export async function run({ hasR, tmp }) {
  const n = 1_000_000;
  const file = join(tmp, 'km_cohort.csv');
  await writeSurvivalCohort(file, n);
  const rows = [];
  for (const task of ['km', 'logrank']) {
    const c = spawnSync(process.execPath, ['--max-old-space-size=4096', here, file, task], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (c.status !== 0) throw new Error(`siilab child failed: ${c.stderr}`);
    const s = JSON.parse(c.stdout);
    const r = hasR ? timeR(file, tmp, task) : null;
    const maxDiff = r ? Math.max(...s.check.map((b, j) => Math.abs(b - r.check[j]) / Math.abs(r.check[j]))) : null;
    rows.push({
      task: task === 'km' ? 'Kaplan–Meier by group (2 groups; table, Greenwood SE, log CI, median + CI, RMST) vs survfit' : 'log-rank test by group vs survdiff',
      n,
      siilabMs: s.ms,
      rMs: r ? r.ms : null,
      peakMB: s.maxRssMB,
      note: `${task === 'km' ? 'medians' : 'chi-square'} ${maxDiff !== null ? `match R (max rel. diff ${maxDiff.toExponential(1)})` : 'not checked (no R)'}; parsing excluded`,
    });
  }
  return rows;
}

if (process.argv[1] === here && process.argv[2]) await child(process.argv[2], process.argv[3]);
