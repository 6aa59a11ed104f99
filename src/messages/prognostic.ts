/** User-facing messages of restricted cubic splines, Cox survival predictions and nomograms. */
const q = (s: string): string => `'${s}'`;
const list = (v: readonly number[]) => v.map((x) => String(Number(x.toPrecision(6)))).join(', ');

export const splineMessages = {
  badKnotCount: (column: string, k: number) =>
    `spline of ${q(column)}: ${k} knots cannot be used; give 3 to 7 knots (Harrell's default positions), or 3 to 10 explicit knot values.`,
  tooFewValues: (column: string, n: number) =>
    `spline of ${q(column)}: only ${n} non-missing value(s); a restricted cubic spline needs at least 6.`,
  tiedKnots: (column: string, k: number, knots: readonly number[]) =>
    `spline of ${q(column)}: the default positions of ${k} knots coincide (${list(knots)}) because the column has few distinct values; ` +
    `use fewer knots or give the knot values.`,
  knotsNotIncreasing: (column: string, knots: readonly number[]) =>
    `spline of ${q(column)}: the knots (${list(knots)}) must be finite and strictly increasing.`,
  heavyTies: (column: string) =>
    `spline of ${q(column)}: at least 5% of the values are tied at the minimum or maximum; rms (Hmisc fractied rule) may place the knots differently — give the knots explicitly to reproduce an rms fit.`,
  notNumeric: (column: string) => `spline of ${q(column)}: the column must be numeric.`,
  badSpec: (text: string) => `--spline ${q(text)}: expected COL:K (K = 3…7 knots) or COL:t1/t2/t3… (explicit knot values).`,
  notInModel: (column: string) => `--spline ${q(column)}: the column is not among the covariates.`,
  referenceOutside: (column: string, ref: number, lo: number, hi: number) =>
    `spline of ${q(column)}: the reference value ${ref} is outside the observed range ${lo} to ${hi}.`,
};

export const predictMessages = {
  countingProcess: () => `survival predictions for new patients need a right-censored Cox model (no --start column).`,
  badHorizon: (text: string) => `--horizons ${q(text)}: give positive follow-up times separated by commas, e.g. 12,36,60.`,
  missingValue: (file: string, row: number, column: string) =>
    `${file}, row ${row}: column ${q(column)} is empty or not a number; every covariate of the model needs a value to predict survival.`,
  unknownLevel: (file: string, row: number, column: string, level: string, levels: readonly string[]) =>
    `${file}, row ${row}: column ${q(column)} has the level ${q(level)}, which the fitted model did not see; its levels are ${levels.map(q).join(', ')}.`,
  unknownStratum: (file: string, row: number, column: string, level: string) =>
    `${file}, row ${row}: stratum ${q(level)} of column ${q(column)} is not among the fitted strata.`,
  horizonsWithoutPredict: () => `--horizons needs --predict FILE (the new patients' rows).`,
  predictWithoutHorizons: () => `--predict needs --horizons T1,T2,… (the follow-up times at which to predict survival).`,
};

export const nomogramMessages = {
  noPredictors: () => `a nomogram needs at least one predictor.`,
  noHorizons: () => `a nomogram needs at least one horizon (follow-up time) for its survival axes.`,
  badValue: (covariate: string, value: string) => `nomogram: the value ${q(value)} of ${q(covariate)} cannot be placed on its axis (not a number, or a level the model did not see).`,
  stratified: () => `a nomogram needs a Cox model without strata (a stratified model has one baseline survival per stratum).`,
  notInModel: (covariate: string) => `nomogram: the predictor ${q(covariate)} is not a covariate of the model.`,
  zeroRange: () => `every predictor of the nomogram contributes the same linear predictor at all its values; there is nothing to draw.`,
};

/** Scoring one patient on a study's nomogram (the web calculator, src/analysis/nomogramPatient.ts). */
export const nomogramPatientMessages = {
  missing: (label: string) => `${label}: enter a value.`,
  notNumber: (label: string, text: string) => `${label}: ${q(text)} is not a number.`,
  unknownLevel: (label: string, value: string, levels: readonly string[]) => `${label}: ${q(value)} is not one of the model's values (${levels.map(q).join(', ')}).`,
  outsideDomain: (label: string, transform: string, value: number) => `${label}: ${value} cannot be transformed by ${transform} (the model used ${transform} of the value; give a positive value).`,
  outsideAxis: (label: string, value: string, lo: string, hi: string) =>
    `${label}: ${value} is outside the nomogram's axis (${lo} to ${hi}); its points are extrapolated along the model's straight line.`,
  spline: (label: string) => `${label}: a spline predictor cannot be scored from the nomogram's axis values; use siilab cox --predict.`,
  noNomogram: () => `This run has no nomogram analysis; add one on the Analysis page (Nomogram) and run it.`,
};
