/** User-facing messages of the survival engine and the `km` command. */
const q = (s: string): string => `'${s}'`;

export const survivalMessages = {
  lengthMismatch: (what: string, n: number, m: number) =>
    `${what} has ${m} values but time has ${n}; every column must have one value per patient.`,
  negativeTime: (obs: number, value: number) => `observation ${obs}: time ${value} is negative; survival times must be ≥ 0.`,
  eventNotBinary: (obs: number, value: number) => `observation ${obs}: event ${value} is not 0 or 1.`,
  noRows: () => 'no patient has all of time, event and the other columns used; nothing to analyse.',
  noEvents: (what: string) => `${what} has no events (every time is censored): the survival analysis cannot be done.`,
  emptyGroup: (column: string, level: string) =>
    `group ${q(level)} of ${column} has no patients left after dropping rows with a missing value.`,
  oneGroup: (column: string, level: string) =>
    `${column} has a single group (${q(level)}) among the patients used; the log-rank test needs at least two.`,
  badConfLevel: (v: number) => `the confidence level must be between 0 and 1 (e.g. 0.95), got ${v}.`,
  badTau: (v: number) => `the restricted-mean horizon must be a positive number, got ${v}.`,
  badTimes: (v: number) => `survival times requested must be finite and ≥ 0, got ${v}.`,
  badScores: (k: number, m: number) => `the trend test needs one score per group: ${k} groups, ${m} scores.`,
  trendNonNumeric: (column: string) =>
    `the trend test needs ordered groups: ${column} has non-numeric labels, so the groups were scored 1, 2, … in sorted order.`,
  badProp: (minprop: number, maxprop: number) =>
    `minprop and maxprop must satisfy 0 < minprop < maxprop < 1, got ${minprop} and ${maxprop}.`,
  noCutpoints: (marker: string, n: number, minprop: number, maxprop: number) =>
    `${marker}: no cutpoint leaves between ${minprop * 100}% and ${maxprop * 100}% of the ${n} patients in the low group.`,
  tooFewForCutoff: (marker: string, n: number) => `${marker}: ${n} patients are too few to search for a cutoff.`,
  constantMarker: (marker: string) => `${marker} takes a single value among the patients used; no cutoff can be searched.`,
  timesOption: (bad: string) => `--times takes comma-separated times ≥ 0, got '${bad}'.`,
  strataNeedGroup: () => '--strata and --trend need --group.',
} as const;
