/**
 * Worker-thread shell of the bootstrap validation, reused across runs (workerPool.ts): receives a
 * run's data ({ run, data }), answers { run, ready: true } once its runner is built, then batches
 * { run, batch: [{ index, seed }] } (each replicate's seed; its resample is drawn here by
 * bootstrapIndices, as the main thread would), each answered with the pure engine's results
 * (src/stats/validation/validationReplicates.ts) as { run, out }. No statistics here.
 */
import { parentPort } from 'node:worker_threads';
import { validationRunner, type ValidationRunner } from '../../stats/validation/validationReplicates.js';
import type { ValidationData } from '../../stats/validation/types.js';
import { bootstrapIndices } from '../../stats/validation/replicateSeeds.js';

type Message = { run: number; data: ValidationData } | { run: number; batch: { index: number; seed: number }[] };

let current: { run: number; runner: ValidationRunner } | null = null;
parentPort!.on('message', (m: Message) => {
  if ('data' in m) {
    current = { run: m.run, runner: validationRunner(m.data) };
    parentPort!.postMessage({ run: m.run, ready: true });
    return;
  }
  if (!current || current.run !== m.run) return; // a batch of an earlier run (not sent in practice)
  const runner = current.runner;
  const out = m.batch.map(({ index, seed }) => ({ index, outcome: runner.replicate(bootstrapIndices(runner.n, seed)) }));
  parentPort!.postMessage({ run: m.run, out });
});
