/**
 * The bootstrap of each `analyses.validation` entry run on worker threads alongside runAnalyses
 * (which is synchronous, also in the browser): the cut-offs are resolved once, each model's data are
 * built as runAnalyses builds them (a Cox model's without its fit: prognosticModelData), and its replicates go to startParallelValidation,
 * which gives the same result as the synchronous loop for the same seed. `startValidationsOnThreads`
 * sets the workers going and returns; the caller runs the other analyses on this thread meanwhile,
 * then `join()` has this thread help finish the replicates (analyzeStudy). The entries share the
 * same T − 1 workers, which take them in order. An entry that cannot be built here is left to
 * runAnalyses, so that its message comes in the usual order.
 *
 * @example
 * const pending = startValidationsOnThreads(ds, spec.analyses ?? {}, spec.cutoffs ?? {}, { threads: 2 });
 * // … other analyses on this thread …
 * const pre = await pending?.join();
 * runAnalyses(ds, { validation: spec.analyses.validation }, spec.cutoffs ?? {}, { precomputed: pre });
 */
import type { Worker } from 'node:worker_threads';
import type { Analyses, Cutoff } from '../../study/types.js';
import type { BootstrapValidationResult } from '../../stats/validation/types.js';
import type { CutoffResult } from '../cutoffs.js';
import type { AnalysisDataset } from '../dataset.js';
import { prognosticModel, prognosticModelData } from '../prognosticModel.js';
import { resolveCutoffs, validationHorizon } from '../runAnalyses.js';
import { startParallelValidation, validationThreads, type ValidationRun } from './parallelValidate.js';
import { analysisWorkerUrl, releaseWorker, takeWorker } from './workerPool.js';

export interface PrecomputedAnalyses {
  readonly cutoffs: ReadonlyMap<string, CutoffResult>;
  readonly validations: readonly (BootstrapValidationResult | undefined)[];
}

export interface PendingValidations {
  /** The cut-offs, resolved before the models were built (runAnalyses takes them from here). */
  readonly cutoffs: ReadonlyMap<string, CutoffResult>;
  /** This thread helps finish every entry's replicates, in order; each entry's result (undefined: left to runAnalyses). */
  join(): Promise<PrecomputedAnalyses>;
  /** Stops every entry (the caller failed before joining). */
  cancel(): Promise<void>;
}

export interface ThreadOptions {
  readonly threads?: number | null;
  readonly ties?: 'efron' | 'breslow';
  readonly onProgress?: (step: string) => void;
}

/** null when there is nothing to run on threads (no validation entry, one thread, or the cut-offs fail: runAnalyses says why). */
export function startValidationsOnThreads(ds: AnalysisDataset, analyses: Analyses, cutoffSpecs: Readonly<Record<string, Cutoff>>, opts: ThreadOptions = {}): PendingValidations | null {
  const list = analyses.validation ?? [];
  const url = analysisWorkerUrl();
  if (list.length === 0 || opts.threads === 1 || url === null) return null;
  let cutoffs: Map<string, CutoffResult>;
  try {
    cutoffs = resolveCutoffs(ds, cutoffSpecs, opts.onProgress);
  } catch {
    return null; // runAnalyses says why
  }
  const entries = list.map((a, k) => {
    try {
      // a Cox model's data without its fit (the workers start now; runAnalyses fits it, once, while
      // they run); a logistic model (a fast fit) as runAnalyses builds it
      const args = [ds, `analyses.validation (validation-${k + 1})`, a.endpoint, a.predictors, cutoffs, validationHorizon(ds, a.endpoint, a.horizon), opts.ties] as const;
      const data = prognosticModelData(...args) ?? prognosticModel(...args).data;
      const o = { bootstrap: a.bootstrap ?? 200, seed: a.seed ?? 1, threads: opts.threads ?? undefined };
      return { data, o, threads: validationThreads(data, o) };
    } catch {
      return null;
    }
  });
  const workers: Worker[] = Array.from({ length: Math.max(0, ...entries.map((e) => (e ? e.threads - 1 : 0))) }, () => takeWorker(url));
  const exited = new Set<Worker>();
  for (const w of workers) w.once('exit', () => exited.add(w));
  const runs: (ValidationRun | null)[] = entries.map((e) =>
    e === null ? null : startParallelValidation(e.data, { ...e.o, ...(e.threads > 1 ? { workers: workers.slice(0, e.threads - 1) } : { threads: 1 }) }),
  );
  let ended = false;
  const end = async (cancel: boolean): Promise<void> => {
    if (ended) return;
    ended = true;
    if (cancel) await Promise.all(runs.map((r) => r?.cancel()));
    for (const w of workers) {
      if (cancel || exited.has(w)) void w.terminate();
      else releaseWorker(url, w);
    }
  };
  return {
    cutoffs,
    async join() {
      const validations: (BootstrapValidationResult | undefined)[] = [];
      let ok = false;
      try {
        for (const [k, r] of runs.entries()) {
          opts.onProgress?.(`bootstrap validation ${k + 1}`);
          try {
            if (r === null) validations.push(undefined);
            else {
              const { threads: _threads, ...result } = await r.join();
              validations.push(result);
            }
          } catch {
            validations.push(undefined); // runAnalyses runs it again and says why
          }
        }
        ok = true;
      } finally {
        await end(!ok);
      }
      return { cutoffs, validations };
    },
    cancel: () => end(true),
  };
}

/** Starts and joins at once (nothing else to run meanwhile). */
export async function validationsOnThreads(ds: AnalysisDataset, analyses: Analyses, cutoffSpecs: Readonly<Record<string, Cutoff>>, opts: ThreadOptions = {}): Promise<PrecomputedAnalyses | null> {
  return (await startValidationsOnThreads(ds, analyses, cutoffSpecs, opts)?.join()) ?? null;
}
