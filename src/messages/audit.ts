/**
 * User-facing messages of `siilab audit`: the one-sentence explanations of findings (written for
 * clinicians) and the refusals of the paper-file loader and the command.
 */
const q = (s: string): string => `'${s}'`;
const list = (xs: readonly (string | number)[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

export const auditMessages = {
  // ---- findings: counts and percentages
  percentMismatch: (label: string, count: number, n: number, pct: string, actual: string, ks: number[], otherN: number[]) =>
    `${label}: ${count} of ${n} patients is ${actual}%, not the printed ${pct}%.` +
    (ks.length ? ` ${pct}% of ${n} would be ${list(ks)} patient${ks.length === 1 && ks[0] === 1 ? '' : 's'}, so the count or the percentage is probably a typo.` : '') +
    (otherN.length ? ` ${count} of ${list(otherN)} gives ${pct}%: the percentage may use the wrong denominator.` : ''),
  countSumMismatch: (variable: string, group: string, counts: number[], sum: number, n: number) =>
    `${variable}: the categories of ${group} add up to ${sum} patients (${counts.join(' + ')}), but the group has ${n}.`,
  groupSizeSum: (whole: string, n: number, parts: string[], sum: number) =>
    `${whole} has ${n} patients but its groups ${parts.join(' and ')} add up to ${sum}.`,
  partsDontAddUp: (variable: string, level: string, whole: string, count: number, parts: string[], sum: number) =>
    `${variable} ${level}: ${count} patients in ${whole}, but ${parts.join(' + ')} = ${sum} in the groups it is split into — the tables disagree.`,

  /** A mismatch of at most one unit in the last printed digit. */
  lastDigit: (subject: string, quantity: string) =>
    `${subject}: the printed ${quantity} is one unit off in its last digit from what the paper's other numbers give — most likely a rounding slip (e.g. rounding twice), not a different result.`,
  digitTypo: (fit: string) => ` Printed as ${fit}% (one digit different) it would fit: probably a typo.`,

  // ---- findings: tests
  tOtherVariant: (variable: string, stated: string, matched: string) =>
    `${variable}: the printed t is not ${stated}'s t for these means and SDs, but ${matched}'s t matches — the paper may have used the other version of the test.`,
  tMismatch: (variable: string, what: string) =>
    `${variable}: the printed ${what} cannot come from a t test on the printed means, SDs and group sizes, whichever way they are rounded.`,
  smallExpected: (variable: string, minExp: string) =>
    `${variable}: the smallest expected count is ${minExp} (below 5), where the chi-square P is unreliable; Fisher's exact test is the usual choice.`,
  chiOnlyYates: (variable: string) =>
    `${variable}: the printed result matches the chi-square test with Yates's continuity correction (not the plain Pearson test SPSS prints first).`,
  chiOtherCorrection: (variable: string, statedWith: string, matchedWith: string) =>
    `${variable}: the paper's chi-square is said to be ${statedWith} continuity correction, but only the test ${matchedWith} it reproduces the printed result.`,
  chiMismatchRepaired: (variable: string) =>
    `${variable}: the printed test does not match the printed counts, but it does match the counts that the printed percentages imply — a count in the table is probably a typo.`,
  chiMismatch: (variable: string, what: string) =>
    `${variable}: the printed ${what} cannot come from a chi-square test on the printed counts (with or without continuity correction).`,
  fisherMismatch: (variable: string) => `${variable}: the printed P is not Fisher's exact P for the printed counts.`,
  pFromStatMismatch: (what: string) => `The P value printed with ${what} is not the P value of that statistic.`,

  // ---- findings: regression
  waldIsZ: (label: string) => `${label}: the printed Wald statistic is β/SE (as R prints it), not its square (as SPSS prints it).`,
  waldMismatch: (label: string) => `${label}: the Wald statistic is not (β/SE)² for the printed β and SE, whichever way they are rounded.`,
  ratioMismatch: (label: string, measure: string, printed: string, recomputed: string) =>
    `${label}: the ${measure} should be exp(β) = ${recomputed}, but ${printed} is printed.`,
  ciNotWald: (label: string, measure: string) =>
    `${label}: the confidence interval of the ${measure} is not exp(β ± 1.96·SE) for the printed β and SE.`,
  ratioOutsideCi: (label: string, measure: string) => `${label}: the ${measure} lies outside its own confidence interval.`,
  ciNotSymmetric: (label: string, measure: string) =>
    `${label}: the ${measure} is not in the middle of its confidence interval on the log scale, as a standard (Wald) interval is.`,
  pCiContradict: (label: string, measure: string) =>
    `${label}: the P value and the confidence interval of the ${measure} disagree about statistical significance.`,
  pCiMismatch: (label: string, measure: string) =>
    `${label}: the P value is not the one the ${measure}'s confidence interval implies (it may come from another test).`,

  seBelowBound: (label: string, se: string, bound: string) =>
    `${label}: a standard error of ${se} is smaller than any data set of this size allows for a yes/no factor (at least ${bound}); the SE, and with it the confidence interval and P value, cannot be right — or the factor was not coded 0/1.`,

  directionContradicts: (label: string, claimed: string, printed: string, source: string | null) =>
    `${label}: the text says the level coded 1 carries a ${claimed} risk${source ? ` (${source})` : ''}, but the printed coefficient gives it a ${printed} risk — the text, the coding or the estimate is wrong.`,

  // ---- findings: ROC
  aucOutsideCi: (marker: string) => `${marker}: the AUC lies outside its own confidence interval.`,
  aucCiNotSe: (marker: string) => `${marker}: the confidence interval of the AUC is not AUC ± 1.96 × the printed standard error.`,
  aucSeTooLarge: (marker: string, m: number, n: number) =>
    `${marker}: the AUC's interval is wider than any data set of ${m} cases and ${n} controls can give.`,
  aucSeSmall: (marker: string, m: number, n: number) =>
    `${marker}: the AUC's interval is much narrower than ${m} cases and ${n} controls usually give — as if the groups were larger.`,
  aucSeLarge: (marker: string, m: number, n: number) =>
    `${marker}: the AUC's interval is much wider than ${m} cases and ${n} controls usually give — as if the groups were smaller.`,
  aucPWald: (marker: string) => `${marker}: the AUC's P value matches a test with the standard error at the AUC rather than under the null hypothesis.`,
  pMeansBelow: (marker: string, p: string) =>
    `${marker}: the recomputed P value is far below ${p}; "P = ${p}" most likely stands for "P < ${p}" and should be printed so.`,
  aucPMismatch: (marker: string) => `${marker}: the AUC's P value is not the one its AUC and group sizes give.`,
  sensSpecSwapped: (marker: string, pos: string, neg: string) =>
    `${marker}: the printed sensitivity is only possible as a fraction of ${neg} and the specificity only as a fraction of ${pos} — sensitivity and specificity appear to be exchanged (or computed for the opposite outcome).`,
  fractionImpossible: (marker: string, which: string, value: string, n: number, group: string) =>
    `${marker}: a ${which} of ${value} is impossible with ${n} patients in ${group}: no whole number of them gives it.`,
  youdenMismatch: (marker: string) => `${marker}: Youden's index is not sensitivity + specificity − 1 for the printed values.`,

  // ---- findings: calibration
  calibrationImpossible: (obs: string, lo: string, hi: string) =>
    `The published model cannot reproduce its own cohort: ${obs}% of patients had the event, but with the printed intercept and coefficients every patient's predicted risk lies between ${lo}% and ${hi}%. The intercept (or the coefficients) must be wrong or belong to another model.`,
  calibrationCoded12Fits: (mean: string) =>
    ` With the yes/no factors coded 1/2 instead of 0/1 the average predicted risk would be ${mean}%, which fits: the paper probably used that coding without saying so.`,
  calibrationCoded12Fails: (mean: string) =>
    ` Even with the yes/no factors coded 1/2 instead of 0/1 the average predicted risk would only be ${mean}%.`,
  calibrationOff: (obs: string, mean: string) =>
    `Applied to patients like those described, the published model predicts an average risk of ${mean}%, but ${obs}% had the event; the intercept or coefficients are probably misprinted.`,

  // ---- findings: consistency of reporting
  cutoffContradiction: (marker: string, where: string, values: string[], elsewhere: string[]) =>
    `${marker}: ${where} gives two different cutoffs (${values.join(' and ')}), so patients between them belong to neither or both groups` +
    (elsewhere.length ? `; elsewhere the paper uses ${elsewhere.join(' and ')}.` : '.'),
  cutoffDiffers: (marker: string, values: string[]) =>
    `${marker}: the paper uses different cutoffs in different places (${values.join(', ')}); the groups compared may not be the ones the ROC analysis defined.`,
  logisticNotOdds: (label: string, rate: string | null) =>
    `The paper calls the results of a logistic regression "${label}", but they are odds ratios` +
    (rate ? `; with ${rate}% of patients having the event, an odds ratio is noticeably further from 1 than the corresponding risk ratio and overstates the effect if read as one.` : '.'),
  coxCalledRisk: (label: string) => `The paper calls Cox-model results "${label}"; they are hazard ratios (an older, loose usage).`,
  coxNotHazard: (label: string) => `The paper calls the results of a Cox regression "${label}", but a Cox model gives hazard ratios, not odds ratios.`,
  poissonNotRisk: (label: string) => `The paper calls Poisson/log-binomial results "${label}", but they are risk or rate ratios.`,
  linearRatio: (label: string) => `A linear regression gives differences, not "${label}".`,
  pZero: (what: string, text: string, decimals: number) =>
    `${what}: a P value is never 0; "${text}" means P < ${decimals > 0 ? (0.5 * 10 ** -decimals).toPrecision(1) : '0.5'} and should be printed as "P < ${decimals > 0 ? (10 ** -decimals).toFixed(decimals) : '1'}".`,
  rateMismatch: (label: string, text: string, count: number, n: number, x: string) => `${label}: ${count} of ${n} is ${x}%, not ${text}%.`,
  medianOutsideCi: (label: string) => `${label}: the median lies outside its own confidence interval.`,

  // ---- loader and command refusals
  unknownPaper: (id: string, known: string[]) => `siilab audit: no built-in paper ${q(id)}; use one of ${known.map(q).join(', ')} or all.`,
  paperAndFile: () => `siilab audit: give either --paper or a FILE, not both.`,
  tooManyFiles: () => `siilab audit: give one FILE at a time.`,
  fileMissing: (file: string) => `${file}: no such file.`,
  fileEmpty: (file: string) => `${file}: the file is empty.`,
  yamlSyntax: (file: string, line: number | null, detail: string) => `${file}${line !== null ? `, line ${line}` : ''}: not valid YAML (${detail}).`,
  notAMapping: (file: string) => `${file}: a paper file is a YAML mapping with at least 'id', 'title' and 'groups'.`,
  unknownGroup: (where: string, id: string, known: string[]) => `${where}: no group ${q(id)}; groups are ${known.map(q).join(', ')}.`,
  duplicateId: (where: string, id: string) => `${where}: the id ${q(id)} is used twice.`,
  unknownVariable: (where: string, name: string, known: string[]) =>
    `${where}: no continuous row has variable ${q(name)}${known.length ? `; they are ${known.map(q).join(', ')}` : ''}.`,
  unknownMarker: (where: string, name: string, known: string[]) =>
    `${where}: no ROC row has marker ${q(name)}${known.length ? `; they are ${known.map(q).join(', ')}` : ''}.`,
  notANumber: (where: string, text: string) => `${where}: ${q(text)} is not a printed number (write e.g. "0.097", "<0.001" or 57.27).`,
  outOfRange: (where: string, text: string, lo: number, hi: number) =>
    `${where}: ${q(text)} is out of range; it must be ${Number.isFinite(hi) ? `between ${lo} and ${hi}` : `at least ${lo}`}.`,
  countTooLarge: (where: string, count: number, n: number) => `${where}: the count ${count} is larger than the group size ${n}.`,
  required: (where: string, name: string) => `${where}: the field ${q(name)} is required.`,
  unknownField: (where: string, name: string, suggestion: string | null, allowed: string[]) =>
    `${where}: unknown field ${q(name)}.` + (suggestion ? ` Did you mean ${q(suggestion)}?` : '') + (allowed.length ? ` Allowed here: ${allowed.map(q).join(', ')}.` : ''),
  badEnum: (where: string, value: string, allowed: string[]) => `${where}: ${q(value)} is not allowed; use one of ${allowed.map(q).join(', ')}.`,
  badType: (where: string, expected: string, value: string) => `${where}: expected ${expected}, got ${value}.`,
  badValue: (where: string, detail: string) => `${where}: ${detail}.`,
  moreProblems: (n: number) => ` (${n} more problem${n === 1 ? '' : 's'} in the file after this one is fixed.)`,
} as const;
