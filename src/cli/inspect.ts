/** `siilab inspect <file> [--sheet S] [--no-header] [--columns A,B] [--decimal ,] [--json]`: columns, types, missingness, ranges and a suggested mapping. */
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { DATA_FILE_OPTIONS, DATA_FILE_USAGE, fileArgument, parseCommandArgs, tableOptions } from './args.js';
import { emit } from './output.js';
import { readTable } from '../io/readTable.js';
import { inspectTable, type InspectResult } from '../cohort/inspectTable.js';
import type { ColumnProfile } from '../cohort/columnProfile.js';
import { textTable } from '../report/text/textTable.js';
import { sig } from '../report/text/formatNumber.js';
import { CANONICAL } from '../study/canonical.js';

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'describe a data file and suggest how its columns map to siilab variables',
  usage: `siilab inspect <file> [--sheet S] [--no-header] [--columns A,B,...] [--decimal ,] [--json]
  Lists each column with its inferred type (number, integer, binary, category, date, text), share
  missing, range or levels, and suggests which columns are the patient id, dates, blood counts,
  AFP, tumour features and outcomes, with unit guesses. In a long file (several rows per patient)
  level counts are patients, and an id filled only on each patient's first row is carried forward.
  'siilab init <file>' writes this as a study file.
${DATA_FILE_USAGE}`,
  async run(argv, ctx) {
    const a = parseCommandArgs('inspect', argv, { ...DATA_FILE_OPTIONS });
    const file = fileArgument('inspect', a);
    const table = await readTable(resolve(ctx.cwd, file), tableOptions('inspect', a));
    const result = inspectTable({ ...table, file });
    emit(ctx, Boolean(a.values.json), result, () => inspectText(result));
    return 0;
  },
};

const cell = (x: number | string | null): string => (x === null ? '' : typeof x === 'number' ? sig(x, 4) : x);

/** Levels with counts: patients in a long file (marked when a patient has several levels), else rows. */
function levelText(c: ColumnProfile): string {
  if (c.type === 'text') return `${c.distinct} distinct`;
  if (!c.levels || (c.type !== 'binary' && c.type !== 'category')) return '';
  const more = c.distinct > 6 ? ', …' : '';
  if (c.patientLevels) {
    const list = c.patientLevels.slice(0, 6).map((l) => `${l.level} (${l.n} pts)`).join(', ') + more;
    return c.constantWithinPatient ? list : `${list}; varies within patients`;
  }
  return c.levels.slice(0, 6).map((l) => `${l.level} (${l.n})`).join(', ') + more;
}

export function inspectText(r: InspectResult): string {
  const head =
    `${r.file}${r.sheet ? ` (sheet ${r.sheet})` : ''}: ${r.rows} rows, ${r.columns.length} columns, ` +
    `${r.format === 'long' ? 'long format (several rows per patient)' : 'wide format (one row per patient)'}` +
    (r.patients !== null ? `, ${r.patients} patients` : '') +
    (r.idsCarriedForward ? ' (ids filled on first rows only; carried forward)' : '') +
    (r.header ? '' : '; no header row (column names from --columns, else V1…Vn; rows numbered from 1)') +
    (r.decimal === ',' ? '; decimal commas' : '') +
    '\n' +
    (r.format === 'long' ? 'In this long file, missing is the share of rows (and the patients with no value); levels count patients.\n' : '') +
    '\n';
  const cols = textTable(
    ['column', 'type', 'missing', 'min', 'median', 'max', 'levels'],
    r.columns.map((c) => [
      c.name,
      c.type,
      `${(100 * c.missingShare).toFixed(0)}%` +
        (c.carriedForward ? ' (carried forward)' : c.patientsMissing !== undefined ? ` (${c.patientsMissing} pts)` : ''),
      cell(c.min),
      cell(c.median),
      cell(c.max),
      levelText(c),
    ]),
  );
  const sugg = r.suggestions.length
    ? textTable(
        ['variable', 'column', 'unit', 'match', 'note'],
        r.suggestions.map((s) => [
          `${s.variable} (${CANONICAL[s.variable].label})`,
          s.column,
          !s.unit ? '' : s.unit + (s.unitFrom === 'values' ? ' (from values)' : ''),
          s.score >= 1 ? 'name' : s.score >= 0.8 ? 'name (partial)' : 'weak',
          s.note ?? '',
        ]),
      )
    : 'No column names matched siilab variables; map them by hand in the study file.\n';
  const opts = (r.header ? '' : ' --no-header') + (r.decimal === ',' ? ' --decimal ,' : '');
  return head + cols + '\nSuggested mapping:\n' + sugg + `\nWrite a first study file with: siilab init ${r.file}${opts}\n`;
}
