/**
 * `siilab km <file> --time COL --event COL [--group COL] [--strata COL] [--trend] [--conf-type log|log-log|plain]
 *  [--conf-level 0.95] [--times T1,T2,...] [--rmst-tau T] [--event-value V] [--sheet NAME] [--table] [--json]`
 * Kaplan–Meier estimates per group (as R's survfit) and the log-rank test (as R's survdiff).
 */
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { choice, fileArgument, numberList, optionalNumber, optionalString, parseCommandArgs, requireString, DATA_FILE_OPTIONS, DATA_FILE_USAGE, tableOptions } from './args.js';
import { emit } from './output.js';
import { usageError } from '../errors.js';
import { survivalMessages } from '../messages/index.js';
import { readTable } from '../io/readTable.js';
import { withFile } from '../io/columnarTable.js';
import { binaryColumn, labelColumn, numericColumn } from '../io/columns.js';
import { kaplanMeier } from '../stats/survival/kaplanMeier.js';
import { logRank } from '../stats/survival/logRank.js';
import { defaultTrendScores, logRankTrend } from '../stats/survival/logRankTrend.js';
import { levelsAreNumeric } from '../stats/survival/levels.js';
import { maxstat } from '../stats/survival/maxstat.js';
import type { ConfType, KaplanMeierResult, LogRankResult, MaxstatResult } from '../stats/survival/types.js';
import { textTable } from '../report/text/textTable.js';
import { pval, sig } from '../report/text/formatNumber.js';

const CMD = 'km';
const nul = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);

/** The stable JSON of `siilab km --json` (fields may be added, never renamed). */
export function kmJson(
  file: string,
  km: KaplanMeierResult,
  lr: LogRankResult | null,
  trend: ReturnType<typeof logRankTrend> | null,
  scan: { marker: string; r: MaxstatResult } | null = null,
) {
  return {
    file,
    n: km.n,
    nDropped: km.nDropped,
    events: km.events,
    confType: km.confType,
    confLevel: km.confLevel,
    rmstTau: km.groups[0]?.rmst.tau ?? null,
    groups: km.groups.map((g) => ({
      group: g.group,
      n: g.n,
      events: g.events,
      median: g.median,
      medianLower: g.medianLower,
      medianUpper: g.medianUpper,
      medianMethod: `R quantile.survfit: first time with S <= 0.5 (midpoint where S = 0.5 on an interval); CI from the ${km.confType} confidence curves`,
      medianCISymmetric: g.medianCISymmetric
        ? { median: g.medianCISymmetric.median, lower: g.medianCISymmetric.lower, upper: g.medianCISymmetric.upper, se: g.medianCISymmetric.se, method: g.medianCISymmetric.method }
        : null,
      rmst: g.rmst.estimate,
      rmstSe: g.rmst.se,
      rmstTau: g.rmst.tau,
      at: g.at.map((a) => ({ time: a.time, surv: a.surv, lower: a.lower, upper: a.upper, stdErr: a.stdErr, nRisk: a.nRisk, beyondFollowUp: a.beyondFollowUp })),
      table: Array.from(g.table.time, (t, i) => ({
        time: t,
        nRisk: g.table.nRisk[i],
        nEvent: g.table.nEvent[i],
        nCensor: g.table.nCensor[i],
        surv: g.table.surv[i],
        stdErr: nul(g.table.stdErr[i]),
        lower: nul(g.table.lower[i]),
        upper: nul(g.table.upper[i]),
      })),
    })),
    ...(lr
      ? {
          logrank: {
            method: lr.strata ? `log-rank test stratified by ${lr.strata.length} strata (R survdiff with strata())` : 'log-rank test (R survdiff, rho = 0)',
            groups: lr.groups,
            chisq: lr.chisq,
            df: lr.df,
            p: lr.p,
            observed: lr.observed,
            expected: lr.expected,
            strata: lr.strata,
            ...(trend ? { trend: { scores: trend.scores, chisq: trend.chisq, df: trend.df, p: trend.p, u: trend.u, variance: trend.variance } } : {}),
          },
        }
      : {}),
    ...(scan
      ? {
          cutoffScan: {
            marker: scan.marker,
            method: 'maximally selected log-rank statistic (Lausen & Schumacher 1992), low group = marker <= cutoff; P corrected for the search (Lausen, Sauerbrei & Schumacher 1994, as maxstat Lau94)',
            cutoff: scan.r.cutoff,
            statistic: scan.r.statistic,
            p: scan.r.p,
            pLau92: scan.r.pLau92,
            pNaive: scan.r.pNaive,
            naiveLogRank: scan.r.naiveLogRank,
            nLow: scan.r.nLow,
            nHigh: scan.r.nHigh,
            minprop: scan.r.minprop,
            maxprop: scan.r.maxprop,
            cutpoints: scan.r.cuts.length,
          },
        }
      : {}),
  };
}

type KmJson = ReturnType<typeof kmJson>;

function ci(lo: number | null, hi: number | null): string {
  return `${sig(lo, 5)}–${sig(hi, 5)}`;
}

function renderText(res: KmJson, withTable: boolean): string {
  const out: string[] = [];
  const pct = `${sig(res.confLevel * 100, 4)}%`;
  out.push(
    `Kaplan–Meier: ${res.file}\n  n = ${res.n}${res.nDropped ? ` (${res.nDropped} row(s) dropped for missing values)` : ''}, events = ${res.events}, ` +
      `CI ${res.confType} ${pct}, restricted mean up to ${sig(res.rmstTau, 6)}\n\n`,
  );
  const times = res.groups[0]?.at.map((a) => a.time) ?? [];
  out.push(
    textTable(
      ['group', 'n', 'events', 'median', `${pct} CI`, `${pct} CI (SPSS, symmetric)`, 'RMST (se)', ...times.map((t) => `S(${sig(t, 6)}) [CI]`)],
      res.groups.map((g) => [
        g.group,
        String(g.n),
        String(g.events),
        g.median === null ? 'NR' : sig(g.median, 5),
        ci(g.medianLower, g.medianUpper),
        g.medianCISymmetric && g.medianCISymmetric.lower !== null ? ci(g.medianCISymmetric.lower, g.medianCISymmetric.upper) : '—',
        `${sig(g.rmst, 5)} (${sig(g.rmstSe, 4)})`,
        ...g.at.map((a) => `${sig(a.surv, 4)} [${sig(a.lower, 3)}, ${sig(a.upper, 3)}]${a.beyondFollowUp ? '*' : ''}`),
      ]),
    ),
  );
  out.push('NR: not reached; NA: a confidence limit not reached. Median CI as R (quantile.survfit); the symmetric CI is median ± z·se as SPSS prints it (Collett se).\n');
  if (res.groups.some((g) => g.at.some((a) => a.beyondFollowUp))) out.push('*: after the group\'s last follow-up time; the last value is carried forward.\n');
  if (res.logrank) {
    const l = res.logrank;
    out.push(`\n${l.method}:\n`);
    out.push(textTable(['group', 'observed', 'expected'], l.groups.map((g, i) => [g, sig(l.observed[i], 6), sig(l.expected[i], 6)])));
    out.push(`Chisq = ${sig(l.chisq, 5)} on ${l.df} df, p = ${pval(l.p)}\n`);
    if (l.trend) out.push(`Test for trend (scores ${l.trend.scores.join(', ')}): Chisq = ${sig(l.trend.chisq, 5)} on 1 df, p = ${pval(l.trend.p)}\n`);
  }
  if (res.cutoffScan) {
    const c = res.cutoffScan;
    out.push(
      `\nOptimal cutoff of ${c.marker} (maximally selected log-rank, ${c.cutpoints} cutpoints with ${c.minprop * 100}–${c.maxprop * 100}% in the low group):\n` +
        `  cutoff ${sig(c.cutoff, 6)} (low: ${c.marker} <= cutoff, n = ${c.nLow}; high n = ${c.nHigh}), M = ${sig(c.statistic, 5)}, ` +
        `P corrected for the search = ${pval(c.p)} (Lausen 1994)\n` +
        `  naive log-rank P at this cutoff = ${pval(c.naiveLogRank.p)} — biased low by the search; do not report it alone.\n`,
    );
  }
  if (withTable) {
    for (const g of res.groups) {
      out.push(`\nGroup ${g.group}:\n`);
      out.push(
        textTable(
          ['time', 'n.risk', 'n.event', 'n.censor', 'survival', 'std.err', `lower ${pct}`, `upper ${pct}`],
          g.table.map((r) => [sig(r.time, 7), String(r.nRisk), String(r.nEvent), String(r.nCensor), sig(r.surv, 5), sig(r.stdErr, 4), sig(r.lower, 4), sig(r.upper, 4)]),
        ),
      );
    }
  }
  return out.join('');
}

export const kmCommand: Command = {
  name: CMD,
  summary: 'Kaplan–Meier survival per group with the log-rank test (stratified, trend)',
  usage: `siilab km <file> --time COL --event COL [--group COL] [options] [--json]
  Kaplan–Meier estimates (as R's survfit, survival 3.5) and the log-rank test (as R's survdiff).
  --time COL             follow-up time (≥ 0)
  --event COL            event indicator: 0/1 or true/false (or any values with --event-value)
  --event-value V        the value of --event that marks the event (e.g. 2 for survival::lung)
  --group COL            one curve per value of COL, and the log-rank test between them
  --strata COL           stratified log-rank test (survdiff with strata(COL)); needs --group
  --trend                log-rank test for trend across the ordered groups (scores: numeric labels, else 1..k)
  --conf-type T          log (default, as R), log-log (as SAS and Stata) or plain (as SPSS)
  --conf-level L         confidence level (default 0.95)
  --times T1,T2,...      report survival at these times (e.g. 12,36,60 months)
  --rmst-tau T           horizon of the restricted mean survival time (default: the largest time)
  --cutoff-scan COL      search the optimal cutoff of the numeric marker COL (maximally selected log-rank,
                         P corrected for the search); --minprop / --maxprop bound the low group's share (0.1 / 0.9)
  --table                print the full survival table (text output)
  --sheet NAME           sheet of an .xlsx file
${DATA_FILE_USAGE}
  Rows with a missing value in any used column are dropped and counted (nDropped).`,
  async run(argv, ctx) {
    const a = parseCommandArgs(CMD, argv, {
      time: { type: 'string' },
      event: { type: 'string' },
      'event-value': { type: 'string' },
      group: { type: 'string' },
      strata: { type: 'string' },
      trend: { type: 'boolean' },
      'conf-type': { type: 'string' },
      'conf-level': { type: 'string' },
      times: { type: 'string' },
      'rmst-tau': { type: 'string' },
      table: { type: 'boolean' },
      'cutoff-scan': { type: 'string' },
      minprop: { type: 'string' },
      maxprop: { type: 'string' },
      ...DATA_FILE_OPTIONS,
    });
    const file = fileArgument(CMD, a);
    const time = requireString(CMD, a, 'time');
    const event = requireString(CMD, a, 'event');
    const group = optionalString(a, 'group');
    const strata = optionalString(a, 'strata');
    const trend = Boolean(a.values.trend);
    if ((strata || trend) && !group) throw usageError(survivalMessages.strataNeedGroup());
    const confType = choice<ConfType>(CMD, a, 'conf-type', ['log', 'log-log', 'plain'], 'log');
    const confLevel = optionalNumber(CMD, a, 'conf-level') ?? 0.95;
    const times = numberList(CMD, a, 'times') ?? [];
    for (const t of times) if (t < 0) throw usageError(survivalMessages.timesOption(String(t)));
    const rmstTau = optionalNumber(CMD, a, 'rmst-tau');
    const marker = optionalString(a, 'cutoff-scan');
    const minprop = optionalNumber(CMD, a, 'minprop') ?? 0.1;
    const maxprop = optionalNumber(CMD, a, 'maxprop') ?? 0.9;

    const numbersOf = [time, event, ...(marker ? [marker] : [])];
    const table = await readTable(resolve(ctx.cwd, file), { ...tableOptions(CMD, a), numbersOf });
    const shown = withFile(table, file);
    const tcol = numericColumn(shown, time, '--time', { nonNegative: true });
    const ecol = binaryColumn(shown, event, '--event', optionalString(a, 'event-value'), 'event');
    const gcol = group ? labelColumn(shown, group, '--group') : null;
    const scol = strata ? labelColumn(shown, strata, '--strata') : null;
    const mcol = marker ? numericColumn(shown, marker, '--cutoff-scan') : null;
    // A row missing the strata or marker column is dropped from the curves too, so every number uses the same rows.
    const tUsed = scol || mcol ? tcol.map((t, i) => ((scol && scol[i] === null) || (mcol && Number.isNaN(mcol[i])) ? NaN : t)) : tcol;
    const km = kaplanMeier(tUsed, ecol, { group: gcol, groupName: group ?? undefined, confType, confLevel, times, rmstTau });
    const lr = gcol ? logRank(tUsed, ecol, gcol, { strata: scol, groupName: group ?? undefined }) : null;
    const tr = lr && trend ? logRankTrend(lr, defaultTrendScores(lr.groups)) : null;
    if (tr && !levelsAreNumeric(lr!.groups)) ctx.err(`siilab ${CMD}: note: ${survivalMessages.trendNonNumeric(group!)}\n`);
    const scan = mcol ? { marker: marker!, r: maxstat(tUsed, ecol, mcol, { minprop, maxprop, markerName: marker! }) } : null;
    const res = kmJson(file, km, lr, tr, scan);
    emit(ctx, Boolean(a.values.json), res, () => renderText(res, Boolean(a.values.table)));
    return 0;
  },
};
