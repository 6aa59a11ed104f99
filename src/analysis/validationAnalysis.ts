/**
 * Bootstrap internal validation of a multivariable model (study spec `analyses.validation`):
 * optimism-corrected C, calibration slope and Brier score (at the horizon for a survival
 * endpoint), as rms::validate (src/stats/validation/bootstrapValidate.ts). Runs synchronously here
 * (runAnalyses is pure and synchronous, also in the browser); `siilab validate` runs the same
 * replicates on worker threads with identical results for the same seed.
 */
import type { Candidate } from '../study/types.js';
import { validationMessages } from '../messages/index.js';
import { bootstrapValidate } from '../stats/validation/bootstrapValidate.js';
import type { BootstrapValidationResult } from '../stats/validation/types.js';
import type { AnalysisDataset } from './dataset.js';
import type { Cutoffs } from './modelEntry.js';
import { prognosticModel } from './prognosticModel.js';

export interface ValidationAnalysisResult {
  readonly kind: 'validation';
  readonly id: string;
  readonly endpoint: string;
  readonly unit: string | null;
  readonly nDropped: number;
  readonly validation: BootstrapValidationResult;
  readonly warnings: readonly string[];
}

export function validationAnalysis(ds: AnalysisDataset, id: string, endpoint: string, predictors: readonly Candidate[], cutoffs: Cutoffs, horizon: number | null, bootstrap: number, seed: number, ties?: 'efron' | 'breslow', done?: BootstrapValidationResult): ValidationAnalysisResult {
  const m = prognosticModel(ds, `analyses.validation (${id})`, endpoint, predictors, cutoffs, horizon, ties);
  // `done`: the same replicates already run on worker threads (parallelValidate: identical for the same seed)
  const validation = done ?? bootstrapValidate(m.data, { bootstrap, seed });
  const warnings = validation.failed > 0 ? [validationMessages.failedReplicates(validation.failed, validation.requested)] : [];
  return Object.freeze({ kind: 'validation', id, endpoint, unit: m.unit, nDropped: m.nDropped, validation, warnings });
}
