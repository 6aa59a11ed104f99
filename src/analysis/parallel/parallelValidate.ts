/**
 * Bootstrap internal validation on worker threads (node:worker_threads). The master seed gives one
 * seed per replicate before anything is split (replicateSeeds.ts), and whichever thread computes a
 * replicate draws its resample from its seed (bootstrapIndices: a worker is sent seeds, not 100,000
 * indices a replicate drawn by this thread, which has replicates of its own to compute). With `threads`
 * T, this thread computes replicates one at a time (yielding between them) alongside T − 1
 * workers, which get small batches once they have loaded the run's data (so starting workers
 * never delays the replicates this thread can do), and are kept warm for the next run in the
 * process (workerPool.ts). Replicates are stored by index and the summary sums them in replicate
 * order — so the result is identical for any number of threads, and equal to the synchronous
 * bootstrapValidate (used here for 1 thread, small B, or when the compiled worker is not
 * available, e.g. in the browser bundle or when running from TypeScript sources without dist/).
 *
 * @example
 * const r = await parallelValidate(data, { bootstrap: 500, seed: 1, threads: 2, onProgress: (d, t) => bar(d / t) });
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { releaseWorker, takeWorker } from './workerPool.js';
import { analysisError } from '../../errors.js';
import { validationMessages } from '../../messages/index.js';
import { apparentOrThrow, bootstrapValidate, finishValidation, validationMeta, type BootstrapOptions } from '../../stats/validation/bootstrapValidate.js';
import { bootstrapIndices, replicateSeeds } from '../../stats/validation/replicateSeeds.js';
import type { BootstrapValidationResult, ReplicateOutcome, ValidationData } from '../../stats/validation/types.js';
import { validationRunner } from '../../stats/validation/validationReplicates.js';

export interface ParallelOptions extends BootstrapOptions {
  /** Threads: this one and threads − 1 workers (default: available cores, at most 8, when patients × replicates ≥ 2,000,000; else 1); 1 = synchronous. */
  readonly threads?: number;
}

/** Below this many replicates the threads cost more than they save. */
const MIN_PARALLEL = 40;
/**
 * Without an explicit thread count, threads are used only from this much work (patients × replicates).
 * This thread works from the start, so workers no longer cost idle time, but a cold worker (thread
 * start, module load, ~300 ms of JIT warm-up at a fraction of full speed) competes for the cores
 * while it warms up, and threads of one process share the machine less well than separate
 * processes (each ran ~1.3× slower than alone on the 2-core bench machine). bench/cases/validation.mjs,
 * 1,000 patients × 500 replicates: 1 thread 0.73–0.80 s for the first run in a process, 0.52–0.54 s
 * warm; 2 threads 0.82–0.90 s first (cold worker), 0.40–0.46 s for later runs (warm pooled worker).
 * A single CLI run of that size is not faster with threads; at 1,000 × 2,000 (2,000,000) two cold
 * threads already gain (2.03 s against 2.34 s), hence the default of one thread below that.
 */
const MIN_AUTO_WORK = 2_000_000;
const BATCH = 4;
let runs = 0;

/** The compiled worker next to this module, or in dist/ when running from src/ (tests); null if absent. */
export function validationWorkerUrl(): URL | null {
  const here = new URL('./validationWorker.js', import.meta.url);
  if (here.protocol !== 'file:') return null;
  const path = fileURLToPath(here);
  if (existsSync(path)) return here;
  const dist = path.replace(`${sep}src${sep}`, `${sep}dist${sep}`);
  return dist !== path && existsSync(dist) ? pathToFileURL(dist) : null;
}

export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

export async function parallelValidate(data: ValidationData, opts: ParallelOptions = {}): Promise<BootstrapValidationResult & { readonly threads: number }> {
  const B = opts.bootstrap ?? 200;
  const seed = opts.seed ?? 1;
  const url = validationWorkerUrl();
  const n = data.kind === 'cox' ? data.time.length : data.y.length;
  const auto = opts.threads === undefined;
  const threads = Math.min(opts.threads ?? defaultThreads(), Math.ceil(B / BATCH));
  if (threads <= 1 || B < MIN_PARALLEL || url === null || (auto && n * B < MIN_AUTO_WORK)) return { ...bootstrapValidate(data, opts), threads: 1 };

  const runner = validationRunner(data);
  const apparent = apparentOrThrow(runner.apparent());
  const seeds = replicateSeeds(seed, B);
  const reps: ReplicateOutcome[] = new Array(B);
  let next = 0;
  let done = 0;
  const run = ++runs;
  const workers: Worker[] = [];
  const broken = new Set<Worker>();
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (e: unknown): void => {
        failed = true;
        reject(e);
      };
      const finished = (k: number): void => {
        done += k;
        opts.onProgress?.(done, B);
        if (done === B) resolve();
      };
      const feed = (w: Worker): void => {
        if (next >= B || failed) return;
        const batch: { index: number; seed: number }[] = [];
        for (let k = 0; k < BATCH && next < B; k++, next++) batch.push({ index: next, seed: seeds[next] });
        w.postMessage({ run, batch });
      };
      // threads − 1 workers (warm ones from earlier runs when there are); each is fed once it has
      // built this run's runner (its ready message), so that a slow start never holds replicates
      // the main thread could have done
      for (let t = 1; t < threads; t++) {
        const w = takeWorker(url);
        workers.push(w);
        w.on('message', (m: { run: number; ready?: true; out?: { index: number; outcome: ReplicateOutcome }[] }) => {
          if (m.run !== run) return;
          if (m.out) {
            for (const o of m.out) reps[o.index] = o.outcome;
            finished(m.out.length);
          }
          if (done < B) feed(w);
        });
        w.on('error', (e) => {
          broken.add(w);
          fail(analysisError(validationMessages.workerFailed(e instanceof Error ? e.message : String(e))));
        });
        w.on('exit', (code) => {
          broken.add(w);
          if (done < B) fail(analysisError(validationMessages.workerFailed(`exit code ${code}`)));
        });
        w.postMessage({ run, data });
      }
      // the main thread computes replicates too, one at a time, yielding between them so that the
      // workers' results are received and they are fed without delay
      const mainStep = (): void => {
        if (failed || next >= B) return;
        const index = next++;
        try {
          reps[index] = runner.replicate(bootstrapIndices(runner.n, seeds[index]));
        } catch (e) {
          fail(e);
          return;
        }
        finished(1);
        setImmediate(mainStep);
      };
      mainStep();
    });
  } finally {
    // a worker may still be building this run's runner (never fed): it is reusable all the same
    for (const w of workers) {
      if (broken.has(w) || done < B) void w.terminate();
      else releaseWorker(url, w);
    }
  }
  return { ...finishValidation(apparent, reps, validationMeta(data, seed)), threads };
}
