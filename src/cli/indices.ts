/**
 * `siilab indices <file>`: SII, NLR, PLR, dNLR, SIRI and PIV for every row of a table, with a
 * per-row reason where an index cannot be computed; CSV to --out (formula-safe cells).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { fileArgument, optionalString, parseCommandArgs, requireString, DATA_FILE_OPTIONS, DATA_FILE_USAGE, tableOptions } from './args.js';
import { emit } from './output.js';
import { usageError } from '../errors.js';
import { indicesMessages as M } from '../messages/indices.js';
import { parseUnit, UNITS, unitLabel } from '../units/units.js';
import { INDEX_NAMES, tableIndices, type CountMapping } from '../indices/tableIndices.js';
import { textTable } from '../report/text/textTable.js';
import { sig } from '../report/text/formatNumber.js';

const SHOWN_ROWS = 50;

export const indicesCommand: Command = {
  name: 'indices',
  summary: 'SII, NLR, PLR, dNLR, SIRI and PIV for every row of a table',
  usage: `siilab indices <file> --neutrophils COL --lymphocytes COL --platelets COL [--monocytes COL] [--wbc COL]
               [--count-unit 10^9/L|/uL] [--out FILE] [--force] [--sheet NAME] [--json]
  Counts are in 10^9/L (= 10^3/µL) unless --count-unit /uL (cells/µL = /mm³). Each row gets SII, NLR,
  PLR (and dNLR with --wbc, SIRI and PIV with --monocytes) or a reason why not (empty cell, text,
  zero lymphocytes, a value outside the physiological range). --out writes the table with the index
  columns added (CSV; cells that start with =, +, -, @ are neutralised).
${DATA_FILE_USAGE}`,
  async run(argv, ctx) {
    const a = parseCommandArgs('indices', argv, {
      neutrophils: { type: 'string' }, lymphocytes: { type: 'string' }, platelets: { type: 'string' }, monocytes: { type: 'string' },
      wbc: { type: 'string' }, 'count-unit': { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, ...DATA_FILE_OPTIONS,
    });
    const file = fileArgument('indices', a);
    const mapping: CountMapping = {
      neutrophils: requireString('indices', a, 'neutrophils'),
      lymphocytes: requireString('indices', a, 'lymphocytes'),
      platelets: requireString('indices', a, 'platelets'),
    };
    const mono = optionalString(a, 'monocytes');
    const wbc = optionalString(a, 'wbc');
    if (mono) mapping.monocytes = mono;
    if (wbc) mapping.wbc = wbc;
    const unitText = optionalString(a, 'count-unit');
    const countUnit = unitText === null ? '10^9/L' : parseUnit('count', unitText);
    if (countUnit === null) throw usageError(M.unknownUnit('--count-unit', unitText!, Object.keys(UNITS.count.units)));
    const outArg = optionalString(a, 'out');
    const out = outArg === null ? null : resolve(ctx.cwd, outArg);
    if (out && existsSync(out) && !a.values.force) throw usageError(M.outExists(outArg!));
    const { readTable } = await import('../io/readTable.js');
    const table = await readTable(resolve(ctx.cwd, file), tableOptions('indices', a));
    const r = tableIndices(table, mapping, countUnit);
    const names = INDEX_NAMES.filter((k) => (k === 'dnlr' ? wbc : k === 'siri' || k === 'piv' ? mono : true));
    if (out) {
      const { toCsv } = await import('../io/toCsv.js');
      const { writeFileAtomic } = await import('../io/writeFileAtomic.js');
      const header = [...table.columns, ...names, 'reason'];
      const rows = table.rows.map((cells, i) => [...cells, ...names.map((k) => r.rows[i][k]), r.rows[i].reason]);
      writeFileAtomic(out, toCsv(header, rows));
    }
    const result = {
      file, n: table.rows.length, computed: r.computed, countUnit: unitLabel('count', countUnit), columns: mapping, indices: names,
      out, rows: r.rows.map((row) => ({ row: row.row, ...Object.fromEntries(names.map((k) => [k, row[k]])), reason: row.reason })), warnings: r.warnings,
    };
    emit(ctx, Boolean(a.values.json), result, () => {
      const lines = [`${file}: ${r.computed} of ${table.rows.length} rows with SII (counts in ${unitLabel('count', countUnit)})${out ? ` → ${outArg}` : ''}`, ''];
      const shown = r.rows.slice(0, SHOWN_ROWS);
      lines.push(textTable(['row', ...names.map((k) => (k === 'dnlr' ? 'dNLR' : k.toUpperCase())), 'reason'],
        shown.map((row) => [String(row.row), ...names.map((k) => (row[k] === null ? '—' : sig(row[k], 5))), row.reason ?? ''])).trimEnd());
      if (r.rows.length > shown.length) lines.push(`… ${r.rows.length - shown.length} more rows${out ? '' : '; use --out FILE to write them all'}.`);
      for (const w of r.warnings) lines.push(`warning: ${w}`);
      return lines.join('\n') + '\n';
    });
    return 0;
  },
};
