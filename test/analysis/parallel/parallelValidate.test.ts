import { describe, expect, it } from 'vitest';
import { parallelValidate, startParallelValidation } from '../../../src/analysis/parallel/parallelValidate.js';
import { analysisWorkerUrl } from '../../../src/analysis/parallel/workerPool.js';
import { bootstrapValidate } from '../../../src/stats/validation/bootstrapValidate.js';
import type { ValidationData } from '../../../src/stats/validation/types.js';

// Threads − 1 workers take replicates from a shared counter as soon as the run starts, this thread
// when it joins; the workers are kept for the next run (workerPool.ts): every thread count, a run on
// reused workers, and a run the workers mostly did before this thread joined give the synchronous result.
describe('parallelValidate', () => {
  let s = 3;
  const rnd = () => (s = (s * 48271) % 2147483647) / 2147483647;
  const n = 1500; // replicates long enough (a few ms) that the workers, once ready, take part
  const columns = [Float64Array.from({ length: n }, () => rnd() * 2), Float64Array.from({ length: n }, () => (rnd() < 0.4 ? 1 : 0))];
  const time = Float64Array.from({ length: n }, (_, i) => Math.ceil(-Math.log(rnd()) * 10 * Math.exp(-0.5 * columns[0][i])));
  const event = Uint8Array.from({ length: n }, () => (rnd() < 0.75 ? 1 : 0));
  const data: ValidationData = { kind: 'cox', time, event, columns, termNames: ['a', 'b'], horizon: 8, ties: 'efron' };
  it.skipIf(analysisWorkerUrl() === null)('equals the synchronous loop for 2 and 3 threads, also on reused workers', async () => {
    const sync = bootstrapValidate(data, { bootstrap: 200, seed: 5 });
    for (const threads of [2, 3, 2, 2]) {
      const r = await parallelValidate(data, { bootstrap: 200, seed: 5, threads });
      expect(r.threads).toBe(threads);
      expect({ ...r, threads: undefined }).toEqual({ ...sync, threads: undefined });
    }
    // before join() only the workers compute: wait until they have done 50 replicates
    let early = 0;
    let reached: () => void = () => {};
    const fifty = new Promise<void>((resolve) => (reached = resolve));
    const run = startParallelValidation(data, { bootstrap: 200, seed: 5, threads: 2, onProgress: (d) => ((early = d), d >= 50 && reached()) });
    await fifty;
    expect(early).toBeGreaterThanOrEqual(50);
    const r = await run.join();
    expect({ ...r, threads: undefined }).toEqual({ ...sync, threads: undefined });
  });

  it.skipIf(analysisWorkerUrl() === null)('cancel() stops a run that is never joined; its workers are ended, not left running', async () => {
    const run = startParallelValidation(data, { bootstrap: 200, seed: 5, threads: 2 });
    await run.cancel();
    const r = await parallelValidate(data, { bootstrap: 200, seed: 5, threads: 2 });
    expect({ ...r, threads: undefined }).toEqual({ ...bootstrapValidate(data, { bootstrap: 200, seed: 5 }), threads: undefined });
  });
});
