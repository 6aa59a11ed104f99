/**
 * Bootstrap internal validation on worker threads (node:worker_threads). The master seed gives one
 * seed per replicate before anything is split (replicateSeeds.ts), and whichever thread computes a
 * replicate draws its resample from its seed (bootstrapIndices: a worker is sent the seeds, not
 * 100,000 indices per replicate). The threads take replicates from one shared counter
 * (Atomics.add on a SharedArrayBuffer): each takes the next unclaimed index until all B are
 * claimed, so no thread waits to be fed. `startParallelValidation` sets the T − 1 workers going at
 * once; this thread joins them when it calls `join()` — meanwhile it is free for other work (the
 * study's other analyses: analyzeStudy). Workers are kept warm for the next run in the process
 * (workerPool.ts), or passed in by a caller that runs several validations on the same ones.
 * Replicates are stored by index and the summary sums them in replicate order — so the result is
 * identical for any number of threads and any split, and equal to the synchronous bootstrapValidate
 * (used here for 1 thread, small B, or when the compiled worker is not available, e.g. in the
 * browser bundle or when running from TypeScript sources without dist/).
 *
 * @example
 * const r = await parallelValidate(data, { bootstrap: 500, seed: 1, threads: 2, onProgress: (d, t) => bar(d / t) });
 * const run = startParallelValidation(data, { bootstrap: 200, seed: 1, threads: 2 }); // workers start
 * const other = runOtherAnalyses();                                                  // this thread is free
 * const v = await run.join();                                                        // this thread helps finish
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { analysisWorkerUrl, releaseWorker, takeWorker } from './workerPool.js';
import { analysisError } from '../../errors.js';
import { validationMessages } from '../../messages/index.js';
import { apparentOrThrow, bootstrapValidate, finishValidation, validationMeta, type BootstrapOptions } from '../../stats/validation/bootstrapValidate.js';
import { replicateSeeds } from '../../stats/validation/replicateSeeds.js';
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

export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

export type ValidationOutcome = BootstrapValidationResult & { readonly threads: number };

/** A validation set going on worker threads. */
export interface ValidationRun {
  /** This thread helps finish the replicates; the result. Call once. */
  join(): Promise<ValidationOutcome>;
  /** Stops the run without a result (its caller failed before joining): no replicate is claimed after this. */
  cancel(): Promise<void>;
}

export interface StartOptions extends ParallelOptions {
  /**
   * Workers to use instead of T − 1 from the pool: the caller's, for several runs in a row (each
   * worker takes its messages in order, so a run's replicates follow the previous run's); the
   * caller releases them. Their number sets the thread count (with this thread).
   */
  readonly workers?: readonly Worker[];
}

/** A worker's message: one replicate of a run done. */
export interface WorkerReply {
  readonly run: number;
  readonly out: { readonly index: number; readonly outcome: ReplicateOutcome };
}

let runs = 0;

/** The threads a run would use (1: synchronous), as parallelValidate decides them. */
export function validationThreads(data: ValidationData, opts: ParallelOptions = {}): number {
  const B = opts.bootstrap ?? 200;
  const n = data.kind === 'cox' ? data.time.length : data.y.length;
  const threads = Math.min(opts.threads ?? defaultThreads(), B);
  const auto = opts.threads === undefined;
  if (threads <= 1 || B < MIN_PARALLEL || analysisWorkerUrl() === null || (auto && n * B < MIN_AUTO_WORK)) return 1;
  return threads;
}

export async function parallelValidate(data: ValidationData, opts: ParallelOptions = {}): Promise<ValidationOutcome> {
  return startParallelValidation(data, opts).join();
}

/**
 * Starts the workers on the run's replicates and returns at once; nothing is computed on this
 * thread before `join()`. With one thread (validationThreads) `join()` runs bootstrapValidate.
 */
export function startParallelValidation(data: ValidationData, opts: StartOptions = {}): ValidationRun {
  const B = opts.bootstrap ?? 200;
  const seed = opts.seed ?? 1;
  const url = analysisWorkerUrl();
  const threads = opts.workers ? (opts.workers.length > 0 && url !== null && B >= MIN_PARALLEL ? opts.workers.length + 1 : 1) : validationThreads(data, opts);
  if (threads <= 1 || url === null) return { join: async () => ({ ...bootstrapValidate(data, opts), threads: 1 }), cancel: async () => {} };

  const seeds = replicateSeeds(seed, B);
  const claim = new SharedArrayBuffer(4);
  const counter = new Int32Array(claim);
  const reps: ReplicateOutcome[] = new Array(B);
  let done = 0;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const run = ++runs;
  const own = !opts.workers;
  const workers: Worker[] = opts.workers ? [...opts.workers] : Array.from({ length: threads - 1 }, () => takeWorker(url));
  const broken = new Set<Worker>();
  const settle = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const fail = (e: unknown): void => {
    failure ??= e;
    settle();
  };
  const listeners: { w: Worker; message: (m: WorkerReply) => void; error: (e: unknown) => void; exit: (code: number) => void }[] = [];
  for (const w of workers) {
    const onMessage = (m: WorkerReply): void => {
      if (m.run !== run) return;
      reps[m.out.index] = m.out.outcome;
      done++;
      opts.onProgress?.(done, B);
      if (done === B) settle();
    };
    const onError = (e: unknown): void => {
      broken.add(w);
      fail(analysisError(validationMessages.workerFailed(e instanceof Error ? e.message : String(e))));
    };
    const onExit = (code: number): void => {
      broken.add(w);
      if (done < B) fail(analysisError(validationMessages.workerFailed(`exit code ${code}`)));
    };
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    listeners.push({ w, message: onMessage, error: onError, exit: onExit });
    w.postMessage({ run, data, seeds, claim, total: B });
  }

  const join = async (): Promise<ValidationOutcome> => {
    try {
      if (failure) throw failure;
      const runner = validationRunner(data);
      const apparent = apparentOrThrow(runner.apparent());
      await new Promise<void>((resolve, reject) => {
        const finish = (): void => (failure ? reject(failure) : done === B ? resolve() : void (wake = finish));
        // this thread takes replicates too, one at a time, yielding between them so that the
        // workers' results are received as they come
        const step = (): void => {
          if (failure) return reject(failure);
          const index = Atomics.add(counter, 0, 1);
          if (index >= B) return finish();
          try {
            reps[index] = runner.replicateOfSeed(seeds[index]);
          } catch (e) {
            fail(e);
            return reject(e);
          }
          done++;
          opts.onProgress?.(done, B);
          setImmediate(step);
        };
        step();
      });
      return { ...finishValidation(apparent, reps, validationMeta(data, seed)), threads };
    } finally {
      end();
    }
  };
  /** No more claims; the workers this run took go back to the pool (ended if still busy or broken); a caller's lose this run's listeners. */
  const end = (): void => {
    Atomics.store(counter, 0, B);
    for (const { w, message, error, exit } of listeners) {
      if (broken.has(w) || (own && done < B)) void w.terminate();
      else if (own) releaseWorker(url, w);
      else {
        w.off('message', message);
        w.off('error', error);
        w.off('exit', exit);
      }
    }
    listeners.length = 0;
  };
  return { join, cancel: async () => end() };
}
