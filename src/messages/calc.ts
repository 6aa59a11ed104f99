/**
 * User-facing messages of the evidence registry, the fitted-model file and `siilab calc`.
 */
const q = (s: string): string => `'${s}'`;

export const calcMessages = {
  // registry
  studyField: (where: string, field: string, problem: string) => `${where}: field ${q(field)} ${problem}`,
  unknownStudy: (id: string, known: string[]) => `no study ${q(id)} in the evidence registry; it holds ${known.map(q).join(', ')}.`,
  // published models
  modelNone: (study: string) => `${study}: the paper reports no multivariable model.`,
  modelCoxNoBaseline: (study: string) =>
    `${study}: a Cox model gives an absolute risk only with the baseline survival, which the paper does not print; only categories are shown.`,
  modelCoefficientsMissing: (study: string) =>
    `${study}: the paper prints ratios but not every coefficient of its model; only categories are shown.`,
  modelInterceptMissing: (study: string) => `${study}: the paper does not print the model's intercept; only categories are shown.`,
  modelNotBinary: (study: string) => `${study}: the model has continuous terms, so its consistency cannot be checked from the paper; only categories are shown.`,
  modelInconsistent: (study: string, intercept: number, lo: number, hi: number, events: number, n: number) =>
    `${study}: with the printed intercept (${intercept}) the model's predicted probabilities range only from ${pct(lo)} to ${pct(hi)}, ` +
    `yet ${events} of ${n} patients (${pct(events / n)}) had the event; a maximum-likelihood logistic model's mean prediction equals ` +
    `the observed rate, so the printed model is not internally consistent and gives no probability. Only categories are shown.`,
  modelCoded12: (lo: number, hi: number) =>
    `With the yes/no factors coded 1/2 instead of 0/1 the range would be ${pct(lo)} to ${pct(hi)} and could fit, but the paper does not say it used that coding.`,
  modelConsistent: (study: string, lo: number, hi: number, events: number, n: number) =>
    `${study}: the printed model's predictions (${pct(lo)} to ${pct(hi)}) can average the observed rate ${pct(events / n)}.`,
  modelNeedsPatientTerms: (study: string, terms: string[]) =>
    `${study}: the model also needs ${terms.join(', ')}, which the calculator does not take; only categories are shown.`,
  fileModelOnly: () => 'The probability above comes from the model file; no published model gives one (reasons below).',
  onlyCategories: () => 'No published model gives an absolute probability (reasons below); pass --model FILE with a model fitted on your own cohort for one.',
  // model file
  modelFileUnreadable: (file: string, why: string) => `${file}: the model file cannot be read (${why}).`,
  modelFileField: (file: string, field: string, problem: string) => `${file}: field ${q(field)} ${problem}`,
  modelInputMissing: (file: string, variable: string, term: string) =>
    `${file}: term ${q(term)} needs ${q(variable)}, which was not given; give it (e.g. --${variable.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}) to use this model.`,
  modelInputNotPositive: (file: string, variable: string, term: string, transform: string, value: number) =>
    `${file}: term ${q(term)} takes ${transform}(${variable}), but ${variable} = ${value} is not above zero.`,
  modelPredictionNotFinite: (file: string) => `${file}: the model's prediction is not a finite number for these inputs (a coefficient is too large).`,
  // calc
  badTumourSize: (x: number) => `--tumour-size is the largest tumour diameter in cm (above 0, at most 40), got ${x}.`,
  noFileArgument: (got: string) => `calc takes no file argument (got '${got}'); give the values as options.`,
  missingCount: (what: string, alternatives: string) => `the ${what} count is required: give --${what}${alternatives}.`,
  unknownTreatment: (t: string) => `treatment ${q(t)}`,
  nearCutoff: (marker: string, value: string, cutoff: number) =>
    `the patient's ${marker} (${value}) is within 10 % of this cut-off (${cutoff}); a repeat blood count could change the category.`,
  treatmentDiffers: (study: string, theirs: string, patient: string) =>
    `${study} studied ${theirs}; the patient's treatment (${patient}) differs, so the finding may not apply.`,
  treatmentNotGiven: (theirs: string) => `treatment not given (--treatment): this study's patients had ${theirs}.`,
  markerMissing: (marker: string, needs: string) => `${marker} could not be computed (${needs}); no category.`,
  endpointDiffers: (study: string, theirs: string, patient: string) =>
    `${study} studied ${theirs}; you asked about ${patient}, so the finding is about a different outcome.`,
  childPughOutside: (study: string, classes: readonly string[], patient: string) =>
    `${study} included Child–Pugh ${classes.join(' and ')} only; the patient is Child–Pugh ${patient}.`,
  tumourTooLarge: (study: string, max: number, size: number) =>
    `${study} included tumours up to ${max} cm only; the patient's tumour is ${size} cm.`,
  endpointNote: (endpoint: string, horizon: string) => `the finding is about ${endpoint} (${horizon}), not about other outcomes.`,
  seedHeterogeneity: (k: number, i2: number, qp: number, endpoints: readonly string[]) =>
    `${qp < 0.1 || i2 >= 50 ? `The ${k} seed studies disagree about how strongly a high SII goes with a worse outcome` : `The ${k} seed studies' hazard ratios agree within what chance allows`} ` +
    `(I² = ${Math.round(i2)}%: ${i2 < 25 ? 'little' : i2 < 50 ? 'moderate' : i2 < 75 ? 'substantial' : 'considerable'} heterogeneity; Q-test P = ${qp < 0.001 ? '< 0.001' : qp.toFixed(3)}), ` +
    `and with only ${k} studies that judgement is itself uncertain. ${endpoints.length > 1 ? `They measure different outcomes (${endpoints.join('; ')}) after different treatments, so the pooled number is context, not an answer for one patient.` : ''}`.trim(),
} as const;

function pct(x: number): string {
  return `${String(Number((100 * x).toPrecision(3)))} %`;
}
