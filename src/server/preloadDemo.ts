/** Puts the demo study (hong2021's plan on its simulated cohort) in the database once, and returns its ids. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { EXAMPLES_DIR } from '../demo/runDemo.js';
import { loadProfile } from '../simulate/loadProfile.js';
import { simulateCohort } from '../simulate/simulateCohort.js';
import { toCsv } from '../io/toCsv.js';
import { parseDelimited } from '../io/readTable.js';
import { inspectTable } from '../cohort/inspectTable.js';
import type { Store } from './db/store.js';
import { runStoredStudy } from './runStudy.js';

export const DEMO_STUDY_NAME = 'Demo: hong2021 analysis plan on a simulated cohort';

export async function preloadDemo(store: Store, dataDir: string): Promise<{ studyId: string; runId: string }> {
  const existing = (await store.listStudies()).find((s) => s.name === DEMO_STUDY_NAME);
  if (existing) {
    const runs = (await store.listRuns(existing.id)).filter((r) => r.status === 'done');
    if (runs.length) return { studyId: existing.id, runId: runs[0].id };
    const r = await runStoredStudy(store, dataDir, existing);
    return { studyId: existing.id, runId: r.run.id };
  }
  const sim = simulateCohort(loadProfile(join(EXAMPLES_DIR, 'hong2021', 'profile.yaml')));
  const csv = toCsv(sim.wide.columns, sim.wide.rows);
  const bytes = new TextEncoder().encode(csv);
  const name = 'hong2021-simulated.csv';
  const cohort = { id: randomUUID(), name, createdAt: new Date().toISOString(), sha256: createHash('sha256').update(bytes).digest('hex'), sizeBytes: bytes.length, inspect: inspectTable(parseDelimited(name, csv)) };
  await store.addCohort(cohort, bytes);
  const study = { id: randomUUID(), name: DEMO_STUDY_NAME, createdAt: new Date().toISOString(), cohortId: cohort.id, specYaml: readFileSync(join(EXAMPLES_DIR, 'hong2021', 'study.yaml'), 'utf8') };
  await store.addStudy(study);
  const r = await runStoredStudy(store, dataDir, study);
  return { studyId: study.id, runId: r.run.id };
}
