/**
 * runAnalyses on the threads of the machine. With bootstrap validations, the workers start on their
 * replicates (startValidationsOnThreads) while this thread runs every other analysis, then this
 * thread joins them to finish the replicates. Without, from SHARE_MIN_PATIENTS patients the
 * analyses themselves are shared with a worker (tasksOnThreads.ts): each thread takes the next one,
 * the kinds that take longest first.
 * The results are in runAnalyses' order and equal to its, for any number of threads (the replicates
 * are summed in replicate order; an analysis is the same computation on any thread), and a refusal
 * is the one runAnalyses would throw. With one thread, or without the compiled worker (the browser,
 * TypeScript sources without dist/), it is runAnalyses.
 *
 * @example
 * const results = await runAnalysesOnThreads(ds, spec.analyses ?? {}, spec.cutoffs ?? {}, { threads: 2 });
 */
import type { Worker } from 'node:worker_threads';
import type { Analyses, Cutoff } from '../../study/types.js';
import type { AnalysisDataset } from '../dataset.js';
import { analysisTasks, resolveCutoffs, runAnalyses, studyResults, type AnalysisResult, type RunOptions, type StudyResults } from '../runAnalyses.js';
import { defaultThreads } from './parallelValidate.js';
import { runTasksOnThreads } from './tasksOnThreads.js';
import { startValidationsOnThreads } from './validationsOnThreads.js';
import { analysisWorkerUrl, releaseWorker, takeWorker } from './workerPool.js';

/**
 * From this many patients the analyses are shared with a worker by default. Below, a worker would
 * still be loading its modules (~0.3–0.5 s, cold) when this thread has run them all.
 */
export const SHARE_MIN_PATIENTS = 10_000;

/**
 * The kinds of analysis that take longest on large cohorts, longest first (measured at 100,000
 * patients, 2026-12-07: a Cox regression with its univariable models 1.5–2.2 s, a time-dependent ROC
 * ~1.5 s, a baseline table ~0.7 s, a Fine–Gray model ~0.7 s); the others follow in their order.
 */
const LONG_FIRST: readonly string[] = ['cox', 'timeRoc', 'fineGray', 'baselineTable', 'decisionCurve', 'compare', 'roc', 'splines', 'nomogram', 'calibration'];
const longFirst = (kind: string): number => {
  const k = LONG_FIRST.indexOf(kind);
  return k < 0 ? LONG_FIRST.length : k;
};

export interface ThreadedRunOptions extends Omit<RunOptions, 'precomputed'> {
  /** This thread and threads − 1 workers (default: one per core, at most 8); 1 = runAnalyses. */
  readonly threads?: number | null;
  /** Share the analyses with the workers (default: from SHARE_MIN_PATIENTS patients, when no bootstrap keeps them busy). */
  readonly shareAnalyses?: boolean;
}

export async function runAnalysesOnThreads(
  ds: AnalysisDataset,
  analyses: Analyses,
  cutoffSpecs: Readonly<Record<string, Cutoff>>,
  opts: ThreadedRunOptions = {},
): Promise<StudyResults> {
  const pending = startValidationsOnThreads(ds, analyses, cutoffSpecs, { threads: opts.threads, ties: opts.ties, onProgress: opts.onProgress });
  const threads = opts.threads ?? defaultThreads();
  const url = analysisWorkerUrl();
  const share = pending === null && threads > 1 && url !== null && (opts.shareAnalyses ?? ds.n >= SHARE_MIN_PATIENTS);
  if (pending === null && !share) return runAnalyses(ds, analyses, cutoffSpecs, opts);
  try {
    const cutoffs = pending ? new Map(pending.cutoffs) : resolveCutoffs(ds, cutoffSpecs, opts.onProgress);
    const tasks = analysisTasks(ds, analyses, cutoffs, opts);
    const out: AnalysisResult[] = new Array(tasks.length);
    const others = tasks.flatMap((t, i) => (t.validation === null ? [i] : []));
    // shared, the longest kinds are taken first (a long one taken last would keep the others waiting)
    if (share) others.sort((a, b) => longFirst(tasks[a].kind) - longFirst(tasks[b].kind) || a - b);
    if (share && url) {
      const workers = Array.from({ length: threads - 1 }, () => takeWorker(url));
      const exited = new Set<Worker>();
      for (const w of workers) w.once('exit', () => exited.add(w));
      try {
        const done = await runTasksOnThreads(tasks, others, { ds, analyses, cutoffs: [...cutoffs], ties: opts.ties }, workers, opts.onProgress);
        for (const [i, r] of done) out[i] = r;
      } finally {
        for (const w of workers) {
          if (exited.has(w)) void w.terminate();
          else releaseWorker(url, w);
        }
      }
    } else
      for (const i of others) {
        opts.onProgress?.(tasks[i].step);
        out[i] = tasks[i].run();
      }
    if (pending) {
      const pre = await pending.join();
      tasks.forEach((t, i) => {
        if (t.validation !== null) out[i] = t.run(pre.validations[t.validation]);
      });
    }
    return studyResults(cutoffs, out);
  } finally {
    await pending?.cancel(); // nothing once joined; else the workers stop
  }
}
