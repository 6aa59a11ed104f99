/**
 * The worker thread of the analyses, reused across runs (workerPool.ts). Two kinds of run, each
 * taking its work from a counter shared with the main thread (Atomics.add on a SharedArrayBuffer)
 * until all is claimed:
 * - a bootstrap validation ({ run, data, seeds, claim, total }): builds its runner, then computes
 *   replicates, each answered as { run, out: { index, outcome } } (the pure engine's result,
 *   src/stats/validation/validationReplicates.ts; the resample drawn here from its seed);
 * - a study's analyses ({ run, tasks: { ds, analyses, cutoffs, ties, list } }): builds the same
 *   ordered tasks as runAnalyses (analysisTasks) and runs those of `list` it claims, each answered
 *   as { run, task: { index, result } }, or { index, error } (a refusal: its kind and message), or
 *   { index, retry: true } when the result cannot be sent (the main thread then runs it itself).
 * A run whose work was all claimed before this worker got to it is skipped. { warm: true } loads
 * the analyses' modules ahead of a run (analyzeStudy sends it once the data are read). No statistics here.
 */
import { parentPort } from 'node:worker_threads';
import { validationRunner } from '../../stats/validation/validationReplicates.js';
import type { ValidationData } from '../../stats/validation/types.js';
import type { WorkerReply } from './parallelValidate.js';
import type { TaskReply, TasksPayload } from './tasksOnThreads.js';

interface ValidationMessage {
  readonly run: number;
  readonly data: ValidationData;
  readonly seeds: Uint32Array;
  readonly claim: SharedArrayBuffer;
  readonly total: number;
}

interface TasksMessage {
  readonly run: number;
  readonly tasks: TasksPayload;
  readonly claim: SharedArrayBuffer;
}

parentPort!.on('message', (m: ValidationMessage | TasksMessage | { readonly warm: true }) => {
  if ('warm' in m) {
    void import('../runAnalyses.js'); // started early (workerPool.ts warmWorkers): its modules load while the main thread resolves the cut-offs
    return;
  }
  if ('tasks' in m) {
    void runTasks(m);
    return;
  }
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

async function runTasks(m: TasksMessage): Promise<void> {
  const counter = new Int32Array(m.claim);
  const { ds, analyses, cutoffs, ties, list } = m.tasks;
  if (Atomics.load(counter, 0) >= list.length) return;
  // loaded on the first analyses run only: a bootstrap-only worker starts without them
  const { analysisTasks } = await import('../runAnalyses.js');
  const { SiilabError } = await import('../../errors.js');
  const tasks = analysisTasks(ds, analyses, new Map(cutoffs), { ties });
  for (;;) {
    const k = Atomics.add(counter, 0, 1);
    if (k >= list.length) return;
    const index = list[k];
    let reply: TaskReply;
    try {
      reply = { run: m.run, task: { index, result: tasks[index].run() } };
    } catch (e) {
      const known = e instanceof SiilabError;
      reply = { run: m.run, task: { index, error: { kind: known ? e.kind : null, message: e instanceof Error ? e.message : String(e), stack: known ? null : e instanceof Error ? e.stack ?? null : null } } };
    }
    try {
      parentPort!.postMessage(reply);
    } catch {
      parentPort!.postMessage({ run: m.run, task: { index, retry: true } } satisfies TaskReply);
    }
  }
}
