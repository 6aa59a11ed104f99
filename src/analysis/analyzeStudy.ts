/**
 * The study pipeline: spec → data → derivations (src/cohort/loadStudy) → analyses (runAnalyses) →
 * results bundle. Reads the spec and its data files; writes nothing.
 */
import { loadStudy } from '../cohort/loadStudy.js';
import type { DerivationEngine } from '../cohort/buildPatients.js';
import { VERSION } from '../version.js';
import type { ResultsBundle } from './bundle.js';
import { fromCohortDataset } from './fromCohortDataset.js';
import type { RunOptions, StudyResults } from './runAnalyses.js';
import { runAnalysesOnThreads, SHARE_MIN_PATIENTS } from './parallel/runAnalysesOnThreads.js';
import { analysisWorkerUrl, closeIdleWorkers, warmWorkers } from './parallel/workerPool.js';
import { defaultThreads } from './parallel/parallelValidate.js';
import { toPlain } from './plain.js';
import { modelFileFrom } from './modelFileFrom.js';
import type { ModelFile } from '../model/modelFile.js';
import { collectGarbage } from '../runtime/collectGarbage.js';

export interface AnalyzeOptions extends RunOptions {
  /** Set when the data were simulated (the report says so in a banner). */
  readonly simulated?: ResultsBundle['simulated'];
  readonly labels?: Readonly<Record<string, string>>;
  /** Threads of the embedded DuckDB engine for database and Parquet sources. */
  readonly threads?: number | null;
  /** Where long-format derivations run (src/cohort/sql); the results are the same. */
  readonly engine?: DerivationEngine | 'auto';
  /**
   * End the worker threads (the CSV scan's, the bootstrap's) as soon as their work is done: for a
   * one-shot command, whose analyses and report then run without their heaps. A server keeps them
   * warm for the next run (the default). A one-shot command also collects its garbage between
   * phases (src/runtime/collectGarbage.ts), which lowers its peak memory.
   */
  readonly endThreads?: boolean;
}

export interface AnalyzeOutcome {
  readonly bundle: ResultsBundle;
  readonly results: StudyResults;
  /** The fitted multivariable model for `siilab calc --model`, or null with the reason. */
  readonly model: ModelFile | null;
  readonly modelReason: string | null;
  /** Where the long-format derivations ran, and why JavaScript when DuckDB was asked for. */
  readonly derivedIn: { readonly engine: 'js' | 'duckdb' | 'postgres'; readonly note: string | null };
}

export async function analyzeStudy(specPath: string, opts: AnalyzeOptions = {}): Promise<AnalyzeOutcome> {
  opts.onProgress?.('reading the study and its data');
  const load = await loadStudy(specPath, { threads: opts.threads ?? null, engine: opts.engine, onProgress: opts.onProgress });
  if (opts.endThreads) {
    await closeIdleWorkers();
    collectGarbage(); // the files' bytes and the scan's columns
  }
  const labels = { ...load.labels, ...opts.labels };
  const ds = fromCohortDataset(load.dataset, labels);
  // a cohort large enough to share its analyses: the worker loads its modules (a cold one takes
  // ~0.5 s) while this thread resolves the cut-offs (a small study does not start one: 0.1–0.25 s
  // lost at 200 patients)
  const url = analysisWorkerUrl();
  if (url && (opts.threads ?? defaultThreads()) > 1 && ds.n >= SHARE_MIN_PATIENTS) warmWorkers(url, (opts.threads ?? defaultThreads()) - 1, { warm: true });
  // the bootstrap validations on worker threads while this thread runs the other analyses
  const results = await runAnalysesOnThreads(ds, load.spec.analyses ?? {}, load.spec.cutoffs ?? {}, { onProgress: opts.onProgress, ties: opts.ties, threads: opts.threads ?? null });
  if (opts.endThreads) await closeIdleWorkers();
  // Rows as read (an XLSX is a zip: its newlines are not rows; a file may have no header row); a database source's query and rows hash.
  const inputs = load.inputs;
  const { model, reason } = modelFileFrom(load.spec, results, inputs[0]);
  const bundle: ResultsBundle = {
    format: 'siilab-results',
    formatVersion: 1,
    siilabVersion: VERSION,
    title: load.spec.title ?? 'siilab study',
    spec: load.spec,
    specFile: specPath,
    inputs,
    simulated: opts.simulated ?? null,
    seed: opts.simulated?.seed ?? null,
    flow: {
      screened: load.flow.screened,
      steps: load.flow.steps.map((s) => ({ reason: s.reason, label: s.label, n: s.n, byVariable: s.byVariable.map((v) => ({ variable: v.variable, n: v.n })) })),
      analysed: load.flow.analysed,
      excluded: load.flow.excluded.map((e) => ({
        id: e.id, reason: e.reason, label: e.label, detail: e.detail, rows: e.rows.map((r) => ({ file: r.file, row: r.row })), variable: e.variable, value: e.value,
      })),
      dataNotes: load.flow.dataNotes,
    },
    cutoffs: results.cutoffs.map((c) => toPlain(c)),
    analyses: results.analyses.map((a) => toPlain(a)) as ResultsBundle['analyses'],
    warnings: [...new Set([...load.warnings, ...results.warnings])],
    model,
    modelNote: reason,
    methods: { ties: opts.ties ?? 'efron', kmConfType: 'log', chiSquare: 'pearson', rocTest: 'mann-whitney', software: `siilab ${VERSION}` },
  };
  return { bundle, results, model, modelReason: reason, derivedIn: load.derivedIn };
}
