/**
 * `siilab dca <file> --outcome Y --predictors A,B [--combined] [--thresholds ...] [--json]`
 * `siilab dca <file> --time T --event E --horizon H --predictors A,B [...]`
 * Decision curve analysis: net benefit of each predictor's risks over threshold probabilities,
 * against treat-all and treat-none (Vickers & Elkin 2006; survival: Vickers et al. 2008).
 */
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { fileArgument, optionalList, optionalNumber, optionalString, parseCommandArgs, DATA_FILE_OPTIONS, DATA_FILE_USAGE, tableOptions } from './args.js';
import { emit } from './output.js';
import { usageError } from '../errors.js';
import { validationMessages } from '../messages/index.js';
import { readTable } from '../io/readTable.js';
import { binaryColumn, numericColumn } from '../io/columns.js';
import { decisionCurve, defaultThresholds, type DecisionCurveResult, type DecisionModel } from '../stats/decision/decisionCurve.js';
import { prepareCoxValidation, prepareLogisticValidation } from '../analysis/validationInput.js';
import { textTable } from '../report/text/textTable.js';
import { sig } from '../report/text/formatNumber.js';
import { gather } from '../stats/gather.js';

const CMD = 'dca';
const fin = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);

/** "0.05,0.1,0.2" or "from:to:by" (e.g. 0.01:0.5:0.01). */
export function parseThresholds(cmd: string, text: string | null): number[] {
  if (text === null) return defaultThresholds();
  let pts: number[];
  const m = /^\s*([\d.]+)\s*:\s*([\d.]+)\s*:\s*([\d.]+)\s*$/.exec(text);
  if (m) {
    const [from, to, by] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!(by > 0) || !(to >= from)) throw usageError(validationMessages.badThresholds(text));
    const k = Math.floor((to - from) / by + 1e-9);
    pts = Array.from({ length: k + 1 }, (_, i) => Math.round((from + i * by) * 1e10) / 1e10);
  } else pts = text.split(',').map((s) => Number(s.trim()));
  if (pts.length === 0 || pts.some((p) => !(p > 0 && p < 1))) throw usageError(validationMessages.badThresholds(text));
  void cmd;
  return pts;
}

export function dcaJson(file: string, r: DecisionCurveResult, models: { name: string; source: string }[], nDropped: number) {
  return {
    file,
    outcome: r.outcome,
    horizon: r.horizon,
    n: r.n,
    nDropped,
    eventRisk: fin(r.eventRisk),
    models,
    thresholds: r.thresholds.map((t) => ({ pt: t.pt, treatAll: fin(t.treatAll), treatNone: 0, models: t.models.map((m) => ({ name: m.name, netBenefit: fin(m.netBenefit) })) })),
    method:
      r.outcome === 'binary'
        ? 'net benefit = TP/n − FP/n · pt/(1 − pt), treated = risk ≥ pt (Vickers & Elkin 2006)'
        : 'net benefit at the horizon with Kaplan–Meier risk among the treated (Vickers, Cronin, Elkin & Gonen 2008)',
  };
}

type DcaJson = ReturnType<typeof dcaJson>;

function renderText(res: DcaJson): string {
  const names = res.models.map((m) => m.name);
  const rows = res.thresholds
    .filter((t) => Math.abs(Math.round(t.pt * 100) - t.pt * 100) < 1e-9 && (Math.round(t.pt * 100) % 5 === 0 || res.thresholds.length <= 25))
    .map((t) => [sig(t.pt, 3), sig(t.treatAll, 3), '0', ...t.models.map((m) => sig(m.netBenefit, 3))]);
  return (
    `Decision curve analysis (${res.outcome}${res.horizon !== null ? ` at ${res.horizon}` : ''}): ${res.file}\n` +
    `  n = ${res.n}${res.nDropped ? ` (${res.nDropped} row(s) dropped for missing values)` : ''}, event risk ${sig(res.eventRisk, 3)}\n` +
    res.models.map((m) => `  ${m.name}: ${m.source}\n`).join('') +
    '\n' +
    textTable(['threshold', 'treat all', 'treat none', ...names], rows) +
    `\n${res.method}; every 0.05 shown (--json for all).\n`
  );
}

export const dcaCommand: Command = {
  name: CMD,
  summary: 'decision curve analysis: net benefit over threshold probabilities (binary outcome or survival at a horizon)',
  usage: `siilab dca <file> --outcome COL --predictors A,B [options] [--json]
siilab dca <file> --time COL --event COL --horizon H --predictors A,B [options] [--json]
  Net benefit of treating patients whose predicted risk is ≥ each threshold, against treat-all and treat-none.
  --predictors A,B      columns of predicted risks (values in [0, 1]) or markers; a marker is turned into a
                        risk by a univariable logistic model (binary) or Cox model at the horizon (survival)
  --combined            add a model with all predictors together
  --thresholds LIST     thresholds, e.g. 0.05,0.1,0.2 or 0.01:0.5:0.01 (default 0.01:0.99:0.01)
  --event-value V / --outcome-value V   the value that marks the event
${DATA_FILE_USAGE}`,
  async run(argv, ctx) {
    const a = parseCommandArgs(CMD, argv, {
      outcome: { type: 'string' },
      'outcome-value': { type: 'string' },
      time: { type: 'string' },
      event: { type: 'string' },
      'event-value': { type: 'string' },
      horizon: { type: 'string' },
      predictors: { type: 'string' },
      combined: { type: 'boolean' },
      thresholds: { type: 'string' },
      ...DATA_FILE_OPTIONS,
    });
    const file = fileArgument(CMD, a);
    const outcome = optionalString(a, 'outcome');
    const time = optionalString(a, 'time');
    const event = optionalString(a, 'event');
    if (outcome && (time || event)) throw usageError(validationMessages.bothOutcomes(CMD));
    if (!outcome && !(time && event)) throw usageError(validationMessages.needTimeOrOutcome(CMD));
    const horizon = optionalNumber(CMD, a, 'horizon');
    if (!outcome && horizon === null) throw usageError(validationMessages.horizonNeeded(CMD));
    if (horizon !== null && !(horizon > 0)) throw usageError(validationMessages.badHorizon(horizon));
    const predictors = optionalList(a, 'predictors') ?? [];
    if (predictors.length === 0) throw usageError(validationMessages.needPredictors(CMD));
    const seen = new Set<string>();
    for (const p of predictors) {
      if (seen.has(p)) throw usageError(validationMessages.duplicate(CMD, p));
      if (p === outcome || p === time || p === event) throw usageError(validationMessages.covariateIsOutcome(CMD, p));
      seen.add(p);
    }
    const thresholds = parseThresholds(CMD, optionalString(a, 'thresholds'));

    const table = await readTable(resolve(ctx.cwd, file), tableOptions(CMD, a));
    const shown = { ...table, file };
    const cols = predictors.map((p) => numericColumn(shown, p, '--predictors'));
    const y = outcome ? binaryColumn(shown, outcome, '--outcome', optionalString(a, 'outcome-value'), 'outcome') : null;
    const t = time ? numericColumn(shown, time, '--time') : null;
    const e = event ? binaryColumn(shown, event, '--event', optionalString(a, 'event-value'), 'event') : null;
    const n0 = table.rows.length;
    const keep: number[] = [];
    for (let i = 0; i < n0; i++) {
      if (cols.some((c) => Number.isNaN(c[i]))) continue;
      if (y ? Number.isNaN(y[i]) : Number.isNaN(t![i]) || Number.isNaN(e![i])) continue;
      keep.push(i);
    }
    if (keep.length === 0) throw usageError(validationMessages.noRows(file));
    const sub = (v: Float64Array) => gather(v, keep);
    const models: DecisionModel[] = [];
    const sources: { name: string; source: string }[] = [];
    const convert = (names: string[], values: Float64Array[]): Float64Array => {
      const covariates = names.map((name, j) => ({ name, kind: 'numeric' as const, values: values[j] }));
      if (y) return prepareLogisticValidation({ outcome: sub(y), covariates, source: { file, outcome: outcome ?? undefined } }).risk;
      return prepareCoxValidation({ time: sub(t!), event: sub(e!), covariates, horizon, source: { file, time: time!, event: event! } }).risk!;
    };
    predictors.forEach((p, j) => {
      const v = sub(cols[j]);
      const isRisk = v.every((x) => x >= 0 && x <= 1);
      models.push({ name: p, risk: isRisk ? v : convert([p], [v]) });
      sources.push({ name: p, source: isRisk ? 'the column as a predicted risk' : y ? 'risk from a univariable logistic model' : `risk at ${horizon} from a univariable Cox model` });
    });
    if (a.values.combined && predictors.length > 1) {
      const name = predictors.join(' + ');
      models.push({ name, risk: convert(predictors, cols.map(sub)) });
      sources.push({ name, source: y ? 'risk from a logistic model with all predictors' : `risk at ${horizon} from a Cox model with all predictors` });
    }
    const r = y
      ? decisionCurve({ kind: 'binary', y: sub(y) }, models, thresholds)
      : decisionCurve({ kind: 'survival', time: sub(t!), event: Uint8Array.from(sub(e!)), horizon: horizon! }, models, thresholds);
    const res = dcaJson(file, r, sources, n0 - keep.length);
    emit(ctx, Boolean(a.values.json), res, () => renderText(res));
    return 0;
  },
};
