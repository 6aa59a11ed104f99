import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadStudy } from '../../../src/cohort/loadStudy.js';
import { fromCohortDataset } from '../../../src/analysis/fromCohortDataset.js';
import { runAnalyses } from '../../../src/analysis/runAnalyses.js';
import { runAnalysesOnThreads } from '../../../src/analysis/parallel/runAnalysesOnThreads.js';
import { analysisWorkerUrl } from '../../../src/analysis/parallel/workerPool.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

it.skipIf(analysisWorkerUrl() === null)('hong2021: every analysis, the bootstrap on a worker while this thread runs the others, equals runAnalyses alone (order, numbers, warnings, progress steps)', async () => {
  const load = await loadStudy(join(ROOT, 'examples', 'hong2021', 'study.yaml'));
  const ds = fromCohortDataset(load.dataset, load.labels);
  const analyses = load.spec.analyses!;
  const stepsThreaded: string[] = [];
  const stepsAlone: string[] = [];
  // bootstrap 200 on ~100 patients is below the automatic threshold: 2 threads asked for
  const threaded = await runAnalysesOnThreads(ds, analyses, load.spec.cutoffs ?? {}, { threads: 2, onProgress: (s) => stepsThreaded.push(s) });
  const alone = runAnalyses(ds, analyses, load.spec.cutoffs ?? {}, { onProgress: (s) => stepsAlone.push(s) });
  expect(JSON.stringify(threaded)).toBe(JSON.stringify(alone));
  expect(threaded.analyses.map((a) => a.id)).toContain('validation-1');
  expect(new Set(stepsThreaded)).toEqual(new Set(stepsAlone));
}, 60000);

it.skipIf(analysisWorkerUrl() === null)('deng2025: the analyses shared with a worker (each thread takes the next) equal runAnalyses alone; a refusal is the one runAnalyses throws', async () => {
  const load = await loadStudy(join(ROOT, 'examples', 'deng2025', 'study.yaml'));
  const ds = fromCohortDataset(load.dataset, load.labels);
  const analyses = load.spec.analyses!;
  for (const threads of [2, 3]) {
    const shared = await runAnalysesOnThreads(ds, analyses, load.spec.cutoffs ?? {}, { threads, shareAnalyses: true });
    const alone = runAnalyses(ds, analyses, load.spec.cutoffs ?? {});
    expect(JSON.stringify(shared)).toBe(JSON.stringify(alone));
  }
  // two failing analyses (an unknown endpoint, then an unknown candidate): the first in order is thrown
  const bad = { ...analyses, cox: [{ endpoint: 'nowhere', candidates: ['tumourSize5cm'] }, ...analyses.cox!], km: [...analyses.km!, { endpoint: 'os', by: ['noSuchVariable'] }] };
  let want = '';
  try {
    runAnalyses(ds, bad, load.spec.cutoffs ?? {});
  } catch (e) {
    want = (e as Error).message;
  }
  expect(want).toMatch(/nowhere/);
  await expect(runAnalysesOnThreads(ds, bad, load.spec.cutoffs ?? {}, { threads: 2, shareAnalyses: true })).rejects.toThrow(want);
}, 60000);
