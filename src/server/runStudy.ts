/**
 * Runs a stored study on its stored cohort: materialises the cohort file and the spec (source 0
 * bound to the cohort) in a run folder under the data directory, runs the pipeline, renders the
 * report and stores bundle and files in the database.
 */
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join, extname, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseDocument } from 'yaml';
import { analyzeStudy } from '../analysis/analyzeStudy.js';
import { loadStudy } from '../cohort/loadStudy.js';
import { fromCohortDataset } from '../analysis/fromCohortDataset.js';
import { toPlain } from '../analysis/plain.js';
import { buildReport } from '../report/build/buildReport.js';
import { fileBytes, renderReportFiles } from '../report/writeReport.js';
import { toJson } from '../cli/output.js';
import { SiilabError } from '../errors.js';
import type { Store, StudyRecord, RunRecord } from './db/store.js';
import type { ResultsBundle } from '../analysis/bundle.js';

/** The uploaded file's own name, made safe for the run folder (messages and provenance name it). */
const safeName = (name: string): string => {
  const ext = extname(name).toLowerCase();
  const base = name.slice(0, name.length - ext.length).replace(/[^\w.-]/g, '_').replace(/^\.+/, '').slice(0, 100) || 'cohort';
  return `${base}${['.csv', '.tsv', '.txt', '.xlsx'].includes(ext) ? ext : '.csv'}`;
};

/** Writes cohort + spec into a folder; returns the spec path. */
export async function materialise(store: Store, study: StudyRecord, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const doc = parseDocument(study.specYaml);
  if (study.cohortId) {
    const cohort = await store.getCohort(study.cohortId);
    if (!cohort) throw new SiilabError('data', `study ${study.name}: its cohort ${study.cohortId} no longer exists.`);
    const file = safeName(cohort.name);
    writeFileSync(join(dir, file), cohort.content);
    if (doc.hasIn(['sources', 0])) doc.setIn(['sources', 0, 'file'], file);
  }
  const spec = join(dir, 'study.yaml');
  writeFileSync(spec, doc.toString());
  return spec;
}

export async function runStoredStudy(
  store: Store, dataDir: string, study: StudyRecord, onProgress: (step: string) => void = () => {},
): Promise<{ run: RunRecord; bundle: ResultsBundle | null; error: string | null }> {
  const id = randomUUID();
  const dir = join(dataDir, 'runs', id);
  const createdAt = new Date().toISOString();
  try {
    const spec = await materialise(store, study, dir);
    const { bundle, model } = await analyzeStudy(spec, { onProgress });
    onProgress('writing the report');
    const files = await renderReportFiles(buildReport(bundle), ['html', 'docx', 'md'], { 'results.json': toJson(bundle) + '\n', ...(model ? { 'model.json': toJson(model) + '\n' } : {}) });
    const run: RunRecord = { id, studyId: study.id, createdAt, status: 'done', error: null };
    await store.addRun(run, JSON.stringify(bundle));
    for (const [name, content] of files) await store.putReport(id, name, fileBytes(content));
    return { run, bundle, error: null };
  } catch (e) {
    if (!(e instanceof SiilabError)) throw e;
    // The run folder is the server's business: messages name the file as uploaded, never its path here.
    const message = e.message.split(`${dir}${sep}`).join('').split(dir).join('.');
    const run: RunRecord = { id, studyId: study.id, createdAt, status: 'failed', error: message };
    await store.addRun(run, null);
    return { run, bundle: null, error: message };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The analysis dataset of a stored study as plain JSON (for the cutoff explorer). */
export async function studyDataset(store: Store, dataDir: string, study: StudyRecord): Promise<unknown> {
  const dir = join(dataDir, 'tmp', randomUUID());
  try {
    const spec = await materialise(store, study, dir);
    const load = await loadStudy(spec);
    const ds = fromCohortDataset(load.dataset);
    return {
      n: ds.n,
      ids: ds.ids,
      columns: Object.fromEntries([...ds.columns].map(([k, c]) => [k, toPlain(c)])),
      endpoints: Object.fromEntries([...ds.endpoints].map(([k, e]) => [k, toPlain(e)])),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
