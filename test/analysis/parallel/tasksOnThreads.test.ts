import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadStudy } from '../../../src/cohort/loadStudy.js';
import { fromCohortDataset } from '../../../src/analysis/fromCohortDataset.js';
import { analysisTasks, resolveCutoffs } from '../../../src/analysis/runAnalyses.js';
import { runTasksOnThreads } from '../../../src/analysis/parallel/tasksOnThreads.js';
import { analysisWorkerUrl, releaseWorker, takeWorker } from '../../../src/analysis/parallel/workerPool.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

it.skipIf(analysisWorkerUrl() === null)('deng2025: a worker takes the analyses this thread has not reached; its results (clones) equal this thread\'s', async () => {
  const load = await loadStudy(join(ROOT, 'examples', 'deng2025', 'study.yaml'));
  const ds = fromCohortDataset(load.dataset, load.labels);
  const analyses = load.spec.analyses!;
  const cutoffs = resolveCutoffs(ds, load.spec.cutoffs ?? {});
  const tasks = analysisTasks(ds, analyses, cutoffs);
  const here = tasks.map((t) => t.run());
  // this thread is slow (each of its analyses takes 150 ms more), so the worker must take some
  const slow = tasks.map((t, i) => ({ ...t, run: () => {
    const until = Date.now() + 150;
    while (Date.now() < until);
    return here[i];
  } }));
  const list = tasks.map((_, i) => i);
  const url = analysisWorkerUrl()!;
  const w = takeWorker(url);
  try {
    const got = await runTasksOnThreads(slow, list, { ds, analyses, cutoffs: [...cutoffs] }, [w]);
    expect([...got.keys()].sort((a, b) => a - b)).toEqual(list);
    const byWorker = list.filter((i) => got.get(i) !== here[i]);
    expect(byWorker.length).toBeGreaterThan(0);
    for (const i of list) expect(JSON.stringify(got.get(i))).toBe(JSON.stringify(here[i]));
  } finally {
    releaseWorker(url, w);
  }
}, 60000);
