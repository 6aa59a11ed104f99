// Benchmark: `siilab calc` for one patient — the in-process call of the calculator engine
// (src/evidence/calculate.ts: normalisation, indices, every study of the registry, published-model
// check) and a full process start (`node bin/siilab.js calc … --json`), which is what a clinician
// waits for. Target: well under 200 ms. There is no R counterpart (rMs null).
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
};

export async function run() {
  const rows = [];
  // In-process: first call (module already loaded, registry validated on first use) and steady state.
  const t0 = performance.now();
  const { calculate } = await import(pathToFileURL(join(root, 'dist', 'evidence', 'calculate.js')).href);
  const loadMs = performance.now() - t0;
  const input = { raw: { neutrophils: 4.2, lymphocytes: 1.5, platelets: 180, monocytes: 0.6, wbc: 7, afp: 450, albumin: 38, bilirubin: 15 }, treatment: 'TACE' };
  const t1 = performance.now();
  calculate(input);
  const firstMs = performance.now() - t1;
  const times = [];
  for (let i = 0; i < 2000; i++) {
    const t = performance.now();
    calculate(input);
    times.push(performance.now() - t);
  }
  rows.push({ task: 'calc in-process, first call (+ module load)', n: 1, siilabMs: firstMs + loadMs, rMs: null, peakMB: null, note: `module load ${loadMs.toFixed(1)} ms` });
  rows.push({ task: 'calc in-process, median of 2000 calls', n: 1, siilabMs: median(times), rMs: null, peakMB: null, note: `${(1000 * median(times)).toFixed(0)} µs per call` });
  // Full process start, as a clinician runs it.
  const args = [join(root, 'bin', 'siilab.js'), 'calc', '--neutrophils', '4.2', '--lymphocytes', '1.5', '--platelets', '180', '--afp', '450', '--treatment', 'TACE', '--json'];
  const procs = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    procs.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`siilab calc failed: ${r.stderr}`);
  }
  rows.push({ task: 'calc full process start (node bin/siilab.js calc --json), median of 7', n: 1, siilabMs: median(procs), rMs: null, peakMB: null,
    note: 'includes loading every command registered in src/cli/commands.ts' });
  // The same, loading only calc's own modules (what a lazily loaded command registry would give),
  // and an empty node process for reference.
  const only = `const { calcCommand } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist', 'cli', 'calc.js')).href)});
    let out = ''; const code = await calcCommand.run(${JSON.stringify(args.slice(2))}, { out: (t) => (out += t), err: () => {}, isTTY: false, cwd: process.cwd() });
    if (code !== 0 || !out.startsWith('{')) process.exit(1);`;
  const own = [];
  const empty = [];
  for (let i = 0; i < 7; i++) {
    let t = performance.now();
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', only], { encoding: 'utf8' });
    own.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`calc-only process failed: ${r.stderr}`);
    t = performance.now();
    spawnSync(process.execPath, ['-e', ''], { encoding: 'utf8' });
    empty.push(performance.now() - t);
  }
  rows.push({ task: 'calc process loading only its own modules, median of 7', n: 1, siilabMs: median(own), rMs: null, peakMB: null });
  rows.push({ task: 'empty node process (reference), median of 7', n: 1, siilabMs: median(empty), rMs: null, peakMB: null });
  return rows;
}
