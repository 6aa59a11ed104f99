/**
 * Worker-thread shell of the bootstrap validation: receives the data once (workerData), then
 * batches of { index, seed } and answers each replicate with the pure engine's result
 * (src/stats/validation/validationReplicates.ts). No statistics here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { validationRunner } from '../../stats/validation/validationReplicates.js';
import type { ValidationData } from '../../stats/validation/types.js';

const runner = validationRunner(workerData as ValidationData);
parentPort!.on('message', (batch: { index: number; seed: number }[]) => {
  const out = batch.map(({ index, seed }) => ({ index, outcome: runner.replicate(seed) }));
  parentPort!.postMessage(out);
});
