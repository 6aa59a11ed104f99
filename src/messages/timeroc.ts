/** User-facing messages of time-dependent ROC (the `siilab tdroc` command and the study's timeRoc analyses). */
const q = (s: string): string => `'${s}'`;
const num = (x: number): string => String(Number(x.toPrecision(6)));

export const timeRocMessages = {
  duplicateMarker: (name: string) => `siilab tdroc: --markers names ${q(name)} twice.`,
  markerIsTime: (name: string) => `siilab tdroc: ${q(name)} is the time or event column; it cannot also be a marker.`,
  lowerNotMarker: (name: string) => `siilab tdroc: --lower names ${q(name)}, which is not in --markers.`,
  badTimes: (v: string) => `--times takes comma-separated times > 0, got '${v}'.`,
  badTau: (v: number) => `--tau (the truncation time of Uno's C) must be a positive number, got ${v}.`,
  badLevel: (v: number) => `--level must be between 0 and 1 (e.g. 0.95), got ${v}.`,
  noCompleteRows: (file: string, dropped: number) =>
    `${file}: no row has the time, the event and every marker (${dropped} row(s) dropped for missing values).`,
  noEvents: (where: string) => `${where}: no event among the patients used; time-dependent ROC needs cases.`,
  noTimeEstimable: (where: string, times: readonly number[], maxTime: number) =>
    `${where}: no AUC(t) can be estimated at ${times.map(num).join(', ')}: each time has no case (no event up to it) or no control ` +
    `(no patient followed beyond it; the last follow-up time is ${num(maxTime)}). Choose times inside the follow-up.`,
  noCases: (t: number) => `AUC at time ${num(t)} not estimated: no event occurred up to this time (no case).`,
  noControls: (t: number, maxTime: number) =>
    `AUC at time ${num(t)} not estimated: no patient is followed beyond it (no control; the last follow-up time is ${num(maxTime)}).`,
  fewCases: (t: number, cases: number, controls: number) =>
    `AUC at time ${num(t)} rests on ${cases} case(s) and ${controls} control(s); with fewer than 5 of either its CI is unreliable.`,
  defaultTimes: (times: readonly number[]) => `no --times given: AUC(t) at the quartiles of the event times (${times.map(num).join(', ')}).`,
  dropped: (n: number) => `${n} row(s) dropped for a missing time, event or marker value.`,
  method: () =>
    'cumulative/dynamic AUC(t): cases T ≤ t with an event, controls T > t, inverse-probability-of-censoring weights from the ' +
    'Kaplan–Meier estimate of censoring (Uno 2007; Blanche 2013); SE from the influence function, normal 95% CI; ' +
    'as riskRegression::Score(cens.model = "marginal"). Paired differences from the difference of the influence functions.',
  direction: (lower: readonly string[]) =>
    `markers are read as risk scores (higher = event more likely)${lower.length ? `; ${lower.map(q).join(', ')} negated (lower = higher risk)` : ''}.`,
  concordance: (tau: number) =>
    `Harrell's C and Uno's C (weights 1/G(T−)², deaths up to τ = ${num(tau)}; Uno 2011) with infinitesimal-jackknife SEs, as survival::concordance(reverse = TRUE).`,
} as const;
