/**
 * The one-command demo: for each seed paper, simulate a cohort from its profile, write it with the
 * paper's study spec into the output folder, run the study pipeline and write the report with a
 * "published vs reproduced" section. Everything the demo writes is labelled as simulated data.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProfile } from '../simulate/loadProfile.js';
import { simulateCohort } from '../simulate/simulateCohort.js';
import { toCsv } from '../io/toCsv.js';
import { analyzeStudy } from '../analysis/analyzeStudy.js';
import { buildReport } from '../report/build/buildReport.js';
import { renderReportFiles, writeFilesAtomically, type ReportFormat } from '../report/writeReport.js';
import { toJson } from '../cli/output.js';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import { comparisonRows, comparisonSection, type ComparisonRow } from './comparisonSection.js';

export const PAPERS = ['deng2025', 'yu2023', 'hong2021'] as const;
export type Paper = (typeof PAPERS)[number];

/** The examples folder shipped with siilab (dist/demo → ../../examples, or src/demo → ../../examples). */
export const EXAMPLES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

export interface DemoPaperResult {
  readonly paper: Paper;
  readonly out: string;
  readonly report: string;
  readonly n: number;
  readonly comparison: readonly ComparisonRow[];
}

export async function runDemoPaper(paper: Paper, outRoot: string, formats: readonly ReportFormat[], onProgress: (s: string) => void = () => {}): Promise<DemoPaperResult> {
  const dir = join(EXAMPLES_DIR, paper);
  const profile = loadProfile(join(dir, 'profile.yaml'));
  onProgress(`${paper}: simulating ${profile.groups.reduce((s, g) => s + g.n, 0)} patients`);
  const sim = simulateCohort(profile);
  const out = join(outRoot, paper);
  writeFileAtomic(join(out, 'cohort.csv'), toCsv(sim.wide.columns, sim.wide.rows));
  if (sim.long) writeFileAtomic(join(out, 'draws.csv'), toCsv(sim.long.columns, sim.long.rows));
  writeFileAtomic(join(out, 'study.yaml'), readFileSync(join(dir, 'study.yaml'), 'utf8'));
  onProgress(`${paper}: analysing`);
  const { bundle, model } = await analyzeStudy(join(out, 'study.yaml'), {
    simulated: { profile: profile.id, seed: sim.seed, citation: profile.citation },
    onProgress: (s) => onProgress(`${paper}: ${s}`),
  });
  const rows = comparisonRows(profile, bundle);
  onProgress(`${paper}: writing the report`);
  const files = await renderReportFiles(buildReport(bundle, { sections: [comparisonSection(profile, rows)] }), formats, { 'results.json': toJson(bundle) + '\n', ...(model ? { 'model.json': toJson(model) + '\n' } : {}) });
  writeFilesAtomically(out, files);
  return { paper, out, report: join(out, 'report.html'), n: sim.n, comparison: rows };
}
