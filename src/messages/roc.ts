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

/** Notes printed under the `siilab roc` tables and put in its JSON `notes`. */
export const rocNotes = {
  dropped: (n: number) =>
    `${n} row(s) dropped for a missing outcome or marker; every marker is analysed on the same complete rows, so comparisons are paired.`,
  testMethod: (m: 'mann-whitney' | 'delong') =>
    m === 'mann-whitney'
      ? 'P: AUC = 0.5 by the Mann–Whitney normal approximation with tie correction (as SPSS "Asymptotic Sig.", null hypothesis: true area = 0.5).'
      : 'P: AUC = 0.5 by a Wald test with the DeLong SE.',
  ci: (level: number) => `${Math.round(level * 100)}% CI: DeLong SE, normal, clipped to [0, 1] (pROC ci.auc method "delong").`,
  cutoff: () =>
    'Cutoff: Youden (maximum sensitivity + specificity) between adjacent observed values, as pROC coords "best"; J = sensitivity + specificity − 1.',
  ties: (marker: string, k: number) =>
    `${marker}: ${k} cutoffs tie on Youden's J; the one with the highest sensitivity is shown (pROC lists all).`,
  direction: (marker: string, dir: 'higher' | 'lower') =>
    `${marker}: ${dir === 'higher' ? 'higher' : 'lower'} values indicate a case (chosen by the group medians, as pROC direction "auto").`,
  mixedDirections: (a: string, b: string) =>
    `${a} vs ${b}: the two curves have different directions; pROC warns that DeLong's test should not be applied then.`,
  separation: () => 'Combined marker: the logistic model shows separation; its coefficients are not finite estimates (the ranking, hence the AUC, is still defined).',
  notConverged: () => 'Combined marker: the logistic fit did not converge.',
  optimism: () => 'Combined marker: AUC of the in-sample predicted probabilities of a logistic model (optimistic; the CI ignores the uncertainty of the coefficients).',
} as const;
