/** User-facing messages of ROC analysis (engine refusals and the `siilab roc` command). */
const q = (s: string): string => `'${s}'`;

export const rocMessages = {
  badAuc: (auc: number) => `the AUC must be a number between 0 and 1, got ${auc}.`,
  badCount: (what: string, n: number) => `the number of ${what} must be a positive whole number, got ${n}.`,
  lengthMismatch: (what: string, n: number, m: number) =>
    `${what} has ${n} values but the outcome has ${m}; every marker needs one value per subject.`,
  notFinite: (what: string, i: number) =>
    `${what}, value ${i + 1}: not a finite number (drop missing values before the ROC analysis).`,
  outcomeNotBinary: (i: number, v: number) => `outcome, value ${i + 1}: ${v} is not 0 or 1.`,
  oneClass: (file: string, column: string, nCases: number, nControls: number) =>
    `${file}: column ${q(column)} has ${nCases} case(s) and ${nControls} control(s) among the complete rows; ` +
    `ROC analysis needs both. Check the outcome column and --positive.`,
  noVariance: (file: string, column: string, value: number) =>
    `${file}: marker ${q(column)} has the same value (${value}) in every complete row; it cannot discriminate.`,
  duplicateMarker: (name: string) => `siilab roc: --markers names ${q(name)} twice.`,
  markerIsOutcome: (name: string) => `siilab roc: ${q(name)} is the outcome; it cannot also be a marker.`,
  combineNeedsTwo: () => `siilab roc: --combine needs at least two markers in --markers.`,
  bootstrapNeedsSeed: () => `siilab roc: --bootstrap N needs --seed S so that the intervals can be reproduced.`,
  badBootstrap: (v: number) => `siilab roc: --bootstrap must be a whole number of resamples ≥ 100, got ${v}.`,
  badSeed: (v: number) => `siilab roc: --seed must be a whole number, got ${v}.`,
  noCompleteRows: (file: string, dropped: number) =>
    `${file}: no row has the outcome and every marker (${dropped} row(s) dropped for missing values).`,
  combinedNotFitted: (detail: string) => `the combined marker could not be fitted: ${detail}.`,
  pairedLength: (n: number, m: number) =>
    `the two markers of a paired comparison must be measured on the same subjects (${n} vs ${m} values).`,
} as const;
