/**
 * A study's analyses shared between this thread and worker threads: each thread takes the next
 * analysis of `list` from one shared counter (Atomics.add) and runs it, so the long ones (a Cox
 * regression with its univariable models, the baseline table's tests) run at the same time as the
 * others. The workers get the dataset, the analyses and the resolved cut-offs once (structured
 * clone) and build the same ordered tasks (runAnalyses' analysisTasks); a result comes back by
 * structured clone, equal to this thread's (the engine is pure; a test compares whole results). A
 * refusal is kept and the first in the analyses' order is thrown once all have run, as runAnalyses
 * would throw it; a result a worker cannot send, and every analysis a failed worker left undone,
 * is run here.
 *
 * @example
 * const results = await runTasksOnThreads(tasks, [0, 1, 2, 4], { ds, analyses, cutoffs: [...cutoffs], ties }, [takeWorker(url)], step);
 * results.get(4) // the analysis of task 4
 */
import type { Worker } from 'node:worker_threads';
import { SiilabError, type ErrorKind } from '../../errors.js';
import type { Analyses } from '../../study/types.js';
import type { CutoffResult } from '../cutoffs.js';
import type { AnalysisDataset } from '../dataset.js';
import type { AnalysisResult, AnalysisTask } from '../runAnalyses.js';

/** What a worker needs to build the study's tasks. */
export interface TasksPayload {
  readonly ds: AnalysisDataset;
  readonly analyses: Analyses;
  readonly cutoffs: readonly (readonly [string, CutoffResult])[];
  readonly ties?: 'efron' | 'breslow';
  /** The task indices to share, in order. */
  readonly list: Int32Array;
}

/** A worker's answer for one task. */
export interface TaskReply {
  readonly run: number;
  readonly task:
    | { readonly index: number; readonly result: AnalysisResult }
    | { readonly index: number; readonly error: { readonly kind: ErrorKind | null; readonly message: string; readonly stack: string | null } }
    | { readonly index: number; readonly retry: true };
}

let runs = 0;

export async function runTasksOnThreads(
  tasks: readonly AnalysisTask[], list: readonly number[], payload: Omit<TasksPayload, 'list'>, workers: readonly Worker[], onProgress?: (step: string) => void,
): Promise<ReadonlyMap<number, AnalysisResult>> {
  const run = ++runs;
  const claim = new SharedArrayBuffer(4);
  const counter = new Int32Array(claim);
  const results = new Map<number, AnalysisResult>();
  const errors = new Map<number, unknown>();
  const done = new Set<number>();
  const retry: number[] = [];
  let wake: (() => void) | null = null;
  let workerLost = false;
  const settle = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const runHere = (index: number): void => {
    onProgress?.(tasks[index].step);
    try {
      results.set(index, tasks[index].run());
    } catch (e) {
      errors.set(index, e);
    }
    done.add(index);
  };
  const listeners: { w: Worker; message: (m: TaskReply) => void; lost: () => void }[] = [];
  for (const w of workers) {
    const message = (m: TaskReply): void => {
      if (m.run !== run) return;
      const t = m.task;
      if ('retry' in t) retry.push(t.index);
      else {
        if ('result' in t) results.set(t.index, t.result);
        else errors.set(t.index, t.error.kind ? new SiilabError(t.error.kind, t.error.message) : Object.assign(new Error(t.error.message), { stack: t.error.stack ?? undefined }));
        onProgress?.(tasks[t.index].step);
        done.add(t.index);
      }
      settle();
    };
    const lost = (): void => {
      workerLost = true;
      Atomics.store(counter, 0, list.length); // no more claims; what is undone is run here
      settle();
    };
    try {
      w.postMessage({ run, tasks: { ...payload, list: Int32Array.from(list) }, claim });
    } catch {
      continue; // the data cannot be sent (not cloneable): this thread runs everything
    }
    w.on('message', message);
    w.on('error', lost);
    w.on('exit', lost);
    listeners.push({ w, message, lost });
  }
  try {
    await new Promise<void>((resolve) => {
      const step = (): void => {
        const k = Atomics.add(counter, 0, 1);
        if (k < list.length) {
          runHere(list[k]);
          setImmediate(step);
          return;
        }
        finish();
      };
      // every claimed task answered (or, a worker lost, the undone ones run here); then the retries
      const finish = (): void => {
        if (workerLost) for (const index of list) if (!done.has(index) && !retry.includes(index)) runHere(index);
        while (retry.length) runHere(retry.pop()!);
        if (done.size === list.length) resolve();
        else wake = finish;
      };
      step();
    });
  } finally {
    for (const { w, message, lost } of listeners) {
      w.off('message', message);
      w.off('error', lost);
      w.off('exit', lost);
    }
  }
  for (const index of list) if (errors.has(index)) throw errors.get(index);
  return results;
}
