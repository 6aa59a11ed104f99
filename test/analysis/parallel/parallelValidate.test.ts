import { describe, expect, it } from 'vitest';
import { parallelValidate, validationWorkerUrl } from '../../../src/analysis/parallel/parallelValidate.js';
import { bootstrapValidate } from '../../../src/stats/validation/bootstrapValidate.js';
import type { ValidationData } from '../../../src/stats/validation/types.js';

// The main thread computes replicates alongside threads − 1 workers, which are kept for the next
// run (workerPool.ts): every thread count, and a run on reused workers, gives the synchronous result.
describe('parallelValidate', () => {
  let s = 3;
  const rnd = () => (s = (s * 48271) % 2147483647) / 2147483647;
  const n = 1500; // replicates long enough (a few ms) that the workers, once ready, take part
  const columns = [Float64Array.from({ length: n }, () => rnd() * 2), Float64Array.from({ length: n }, () => (rnd() < 0.4 ? 1 : 0))];
  const time = Float64Array.from({ length: n }, (_, i) => Math.ceil(-Math.log(rnd()) * 10 * Math.exp(-0.5 * columns[0][i])));
  const event = Uint8Array.from({ length: n }, () => (rnd() < 0.75 ? 1 : 0));
  const data: ValidationData = { kind: 'cox', time, event, columns, termNames: ['a', 'b'], horizon: 8, ties: 'efron' };
  it.skipIf(validationWorkerUrl() === null)('equals the synchronous loop for 2 and 3 threads, also on reused workers', async () => {
    const sync = bootstrapValidate(data, { bootstrap: 200, seed: 5 });
    let fromWorkers = 0;
    for (const threads of [2, 3, 2, 2]) {
      let last = 0;
      const r = await parallelValidate(data, { bootstrap: 200, seed: 5, threads, onProgress: (d) => ((fromWorkers += d - last > 1 ? d - last : 0), (last = d)) });
      expect(r.threads).toBe(threads);
      expect({ ...r, threads: undefined }).toEqual({ ...sync, threads: undefined });
    }
    expect(fromWorkers).toBeGreaterThan(0); // the workers did take part
  });
});
