/**
 * runAnalyses with the bootstrap validations on worker threads meanwhile: the workers start on the
 * replicates (startValidationsOnThreads), this thread runs every other analysis, then joins them
 * to finish the replicates, and the validation entries are run with their bootstraps. The results
 * are in runAnalyses' order and equal to its, for any number of threads (the replicates are summed
 * in replicate order). With nothing for threads (no validation, one thread, the browser) it is
 * runAnalyses.
 *
 * @example
 * const results = await runAnalysesOnThreads(ds, spec.analyses ?? {}, spec.cutoffs ?? {}, { threads: 2 });
 */
import type { Analyses, Cutoff } from '../../study/types.js';
import type { AnalysisDataset } from '../dataset.js';
import { analysisTasks, runAnalyses, studyResults, type AnalysisResult, type RunOptions, type StudyResults } from '../runAnalyses.js';
import { startValidationsOnThreads } from './validationsOnThreads.js';

export async function runAnalysesOnThreads(
  ds: AnalysisDataset,
  analyses: Analyses,
  cutoffSpecs: Readonly<Record<string, Cutoff>>,
  opts: Omit<RunOptions, 'precomputed'> & { readonly threads?: number | null } = {},
): Promise<StudyResults> {
  const pending = startValidationsOnThreads(ds, analyses, cutoffSpecs, { threads: opts.threads, ties: opts.ties, onProgress: opts.onProgress });
  if (pending === null) return runAnalyses(ds, analyses, cutoffSpecs, opts);
  try {
    const cutoffs = new Map(pending.cutoffs);
    const tasks = analysisTasks(ds, analyses, cutoffs, opts);
    const out: AnalysisResult[] = new Array(tasks.length);
    tasks.forEach((t, i) => {
      if (t.validation !== null) return;
      opts.onProgress?.(t.step);
      out[i] = t.run();
    });
    const pre = await pending.join();
    tasks.forEach((t, i) => {
      if (t.validation !== null) out[i] = t.run(pre.validations[t.validation]);
    });
    return studyResults(cutoffs, out);
  } finally {
    await pending.cancel(); // nothing once joined; else the workers stop
  }
}
