/**
 * Worker-thread shell of the bootstrap validation, reused across runs (workerPool.ts): receives a
 * run ({ run, data, seeds, claim, total }: the data, each replicate's seed, and the run's shared
 * claim counter), builds its runner, then takes replicates from the counter (Atomics.add) until all
 * `total` are claimed, answering each with the pure engine's result
 * (src/stats/validation/validationReplicates.ts) as { run, out: { index, outcome } }. A run whose
 * replicates were all claimed before this worker got to it is skipped (no runner built). Each
 * replicate's resample is drawn here from its seed (replicateOfSeed), as the main thread would.
 * No statistics here.
 */
import { parentPort } from 'node:worker_threads';
import { validationRunner } from '../../stats/validation/validationReplicates.js';
import type { ValidationData } from '../../stats/validation/types.js';
import type { WorkerReply } from './parallelValidate.js';

interface RunMessage {
  readonly run: number;
  readonly data: ValidationData;
  readonly seeds: Uint32Array;
  readonly claim: SharedArrayBuffer;
  readonly total: number;
}

parentPort!.on('message', (m: RunMessage) => {
  const counter = new Int32Array(m.claim);
  if (Atomics.load(counter, 0) >= m.total) return;
  const runner = validationRunner(m.data);
  for (;;) {
    const index = Atomics.add(counter, 0, 1);
    if (index >= m.total) return;
    const reply: WorkerReply = { run: m.run, out: { index, outcome: runner.replicateOfSeed(m.seeds[index]) } };
    parentPort!.postMessage(reply);
  }
});
