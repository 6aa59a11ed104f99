/**
 * The common face of the Cox and logistic bootstrap: prepare once per thread, then compute the
 * apparent indexes and any replicate by its seed. Used by the synchronous loop
 * (bootstrapValidate.ts) and by the worker thread (src/analysis/parallel/validationWorker.ts).
 *
 * @example
 * const v = validationRunner(data);
 * v.apparent();          // { c, slope: 1, brier }
 * v.replicate(12345);    // { ok: true, train, test } or { ok: false, reason }
 */
import { coxApparent, coxReplicate, coxValidationContext } from './coxValidation.js';
import { logisticApparent, logisticReplicate, logisticValidationContext } from './logisticValidation.js';
import type { ReplicateOutcome, ValidationData, ValidationIndexes } from './types.js';

export interface ValidationRunner {
  apparent(): ValidationIndexes | string;
  replicate(seed: number): ReplicateOutcome;
}

export function validationRunner(data: ValidationData): ValidationRunner {
  if (data.kind === 'cox') {
    const ctx = coxValidationContext(data);
    return { apparent: () => coxApparent(ctx), replicate: (s) => coxReplicate(ctx, s) };
  }
  const ctx = logisticValidationContext(data);
  return { apparent: () => logisticApparent(ctx), replicate: (s) => logisticReplicate(ctx, s) };
}
