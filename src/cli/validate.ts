/**
 * `siilab validate <file> --time T --event E --covariates A,B [--horizon H] [--bootstrap 200]
 *  [--seed S] [--threads N] [--groups 10] [--progress] [--json]`  (or `--outcome Y` for a logistic model)
 * Bootstrap internal validation (optimism-corrected C, calibration slope, Brier score) of a Cox or
 * logistic model, as rms::validate, on worker threads; with --horizon also the calibration at H.
 */
import { resolve } from 'node:path';
import type { Command, CommandContext } from './command.js';
import { fileArgument, optionalList, optionalNumber, optionalString, parseCommandArgs, refLevels, DATA_FILE_OPTIONS, DATA_FILE_USAGE, tableOptions } from './args.js';
import { emit } from './output.js';
import { progressBar } from './progressBar.js';
import { usageError } from '../errors.js';
import { validationMessages } from '../messages/index.js';
import { readTable } from '../io/readTable.js';
import { binaryColumn, numericColumn } from '../io/columns.js';
import { checkReferenceLevels, readCovariate } from '../io/covariates.js';
import { prepareCoxValidation, prepareLogisticValidation } from '../analysis/validationInput.js';
import { parallelValidate } from '../analysis/parallel/parallelValidate.js';
import { survivalCalibration, type CalibrationResult } from '../stats/calibration/survivalCalibration.js';
import { binaryCalibration } from '../stats/calibration/binaryCalibration.js';
import type { BootstrapValidationResult, IndexSummary } from '../stats/validation/types.js';
import { textTable } from '../report/text/textTable.js';
import { sig } from '../report/text/formatNumber.js';

const CMD = 'validate';
const fin = (x: number | null | undefined): number | null => (x !== null && x !== undefined && Number.isFinite(x) ? x : null);

/** Validated integer option in [lo, hi]. */
export function intOption(cmd: string, a: Parameters<typeof optionalNumber>[1], name: string, dflt: number, lo: number, hi: number, msg: (v: number) => string): number {
  const v = optionalNumber(cmd, a, name);
  if (v === null) return dflt;
  if (!Number.isInteger(v) || v < lo || v > hi) throw usageError(msg(v));
  return v;
}

export function calibrationJson(c: CalibrationResult) {
  return {
    outcome: c.outcome,
    horizon: c.horizon,
    n: c.n,
    events: c.events,
    groups: c.groups.map((g) => ({ group: g.group, n: g.n, events: g.events, riskMin: g.riskMin, riskMax: g.riskMax, predicted: g.predicted, observed: fin(g.observed), lower: fin(g.lower), upper: fin(g.upper) })),
    slope: c.slope ? { estimate: c.slope.estimate, se: fin(c.slope.se), lower: fin(c.slope.lower), upper: fin(c.slope.upper) } : null,
    inTheLarge: { observed: fin(c.inTheLarge.observed), lower: fin(c.inTheLarge.lower), upper: fin(c.inTheLarge.upper), predicted: c.inTheLarge.predicted, difference: fin(c.inTheLarge.difference), intercept: fin(c.inTheLarge.intercept) },
    smooth: c.smooth ? { method: c.smooth.method, knots: c.smooth.knots, ici: c.smooth.ici, e50: c.smooth.e50, e90: c.smooth.e90, emax: c.smooth.emax } : null,
  };
}

export function validationJson(file: string, r: BootstrapValidationResult, threads: number) {
  const idx = (f: (s: IndexSummary) => number) => ({ c: fin(f(r.c)), dxy: fin(f(r.dxy)), slope: fin(f(r.slope)), brier: r.brier ? fin(f(r.brier)) : null });
  return {
    file,
    model: r.model,
    n: r.n,
    events: r.events,
    horizon: r.horizon,
    terms: r.terms,
    apparent: idx((s) => s.apparent),
    optimism: idx((s) => s.optimism),
    corrected: idx((s) => s.corrected),
    training: idx((s) => s.training),
    test: idx((s) => s.test),
    monteCarloSe: idx((s) => s.mcSe),
    bootstrap: { requested: r.requested, successful: r.successful, failed: r.failed, failures: r.failures },
    seed: r.seed,
    threads,
    method:
      'Optimism bootstrap (Harrell, Lee & Mark 1996; Efron & Tibshirani 1993), as rms::validate: optimism = mean(bootstrap-sample index − original-data index) over successful replicates; corrected = apparent − optimism',
  };
}

type ValidateJson = ReturnType<typeof validationJson> & { calibration?: ReturnType<typeof calibrationJson> };

function renderText(res: ValidateJson): string {
  const out: string[] = [];
  out.push(`Bootstrap internal validation (${res.model === 'cox' ? 'Cox' : 'logistic'} model): ${res.file}\n`);
  out.push(`  n = ${res.n}, events = ${res.events}, terms: ${res.terms.join(', ')}\n`);
  out.push(`  ${res.bootstrap.successful} of ${res.bootstrap.requested} bootstrap replicates succeeded${res.bootstrap.failed ? ` (${res.bootstrap.failed} failed: ${res.bootstrap.failures.map((f) => `${f.reason} ${f.count}`).join(', ')})` : ''}; seed ${res.seed}, ${res.threads} thread(s)\n\n`);
  const rows: string[][] = [];
  const add = (name: string, k: 'c' | 'dxy' | 'slope' | 'brier') => {
    if (res.apparent[k] === null) return;
    rows.push([name, sig(res.apparent[k], 4), sig(res.training[k], 4), sig(res.test[k], 4), sig(res.optimism[k], 4), sig(res.corrected[k], 4), sig(res.monteCarloSe[k], 2)]);
  };
  add(res.model === 'cox' ? "C (Harrell)" : 'C (AUC)', 'c');
  add("Somers' Dxy", 'dxy');
  add('Calibration slope', 'slope');
  add(res.model === 'cox' ? `Brier score at ${res.horizon}` : 'Brier score', 'brier');
  out.push(textTable(['index', 'apparent', 'training', 'test', 'optimism', 'corrected', 'MC se'], rows));
  if (res.calibration) {
    const c = res.calibration;
    out.push(`\nCalibration${c.horizon !== null ? ` at ${c.horizon}` : ''} (${c.groups.length} risk groups):\n`);
    out.push(textTable(['group', 'n', 'events', 'predicted', 'observed', 'lower', 'upper'], c.groups.map((g) => [String(g.group), String(g.n), String(g.events), sig(g.predicted, 3), sig(g.observed, 3), sig(g.lower, 3), sig(g.upper, 3)])));
    if (c.slope) out.push(`Calibration slope ${sig(c.slope.estimate, 4)} (95% CI ${sig(c.slope.lower, 3)} to ${sig(c.slope.upper, 3)})\n`);
    out.push(`Calibration-in-the-large: observed ${sig(c.inTheLarge.observed, 4)}, mean predicted ${sig(c.inTheLarge.predicted, 4)}${c.inTheLarge.intercept !== null ? `, intercept ${sig(c.inTheLarge.intercept, 4)}` : ''}\n`);
    if (c.smooth) out.push(`Smooth calibration: ICI ${sig(c.smooth.ici, 3)}, E50 ${sig(c.smooth.e50, 3)}, E90 ${sig(c.smooth.e90, 3)} (${c.smooth.method})\n`);
  }
  out.push('\nOptimism = mean over replicates of (index on the bootstrap sample − index of that model on the original data); corrected = apparent − optimism (rms::validate).\n');
  return out.join('');
}

export const validateCommand: Command = {
  name: CMD,
  summary: 'bootstrap internal validation (optimism-corrected C, calibration slope, Brier) and calibration at a horizon',
  usage: `siilab validate <file> --time COL --event COL --covariates A,B,... [options] [--json]
siilab validate <file> --outcome COL --covariates A,B,... [options] [--json]
  Optimism-corrected performance of a Cox (or logistic) model by the bootstrap, as rms::validate.
  --time COL / --event COL   survival outcome (Cox model); --event-value V marks the event
  --outcome COL              binary outcome (logistic model) instead; --outcome-value V marks the event
  --covariates A,B,...       model terms (text columns become indicators COL=LEVEL)
  --categorical A,B          numeric-coded covariates to treat as categorical
  --ref COL=LEVEL            reference level of a categorical covariate
  --horizon H                time at which the Brier score and the calibration are judged (Cox)
  --bootstrap B              bootstrap replicates (default 200)
  --seed S                   master seed (default 1); the result is the same for any --threads
  --threads N                threads: this one and N − 1 workers (default: the number of cores, at most
                             8, once patients × replicates ≥ 2,000,000; smaller problems run as fast on
                             one thread)
  --groups G                 calibration risk groups (default 10)
  --progress                 show a progress bar on stderr even when it is not a terminal
  --ties T                   efron (default) or breslow
${DATA_FILE_USAGE}`,
  async run(argv, ctx: CommandContext) {
    const a = parseCommandArgs(CMD, argv, {
      time: { type: 'string' },
      event: { type: 'string' },
      'event-value': { type: 'string' },
      outcome: { type: 'string' },
      'outcome-value': { type: 'string' },
      covariates: { type: 'string' },
      categorical: { type: 'string' },
      ref: { type: 'string', multiple: true },
      horizon: { type: 'string' },
      bootstrap: { type: 'string' },
      seed: { type: 'string' },
      threads: { type: 'string' },
      groups: { type: 'string' },
      progress: { type: 'boolean' },
      ties: { type: 'string' },
      ...DATA_FILE_OPTIONS,
    });
    const file = fileArgument(CMD, a);
    const time = optionalString(a, 'time');
    const event = optionalString(a, 'event');
    const outcome = optionalString(a, 'outcome');
    if (outcome && (time || event)) throw usageError(validationMessages.bothOutcomes(CMD));
    if (!outcome && !(time && event)) throw usageError(validationMessages.needTimeOrOutcome(CMD));
    const covariates = optionalList(a, 'covariates') ?? [];
    if (covariates.length === 0) throw usageError(validationMessages.needCovariates(CMD));
    const seen = new Set<string>();
    for (const c of covariates) {
      if (seen.has(c)) throw usageError(validationMessages.duplicate(CMD, c));
      if (c === time || c === event || c === outcome) throw usageError(validationMessages.covariateIsOutcome(CMD, c));
      seen.add(c);
    }
    const categorical = optionalList(a, 'categorical') ?? [];
    const refs = refLevels(CMD, a);
    const horizon = optionalNumber(CMD, a, 'horizon');
    if (horizon !== null && !(horizon > 0)) throw usageError(validationMessages.badHorizon(horizon));
    const B = intOption(CMD, a, 'bootstrap', 200, 1, 100000, validationMessages.badBootstrap);
    const seed = intOption(CMD, a, 'seed', 1, 0, 4294967295, validationMessages.badSeed);
    const threadsOpt = optionalNumber(CMD, a, 'threads');
    if (threadsOpt !== null && !(Number.isInteger(threadsOpt) && threadsOpt >= 1 && threadsOpt <= 64)) throw usageError(validationMessages.badThreads(threadsOpt));
    const groups = intOption(CMD, a, 'groups', 10, 2, 50, validationMessages.badGroups);
    const ties = optionalString(a, 'ties') ?? 'efron';
    if (ties !== 'efron' && ties !== 'breslow') throw usageError(validationMessages.badTies(CMD, ties));

    const table = await readTable(resolve(ctx.cwd, file), tableOptions(CMD, a));
    const shown = { ...table, file };
    const covs = covariates.map((c) => readCovariate(shown, c, '--covariates', categorical.includes(c)));
    checkReferenceLevels(CMD, covs, refs);
    const bar = progressBar(ctx, 'bootstrap', ctx.isTTY || Boolean(a.values.progress));
    let res: ValidateJson;
    if (outcome) {
      const y = binaryColumn(shown, outcome, '--outcome', optionalString(a, 'outcome-value'), 'outcome');
      const prep = prepareLogisticValidation({ outcome: y, covariates: covs, reference: refs, source: { file, outcome } });
      const r = await parallelValidate(prep.data, { bootstrap: B, seed, threads: threadsOpt ?? undefined, onProgress: bar.update });
      bar.end();
      res = { ...validationJson(file, r, r.threads), calibration: calibrationJson(binaryCalibration({ y: prep.data.y, p: prep.risk, groups })) };
    } else {
      const tcol = numericColumn(shown, time!, '--time');
      const ecol = binaryColumn(shown, event!, '--event', optionalString(a, 'event-value'), 'event');
      const prep = prepareCoxValidation({ time: tcol, event: ecol, covariates: covs, reference: refs, ties, horizon, source: { file, time: time!, event: event! } });
      const r = await parallelValidate(prep.data, { bootstrap: B, seed, threads: threadsOpt ?? undefined, onProgress: bar.update });
      bar.end();
      res = validationJson(file, r, r.threads);
      if (horizon !== null && prep.risk) res.calibration = calibrationJson(survivalCalibration({ time: prep.data.time, event: prep.data.event, risk: prep.risk, horizon, groups, ties }));
    }
    if (res.bootstrap.failed > 0) ctx.err(`Warning: ${validationMessages.failedReplicates(res.bootstrap.failed, res.bootstrap.requested)}\n`);
    emit(ctx, Boolean(a.values.json), res, () => renderText(res));
    return 0;
  },
};
