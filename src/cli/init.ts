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
import { inspectTable } from '../cohort/inspectTable.js';
import { drawsBeforeOrigin } from '../cohort/drawsBeforeOrigin.js';
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
    const text = specFromInspection(result, dataPath, { drawsBeforeOrigin: drawsBeforeOrigin(table, result).fits });
    writeFileAtomic(out, text);
    emit(ctx, Boolean(a.values.json), { out, mapped: result.suggestions.map((s) => ({ variable: s.variable, column: s.column, unit: s.unit })), format: result.format }, () =>
      `Wrote ${out}: ${result.suggestions.length} columns mapped (${result.format} format). Check it, then run the analyses.\n`);
    return 0;
  },
};
