/**
 * The common face of the Cox and logistic bootstrap: prepare once per thread, then compute the
 * apparent indexes and any replicate from its resample (row indices; drawn by replicateSeeds.ts in
 * the calling thread, so a worker needs no random numbers). Used by the synchronous loop
 * (bootstrapValidate.ts) and by the worker thread (src/analysis/parallel/analysisWorker.ts).
 *
 * @example
 * const v = validationRunner(data);
 * v.apparent();                               // { c, slope: 1, brier }
 * v.replicate(bootstrapIndices(v.n, 12345));  // { ok: true, train, test } or { ok: false, reason }
 * v.replicateOfSeed(12345);                    // the same
 */
import { coxApparent, coxReplicate, coxValidationContext } from './coxValidation.js';
import { logisticApparent, logisticReplicate, logisticValidationContext } from './logisticValidation.js';
import type { ReplicateOutcome, ValidationData, ValidationIndexes } from './types.js';
import { bootstrapIndices } from './replicateSeeds.js';

export interface ValidationRunner {
  /** Number of patients (length of a resample). */
  readonly n: number;
  apparent(): ValidationIndexes | string;
  replicate(indices: Int32Array): ReplicateOutcome;
  /** The replicate of a seed: its resample drawn by bootstrapIndices into the runner's own array, reused (no fresh n-length array per replicate). */
  replicateOfSeed(seed: number): ReplicateOutcome;
}

export function validationRunner(data: ValidationData): ValidationRunner {
  let n: number;
  let apparent: () => ValidationIndexes | string;
  let replicate: (idx: Int32Array) => ReplicateOutcome;
  if (data.kind === 'cox') {
    const ctx = coxValidationContext(data);
    n = data.time.length;
    apparent = () => coxApparent(ctx);
    replicate = (idx) => coxReplicate(ctx, idx);
  } else {
    const ctx = logisticValidationContext(data);
    n = data.y.length;
    apparent = () => logisticApparent(ctx);
    replicate = (idx) => logisticReplicate(ctx, idx);
  }
  const idx = new Int32Array(n);
  return { n, apparent, replicate, replicateOfSeed: (seed) => replicate(bootstrapIndices(n, seed, idx)) };
}
