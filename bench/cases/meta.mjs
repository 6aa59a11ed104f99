// Benchmark: random-effects meta-analysis (REML) with its Q-profile CI, prediction interval and
// Egger's test on k = 2,000 simulated studies, and leave-one-out on k = 300 (metafor builds k × k matrices, so larger k is impractical in R), against R metafor
// (rma + confint + predict + regtest; leave1out) on the same file in the same run (median of 3).
// Parsing is excluded on both sides. Checks: the pooled estimate agrees to 1e-6.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const REPS = 3;
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** Deterministic studies: vi ~ U(0.01, 0.5), yi ~ N(0.4, 0.1 + vi) by a fixed LCG + Box–Muller. */
function studies(k, seed) {
  let s = seed >>> 0;
  const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296;
  const yi = new Float64Array(k), vi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    vi[i] = 0.01 + 0.49 * u();
    const z = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    yi[i] = 0.4 + z * Math.sqrt(0.1 + vi[i]);
  }
  return { yi, vi };
}

export async function run({ hasR, tmp }) {
  const { fitMetaModel } = await import(pathToFileURL(join(dist, 'stats', 'meta', 'fitMetaModel.js')).href);
  const { qProfileCi } = await import(pathToFileURL(join(dist, 'stats', 'meta', 'qProfileCi.js')).href);
  const { predictionInterval } = await import(pathToFileURL(join(dist, 'stats', 'meta', 'predictionInterval.js')).href);
  const { eggerTest } = await import(pathToFileURL(join(dist, 'stats', 'meta', 'eggerTest.js')).href);
  const { leaveOneOut } = await import(pathToFileURL(join(dist, 'stats', 'meta', 'leaveOneOut.js')).href);
  const rows = [];
  for (const [task, k] of [['full', 2000], ['leave1out', 300]]) {
    const { yi, vi } = studies(k, 7 + k);
    const file = join(tmp, `meta_${k}.csv`);
    writeFileSync(file, 'yi,vi\n' + Array.from(yi, (y, i) => `${y.toPrecision(17)},${vi[i].toPrecision(17)}`).join('\n') + '\n');
    const times = [];
    let est;
    for (let r = 0; r < REPS; r++) {
      const t0 = performance.now();
      const f = fitMetaModel(yi, vi, null, { method: 'REML', test: 'z' });
      if (task === 'full') {
        qProfileCi(yi, vi, null);
        predictionInterval(f);
        eggerTest(yi, vi, { method: 'REML', test: 'z' });
      } else leaveOneOut(yi, vi, { method: 'REML', test: 'z' });
      times.push(performance.now() - t0);
      est = f.b[0];
    }
    let rMs = null, note = '';
    if (hasR) {
      const script = join(tmp, `meta_${k}.R`);
      writeFileSync(script, `suppressPackageStartupMessages(library(metafor))
d <- read.csv("${file}")
st <- numeric(${REPS})
for (i in seq_len(${REPS})) st[i] <- system.time({ m <- rma(yi, vi, data = d, method = "REML", control = list(threshold = 1e-12, maxiter = 1000)); ${task === 'full' ? 'ci <- confint(m); p <- predict(m); e <- regtest(m)' : 'l <- leave1out(m)'} })[["elapsed"]]
cat(1000 * median(st), sprintf("%.15g", as.numeric(m$b)), "\\n")
`);
      const r = spawnSync('Rscript', [script], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (r.status !== 0) throw new Error(`R failed: ${r.stderr}`);
      const [ms, b] = r.stdout.trim().split(/\s+/).map(Number);
      rMs = ms;
      note = `pooled estimate ${Math.abs(est - b) <= 1e-6 * Math.abs(b) ? 'agrees with' : 'DIFFERS from'} metafor (${est.toPrecision(10)} vs ${b.toPrecision(10)})`;
    }
    rows.push({ task: task === 'full' ? 'meta REML + Q-profile CI + prediction interval + Egger (rma, confint, predict, regtest)' : 'meta leave-one-out, REML (leave1out)', n: k, siilabMs: median(times), rMs, peakMB: null, note });
  }
  return rows;
}
