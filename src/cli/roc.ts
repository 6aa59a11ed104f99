/**
 * `siilab roc <file> --outcome COL --markers A,B,... [--direction auto|higher|lower] [--combine]
 *  [--bootstrap N --seed S] [--positive VALUE] [--test mann-whitney|delong] [--level 0.95]
 *  [--thresholds] [--sheet NAME] [--json]`
 */
import { completeRows, pick } from '../io/completeRows.js';
import type { Command } from './command.js';
import { choice, fileArgument, optionalList, optionalNumber, optionalString, parseCommandArgs, requireString, DATA_FILE_OPTIONS, DATA_FILE_USAGE, tableOptions } from './args.js';
import { emit } from './output.js';
import { analysisError, usageError } from '../errors.js';
import { cliMessages, rocMessages, rocNotes } from '../messages/index.js';
import { readTable } from '../io/readTable.js';
import { withFile } from '../io/columnarTable.js';
import { binaryColumn, numericColumn } from '../io/columns.js';
import { resolve } from 'node:path';
import { rocMarkers, type RocReport } from '../stats/roc/rocMarkers.js';
import type { RocResult } from '../stats/roc/rocAnalysis.js';
import type { DiagnosticAccuracy } from '../stats/roc/diagnosticAccuracy.js';
import type { RocComparison } from '../stats/roc/compareAucs.js';
import type { AucTestMethod } from '../stats/roc/aucNullTest.js';
import { pROCDirection, type RocDirectionOption } from '../stats/roc/direction.js';
import { textTable } from '../report/text/textTable.js';
import { pval, sig } from '../report/text/formatNumber.js';

const CMD = 'roc';

const fin = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);

function cutoffJson(c: DiagnosticAccuracy) {
  return {
    cutoff: fin(c.threshold),
    sensitivity: c.sensitivity,
    specificity: c.specificity,
    youden: c.youden,
    ppv: c.ppv,
    npv: c.npv,
    lrPositive: c.lrPositive,
    lrNegative: c.lrNegative,
    truePositives: c.truePositives,
    falsePositives: c.falsePositives,
    trueNegatives: c.trueNegatives,
    falseNegatives: c.falseNegatives,
  };
}

function markerJson(r: RocResult, withThresholds: boolean) {
  const y = r.youden.best;
  return {
    marker: r.marker,
    direction: r.direction,
    directionFrom: r.directionFrom,
    pROCDirection: pROCDirection(r.direction),
    positiveIf: r.direction === 'higher' ? '> cutoff' : '< cutoff',
    auc: r.auc,
    se: r.se,
    lower: r.lower,
    upper: r.upper,
    z: r.z,
    p: r.p,
    pMethod: r.testMethod,
    hanleyMcNeilSe: r.hanleyMcNeilSe,
    ...cutoffJson(y),
    cutoffTies: r.youden.ties.map((t) => fin(t.threshold)),
    topLeft: cutoffJson(r.topLeft.best),
    bootstrap: r.bootstrap
      ? { replicates: r.bootstrap.replicates, seed: r.bootstrap.seed, lower: r.bootstrap.lower, upper: r.bootstrap.upper, se: fin(r.bootstrap.se) }
      : null,
    ...(withThresholds
      ? {
          thresholds: Array.from(r.curve.threshold, (t, k) => ({
            threshold: fin(t),
            sensitivity: r.curve.sensitivity[k],
            specificity: r.curve.specificity[k],
            youden: r.curve.sensitivity[k] + r.curve.specificity[k] - 1,
          })),
        }
      : {}),
  };
}

const comparisonJson = (c: RocComparison) => ({
  a: c.a, b: c.b, aucA: c.aucA, aucB: c.aucB, diff: c.diff, se: c.se, z: c.z, p: c.p, lower: c.lower, upper: c.upper,
  correlation: c.correlation, sameDirection: c.sameDirection,
});

export interface RocCommandResult {
  file: string;
  outcome: string;
  positive: string | null;
  nRows: number;
  nDropped: number;
  nCases: number;
  nControls: number;
  level: number;
  markers: ReturnType<typeof markerJson>[];
  comparisons: ReturnType<typeof comparisonJson>[];
  combined: (ReturnType<typeof markerJson> & { model: object; vsMarkers: object[] }) | null;
  notes: string[];
}

export function rocJson(file: string, outcome: string, positive: string | null, nRows: number, nDropped: number, rep: RocReport, withThresholds: boolean): RocCommandResult {
  const notes: string[] = [];
  if (nDropped > 0) notes.push(rocNotes.dropped(nDropped));
  notes.push(rocNotes.ci(rep.markers[0].level), rocNotes.testMethod(rep.markers[0].testMethod), rocNotes.cutoff());
  for (const r of rep.markers) {
    if (r.directionFrom === 'auto') notes.push(rocNotes.direction(r.marker, r.direction));
    if (r.youden.ties.length > 1) notes.push(rocNotes.ties(r.marker, r.youden.ties.length));
  }
  for (const c of rep.comparisons) if (!c.sameDirection) notes.push(rocNotes.mixedDirections(c.a, c.b));
  const cm = rep.combined;
  if (cm) {
    notes.push(rocNotes.optimism());
    if (cm.separation) notes.push(rocNotes.separation());
    if (!cm.converged) notes.push(rocNotes.notConverged());
  }
  return {
    file, outcome, positive, nRows, nDropped,
    nCases: rep.nCases, nControls: rep.nControls, level: rep.markers[0].level,
    markers: rep.markers.map((r) => markerJson(r, withThresholds)),
    comparisons: rep.comparisons.map(comparisonJson),
    combined: cm
      ? {
          ...markerJson(cm.roc, withThresholds),
          model: { terms: cm.terms, coefficients: cm.coefficients.map(fin), se: cm.se, converged: cm.converged, separation: cm.separation },
          vsMarkers: cm.vsMarkers.map((c) => ({ marker: c.b, diff: c.diff, se: c.se, z: c.z, p: c.p, lower: c.lower, upper: c.upper })),
        }
      : null,
    notes,
  };
}

const ci = (lo: number | null, hi: number | null) => (lo === null || hi === null ? 'NA' : `${sig(lo, 4)} to ${sig(hi, 4)}`);

function renderText(res: RocCommandResult): string {
  const pct = Math.round(res.level * 100);
  const rows = [...res.markers, ...(res.combined ? [res.combined] : [])];
  const out: string[] = [];
  out.push(`ROC analysis of ${res.file}: outcome ${res.outcome}${res.positive !== null ? ` (case = ${res.positive})` : ''}, ${res.nCases} cases, ${res.nControls} controls` +
    (res.nDropped ? `, ${res.nDropped} row(s) dropped` : '') + '\n');
  out.push(textTable(
    ['Marker', 'Case if', 'AUC', 'SE', `${pct}% CI`, 'P', 'Cutoff', 'Sens', 'Spec', 'J', 'PPV', 'NPV', 'LR+', 'LR−'],
    rows.map((m) => [
      m.marker, m.positiveIf, sig(m.auc, 4), sig(m.se, 3), ci(m.lower, m.upper), pval(m.p),
      m.cutoff === null ? (m.cutoffTies.length ? '±∞' : 'NA') : sig(m.cutoff, 5), sig(m.sensitivity, 3), sig(m.specificity, 3),
      sig(m.youden, 3), sig(m.ppv, 3), sig(m.npv, 3), sig(m.lrPositive, 3), sig(m.lrNegative, 3),
    ]),
  ));
  if (rows.some((m) => m.bootstrap)) {
    out.push('\nStratified bootstrap (percentile):\n');
    out.push(textTable(['Marker', 'Resamples', 'Seed', `${pct}% CI`, 'SE'],
      rows.filter((m) => m.bootstrap).map((m) => [m.marker, String(m.bootstrap!.replicates), String(m.bootstrap!.seed), ci(m.bootstrap!.lower, m.bootstrap!.upper), sig(m.bootstrap!.se, 3)])));
  }
  const comps = [
    ...res.comparisons.map((c) => [c.a, c.b, c.diff, c.z, c.p, c.lower, c.upper] as const),
    ...(res.combined ? res.combined.vsMarkers.map((c: any) => ['combined', c.marker, c.diff, c.z, c.p, c.lower, c.upper] as const) : []),
  ];
  if (comps.length) {
    out.push('\nPaired DeLong tests (difference = AUC(a) − AUC(b)):\n');
    out.push(textTable(['a', 'b', 'Difference', `${pct}% CI`, 'z', 'P'],
      comps.map(([a, b, d, z, p, lo, hi]) => [a, b, sig(d, 4), ci(lo, hi), sig(z, 4), pval(p)])));
  }
  if (res.combined) {
    const md = res.combined.model as { terms: string[]; coefficients: (number | null)[]; se: (number | null)[] };
    out.push('\nCombined marker: logistic model\n');
    out.push(textTable(['Term', 'Coefficient', 'SE'], md.terms.map((t, k) => [t, sig(md.coefficients[k]), sig(md.se[k])])));
  }
  for (const m of rows) {
    if (!('thresholds' in m) || !m.thresholds) continue;
    out.push(`\nThresholds of ${m.marker} (case if ${m.positiveIf}):\n`);
    out.push(textTable(['Threshold', 'Sensitivity', '1 − Specificity', 'J'],
      m.thresholds.map((t, k) => [
        // the curve runs from "everyone positive" to "no one positive": −∞ first for higher, +∞ for lower
        t.threshold === null ? ((k === 0) === (m.direction === 'higher') ? '−∞' : '+∞') : sig(t.threshold, 6),
        sig(t.sensitivity, 4), sig(1 - t.specificity, 4), sig(t.youden, 4)])));
  }
  out.push('\n' + res.notes.map((n) => `Note: ${n}`).join('\n') + '\n');
  return out.join('');
}

export const rocCommand: Command = {
  name: CMD,
  summary: 'ROC analysis: AUC with DeLong CI, Youden cutoff, paired DeLong tests, combined logistic marker',
  usage: `siilab roc <file> --outcome COL --markers A,B,... [options] [--json]
  ROC analysis of each marker against a binary outcome (0/1, or --positive VALUE).
  --outcome COL          the outcome column (0/1, true/false, yes/no; or any values with --positive)
  --markers A,B,...      numeric marker columns; rows missing the outcome or any marker are dropped
  --positive VALUE       outcome value that marks a case (every other value is a control)
  --direction D          auto (default: by the group medians, as pROC), higher or lower
  --combine              also fit a logistic model of all markers and analyse its predicted probability
  --bootstrap N --seed S stratified bootstrap percentile CI with N resamples (reproducible for S)
  --test T               test of AUC = 0.5: mann-whitney (default, as SPSS) or delong (Wald)
  --level L              confidence level (default 0.95)
  --thresholds           add the full thresholds table (threshold, sensitivity, specificity, J)
  --sheet NAME           sheet of an .xlsx file
${DATA_FILE_USAGE}`,
  async run(argv, ctx) {
    const a = parseCommandArgs(CMD, argv, {
      outcome: { type: 'string' }, markers: { type: 'string' }, positive: { type: 'string' }, direction: { type: 'string' },
      combine: { type: 'boolean' }, bootstrap: { type: 'string' }, seed: { type: 'string' }, test: { type: 'string' },
      level: { type: 'string' }, thresholds: { type: 'boolean' }, ...DATA_FILE_OPTIONS,
    });
    const file = fileArgument(CMD, a);
    const outcome = requireString(CMD, a, 'outcome');
    requireString(CMD, a, 'markers');
    const markers = optionalList(a, 'markers') ?? [];
    const seen = new Set<string>();
    for (const m of markers) {
      if (seen.has(m)) throw usageError(rocMessages.duplicateMarker(m));
      if (m === outcome) throw usageError(rocMessages.markerIsOutcome(m));
      seen.add(m);
    }
    const direction = choice<RocDirectionOption>(CMD, a, 'direction', ['auto', 'higher', 'lower'], 'auto');
    const test = choice<AucTestMethod>(CMD, a, 'test', ['mann-whitney', 'delong'], 'mann-whitney');
    const combine = Boolean(a.values.combine);
    if (combine && markers.length < 2) throw usageError(rocMessages.combineNeedsTwo());
    const level = optionalNumber(CMD, a, 'level') ?? 0.95;
    if (!(level > 0 && level < 1)) throw usageError(cliMessages.badOption(CMD, `--level must be between 0 and 1 (e.g. 0.95), got ${level}.`));
    const nBoot = optionalNumber(CMD, a, 'bootstrap');
    const seed = optionalNumber(CMD, a, 'seed');
    if (nBoot !== null && (!Number.isInteger(nBoot) || nBoot < 100)) throw usageError(rocMessages.badBootstrap(nBoot));
    if (nBoot !== null && seed === null) throw usageError(rocMessages.bootstrapNeedsSeed());
    if (seed !== null && !Number.isInteger(seed)) throw usageError(rocMessages.badSeed(seed));
    const positive = optionalString(a, 'positive');

    const table = await readTable(resolve(ctx.cwd, file), { ...tableOptions(CMD, a), numbersOf: [outcome, ...markers] });
    const shown = withFile(table, file);
    const y = binaryColumn(shown, outcome, '--outcome', positive, 'outcome');
    const cols = markers.map((m) => numericColumn(shown, m, '--markers'));
    const keep = completeRows([y, ...cols]);
    const nDropped = y.length - keep.length;
    if (keep.length === 0) throw analysisError(rocMessages.noCompleteRows(file, nDropped));
    const yy = pick(y, keep);
    const rep = rocMarkers(
      markers.map((m, k) => ({ name: m, values: pick(cols[k], keep) })),
      yy,
      { direction, level, test, combine, bootstrap: nBoot !== null ? { replicates: nBoot, seed: seed! } : null, source: file, outcome },
    );
    const res = rocJson(file, outcome, positive, y.length, nDropped, rep, Boolean(a.values.thresholds));
    emit(ctx, Boolean(a.values.json), res, () => renderText(res));
    return 0;
  },
};
