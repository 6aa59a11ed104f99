/** User-facing messages of Cox regression (engine refusals, warnings and the `siilab cox` command). */
const q = (s: string): string => `'${s}'`;
const where = (file: string | null, row: number | null, column: string): string =>
  `${file ?? 'input'}${row !== null ? `, row ${row}` : ''}, column ${q(column)}`;

export const coxMessages = {
  lengthMismatch: (what: string, n: number, m: number) =>
    `${what} has ${n} values but the time column has ${m}; every column needs one value per row.`,
  eventNotBinary: (file: string | null, row: number | null, column: string, v: number) =>
    `${where(file, row, column)}: event value ${v} is not 0 or 1; use --event-value V to say which value marks the event.`,
  timeNotFinite: (file: string | null, row: number | null, column: string, v: number) =>
    `${where(file, row, column)}: time ${v} is not a finite number.`,
  startNotBeforeStop: (file: string | null, row: number | null, startCol: string, stopCol: string, start: number, stop: number) =>
    `${where(file, row, startCol)}: the interval start ${start} is not before its end ${stop} (column ${q(stopCol)}); ` +
    `each row must be an interval (start, stop] with start < stop.`,
  noCovariates: () => `a Cox model needs at least one covariate (give --covariates A,B,...).`,
  noCompleteRows: (file: string | null, dropped: number) =>
    `${file ?? 'input'}: no row has every column the model uses (${dropped} row(s) dropped for missing values).`,
  noEvents: (file: string | null, column: string, n: number) =>
    `${file ?? 'input'}: column ${q(column)} has no event among the ${n} complete row(s); a Cox model needs at least one event. ` +
    `Check --event and --event-value.`,
  oneLevel: (file: string | null, column: string, level: string) =>
    `${file ?? 'input'}: covariate ${q(column)} has the single level ${q(level)} in the complete rows; it has no variance and cannot be in the model.`,
  noVariance: (file: string | null, term: string, value: number) =>
    `${file ?? 'input'}: term ${q(term)} has the same value (${value}) in every complete row; it has no variance and cannot be in the model.`,
  singular: (file: string | null, terms: string[]) =>
    `${file ?? 'input'}: the information matrix is singular: ${terms.map(q).join(', ')} ` +
    `${terms.length === 1 ? 'is' : 'are'} a linear combination of the other terms (or ${terms.length === 1 ? 'has' : 'have'} no variance within the risk sets); drop ${terms.length === 1 ? 'it' : 'one of them'}.`,
  duplicateCovariate: (name: string) => `siilab cox: --covariates names ${q(name)} twice.`,
  covariateIsOutcome: (name: string) =>
    `siilab cox: ${q(name)} is the time, start or event column; it cannot also be a covariate.`,
  strataIsCovariate: (name: string) => `siilab cox: ${q(name)} is both --strata and a covariate; use it in one place only.`,
  categoricalNotCovariate: (name: string) => `siilab cox: --categorical names ${q(name)}, which is not among --covariates.`,
  // warnings (kept in the result's `warnings`, never hidden)
  infinite: (k: number, term: string) =>
    `Loglik converged before variable ${k} (${term}); coefficient may be infinite. ` +
    `A covariate separates the events (monotone likelihood): its hazard ratio and Wald test are not meaningful; ` +
    `use the likelihood-ratio test or drop/recode the covariate.`,
  notConverged: (maxIter: number) =>
    `Ran out of iterations (${maxIter}) and did not converge; the coefficients are the last iterate.`,
  noComparablePairs: () => `No pair of subjects is comparable, so the concordance is undefined.`,
} as const;
