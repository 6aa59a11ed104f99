/**
 * Bootstrap internal validation on worker threads (node:worker_threads). The master seed gives one
 * seed per replicate before anything is split (replicateSeeds.ts), and this thread draws each
 * replicate's resample from its seed (so the workers load no random-number code); replicates are handed out in
 * small batches to whichever worker is free and stored by index, and the summary sums them in
 * replicate order — so the result is identical for any number of threads, and equal to the
 * synchronous bootstrapValidate (used here for 1 thread, small B, or when the compiled worker is
 * not available, e.g. in the browser bundle or when running from TypeScript sources without dist/).
 *
 * @example
 * const r = await parallelValidate(data, { bootstrap: 500, seed: 1, threads: 2, onProgress: (d, t) => bar(d / t) });
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { analysisError } from '../../errors.js';
import { validationMessages } from '../../messages/index.js';
import { apparentOrThrow, bootstrapValidate, finishValidation, validationMeta, type BootstrapOptions } from '../../stats/validation/bootstrapValidate.js';
import { bootstrapIndices, replicateSeeds } from '../../stats/validation/replicateSeeds.js';
import type { BootstrapValidationResult, ReplicateOutcome, ValidationData } from '../../stats/validation/types.js';
import { validationRunner } from '../../stats/validation/validationReplicates.js';

export interface ParallelOptions extends BootstrapOptions {
  /** Worker threads (default: available cores, at most 8, when patients × replicates ≥ 2,000,000; else 1); 1 = synchronous. */
  readonly threads?: number;
}

/** Below this many replicates the threads cost more than they save. */
const MIN_PARALLEL = 40;
/**
 * Without an explicit thread count, threads are used only from this much work (patients × replicates):
 * each worker starts cold (module load and JIT warm-up, ~0.3–1 s measured on a shared 2-core machine),
 * which on smaller problems costs more than it saves (bench/cases/validation.mjs: 1,000 patients ×
 * 500 replicates ran in 1.0 s on one thread, 2.4 s on two workers).
 */
const MIN_AUTO_WORK = 2_000_000;
const BATCH = 4;

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
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (w: Worker): boolean => {
        if (next >= B) return false;
        const batch: { index: number; indices: Int32Array }[] = [];
        for (let k = 0; k < BATCH && next < B; k++, next++) batch.push({ index: next, indices: bootstrapIndices(runner.n, seeds[next]) });
        w.postMessage(batch, batch.map((r) => r.indices.buffer as ArrayBuffer));
        return true;
      };
      for (let t = 0; t < threads; t++) {
        const w = new Worker(url, { workerData: data });
        workers.push(w);
        w.on('message', (out: { index: number; outcome: ReplicateOutcome }[]) => {
          for (const o of out) reps[o.index] = o.outcome;
          done += out.length;
          opts.onProgress?.(done, B);
          if (done === B) resolve();
          else feed(w);
        });
        w.on('error', (e) => reject(analysisError(validationMessages.workerFailed(e instanceof Error ? e.message : String(e)))));
        w.on('exit', (code) => {
          if (code !== 0 && done < B) reject(analysisError(validationMessages.workerFailed(`exit code ${code}`)));
        });
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { ...finishValidation(apparent, reps, validationMeta(data, seed)), threads };
}
