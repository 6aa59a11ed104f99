/** User-facing messages of calibration, bootstrap internal validation and decision curves (engine and the `validate`/`dca` commands). */
const q = (s: string): string => `'${s}'`;

export const validationMessages = {
  riskOutOfRange: (i: number, v: number) =>
    `predicted risk ${v} of patient ${i + 1} is not strictly between 0 and 1; calibration needs risks in (0, 1) (is the horizon before the first event?).`,
  tooFewForCalibration: (n: number) => `calibration needs at least 10 patients with a prediction; there are ${n}.`,
  noEventBeforeHorizon: (h: number) => `no event occurs at or before the horizon ${h}; risks at that horizon are all 0 and cannot be calibrated or validated.`,
  badGroups: (g: number) => `the number of calibration groups must be an integer from 2 to 50 (got ${g}).`,
  badHorizon: (h: number) => `the horizon must be a positive number (got ${h}).`,
  badBootstrap: (b: number) => `--bootstrap must be an integer from 1 to 100000 (got ${b}); 200 or more is recommended.`,
  badThreads: (t: number) => `--threads must be an integer from 1 to 64 (got ${t}).`,
  badSeed: (s: number) => `--seed must be an integer from 0 to 4294967295 (got ${s}).`,
  badThresholds: (what: string) => `thresholds must be numbers strictly between 0 and 1 (got ${what}).`,
  apparentFitFailed: (why: string) => `the model cannot be fitted on the full data: ${why}.`,
  allReplicatesFailed: (b: number) => `all ${b} bootstrap fits failed (no replicate could be fitted); the model cannot be validated on these data.`,
  needTimeOrOutcome: (cmd: string) => `siilab ${cmd}: give either --outcome COL (a binary outcome) or --time COL --event COL --horizon H (survival).`,
  bothOutcomes: (cmd: string) => `siilab ${cmd}: give --outcome for a binary outcome or --time/--event for survival, not both.`,
  horizonNeeded: (cmd: string) => `siilab ${cmd}: a survival decision curve needs --horizon H (the time at which risk is judged).`,
  covariateIsOutcome: (cmd: string, c: string) => `siilab ${cmd}: ${q(c)} is the outcome and cannot also be a predictor.`,
  duplicate: (cmd: string, c: string) => `siilab ${cmd}: ${q(c)} is named twice.`,
  noRows: (file: string) => `${file}: no row has every column the analysis uses.`,
  failedReplicates: (failed: number, b: number) =>
    `${failed} of ${b} bootstrap fits failed (not converged, singular or infinite coefficients); optimism is averaged over the ${b - failed} that succeeded.`,
  needCovariates: (cmd: string) => `siilab ${cmd}: give the model terms with --covariates A,B,...`,
  badTies: (cmd: string, t: string) => `siilab ${cmd}: --ties must be efron or breslow (got ${q(t)}).`,
  needPredictors: (cmd: string) => `siilab ${cmd}: give the predictors (risk columns or markers) with --predictors A,B.`,
  workerFailed: (why: string) => `a bootstrap worker thread failed: ${why}`,
};
