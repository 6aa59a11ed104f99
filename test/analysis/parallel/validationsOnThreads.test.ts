import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadStudy } from '../../../src/cohort/loadStudy.js';
import { fromCohortDataset } from '../../../src/analysis/fromCohortDataset.js';
import { runAnalyses } from '../../../src/analysis/runAnalyses.js';
import { validationsOnThreads } from '../../../src/analysis/parallel/validationsOnThreads.js';
import { analyzeStudy } from '../../../src/analysis/analyzeStudy.js';
import { idleWorkerCount } from '../../../src/analysis/parallel/workerPool.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

it('hong2021: the bootstrap validation run on 2 threads before runAnalyses equals the one runAnalyses runs itself', async () => {
  const load = await loadStudy(join(ROOT, 'examples', 'hong2021', 'study.yaml'));
  const ds = fromCohortDataset(load.dataset, load.labels);
  const analyses = { validation: load.spec.analyses!.validation! };
  const pre = await validationsOnThreads(ds, analyses, load.spec.cutoffs ?? {}, { threads: 2 });
  expect(pre).not.toBeNull();
  expect(pre!.validations.every((v) => v !== undefined)).toBe(true);
  const threaded = runAnalyses(ds, analyses, load.spec.cutoffs ?? {}, { precomputed: pre! });
  const alone = runAnalyses(ds, analyses, load.spec.cutoffs ?? {});
  expect(JSON.stringify(threaded.analyses)).toBe(JSON.stringify(alone.analyses));
  expect(await validationsOnThreads(ds, analyses, load.spec.cutoffs ?? {}, { threads: 1 })).toBeNull();
}, 60000);

it('analyzeStudy with endThreads leaves no idle worker (the threads\' memory is given back before the report); without, they stay warm; the bundle is the same', async () => {
  const spec = join(ROOT, 'examples', 'hong2021', 'study.yaml');
  const warm = await analyzeStudy(spec, { threads: 2 });
  expect(idleWorkerCount()).toBeGreaterThan(0);
  const ended = await analyzeStudy(spec, { threads: 2, endThreads: true });
  expect(idleWorkerCount()).toBe(0);
  expect(JSON.stringify(ended.bundle.analyses)).toBe(JSON.stringify(warm.bundle.analyses));
}, 60000);
