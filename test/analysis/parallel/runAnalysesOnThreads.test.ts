import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadStudy } from '../../../src/cohort/loadStudy.js';
import { fromCohortDataset } from '../../../src/analysis/fromCohortDataset.js';
import { runAnalyses } from '../../../src/analysis/runAnalyses.js';
import { runAnalysesOnThreads } from '../../../src/analysis/parallel/runAnalysesOnThreads.js';
import { validationWorkerUrl } from '../../../src/analysis/parallel/parallelValidate.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

it.skipIf(validationWorkerUrl() === null)('hong2021: every analysis, the bootstrap on a worker while this thread runs the others, equals runAnalyses alone (order, numbers, warnings, progress steps)', async () => {
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
