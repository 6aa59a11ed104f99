/**
 * Worker-thread shell of the bootstrap validation: receives the data once (workerData), then
 * batches of { index, indices } (each replicate's resample, drawn in the main thread) and answers
 * each with the pure engine's result (src/stats/validation/validationReplicates.ts). No statistics
 * and no random numbers here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { validationRunner } from '../../stats/validation/validationReplicates.js';
import type { ValidationData } from '../../stats/validation/types.js';

const runner = validationRunner(workerData as ValidationData);
parentPort!.on('message', (batch: { index: number; indices: Int32Array }[]) => {
  const out = batch.map(({ index, indices }) => ({ index, outcome: runner.replicate(indices) }));
  parentPort!.postMessage(out);
});
