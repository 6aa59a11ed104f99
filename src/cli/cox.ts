/**
 * `siilab cox <file> [--start COL] --time COL --event COL --covariates A,B,... [--strata COL]
 *  [--ties efron|breslow] [--ref COL=LEVEL] [--categorical A,B] [--event-value V] [--sheet NAME] [--json]`
 * Cox proportional hazards regression, reported as R's summary(coxph(...)) plus cox.zph.
 */
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { choice, fileArgument, optionalList, optionalString, parseCommandArgs, refLevels, requireString, DATA_FILE_OPTIONS, DATA_FILE_USAGE, tableOptions } from './args.js';
import { emit } from './output.js';
import { usageError } from '../errors.js';
import { coxMessages } from '../messages/index.js';
import { readTable } from '../io/readTable.js';
import { withFile } from '../io/columnarTable.js';
import { binaryColumn, labelColumn, numericColumn } from '../io/columns.js';
import { checkReferenceLevels, readCovariate } from '../io/covariates.js';
import { applyCovariateScales, covariateScales, SCALE_HELP, SCALE_OPTIONS } from './covariateScales.js';
import { coxph } from '../stats/survival/cox/coxph.js';
import type { CoxResult, CoxTies } from '../stats/survival/cox/types.js';
import { textTable } from '../report/text/textTable.js';
import { pval, sig } from '../report/text/formatNumber.js';
import { parseHorizons, parseSplines, predictRows, splineJson, withSplines } from './coxPrognostic.js';
import { predictMessages } from '../messages/index.js';

const CMD = 'cox';

/** JSON never carries NaN or ±Infinity: an overflowing value (e.g. exp(coef) of a huge coefficient) is null. */
const fin = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);
const finTest = (t: { statistic: number; df: number; p: number }) => ({ statistic: fin(t.statistic), df: t.df, p: fin(t.p) });

/** The stable JSON of `siilab cox --json` (fields may be added, never renamed). */
export function coxJson(file: string, r: CoxResult, strataColumn: string | null = null) {
  return {
    file,
    strataColumn,
    n: r.n,
    nDropped: r.nDropped,
    events: r.events,
    ties: r.ties,
    strata: r.strata,
    countingProcess: r.countingProcess,
    coefficients: r.coefficients.map((c) => ({
      term: c.term,
      coef: fin(c.coef),
      hr: fin(c.hr),
      se: fin(c.se),
      z: fin(c.z),
      p: fin(c.p),
      lower: fin(c.lower),
      upper: fin(c.upper),
      /** SPSS's "Wald" column: z² on 1 df (same p). */
      waldChisq: fin(c.waldChisq),
      covariate: c.covariate,
      level: c.level,
      reference: c.reference,
      possiblyInfinite: c.possiblyInfinite,
    })),
    confLevel: r.confLevel,
    loglik: { null: fin(r.loglik.null), model: fin(r.loglik.model) },
    /** SPSS's "-2 Log Likelihood" of the model (Omnibus Tests table). */
    minus2LogLikelihood: fin(-2 * r.loglik.model),
    tests: {
      likelihoodRatio: finTest(r.tests.likelihoodRatio),
      wald: finTest(r.tests.wald),
      score: finTest(r.tests.score),
    },
    concordance: { c: r.concordance.c, se: r.concordance.se },
    proportionalHazards: r.proportionalHazards
      ? {
          method: 'cox.zph (R survival 3.x score test), transform km',
          terms: r.proportionalHazards.terms.map((t) => ({ term: t.term, chisq: fin(t.chisq), df: t.df, p: fin(t.p) })),
          global: { chisq: fin(r.proportionalHazards.global.chisq), df: r.proportionalHazards.global.df, p: fin(r.proportionalHazards.global.p) },
        }
      : null,
    iterations: r.iterations,
    converged: r.converged,
    warnings: [...r.warnings],
  };
}

type CoxJson = ReturnType<typeof coxJson> & Partial<ReturnType<typeof splineJson>> & { predictions?: Awaited<ReturnType<typeof predictRows>> };

function renderText(res: CoxJson): string {
  const out: string[] = [];
  out.push(
    `Cox proportional hazards regression: ${res.file}\n` +
      `  n = ${res.n}${res.nDropped ? ` (${res.nDropped} row(s) dropped for missing values)` : ''}, events = ${res.events}, ` +
      `ties = ${res.ties}${res.strata ? `, strata (${res.strataColumn}): ${res.strata.join(', ')}` : ''}${res.countingProcess ? ', counting-process (start, stop] rows' : ''}\n\n`,
  );
  const pct = Math.round(res.confLevel * 100);
  out.push(
    textTable(
      ['term', 'coef', 'exp(coef)', 'se(coef)', 'z', 'Wald z²', 'p', `lower .${pct}`, `upper .${pct}`],
      res.coefficients.map((c) => [c.term, sig(c.coef, 5), sig(c.hr, 5), sig(c.se, 5), sig(c.z, 4), sig(c.waldChisq, 4), pval(c.p), sig(c.lower, 4), sig(c.upper, 4)]),
    ),
  );
  const refs = new Map(res.coefficients.filter((c) => c.reference !== null).map((c) => [c.covariate, c.reference]));
  if (refs.size) out.push(`(reference level${refs.size > 1 ? 's' : ''}: ${[...refs].map(([k, v]) => `${k} = ${v}`).join(', ')})\n`);
  const t = res.tests;
  const test = (name: string, x: { statistic: number | null; df: number; p: number | null }) => `${name} = ${sig(x.statistic, 5)} on ${x.df} df, p = ${pval(x.p)}`;
  out.push('\n');
  if (res.concordance.c !== null) out.push(`Concordance = ${sig(res.concordance.c, 4)}  (se = ${sig(res.concordance.se, 3)})\n`);
  out.push(`${test('Likelihood ratio test', t.likelihoodRatio)}\n${test('Wald test', t.wald)}\n${test('Score (logrank) test', t.score)}\n`);
  out.push(`Log-likelihood: null ${sig(res.loglik.null, 7)}, model ${sig(res.loglik.model, 7)} (−2 log-likelihood ${sig(res.minus2LogLikelihood, 7)}, as SPSS); ${res.iterations} Newton–Raphson iteration(s)${res.converged ? '' : ' (not converged)'}\n`);
  if (res.proportionalHazards) {
    out.push('\nTest of proportional hazards (cox.zph, transform km):\n');
    const ph = res.proportionalHazards;
    out.push(
      textTable(
        ['term', 'chisq', 'df', 'p'],
        [...ph.terms.map((x) => [x.term, sig(x.chisq, 4), String(x.df), pval(x.p)]), ['GLOBAL', sig(ph.global.chisq, 4), String(ph.global.df), pval(ph.global.p)]],
      ),
    );
  }
  if (res.splines && res.splines.length) {
    out.push('\nRestricted cubic splines (Wald tests, as rms anova):\n');
    out.push(
      textTable(
        ['covariate', 'knots', 'association χ²', 'df', 'p', 'nonlinearity χ²', 'df', 'p'],
        res.splines.map((s) => {
          const a = res.association![s.covariate];
          const nl = res.nonlinearity![s.covariate];
          return [s.covariate, s.knots.map((k) => sig(k, 4)).join(', '), sig(a.chisq, 4), String(a.df), pval(a.p), sig(nl.chisq, 4), String(nl.df), pval(nl.p)];
        }),
      ),
    );
  }
  if (res.predictions) {
    out.push('\nPredicted survival (95% CI, log type as R survfit):\n');
    out.push(
      textTable(
        ['row', 'time', 'survival', 'lower', 'upper'],
        res.predictions.flatMap((p) => p.at.map((a) => [String(p.row), String(a.time), sig(a.surv, 4), sig(a.lower, 4), sig(a.upper, 4)])),
      ),
    );
  }
  out.push('\nNote: z = coef/se as R prints; "Wald z²" is the Wald chi-square on 1 df as SPSS prints (same p).\n');
  for (const w of res.warnings) out.push(`Warning: ${w}\n`);
  return out.join('');
}

export const coxCommand: Command = {
  name: CMD,
  summary: 'Cox proportional hazards regression (Efron/Breslow, strata, time-varying (start, stop] rows)',
  usage: `siilab cox <file> --time COL --event COL --covariates A,B,... [options] [--json]
  Cox proportional hazards regression, as R's coxph (survival 3.5), with cox.zph.
  --time COL             follow-up (stop) time
  --start COL            interval start: rows are (start, time] intervals (time-varying covariates)
  --event COL            event indicator: 0/1 or true/false (or any values with --event-value)
  --event-value V        the value of --event that marks the event (e.g. 2 for survival::lung)
  --covariates A,B,...   model terms; a column with text becomes indicator terms COL=LEVEL
  --categorical A,B      treat these numeric-coded covariates as categorical
${SCALE_HELP}
  --ref COL=LEVEL        reference level of a categorical covariate (default: first in sorted order)
  --strata COL           separate baseline hazard per value of COL
  --ties T               efron (default, as R) or breslow (as SPSS and SAS's default)
  --spline COL:K         restricted cubic spline of COL with K = 3…7 knots at Harrell's quantiles
                         (or COL:t1/t2/t3… knot values): terms COL, COL', COL''… and a Wald
                         nonlinearity test (rms anova); repeat for several columns
  --predict FILE         predicted survival for the rows of FILE (same columns as the model)
  --horizons T1,T2       follow-up times of --predict (e.g. 12,36,60)
  --sheet NAME           sheet of an .xlsx file
${DATA_FILE_USAGE}
  Rows with a missing value in any used column are dropped and counted (nDropped).`,
  async run(argv, ctx) {
    const a = parseCommandArgs(CMD, argv, {
      start: { type: 'string' },
      time: { type: 'string' },
      event: { type: 'string' },
      'event-value': { type: 'string' },
      covariates: { type: 'string' },
      categorical: { type: 'string' },
      ref: { type: 'string', multiple: true },
      strata: { type: 'string' },
      ties: { type: 'string' },
      spline: { type: 'string', multiple: true },
      predict: { type: 'string' },
      horizons: { type: 'string' },
      ...DATA_FILE_OPTIONS,
      ...SCALE_OPTIONS,
    });
    const file = fileArgument(CMD, a);
    const time = requireString(CMD, a, 'time');
    const event = requireString(CMD, a, 'event');
    requireString(CMD, a, 'covariates');
    const covariates = optionalList(a, 'covariates') ?? [];
    const start = optionalString(a, 'start');
    const strata = optionalString(a, 'strata');
    const categorical = optionalList(a, 'categorical') ?? [];
    const ties = choice<CoxTies>(CMD, a, 'ties', ['efron', 'breslow'], 'efron');
    const refs = refLevels(CMD, a);
    const eventValue = optionalString(a, 'event-value');
    const seen = new Set<string>();
    for (const c of covariates) {
      if (seen.has(c)) throw usageError(coxMessages.duplicateCovariate(c));
      if (c === time || c === event || c === start) throw usageError(coxMessages.covariateIsOutcome(c));
      if (c === strata) throw usageError(coxMessages.strataIsCovariate(c));
      seen.add(c);
    }
    if (covariates.length === 0) throw usageError(coxMessages.noCovariates());
    for (const c of categorical) if (!seen.has(c)) throw usageError(coxMessages.categoricalNotCovariate(c));
    const splineSpecs = parseSplines((a.values.spline as string[] | undefined) ?? [], covariates);
    const predictFile = optionalString(a, 'predict');
    const horizons = parseHorizons(optionalString(a, 'horizons'));
    if (horizons && !predictFile) throw usageError(predictMessages.horizonsWithoutPredict());
    if (predictFile && !horizons) throw usageError(predictMessages.predictWithoutHorizons());
    if (predictFile && start) throw usageError(predictMessages.countingProcess());

    // the scan reads the numbers of the columns used as numbers only (readTable's numbersOf)
    const numbersOf = [time, event, ...(start ? [start] : []), ...covariates.filter((c) => !categorical.includes(c))];
    const table = await readTable(resolve(ctx.cwd, file), { ...tableOptions(CMD, a), numbersOf });
    const shown = withFile(table, file);
    const tcol = numericColumn(shown, time, '--time');
    const scol = start ? numericColumn(shown, start, '--start') : null;
    const ecol = binaryColumn(shown, event, '--event', eventValue, 'event');
    const scales = covariateScales(CMD, a, covariates);
    const raw = covariates.map((c) => readCovariate(shown, c, '--covariates', categorical.includes(c)));
    const scaled = applyCovariateScales(CMD, raw, scales);
    checkReferenceLevels(CMD, scaled, refs);
    const covs = withSplines(scaled, covariates, splineSpecs);
    const st = strata ? labelColumn(shown, strata, '--strata') : null;
    const input = {
      time: tcol,
      start: scol,
      event: ecol,
      covariates: covs,
      strata: st,
      ties,
      reference: refs,
      source: { file, time, event, start, strata },
    };
    const r = coxph(input);
    const res: CoxJson = coxJson(file, r, strata);
    if (splineSpecs.size) Object.assign(res, splineJson(r));
    if (predictFile && horizons)
      res.predictions = await predictRows(input, r, {
        file: resolve(ctx.cwd, predictFile),
        shownFile: predictFile,
        horizons,
        tableOptions: tableOptions(CMD, a),
        columns: covariates,
        categorical,
        scales,
        raw,
        strataColumn: strata,
      });
    emit(ctx, Boolean(a.values.json), res, () => renderText(res));
    return 0;
  },
};
