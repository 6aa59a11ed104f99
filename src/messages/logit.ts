/** User-facing messages of binary logistic regression (engine refusals, warnings and `siilab logit`). */
const q = (s: string): string => `'${s}'`;
const src = (file: string | null): string => file ?? 'input';
const list = (xs: readonly string[]): string => xs.map(q).join(', ');

export const logitMessages = {
  lengthMismatch: (what: string, n: number, m: number) =>
    `${what} has ${n} values but the outcome has ${m}; every column needs one value per row.`,
  notFinite: (what: string, row: number) => `${what}, row ${row}: the value is missing or not finite; drop incomplete rows first.`,
  outcomeNotBinary: (row: number, v: number) => `outcome, row ${row}: value ${v} is not 0 or 1.`,
  noCovariates: () => `a logistic model needs at least one covariate (give --covariates A,B,...).`,
  noCompleteRows: (file: string | null, dropped: number) =>
    `${src(file)}: no row has every column the model uses (${dropped} row(s) dropped for missing values).`,
  oneClass: (file: string | null, column: string, value: 0 | 1, n: number) =>
    `${src(file)}: outcome ${q(column)} is ${value === 1 ? 'positive' : 'negative'} in all ${n} complete row(s); ` +
    `a logistic regression needs both outcomes. Check --outcome and --positive.`,
  oneLevel: (file: string | null, column: string, level: string) =>
    `${src(file)}: covariate ${q(column)} has the single level ${q(level)} in the complete rows; it has no variance and cannot be in the model.`,
  noVariance: (file: string | null, term: string, value: number) =>
    `${src(file)}: covariate ${q(term)} has the same value (${value}) in every complete row; it has no variance and cannot be in the model.`,
  singular: (file: string | null, terms: readonly string[]) =>
    `${src(file)}: ${list(terms)} ${terms.length === 1 ? 'is' : 'are'} a linear combination of the other terms; ` +
    `the coefficients are not identifiable. Drop ${terms.length === 1 ? 'it' : 'one of them'}.`,
  separation: (file: string | null, kind: 'complete' | 'quasi', terms: readonly string[], covariates: readonly string[]) =>
    `${src(file)}: ${kind === 'complete' ? 'complete' : 'quasi-complete'} separation: ` +
    `${covariates.length === 1 ? `covariate ${q(covariates[0])}` : `the covariates ${list(covariates)} together`} ` +
    `${kind === 'complete' ? 'predict' + (covariates.length === 1 ? 's' : '') + ' the outcome perfectly' : 'predict' + (covariates.length === 1 ? 's' : '') + ' the outcome perfectly in part of the data'} ` +
    `(term${terms.length === 1 ? '' : 's'} ${list(terms)}), so the maximum likelihood estimate does not exist and the odds ratios would be infinite. ` +
    `Merge sparse categories, drop the covariate, or use penalised (Firth) regression.`,
  duplicateCovariate: (name: string) => `siilab logit: --covariates names ${q(name)} twice.`,
  covariateIsOutcome: (name: string) => `siilab logit: ${q(name)} is the outcome; it cannot also be a covariate.`,
  categoricalNotCovariate: (name: string) => `siilab logit: --categorical names ${q(name)}, which is not among --covariates.`,
  positiveNotFound: (file: string | null, column: string, value: string) =>
    `${src(file)}: --positive ${value}: no row of ${q(column)} has this value.`,
  tooFewRows: (n: number, p: number) =>
    `only ${n} complete row(s) for ${p} coefficient(s); a logistic model needs more rows than coefficients.`,
  // warnings (kept in the result's `warnings`)
  notConverged: (maxIter: number) => `The iterations did not converge in ${maxIter} steps; the coefficients are the last iterate.`,
  fittedExtreme: () => `Fitted probabilities numerically 0 or 1 occurred (some |linear predictor| > 30).`,
  hosmerFewGroups: (g: number) =>
    `The Hosmer–Lemeshow test has only ${g} distinct risk groups (ties in the fitted probabilities); its df is ${g} − 2.`,
  lowEventsPerVariable: (epv: number) =>
    `Only ${epv.toFixed(1)} events per coefficient (fewer than 10): the estimates may be biased and the Wald tests unreliable.`,
} as const;
