/**
 * The bootstrap of each `analyses.validation` entry run on worker threads before runAnalyses
 * (which is synchronous, also in the browser): the cut-offs are resolved once, each model is built
 * as runAnalyses builds it (prognosticModel), and its replicates go to parallelValidate, which gives
 * the same result as the synchronous loop for the same seed. An entry that cannot be built here is
 * left to runAnalyses, so that its message comes in the usual order.
 *
 * @example
 * const pre = await validationsOnThreads(ds, spec.analyses ?? {}, spec.cutoffs ?? {}, { threads: 2 });
 * runAnalyses(ds, spec.analyses ?? {}, spec.cutoffs ?? {}, { precomputed: pre ?? undefined });
 */
import type { Analyses, Cutoff } from '../../study/types.js';
import type { BootstrapValidationResult } from '../../stats/validation/types.js';
import type { CutoffResult } from '../cutoffs.js';
import type { AnalysisDataset } from '../dataset.js';
import { prognosticModel } from '../prognosticModel.js';
import { resolveCutoffs, validationHorizon } from '../runAnalyses.js';
import { parallelValidate } from './parallelValidate.js';

export interface PrecomputedAnalyses {
  readonly cutoffs: ReadonlyMap<string, CutoffResult>;
  readonly validations: readonly (BootstrapValidationResult | undefined)[];
}

export async function validationsOnThreads(
  ds: AnalysisDataset,
  analyses: Analyses,
  cutoffSpecs: Readonly<Record<string, Cutoff>>,
  opts: { readonly threads?: number | null; readonly ties?: 'efron' | 'breslow'; readonly onProgress?: (step: string) => void } = {},
): Promise<PrecomputedAnalyses | null> {
  const list = analyses.validation ?? [];
  if (list.length === 0 || opts.threads === 1) return null;
  let cutoffs: Map<string, CutoffResult>;
  try {
    cutoffs = resolveCutoffs(ds, cutoffSpecs, opts.onProgress);
  } catch {
    return null; // runAnalyses says why
  }
  const validations: (BootstrapValidationResult | undefined)[] = [];
  for (const [k, a] of list.entries()) {
    opts.onProgress?.(`bootstrap validation ${k + 1}`);
    try {
      const m = prognosticModel(ds, `analyses.validation (validation-${k + 1})`, a.endpoint, a.predictors, cutoffs, validationHorizon(ds, a.endpoint, a.horizon), opts.ties);
      const { threads: _threads, ...result } = await parallelValidate(m.data, { bootstrap: a.bootstrap ?? 200, seed: a.seed ?? 1, threads: opts.threads ?? undefined });
      validations.push(result);
    } catch {
      validations.push(undefined);
    }
  }
  return { cutoffs, validations };
}
