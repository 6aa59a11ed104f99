/**
 * `siilab finegray <file> --time COL --status COL --cause C --covariates A,B [--ref COL=LEVEL]
 *  [--categorical A] [--censor-value 0] [--conf-level 0.95] [--sheet NAME] [--json]`
 * Fine–Gray subdistribution hazards regression as R's cmprsk::crr (robust SE), with the
 * cause-specific Cox model of the same cause beside it (other causes censored).
 */
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { fileArgument, optionalList, optionalNumber, optionalString, parseCommandArgs, refLevels, requireString, DATA_FILE_OPTIONS, DATA_FILE_USAGE, tableOptions } from './args.js';
import { emit } from './output.js';
import { usageError } from '../errors.js';
import { competingMessages } from '../messages/index.js';
import { readTable } from '../io/readTable.js';
import { numericColumn } from '../io/columns.js';
import { rowNumber } from '../io/table.js';
import { checkReferenceLevels, readCovariate } from '../io/covariates.js';
import { fineGray } from '../stats/competing/fineGray.js';
import type { FineGrayResult } from '../stats/competing/types.js';
import { coxph } from '../stats/survival/cox/coxph.js';
import type { CoxResult } from '../stats/survival/cox/types.js';
import { textTable } from '../report/text/textTable.js';
import { pval, sig } from '../report/text/formatNumber.js';

const CMD = 'finegray';
const fin = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);

/** The stable JSON of `siilab finegray --json` (fields may be added, never renamed). */
export function fineGrayJson(file: string, r: FineGrayResult, cs: CoxResult | null) {
  return {
    file,
    method: 'Fine–Gray proportional subdistribution hazards (weighted estimating equation, censoring weights from the Kaplan–Meier of censoring, robust sandwich SE) as cmprsk::crr',
    cause: r.cause,
    n: r.n,
    nDropped: r.nDropped,
    events: r.events,
    competing: r.competing,
    censored: r.censored,
    confLevel: r.confLevel,
    coefficients: r.coefficients.map((c) => ({
      term: c.term,
      coef: fin(c.coef),
      shr: fin(c.shr),
      se: fin(c.se),
      z: fin(c.z),
      p: fin(c.p),
      lower: fin(c.lower),
      upper: fin(c.upper),
      covariate: c.covariate,
      level: c.level,
      reference: c.reference,
    })),
    /** Log pseudo-likelihood at the estimate (crr's loglik) and at β = 0. */
    loglik: fin(r.loglik.model),
    loglikNull: fin(r.loglik.null),
    iterations: r.iterations,
    converged: r.converged,
    causeSpecific: cs
      ? {
          method: `Cox proportional hazards for cause ${r.cause} with the other causes censored (Efron ties, as R coxph)`,
          coefficients: cs.coefficients.map((c) => ({ term: c.term, coef: fin(c.coef), hr: fin(c.hr), se: fin(c.se), z: fin(c.z), p: fin(c.p), lower: fin(c.lower), upper: fin(c.upper) })),
        }
      : null,
    warnings: [...r.warnings, ...(cs ? cs.warnings.map((w) => `cause-specific Cox: ${w}`) : [])],
  };
}

type FineGrayJson = ReturnType<typeof fineGrayJson>;

function renderText(res: FineGrayJson): string {
  const out: string[] = [];
  out.push(
    `Fine–Gray subdistribution hazards regression (cause ${res.cause}): ${res.file}\n` +
      `  n = ${res.n}${res.nDropped ? ` (${res.nDropped} row(s) dropped for missing values)` : ''}, events = ${res.events}, ` +
      `competing events = ${res.competing}, censored = ${res.censored}\n\n`,
  );
  const pct = Math.round(res.confLevel * 100);
  const cs = new Map((res.causeSpecific?.coefficients ?? []).map((c) => [c.term, c]));
  out.push(
    textTable(
      ['term', 'coef', 'sHR', 'se (robust)', 'z', 'p', `sHR ${pct}% CI`, 'cause-specific HR [CI]', 'p'],
      res.coefficients.map((c) => {
        const h = cs.get(c.term);
        return [c.term, sig(c.coef, 5), sig(c.shr, 5), sig(c.se, 5), sig(c.z, 4), pval(c.p), `${sig(c.lower, 4)}–${sig(c.upper, 4)}`, h ? `${sig(h.hr, 4)} [${sig(h.lower, 3)}, ${sig(h.upper, 3)}]` : '—', h ? pval(h.p) : '—'];
      }),
    ),
  );
  out.push(
    `\nLog pseudo-likelihood: null ${sig(res.loglikNull, 7)}, model ${sig(res.loglik, 7)}; ${res.iterations} Newton–Raphson iteration(s)${res.converged ? '' : ' (not converged)'}\n` +
      'sHR: how the covariate changes the cumulative incidence (the share of patients who have the event in the presence of the competing events).\n' +
      'Cause-specific HR: how it changes the event rate among patients still event-free and alive (competing events censored).\n',
  );
  for (const w of res.warnings) out.push(`Warning: ${w}\n`);
  return out.join('');
}

export const fineGrayCommand: Command = {
  name: CMD,
  summary: 'Fine–Gray subdistribution hazards regression (competing risks), with the cause-specific Cox model beside it',
  usage: `siilab finegray <file> --time COL --status COL --cause C --covariates A,B,... [options] [--json]
  Fine–Gray regression of the subdistribution hazard of cause C, as R's cmprsk::crr (robust SE).
  --time COL             follow-up time (≥ 0)
  --status COL           the censoring code (default 0) or an integer code per cause
  --cause C              the status code of the event of interest (e.g. 1 = recurrence)
  --censor-value V       the status code of censored rows (default 0)
  --covariates A,B,...   model terms; a column with text becomes indicator terms COL=LEVEL
  --categorical A,B      treat these numeric-coded covariates as categorical
  --ref COL=LEVEL        reference level of a categorical covariate (default: first in sorted order)
  --conf-level L         confidence level (default 0.95)
  --sheet NAME           sheet of an .xlsx file
${DATA_FILE_USAGE}
  Rows with a missing value in any used column are dropped and counted (nDropped).`,
  async run(argv, ctx) {
    const a = parseCommandArgs(CMD, argv, {
      time: { type: 'string' },
      status: { type: 'string' },
      cause: { type: 'string' },
      'censor-value': { type: 'string' },
      covariates: { type: 'string' },
      categorical: { type: 'string' },
      ref: { type: 'string', multiple: true },
      'conf-level': { type: 'string' },
      ...DATA_FILE_OPTIONS,
    });
    const file = fileArgument(CMD, a);
    const time = requireString(CMD, a, 'time');
    const status = requireString(CMD, a, 'status');
    const causeText = requireString(CMD, a, 'cause');
    const cause = Number(causeText);
    if (!Number.isInteger(cause)) throw usageError(competingMessages.badCause(causeText));
    const cv = optionalString(a, 'censor-value');
    const censorValue = cv === null ? 0 : Number(cv);
    if (!Number.isFinite(censorValue)) throw usageError(competingMessages.badCensorValue(cv!));
    if (cause === censorValue) throw usageError(competingMessages.causeIsCensor(cause));
    requireString(CMD, a, 'covariates');
    const covariates = optionalList(a, 'covariates') ?? [];
    const categorical = optionalList(a, 'categorical') ?? [];
    const seen = new Set<string>();
    for (const c of covariates) {
      if (seen.has(c)) throw usageError(competingMessages.duplicateCovariate(CMD, c));
      if (c === time || c === status) throw usageError(competingMessages.covariateIsOutcome(CMD, c));
      seen.add(c);
    }
    if (covariates.length === 0) throw usageError(competingMessages.noCovariates());
    for (const c of categorical) if (!seen.has(c)) throw usageError(competingMessages.categoricalNotCovariate(CMD, c));
    const refs = refLevels(CMD, a);
    const confLevel = optionalNumber(CMD, a, 'conf-level') ?? 0.95;
    const table = await readTable(resolve(ctx.cwd, file), tableOptions(CMD, a));
    const shown = { ...table, file };
    const tcol = numericColumn(shown, time, '--time', { nonNegative: true });
    const scol = numericColumn(shown, status, '--status');
    const covs = covariates.map((c) => readCovariate(shown, c, '--covariates', categorical.includes(c)));
    checkReferenceLevels(CMD, covs, refs);
    const r = fineGray({ time: tcol, status: scol, cause, censorValue, covariates: covs, reference: refs, confLevel, source: { file, time, status, rowNumber: (i) => rowNumber(i, shown) } });
    // the cause-specific Cox model on the same rows (fineGray validated status and covariates)
    const event = scol.map((s) => (Number.isNaN(s) ? NaN : s === cause ? 1 : 0));
    const cs = coxph({ time: tcol, event, covariates: covs, reference: refs, confLevel, skipZph: true });
    const res = fineGrayJson(file, r, cs);
    emit(ctx, Boolean(a.values.json), res, () => renderText(res));
    return 0;
  },
};
