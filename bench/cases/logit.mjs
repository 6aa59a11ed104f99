// Benchmark: binary logistic regression with 5 covariates on 1,000,000 rows (bench/lib/survivalCohort.mjs:
// outcome ~ x1..x5), against R's glm(family = binomial) on the same file in the same run. File parsing is
// excluded on both sides; each side is timed 3 times in one process and the fastest run kept. siilab runs in a child process so that its peak memory is measured on its own.
// Rows: (1) the fit alone (logisticRegression: IRLS, SEs, separation check) vs glm(); (2) the full
// labelled model as `siilab logit` prints it (ORs, Wald CIs, LR test, Hosmer–Lemeshow, R²) vs glm() + summary().
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeSurvivalCohort } from '../lib/survivalCohort.mjs';

const here = fileURLToPath(import.meta.url);
const dist = join(dirname(here), '..', '..', 'dist');
const COLS = ['outcome', 'x1', 'x2', 'x3', 'x4', 'x5'];
/** Each side is timed REPS times in one process and the fastest run is reported (the machine may be shared). */
const REPS = 3;

/** Parses the cohort CSV into typed columns (not timed). */
function readCohort(file) {
  const text = readFileSync(file, 'latin1');
  const header = text.slice(0, text.indexOf('\n')).split(',');
  const idx = COLS.map((w) => header.indexOf(w));
  const n = (text.match(/\n/g) || []).length - 1;
  const cols = COLS.map(() => new Float64Array(n));
  let pos = text.indexOf('\n') + 1;
  for (let i = 0; i < n; i++) {
    const end = text.indexOf('\n', pos);
    const parts = text.slice(pos, end).split(',');
    for (let k = 0; k < COLS.length; k++) cols[k][i] = +parts[idx[k]];
    pos = end + 1;
  }
  return { n, y: cols[0], x: cols.slice(1) };
}

/** Child mode: node logit.mjs <file> <full 0|1> → prints {ms, maxRssMB, coef, iter}. */
async function child(file, full) {
  const d = readCohort(file);
  let ms;
  let coef;
  let iter;
  ms = Infinity;
  for (let rep = 0; rep < REPS; rep++) {
    if (full) {
      const { logitModel } = await import(pathToFileURL(join(dist, 'stats', 'regression', 'logitModel.js')).href);
      const covariates = d.x.map((v, j) => ({ name: `x${j + 1}`, kind: 'numeric', values: v }));
      const t0 = performance.now();
      const r = logitModel({ outcome: d.y, covariates });
      ms = Math.min(ms, performance.now() - t0);
      coef = r.coefficients.map((c) => c.coef);
      iter = r.iterations;
    } else {
      const { logisticRegression } = await import(pathToFileURL(join(dist, 'stats', 'regression', 'logistic.js')).href);
      const t0 = performance.now();
      const r = logisticRegression(d.x, d.y);
      ms = Math.min(ms, performance.now() - t0);
      coef = Array.from(r.coefficients);
      iter = r.iterations;
    }
  }
  process.stdout.write(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024, coef, iter }));
}

function timeR(file, full) {
  const script = `d <- read.csv("${file}")
best <- Inf
for (rep in 1:${REPS}) {
  t0 <- proc.time()[["elapsed"]]
  fit <- glm(outcome ~ x1 + x2 + x3 + x4 + x5, family = binomial, data = d)
  ${full ? 's <- summary(fit); ci <- exp(confint.default(fit))' : ''}
  best <- min(best, proc.time()[["elapsed"]] - t0)
}
cat(1000 * best, coef(fit), "\\n")`;
  const r = spawnSync('Rscript', ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`R failed: ${r.stderr}`);
  const v = r.stdout.trim().split(/\s+/).map(Number);
  return { ms: v[0], coef: v.slice(1) };
}

export async function run({ hasR, tmp }) {
  const n = 1_000_000;
  const file = join(tmp, 'logit_cohort.csv');
  await writeSurvivalCohort(file, n);
  const rows = [];
  for (const full of [false, true]) {
    const c = spawnSync(process.execPath, ['--max-old-space-size=4096', here, file, full ? '1' : '0'], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (c.status !== 0) throw new Error(`siilab child failed: ${c.stderr}`);
    const s = JSON.parse(c.stdout);
    const r = hasR ? timeR(file, full) : null;
    const maxDiff = r ? Math.max(...s.coef.map((b, j) => Math.abs(b - r.coef[j]) / Math.abs(r.coef[j]))) : null;
    rows.push({
      task: full
        ? 'logit: full model (ORs, Wald CIs, LR, Hosmer–Lemeshow, R²) vs glm + summary + confint.default'
        : 'logistic regression fit (IRLS, 5 covariates) vs glm(binomial)',
      n,
      siilabMs: s.ms,
      rMs: r ? r.ms : null,
      peakMB: s.maxRssMB,
      note: `${s.iter} iterations${maxDiff !== null ? `; max rel. coef difference vs R ${maxDiff.toExponential(1)}` : ''}; parsing excluded`,
    });
  }
  return rows;
}

if (process.argv[1] === here && process.argv[2]) await child(process.argv[2], process.argv[3] === '1');
