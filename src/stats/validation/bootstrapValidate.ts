/**
 * Bootstrap internal validation, synchronous (Harrell, Lee & Mark 1996, Stat Med 15:361–387;
 * Efron & Tibshirani 1993): B seeded resamples, each refitted and scored on itself and on the
 * original data; apparent, optimism and optimism-corrected C (and Dxy), calibration slope and Brier
 * score, as rms::validate. The same replicates as the worker-thread version
 * (src/analysis/parallel/parallelValidate.ts) for the same seed: replicate b uses seed b of
 * replicateSeeds(seed, B).
 *
 * @example
 * const r = bootstrapValidate(data, { bootstrap: 200, seed: 1 });
 * [r.c.apparent, r.c.optimism, r.c.corrected, r.successful] // e.g. [0.64, 0.02, 0.62, 200]
 */
import { analysisError } from '../../errors.js';
import { validationMessages } from '../../messages/index.js';
import { replicateSeeds } from './replicateSeeds.js';
import { summariseOptimism, type OptimismMeta } from './summariseOptimism.js';
import type { BootstrapValidationResult, ReplicateOutcome, ValidationData, ValidationIndexes } from './types.js';
import { validationRunner } from './validationReplicates.js';

export interface BootstrapOptions {
  readonly bootstrap?: number;
  readonly seed?: number;
  /** Called after each replicate with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

export function validationMeta(data: ValidationData, seed: number): OptimismMeta {
  if (data.kind === 'cox') {
    let ev = 0;
    for (let i = 0; i < data.event.length; i++) ev += data.event[i];
    return { model: 'cox', n: data.time.length, events: ev, horizon: data.horizon, terms: data.termNames, seed };
  }
  let ev = 0;
  for (let i = 0; i < data.y.length; i++) ev += data.y[i];
  return { model: 'logistic', n: data.y.length, events: ev, horizon: null, terms: data.termNames, seed };
}

/** Apparent indexes or an analysis error naming why the full-data fit failed. */
export function apparentOrThrow(a: ValidationIndexes | string): ValidationIndexes {
  if (typeof a === 'string') throw analysisError(validationMessages.apparentFitFailed(a));
  return a;
}

export function finishValidation(apparent: ValidationIndexes, reps: readonly ReplicateOutcome[], meta: OptimismMeta): BootstrapValidationResult {
  if (!reps.some((r) => r.ok)) throw analysisError(validationMessages.allReplicatesFailed(reps.length));
  return summariseOptimism(apparent, reps, meta);
}

export function bootstrapValidate(data: ValidationData, opts: BootstrapOptions = {}): BootstrapValidationResult {
  const B = opts.bootstrap ?? 200;
  const seed = opts.seed ?? 1;
  const run = validationRunner(data);
  const apparent = apparentOrThrow(run.apparent());
  const seeds = replicateSeeds(seed, B);
  const reps: ReplicateOutcome[] = [];
  for (let b = 0; b < B; b++) {
    reps.push(run.replicateOfSeed(seeds[b]));
    opts.onProgress?.(b + 1, B);
  }
  return finishValidation(apparent, reps, validationMeta(data, seed));
}
