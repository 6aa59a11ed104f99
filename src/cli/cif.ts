/**
 * `siilab cif <file> --time COL --status COL [--group COL] [--censor-value 0] [--times 12,36]
 *  [--conf-level 0.95] [--sheet NAME] [--json]`
 * Cumulative incidence per cause and group (Aalen–Johansen, variance as cmprsk::cuminc),
 * log(−log) pointwise CIs at chosen times, and Gray's test across groups per cause.
 */
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { fileArgument, numberList, optionalNumber, optionalString, parseCommandArgs, requireString, DATA_FILE_OPTIONS, DATA_FILE_USAGE, tableOptions } from './args.js';
import { emit } from './output.js';
import { usageError } from '../errors.js';
import { competingMessages } from '../messages/index.js';
import { readTable } from '../io/readTable.js';
import { labelColumn, numericColumn } from '../io/columns.js';
import { rowNumber } from '../io/table.js';
import { cumulativeIncidence } from '../stats/competing/cumulativeIncidence.js';
import type { CumulativeIncidenceResult } from '../stats/competing/types.js';
import { textTable } from '../report/text/textTable.js';
import { pval, sig } from '../report/text/formatNumber.js';

const CMD = 'cif';
const fin = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);

/** The stable JSON of `siilab cif --json` (fields may be added, never renamed). */
export function cifJson(file: string, r: CumulativeIncidenceResult) {
  return {
    file,
    n: r.n,
    nDropped: r.nDropped,
    censorValue: r.censorValue,
    confLevel: r.confLevel,
    method: 'Aalen–Johansen cumulative incidence; variance as cmprsk::cuminc (Aalen 1978); pointwise CI on the log(−log) scale',
    causes: r.causes,
    groups: r.curves.map((c) => ({
      group: c.group,
      cause: c.cause,
      n: c.n,
      events: c.events,
      at: c.at.map((a) => ({ time: a.time, cif: a.cif, se: fin(a.se), lower: fin(a.lower), upper: fin(a.upper), nRisk: a.nRisk })),
      table: Array.from(c.table.time, (t, i) => ({ time: t, cif: c.table.cif[i], variance: c.table.variance[i] })),
    })),
    gray: r.gray.map((g) => ({ cause: g.cause, chisq: fin(g.chisq), df: g.df, p: fin(g.p) })),
    grayMethod: "Gray's test (1988), rho = 0; score and variance (asymptotic, under H0) as cmprsk::cuminc",
    warnings: [...r.warnings],
  };
}

type CifJson = ReturnType<typeof cifJson>;

function renderText(res: CifJson): string {
  const out: string[] = [];
  out.push(
    `Cumulative incidence (competing risks): ${res.file}\n  n = ${res.n}${res.nDropped ? ` (${res.nDropped} row(s) dropped for missing values)` : ''}, ` +
      `causes ${res.causes.join(', ')} (censoring code ${res.censorValue}), CI log(−log) ${sig(res.confLevel * 100, 4)}%\n\n`,
  );
  const times = res.groups[0]?.at.map((a) => a.time) ?? [];
  out.push(
    textTable(
      ['group', 'cause', 'n', 'events', ...times.map((t) => `CIF(${sig(t, 6)}) [CI]`)],
      res.groups.map((g) => [g.group, String(g.cause), String(g.n), String(g.events), ...g.at.map((a) => `${sig(a.cif, 4)} [${sig(a.lower, 3)}, ${sig(a.upper, 3)}]`)]),
    ),
  );
  if (res.gray.length) {
    out.push("\nGray's test (equality of the cumulative incidence across groups):\n");
    out.push(textTable(['cause', 'chisq', 'df', 'p'], res.gray.map((g) => [String(g.cause), sig(g.chisq, 5), String(g.df), pval(g.p)])));
  }
  for (const w of res.warnings) out.push(`Warning: ${w}\n`);
  return out.join('');
}

export const cifCommand: Command = {
  name: CMD,
  summary: "cumulative incidence of competing risks per group (Aalen–Johansen) with Gray's test",
  usage: `siilab cif <file> --time COL --status COL [--group COL] [options] [--json]
  Cumulative incidence of each cause (Aalen–Johansen; variance as R's cmprsk::cuminc) and Gray's test.
  --time COL             follow-up time (≥ 0)
  --status COL           the censoring code (default 0) or an integer code per cause (e.g. 1 recurrence, 2 death)
  --censor-value V       the status code of censored rows (default 0)
  --group COL            one curve per value of COL and cause, and Gray's test between the groups
  --times T1,T2,...      report the cumulative incidence at these times (e.g. 12,36 months)
  --conf-level L         confidence level (default 0.95); intervals on the log(−log) scale
  --sheet NAME           sheet of an .xlsx file
${DATA_FILE_USAGE}
  Rows with a missing value in any used column are dropped and counted (nDropped).`,
  async run(argv, ctx) {
    const a = parseCommandArgs(CMD, argv, {
      time: { type: 'string' },
      status: { type: 'string' },
      group: { type: 'string' },
      'censor-value': { type: 'string' },
      times: { type: 'string' },
      'conf-level': { type: 'string' },
      ...DATA_FILE_OPTIONS,
    });
    const file = fileArgument(CMD, a);
    const time = requireString(CMD, a, 'time');
    const status = requireString(CMD, a, 'status');
    const group = optionalString(a, 'group');
    const cv = optionalString(a, 'censor-value');
    const censorValue = cv === null ? 0 : Number(cv);
    if (!Number.isFinite(censorValue)) throw usageError(competingMessages.badCensorValue(cv!));
    const times = numberList(CMD, a, 'times') ?? [];
    for (const t of times) if (t < 0) throw usageError(competingMessages.timesOption(String(t)));
    const confLevel = optionalNumber(CMD, a, 'conf-level') ?? 0.95;
    const table = await readTable(resolve(ctx.cwd, file), tableOptions(CMD, a));
    const shown = { ...table, file };
    const r = cumulativeIncidence(
      {
        time: numericColumn(shown, time, '--time', { nonNegative: true }),
        status: numericColumn(shown, status, '--status'),
        group: group ? labelColumn(shown, group, '--group') : null,
        censorValue,
        source: { file, time, status, rowNumber: (i) => rowNumber(i, shown) },
      },
      { times, confLevel, groupName: group ?? undefined },
    );
    const res = cifJson(file, r);
    for (const w of res.warnings) ctx.err(`siilab ${CMD}: warning: ${w}\n`);
    emit(ctx, Boolean(a.values.json), res, () => renderText(res));
    return 0;
  },
};
