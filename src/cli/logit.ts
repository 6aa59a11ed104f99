/**
 * `siilab logit <file> --outcome COL --covariates A,B,... [--positive VALUE] [--categorical A,...]
 *  [--ref COL=LEVEL] [--conf-level 0.95] [--hl-groups 10] [--sheet NAME] [--json]`
 * Binary logistic regression, as R's glm(family = binomial) and SPSS's LOGISTIC REGRESSION.
 */
import { resolve } from 'node:path';
import type { Command } from './command.js';
import { fileArgument, optionalList, optionalNumber, optionalString, parseCommandArgs, refLevels, requireString, DATA_FILE_OPTIONS, DATA_FILE_USAGE, tableOptions } from './args.js';
import { emit } from './output.js';
import { dataError, usageError } from '../errors.js';
import { cliMessages, logitMessages } from '../messages/index.js';
import { readTable } from '../io/readTable.js';
import { withFile } from '../io/columnarTable.js';
import { binaryColumn } from '../io/columns.js';
import { checkReferenceLevels, readCovariate } from '../io/covariates.js';
import { applyCovariateScales, covariateScales, SCALE_HELP, SCALE_OPTIONS } from './covariateScales.js';
import { logitModel, type LogitResult } from '../stats/regression/logitModel.js';
import { textTable } from '../report/text/textTable.js';
import { pval, sig } from '../report/text/formatNumber.js';

const CMD = 'logit';

const fin = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The stable JSON of `siilab logit --json` (fields may be added, never renamed). */
export function logitJson(file: string, outcome: string, positive: string | null, r: LogitResult) {
  return {
    file,
    outcome,
    positive,
    n: r.n,
    nDropped: r.nDropped,
    events: r.events,
    coefficients: r.coefficients.map((c) => ({
      term: c.term,
      coef: c.coef,
      se: c.se,
      z: c.z,
      /** SPSS's "Wald": z² on 1 df (same p as z). */
      wald: c.wald,
      p: c.p,
      or: fin(c.or),
      lower: fin(c.lower),
      upper: fin(c.upper),
      covariate: c.covariate,
      level: c.level,
      reference: c.reference,
    })),
    /** Wald test of each covariate with all its terms together (SPSS's covariate row; car::Anova type III Wald). */
    covariateTests: r.covariateTests.map((t) => ({ covariate: t.covariate, terms: [...t.terms], df: t.df, wald: t.wald, p: t.p })),
    confLevel: r.confLevel,
    ciMethod: 'Wald: exp(coef ± z·se), as SPSS and R confint.default',
    deviance: { null: r.deviance.null, residual: r.deviance.residual, dfNull: r.deviance.dfNull, dfResidual: r.deviance.dfResidual },
    logLik: r.logLik,
    aic: r.aic,
    likelihoodRatio: { chisq: r.likelihoodRatio.chisq, df: r.likelihoodRatio.df, p: r.likelihoodRatio.p },
    hosmerLemeshow: {
      chisq: r.hosmerLemeshow.chisq,
      df: r.hosmerLemeshow.df,
      p: fin(r.hosmerLemeshow.p),
      rule: r.hosmerLemeshow.rule,
      groups: r.hosmerLemeshow.groups.map((g) => ({ upper: g.upper, n: g.n, observed: g.observed, expected: g.expected })),
    },
    coxSnellR2: r.coxSnellR2,
    nagelkerkeR2: r.nagelkerkeR2,
    converged: r.converged,
    iterations: r.iterations,
    warnings: [...r.warnings],
  };
}

type LogitJson = ReturnType<typeof logitJson>;

/** 'p = 0.03' or 'p < 2.2e-16'. */
const pEq = (p: number | null): string => {
  const t = pval(p);
  return t.startsWith('<') ? `p ${t}` : `p = ${t}`;
};

function renderText(r: LogitJson): string {
  const pct = Math.round(r.confLevel * 100);
  const out: string[] = [];
  out.push(
    `Binary logistic regression: ${r.file}\n` +
      `  outcome ${r.outcome}${r.positive !== null ? ` = ${r.positive}` : ''}: ${r.events} event(s) among n = ${r.n}` +
      `${r.nDropped ? ` (${r.nDropped} row(s) dropped for missing values)` : ''}\n\n`,
  );
  out.push(
    textTable(
      ['term', 'B', 'S.E.', 'z', 'Wald', 'p', 'OR', `${pct}% CI lower`, `${pct}% CI upper`],
      r.coefficients.map((c) => [c.term, sig(c.coef, 5), sig(c.se, 5), sig(c.z, 4), sig(c.wald, 4), pval(c.p), sig(c.or, 4), sig(c.lower, 4), sig(c.upper, 4)]),
    ),
  );
  const multi = r.covariateTests.filter((t) => t.df > 1);
  if (multi.length > 0) {
    out.push('\nCovariates with several terms (Wald test of all their terms together):\n');
    out.push(textTable(['covariate', 'Wald', 'df', 'p'], multi.map((t) => [t.covariate, sig(t.wald, 5), String(t.df), pval(t.p)])));
  }
  const hl = r.hosmerLemeshow;
  out.push(
    `\nNull deviance ${sig(r.deviance.null, 6)} on ${r.deviance.dfNull} df; residual deviance ${sig(r.deviance.residual, 6)} on ${r.deviance.dfResidual} df; AIC ${sig(r.aic, 6)}\n` +
      `Likelihood-ratio test: chi-square = ${sig(r.likelihoodRatio.chisq, 5)} on ${r.likelihoodRatio.df} df, ${pEq(r.likelihoodRatio.p)}\n` +
      `Hosmer–Lemeshow: chi-square = ${sig(hl.chisq, 5)} on ${hl.df} df, ${pEq(hl.p)} (${hl.groups.length} groups; ${hl.rule})\n` +
      `Cox–Snell R² = ${sig(r.coxSnellR2, 4)}, Nagelkerke R² = ${sig(r.nagelkerkeR2, 4)}; ${r.iterations} IRLS iteration(s)${r.converged ? '' : ' (not converged)'}\n`,
  );
  out.push('\nNote: z = B/S.E. as R prints; "Wald" is z² on 1 df as SPSS prints (same p). The CI of the odds ratio is Wald\'s (SPSS, R confint.default).\n');
  for (const w of r.warnings) out.push(`Warning: ${w}\n`);
  return out.join('');
}

export const logitCommand: Command = {
  name: CMD,
  summary: 'Binary logistic regression (odds ratios, Wald, LR and Hosmer–Lemeshow tests, Nagelkerke R²)',
  usage: `siilab logit <file> --outcome COL --covariates A,B,... [options] [--json]
  Binary logistic regression by IRLS, as R's glm(family = binomial); SPSS-style Wald column (z²).
  --outcome COL          0/1 (or true/false, yes/no) outcome; any values with --positive
  --positive VALUE       the value of --outcome that counts as the event (all others: 0)
  --covariates A,B,...   model terms; a column with text becomes indicator terms COL=LEVEL
  --categorical A,B      treat these numeric-coded covariates as categorical
${SCALE_HELP}
  --ref COL=LEVEL        reference level of a categorical covariate (default: first in sorted order)
  --conf-level X         level of the odds-ratio intervals (default 0.95)
  --hl-groups G          Hosmer–Lemeshow groups (default 10, by deciles of risk)
  --sheet NAME           sheet of an .xlsx file
${DATA_FILE_USAGE}
  Rows with a missing value in any used column are dropped and counted (nDropped).
  Complete or quasi-complete separation is refused (exit 4) with the covariate named.`,
  async run(argv, ctx) {
    const a = parseCommandArgs(CMD, argv, {
      outcome: { type: 'string' },
      positive: { type: 'string' },
      covariates: { type: 'string' },
      categorical: { type: 'string' },
      ref: { type: 'string', multiple: true },
      'conf-level': { type: 'string' },
      'hl-groups': { type: 'string' },
      ...DATA_FILE_OPTIONS,
      ...SCALE_OPTIONS,
    });
    const file = fileArgument(CMD, a);
    const outcome = requireString(CMD, a, 'outcome');
    requireString(CMD, a, 'covariates');
    const covariates = optionalList(a, 'covariates') ?? [];
    const categorical = optionalList(a, 'categorical') ?? [];
    const refs = refLevels(CMD, a);
    const positive = optionalString(a, 'positive');
    const confLevel = optionalNumber(CMD, a, 'conf-level') ?? 0.95;
    if (!(confLevel > 0 && confLevel < 1)) throw usageError(cliMessages.badOption(CMD, `--conf-level must be between 0 and 1, got ${confLevel}.`));
    const hlGroups = optionalNumber(CMD, a, 'hl-groups') ?? 10;
    if (!Number.isInteger(hlGroups) || hlGroups < 3) throw usageError(cliMessages.badOption(CMD, `--hl-groups must be an integer of at least 3, got ${hlGroups}.`));
    const seen = new Set<string>();
    for (const c of covariates) {
      if (seen.has(c)) throw usageError(logitMessages.duplicateCovariate(c));
      if (c === outcome) throw usageError(logitMessages.covariateIsOutcome(c));
      seen.add(c);
    }
    if (covariates.length === 0) throw usageError(logitMessages.noCovariates());
    for (const c of categorical) if (!seen.has(c)) throw usageError(logitMessages.categoricalNotCovariate(c));

    const table = await readTable(resolve(ctx.cwd, file), tableOptions(CMD, a));
    const shown = withFile(table, file);
    const y = binaryColumn(shown, outcome, '--outcome', positive, 'outcome');
    if (positive !== null && !y.some((v) => v === 1)) throw dataError(logitMessages.positiveNotFound(file, outcome, positive));
    const scales = covariateScales(CMD, a, covariates);
    const covs = applyCovariateScales(CMD, covariates.map((c) => readCovariate(shown, c, '--covariates', categorical.includes(c))), scales);
    checkReferenceLevels(CMD, covs, refs);
    const r = logitModel({ outcome: y, covariates: covs, reference: refs, confLevel, hlGroups, source: { file, outcome } });
    const res = logitJson(file, outcome, positive, r);
    emit(ctx, Boolean(a.values.json), res, () => renderText(res));
    return 0;
  },
};
