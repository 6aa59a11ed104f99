/** `siilab init <file> [--sheet S] [--no-header] [--columns A,B] [--decimal ,] [--out study.yaml] [--force]`: a first study file from inspect's suggestions. */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Command } from './command.js';
import { DATA_FILE_OPTIONS, DATA_FILE_USAGE, fileArgument, optionalString, parseCommandArgs, tableOptions } from './args.js';
import { emit } from './output.js';
import { usageError } from '../errors.js';
import { studyMessages } from '../messages/index.js';
import { readTable } from '../io/readTable.js';
import { writeFileAtomic } from '../io/writeFileAtomic.js';
import { inspectTable, type InspectResult } from '../cohort/inspectTable.js';
import { parseDateNumber, parseDateText } from '../cohort/parseDate.js';
import type { Table } from '../io/table.js';
import { specFromInspection } from '../study/specFromInspection.js';

export const initCommand: Command = {
  name: 'init',
  summary: 'write a first study file (study.yaml) from a data file',
  usage: `siilab init <file> [--sheet S] [--no-header] [--columns A,B,...] [--decimal ,] [--out study.yaml] [--force] [--json]
  Inspects the file (see 'siilab inspect') and writes a study file mapping its columns to siilab
  variables with units, SII per draw and an endpoint where the columns allow. Check it, then add
  the population, derivations, endpoints and analyses. An existing file is kept unless --force.
  A file without a header row gets header: false and its column names (columns:) in the study file.
${DATA_FILE_USAGE}`,
  async run(argv, ctx) {
    const a = parseCommandArgs('init', argv, { ...DATA_FILE_OPTIONS, out: { type: 'string' }, force: { type: 'boolean' } });
    const file = fileArgument('init', a);
    const out = resolve(ctx.cwd, optionalString(a, 'out') ?? 'study.yaml');
    if (existsSync(out) && !a.values.force) throw usageError(studyMessages.specFileExists(optionalString(a, 'out') ?? 'study.yaml'));
    const abs = resolve(ctx.cwd, file);
    const table = await readTable(abs, tableOptions('init', a));
    const result = inspectTable({ ...table, file });
    const rel = relative(dirname(out), abs).split(sep).join('/');
    const dataPath = rel === '' || rel.startsWith('..') ? abs : rel;
    const text = specFromInspection(result, dataPath, { drawsBeforeOrigin: drawsBeforeOrigin(table, result) });
    writeFileAtomic(out, text);
    emit(ctx, Boolean(a.values.json), { out, mapped: result.suggestions.map((s) => ({ variable: s.variable, column: s.column, unit: s.unit })), format: result.format }, () =>
      `Wrote ${out}: ${result.suggestions.length} columns mapped (${result.format} format). Check it, then run the analyses.\n`);
    return 0;
  },
};

/** In a long file: does at least one patient in five have a draw on or before the treatment date? */
function drawsBeforeOrigin(table: Table, r: InspectResult): boolean {
  const col = (v: string) => table.columns.indexOf(r.suggestions.find((s) => s.variable === v)?.column ?? '\u0000');
  const jo = col('treatmentDate') >= 0 ? col('treatmentDate') : col('baselineDate');
  const jd = col('drawDate');
  const ji = col('patientId');
  if (r.format !== 'long' || jo < 0 || jd < 0) return true;
  const day = (c: unknown) => (typeof c === 'number' ? parseDateNumber(c) : typeof c === 'string' ? parseDateText(c, 'DMY') : NaN);
  const yes = new Set<string>();
  let id = '';
  for (const row of table.rows) {
    if (ji >= 0 && row[ji] !== null) id = String(row[ji]);
    if (day(row[jd]) <= day(row[jo])) yes.add(id);
  }
  return yes.size * 5 >= (r.patients ?? 1);
}
