/** User-facing messages of competing-risks analysis (engine refusals, warnings, `siilab cif` and `siilab finegray`). */
const q = (s: string): string => `'${s}'`;
const where = (file: string | null, row: number | null, column: string): string =>
  `${file ?? 'input'}${row !== null ? `, row ${row}` : ''}, column ${q(column)}`;

export const competingMessages = {
  lengthMismatch: (what: string, n: number, m: number) =>
    `${what} has ${m} values but the time column has ${n}; every column needs one value per row.`,
  negativeTime: (file: string | null, row: number | null, column: string, v: number) =>
    `${where(file, row, column)}: time ${v} is negative; follow-up times must be ≥ 0.`,
  statusNotInteger: (file: string | null, row: number | null, column: string, v: number) =>
    `${where(file, row, column)}: status ${v} is not a whole number; competing-risks status must be the censoring code ` +
    `(e.g. 0) or an integer code per cause (e.g. 1 = recurrence, 2 = death without recurrence).`,
  noRows: (file: string | null, dropped: number) =>
    `${file ?? 'input'}: no row has every column the analysis uses (${dropped} row(s) dropped for missing values).`,
  noEvents: (file: string | null, column: string, censorValue: number) =>
    `${file ?? 'input'}: column ${q(column)} has no event (every row has the censoring code ${censorValue}); ` +
    `competing-risks analysis needs at least one event. Check --status and --censor-value.`,
  causeAbsent: (file: string | null, column: string, cause: number, present: readonly number[]) =>
    `${file ?? 'input'}: column ${q(column)} has no event of cause ${cause} among the complete rows` +
    `${present.length ? ` (causes present: ${present.join(', ')})` : ''}; the model needs events of the cause it describes. Check --cause.`,
  causeEmptyInGroup: (column: string, group: string, cause: number) =>
    `group ${q(group)} of ${q(column)} has no event of cause ${cause}: its cumulative incidence of that cause stays 0.`,
  grayUndefined: (cause: number) =>
    `Gray's test for cause ${cause} is not reported: the pooled cumulative incidence under the null hypothesis reaches 1 while ` +
    `two groups are still at risk, so its variance is undefined.`,
  oneGroupOnly: (column: string, group: string) =>
    `${q(column)} has a single group (${q(group)}) among the complete rows; Gray's test needs at least two.`,
  noCovariates: () => `a Fine–Gray model needs at least one covariate (give --covariates A,B,...).`,
  oneLevel: (file: string | null, column: string, level: string) =>
    `${file ?? 'input'}: covariate ${q(column)} has the single level ${q(level)} in the complete rows; it has no variance and cannot be in the model.`,
  noVariance: (file: string | null, term: string, value: number) =>
    `${file ?? 'input'}: term ${q(term)} has the same value (${value}) in every complete row; it has no variance and cannot be in the model.`,
  singular: (file: string | null, terms: readonly string[]) =>
    `${file ?? 'input'}: the information matrix of the Fine–Gray model is singular (${terms.map(q).join(', ')}); ` +
    `a term is a linear combination of the others or has no variance among the subdistribution risk sets; drop it.`,
  notConverged: (maxIter: number) =>
    `Newton–Raphson did not converge in ${maxIter} iterations; the coefficients are the last iterate.`,
  infinite: (term: string) =>
    `the coefficient of ${q(term)} grows without bound (monotone pseudo-likelihood); its sHR and Wald test are not meaningful.`,
  badCensorValue: (v: string) => `--censor-value must be a number (the status code of censored rows), got '${v}'.`,
  badCause: (v: string) => `--cause must be an integer status code of the cause of interest, got '${v}'.`,
  causeIsCensor: (v: number) => `--cause ${v} is the censoring code; give the status code of the event of interest.`,
  duplicateCovariate: (cmd: string, name: string) => `siilab ${cmd}: --covariates names ${q(name)} twice.`,
  covariateIsOutcome: (cmd: string, name: string) => `siilab ${cmd}: ${q(name)} is the time or status column; it cannot also be a covariate.`,
  categoricalNotCovariate: (cmd: string, name: string) => `siilab ${cmd}: --categorical names ${q(name)}, which is not among --covariates.`,
  timesOption: (bad: string) => `--times takes comma-separated times ≥ 0, got '${bad}'.`,
  // The study file.
  eventAlsoCompeting: (where: string, v: string) =>
    `${where}: ${q(v)} is both an event of interest (events) and a competing event (competing); a competing event is a different event that prevents the event of interest (e.g. death without recurrence).`,
  competingDatesLength: (where: string, nEvents: number, nDates: number) =>
    `${where}: competingDates has ${nDates} date(s) but competing has ${nEvents} event(s); give one date per competing event, in the same order.`,
  competingTimeWithoutTime: (where: string) =>
    `${where}: competingTime (the time to the competing event) needs time (the time to the event of interest or censoring) too; without time columns, give dates instead.`,
  needsCompeting: (where: string, analysis: string, endpoint: string, type: string) =>
    `${where}: the ${analysis} analysis needs a competing-risks endpoint, but ${q(endpoint)} is ${type ? `a ${type} endpoint` : 'not one'}; ` +
    `declare one as { type: competing, events: [recurrence], competing: [death], ... }.`,
  badCifTime: (where: string, t: number) => `${where}: ${t} is not a time ≥ 0 at which to report the cumulative incidence.`,
  // The study pipeline.
  noEventsInEndpoint: (where: string, endpoint: string, n: number) =>
    `${where}: endpoint ${q(endpoint)} has no event of interest and no competing event among its ${n} patient(s) with a time and status (everyone is censored); ` +
    `a competing-risks analysis needs events. Check the endpoint's events, competing and horizon.`,
  noEventsOfCause: (cause: string) => `no patient had the event '${cause}' among the complete cases; its cause-specific Cox model cannot be fitted.`,
  kmDeathsCensored: (endpoint: string, deaths: number, n: number) =>
    `Kaplan–Meier of ${q(endpoint)} treats the ${deaths} of ${n} patients who died without the event as censored; 1 − Kaplan–Meier then overstates ` +
    `its cumulative incidence (deaths are not censoring: the event can no longer happen). Declare it as a competing-risks endpoint ` +
    `(type: competing, competing: [death]) and add cif and fineGray analyses, or count death as an event (events: [..., death]) for an event-free survival endpoint.`,
  competingEndpointHere: (where: string, endpoint: string) =>
    `${where}: endpoint ${q(endpoint)} is a competing-risks endpoint (type: competing); analyse it with 'cif' and 'fineGray', ` +
    `or declare a survival endpoint for this analysis (e.g. events: [recurrence, death] for recurrence-free survival).`,
} as const;
