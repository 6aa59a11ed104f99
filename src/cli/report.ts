/** `siilab report <bundle.json> [--format html,docx,md] [--out DIR]`: renders a results bundle. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { optionalList, optionalString, parseCommandArgs } from './args.js';
import { dataError, usageError } from '../errors.js';
import { cliMessages } from '../messages/index.js';
import type { ResultsBundle } from '../analysis/bundle.js';
import { buildReport } from '../report/build/buildReport.js';
import { renderReportFiles, writeFilesAtomically } from '../report/writeReport.js';
import { reportFormats } from './reportFormats.js';
import { emit } from './output.js';

export { reportFormats } from './reportFormats.js';

export const reportCommand: Command = {
  name: 'report',
  summary: 'render a results bundle as HTML, Word and Markdown with tables and figures',
  usage: `siilab report <results.json> [--format html,docx,md] [--out DIR] [--json]
  Writes report.html (self-contained), report.docx, report.md, tables/*.csv and figures/*.svg|png into DIR
  (default: the bundle's folder).`,
  async run(argv, ctx) {
    const a = parseCommandArgs('report', argv, { format: { type: 'string' }, out: { type: 'string' } });
    const file = a.positionals[0];
    if (!file) throw usageError(cliMessages.badOption('report', 'give the results bundle (results.json) as the first argument.'));
    const formats = reportFormats('report', optionalList(a, 'format'));
    let bundle: ResultsBundle;
    try {
      bundle = JSON.parse(readFileSync(resolve(ctx.cwd, file), 'utf8'));
    } catch (e) {
      throw dataError(`${file}: cannot be read as a results bundle (${(e as Error).message.split('\n')[0]}).`);
    }
    if (bundle?.format !== 'siilab-results') throw dataError(`${file}: not a siilab results bundle (field 'format' must be 'siilab-results').`);
    const out = resolve(ctx.cwd, optionalString(a, 'out') ?? resolve(ctx.cwd, file, '..'));
    const files = await renderReportFiles(buildReport(bundle), formats);
    const written = writeFilesAtomically(out, files);
    emit(ctx, Boolean(a.values.json), { out, files: written }, () => `Report written to ${out}:\n${written.filter((w) => /report\.\w+$/.test(w)).map((w) => '  ' + w).join('\n')}\n`);
    return 0;
  },
};
