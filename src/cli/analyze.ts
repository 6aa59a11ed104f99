/** `siilab analyze <study.yaml> [--out DIR] [--format html,docx,md] [--ties efron|breslow]`: the study pipeline end to end. */
import { resolve, dirname, basename } from 'node:path';
import type { Command } from './command.js';
import { choice, optionalList, optionalString, parseCommandArgs } from './args.js';
import { usageError } from '../errors.js';
import { cliMessages, sqlPathMessages } from '../messages/index.js';
import { analyzeStudy } from '../analysis/analyzeStudy.js';
import { toJson, emit } from './output.js';
import { reportFormats } from './reportFormats.js';
import { siteBundle } from '../multicentre/siteBundle.js';
import { metaMessages } from '../messages/meta.js';
import { collectGarbage } from '../runtime/collectGarbage.js';

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'run a study spec end to end: data → derivations → analyses → results bundle → report',
  usage: `siilab analyze <study.yaml> [--out DIR] [--format html,docx,md] [--ties efron|breslow] [--share [--site NAME] [--min-cell 5]] [--threads N] [--engine auto|js|duckdb] [--progress | --no-progress] [--json]
  Writes results.json (every number with its analysis and provenance) and the report into DIR
  (default: <study folder>/out). Progress (the phases, and those of the SQL path) is shown on a
  terminal; --progress shows it elsewhere too (a line each), --no-progress never.
  --share also writes site-bundle.json: aggregates only (per-time counts, model coefficients and
  covariance) for 'siilab pool'; groups and risk sets under --min-cell patients are withheld.
  --threads N: threads of the embedded DuckDB engine that reads duckdb: and parquet: sources
  (default: one per core).
  --engine duckdb: the long source's derivations (indices per draw, per-patient values and
  baseline/first/last/mean/max/min over windows) run as SQL where the source is: embedded DuckDB for
  a CSV/TSV or XLSX file, Parquet or a DuckDB database (spilling to disk beyond SIILAB_DUCKDB_MEMORY,
  default 1GB), the database itself for a postgres: source. The results are the JavaScript path's,
  byte for byte. A study the SQL path does not compile runs in JavaScript, and siilab says why.
  Default auto (or SIILAB_ENGINE): the SQL path for a long source in a database and for a long
  CSV/TSV export of 64 MB or more, else JavaScript.`,
  async run(argv, ctx) {
    const a = parseCommandArgs('analyze', argv, { out: { type: 'string' }, format: { type: 'string' }, ties: { type: 'string' }, share: { type: 'boolean' }, site: { type: 'string' }, 'min-cell': { type: 'string' }, threads: { type: 'string' }, engine: { type: 'string' }, progress: { type: 'boolean' }, 'no-progress': { type: 'boolean' } });
    const spec = a.positionals[0];
    if (!spec) throw usageError(cliMessages.badOption('analyze', 'give the study file (study.yaml) as the first argument.'));
    const formats = reportFormats('analyze', optionalList(a, 'format'));
    const ties = choice('analyze', a, 'ties', ['efron', 'breslow'] as const, 'efron');
    const specPath = resolve(ctx.cwd, spec);
    // the report's modules (~1 MB bundled: docx, the figures) load while the data are read — this
    // thread waits for the CSV scan's worker then — rather than before the first byte is read
    const reporting = Promise.all([import('../report/build/buildReport.js'), import('../report/writeReport.js')]);
    reporting.catch(() => {}); // awaited below; a failure before then is the analysis's
    const out = resolve(ctx.cwd, optionalString(a, 'out') ?? resolve(dirname(specPath), 'out'));
    // Phases on a terminal (one line, rewritten); --progress also elsewhere (a line each); never with --json or --no-progress.
    const showProgress = !a.values.json && !a.values['no-progress'] && (ctx.isTTY || Boolean(a.values.progress));
    const progress = !showProgress ? undefined : ctx.isTTY ? (s: string) => ctx.err(`\r\x1b[2K  ${s}…`) : (s: string) => ctx.err(`  ${s}…\n`);
    const minCellText = optionalString(a, 'min-cell') ?? '5';
    const minCell = Number(minCellText);
    if (!Number.isInteger(minCell) || minCell < 1) throw usageError(metaMessages.badMinCell(minCellText));
    const threadsText = optionalString(a, 'threads');
    const threads = threadsText === null ? null : Number(threadsText);
    if (threads !== null && (!Number.isInteger(threads) || threads < 1 || threads > 256)) throw usageError(cliMessages.badThreads('analyze', threadsText!));
    const engine = a.values.engine === undefined ? undefined : choice('analyze', a, 'engine', ['auto', 'js', 'duckdb'] as const, 'auto');
    // the analyses' results (typed arrays, the cohort they reference) are not kept through the
    // report: only the bundle, the model file and the site bundle are (a lower peak at 100,000 patients)
    const { bundle, model, modelReason, derivedIn, share } = await analyzeStudy(specPath, { onProgress: progress, ties, threads, engine, endThreads: true }).then((o) => ({
      bundle: o.bundle,
      model: o.model,
      modelReason: o.modelReason,
      derivedIn: o.derivedIn,
      share: a.values.share ? { 'site-bundle.json': toJson(siteBundle(o.results, o.bundle, { site: optionalString(a, 'site') ?? o.bundle.title, minCell })) + '\n' } : ({} as Record<string, string>),
    }));
    collectGarbage();
    if (derivedIn.note) ctx.err(sqlPathMessages.ranInJs(derivedIn.note));
    progress?.('writing the report');
    // results.json is written as it is serialised: a 100,000-patient bundle is 70 MB of text
    const [{ buildReport }, { renderReportFiles, writeFilesAtomically }] = await reporting;
    const files = await renderReportFiles(buildReport(bundle), formats, { 'results.json': { json: bundle }, ...(model ? { 'model.json': toJson(model) + '\n' } : {}), ...share });
    const written = writeFilesAtomically(out, files);
    if (progress && ctx.isTTY) ctx.err('\r\x1b[2K');
    emit(ctx, Boolean(a.values.json), { out, analysed: bundle.flow.analysed, screened: bundle.flow.screened, files: written, warnings: bundle.warnings }, () =>
      `Analysed ${bundle.flow.analysed} of ${bundle.flow.screened} patients (${basename(specPath)}).\n` +
      `Results and report in ${out}:\n  ${resolve(out, 'results.json')}\n${written.filter((w) => /report\.\w+$/.test(w)).map((w) => '  ' + w).join('\n')}\n` +
      (a.values.share ? `Site bundle for 'siilab pool' (aggregates only, cells under ${minCell} withheld): ${resolve(out, 'site-bundle.json')}\n` : '') +
      (model ? `Model file for 'siilab calc --model': ${resolve(out, 'model.json')}\n` : `No model file: ${modelReason}.\n`) +
      (bundle.warnings.length ? `Warnings:\n${bundle.warnings.map((w) => '  - ' + w).join('\n')}\n` : ''));
    return 0;
  },
};
