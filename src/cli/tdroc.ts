/**
 * `siilab tdroc <file> --time COL --event COL --markers A,B,... [--times T1,T2,...] [--lower A,...]
 *  [--tau T] [--level 0.95] [--event-value V] [--json]`
 * Time-dependent ROC: cumulative/dynamic AUC(t) with IPCW (as riskRegression::Score, marginal
 * censoring model), paired differences, Harrell's and Uno's C. A time with no case or no control
 * gives null entries and a warning; when no requested time can be estimated the command refuses
 * (exit 4).
 */
import { completeRows, pick } from '../io/completeRows.js';
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { fileArgument, numberList, optionalList, optionalNumber, optionalString, parseCommandArgs, requireString, DATA_FILE_OPTIONS, DATA_FILE_USAGE, tableOptions } from './args.js';
import { emit } from './output.js';
import { analysisError, usageError } from '../errors.js';
import { cliMessages, timeRocMessages } from '../messages/index.js';
import { readTable } from '../io/readTable.js';
import { binaryColumn, numericColumn } from '../io/columns.js';
import { timeRoc, type TimeRocResult } from '../stats/timeroc/timeRoc.js';
import { timeRocWarningsOf } from '../analysis/timeRocWarnings.js';
import { quantileSorted } from '../stats/describe/quantile.js';
import { textTable } from '../report/text/textTable.js';
import { pval, sig } from '../report/text/formatNumber.js';

const CMD = 'tdroc';

/** The stable JSON of `siilab tdroc --json` (fields may be added, never renamed). */
export function tdrocJson(file: string, opts: { time: string; event: string; nRows: number; nDropped: number; lower: readonly string[]; defaultTimes: boolean }, r: TimeRocResult) {
  const notes: string[] = [];
  if (opts.nDropped) notes.push(timeRocMessages.dropped(opts.nDropped));
  if (opts.defaultTimes) notes.push(timeRocMessages.defaultTimes(r.markers[0]?.at.map((a) => a.time) ?? []));
  notes.push(timeRocMessages.method(), timeRocMessages.direction(opts.lower), timeRocMessages.concordance(r.tau));
  return {
    file,
    time: opts.time,
    event: opts.event,
    nRows: opts.nRows,
    n: r.n,
    nDropped: opts.nDropped,
    events: r.events,
    maxTime: r.maxTime,
    level: r.level,
    tau: r.tau,
    markers: r.markers.map((m) => ({
      marker: m.marker,
      direction: opts.lower.includes(m.marker) ? 'lower' : 'higher',
      at: m.at.map((a) => ({ time: a.time, auc: a.auc, se: a.se, lower: a.lower, upper: a.upper, cases: a.cases, controls: a.controls })),
      harrellC: { c: m.harrell.c, se: m.harrell.se },
      unoC: { c: m.uno.c, se: m.uno.se, tau: m.uno.tau },
    })),
    comparisons: r.comparisons.map((c) => ({
      a: c.a,
      b: c.b,
      at: c.at.map((x) => ({ time: x.time, diff: x.diff, se: x.se, lower: x.lower, upper: x.upper, z: x.z, p: x.p })),
    })),
    warnings: timeRocWarningsOf(r),
    notes,
  };
}

type TdrocJson = ReturnType<typeof tdrocJson>;

const ci = (lo: number | null, hi: number | null) => (lo === null || hi === null ? '—' : `${sig(lo, 3)}–${sig(hi, 3)}`);

function renderText(res: TdrocJson): string {
  const pct = `${sig(res.level * 100, 4)}%`;
  const out: string[] = [];
  out.push(`Time-dependent ROC: ${res.file}\n  n = ${res.n}${res.nDropped ? ` (${res.nDropped} row(s) dropped)` : ''}, events = ${res.events}, last follow-up ${sig(res.maxTime, 6)}\n\n`);
  out.push(textTable(
    ['Marker', 'Time', 'Cases', 'Controls', 'AUC(t)', 'SE', `${pct} CI`],
    res.markers.flatMap((m) => m.at.map((a) => [
      `${m.marker}${m.direction === 'lower' ? ' (lower = risk)' : ''}`, sig(a.time, 6), String(a.cases), String(a.controls),
      a.auc === null ? 'NA' : sig(a.auc, 4), a.se === null ? 'NA' : sig(a.se, 3), ci(a.lower, a.upper),
    ])),
  ));
  out.push('\n');
  out.push(textTable(
    ['Marker', "Harrell's C (SE)", `Uno's C, τ = ${sig(res.tau, 6)} (SE)`],
    res.markers.map((m) => [m.marker, m.harrellC.c === null ? 'NA' : `${sig(m.harrellC.c, 4)} (${sig(m.harrellC.se, 3)})`,
      m.unoC.c === null ? 'NA' : `${sig(m.unoC.c, 4)} (${sig(m.unoC.se, 3)})`]),
  ));
  if (res.comparisons.length) {
    out.push('\nPaired differences (AUC(a) − AUC(b)):\n');
    out.push(textTable(
      ['a', 'b', 'Time', 'Difference', `${pct} CI`, 'P'],
      res.comparisons.flatMap((c) => c.at.map((x) => [c.a, c.b, sig(x.time, 6), x.diff === null ? 'NA' : sig(x.diff, 3), ci(x.lower, x.upper), x.p === null ? 'NA' : pval(x.p)])),
    ));
  }
  for (const w of res.warnings) out.push(`Warning: ${w}\n`);
  out.push(res.notes.map((n) => `Note: ${n}`).join('\n') + '\n');
  return out.join('');
}

export const tdrocCommand: Command = {
  name: CMD,
  summary: "time-dependent ROC: AUC(t) with IPCW and influence-function CI, paired differences, Harrell's and Uno's C",
  usage: `siilab tdroc <file> --time COL --event COL --markers A,B,... [options] [--json]
  Cumulative/dynamic time-dependent AUC(t) (cases: event by t; controls: event-free after t) with
  inverse-probability-of-censoring weights (as R riskRegression::Score, cens.model = "marginal").
  --time COL             follow-up time (≥ 0)
  --event COL            event indicator: 0/1 or true/false (or any values with --event-value)
  --event-value V        the value of --event that marks the event
  --markers A,B,...      numeric markers, read as risk scores (higher = event more likely)
  --lower A,...          markers for which lower values mean higher risk (e.g. albumin): negated
  --times T1,T2,...      the horizons t (default: the quartiles of the event times)
  --tau T                truncation time of Uno's C (default: the largest of --times)
  --level L              confidence level (default 0.95)
${DATA_FILE_USAGE}
  Rows with a missing time, event or marker are dropped and counted (every marker uses the same
  patients, so the comparisons are paired). A time with no case or no control gives null entries and
  a warning; if no time can be estimated the command stops (exit 4).`,
  async run(argv, ctx) {
    const a = parseCommandArgs(CMD, argv, {
      time: { type: 'string' }, event: { type: 'string' }, 'event-value': { type: 'string' }, markers: { type: 'string' },
      lower: { type: 'string' }, times: { type: 'string' }, tau: { type: 'string' }, level: { type: 'string' }, ...DATA_FILE_OPTIONS,
    });
    const file = fileArgument(CMD, a);
    const time = requireString(CMD, a, 'time');
    const event = requireString(CMD, a, 'event');
    requireString(CMD, a, 'markers');
    const markers = optionalList(a, 'markers') ?? [];
    const seen = new Set<string>();
    for (const m of markers) {
      if (seen.has(m)) throw usageError(timeRocMessages.duplicateMarker(m));
      if (m === time || m === event) throw usageError(timeRocMessages.markerIsTime(m));
      seen.add(m);
    }
    const lower = optionalList(a, 'lower') ?? [];
    for (const m of lower) if (!seen.has(m)) throw usageError(timeRocMessages.lowerNotMarker(m));
    const times = numberList(CMD, a, 'times');
    if (times) for (const t of times) if (!(t > 0)) throw usageError(cliMessages.badOption(CMD, timeRocMessages.badTimes(String(t))));
    const tau = optionalNumber(CMD, a, 'tau');
    if (tau !== null && !(tau > 0)) throw usageError(cliMessages.badOption(CMD, timeRocMessages.badTau(tau)));
    const level = optionalNumber(CMD, a, 'level') ?? 0.95;
    if (!(level > 0 && level < 1)) throw usageError(cliMessages.badOption(CMD, timeRocMessages.badLevel(level)));

    const table = await readTable(resolve(ctx.cwd, file), tableOptions(CMD, a));
    const shown = { ...table, file };
    const tcol = numericColumn(shown, time, '--time', { nonNegative: true });
    const ecol = binaryColumn(shown, event, '--event', optionalString(a, 'event-value'), 'event');
    const cols = markers.map((m) => numericColumn(shown, m, '--markers'));
    const keep = completeRows([tcol, ecol, ...cols]);
    const nDropped = tcol.length - keep.length;
    if (keep.length === 0) throw analysisError(timeRocMessages.noCompleteRows(file, nDropped));
    const tt = pick(tcol, keep);
    const ee = Uint8Array.from(pick(ecol, keep));
    const eventTimes = tt.filter((_, k) => ee[k] === 1).sort();
    if (eventTimes.length === 0) throw analysisError(timeRocMessages.noEvents(file));
    const horizons = times ?? [0.25, 0.5, 0.75].map((p) => quantileSorted(eventTimes, p));
    const r = timeRoc({
      time: tt, event: ee, times: horizons, tau, level,
      markers: markers.map((m, k) => ({ name: m, values: pick(cols[k], keep, lower.includes(m) ? -1 : 1) })),
    });
    if (r.markers[0].at.every((p) => p.auc === null)) throw analysisError(timeRocMessages.noTimeEstimable(file, horizons, r.maxTime ?? 0));
    const res = tdrocJson(file, { time, event, nRows: tcol.length, nDropped, lower, defaultTimes: times === null }, r);
    for (const w of res.warnings) ctx.err(`siilab ${CMD}: warning: ${w}\n`);
    emit(ctx, Boolean(a.values.json), res, () => renderText(res));
    return 0;
  },
};
