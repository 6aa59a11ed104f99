/**
 * The labelled binary logistic regression that `siilab logit` prints: drops incomplete rows,
 * builds `column=level` indicator terms (src/stats/design/modelMatrix.ts), refuses what cannot be
 * estimated (one outcome class, a covariate without variance, collinear terms, separation), fits
 * by IRLS (src/stats/regression/logistic.ts) and reports per term coef, SE, z, the Wald chi-square
 * z² (as SPSS prints "Wald"), p, the odds ratio with its Wald CI exp(b ± z_{1−α/2}·SE) (SPSS's
 * "95% C.I. for EXP(B)"; R's confint.default — not R's profile-likelihood confint), and for the
 * model the null and residual deviance, AIC, the likelihood-ratio test, the Hosmer–Lemeshow test
 * (src/stats/regression/hosmerLemeshow.ts), and the Cox–Snell and Nagelkerke R²
 * (Cox & Snell 1989; Nagelkerke 1991, Biometrika 78:691–692):
 *   R²_CS = 1 − exp((D − D₀)/n),  R²_N = R²_CS / (1 − exp(−D₀/n)).
 *
 * @example
 * const m = logitModel({ outcome: am, covariates: [{ name: 'hp', kind: 'numeric', values: hp }, { name: 'wt', kind: 'numeric', values: wt }] });
 * m.coefficients[1].or // exp(coef of hp); m.hosmerLemeshow.df // 8
 */
import { analysisError, usageError } from '../../errors.js';
import { logitMessages } from '../../messages/index.js';
import { pChisqUpper, pNormTwoSided, qnorm } from '../dist/index.js';
import { modelMatrix, sortedLevels, type CovariateValues } from '../design/modelMatrix.js';
import { splineSpec, type SplineSpec } from '../design/splineSpec.js';
import { hosmerLemeshow, type HosmerLemeshowResult } from './hosmerLemeshow.js';
import { logisticFit, type LogisticOptions } from './logistic.js';
import { cholesky } from '../linalg/cholesky.js';
import { choleskySolve } from '../linalg/choleskySolve.js';

export type LogitCovariateInput =
  | { readonly name: string; readonly kind: 'numeric'; readonly values: Float64Array }
  | { readonly name: string; readonly kind: 'categorical'; readonly values: readonly (string | null)[] }
  /** A restricted cubic spline of a numeric column: k knots at Harrell's default quantiles (k = 3…7) or the given knots. */
  | { readonly name: string; readonly kind: 'spline'; readonly values: Float64Array; readonly knots: number | readonly number[] };

export interface LogitInput {
  /** 1 = event (positive outcome), 0 = not, NaN = missing. */
  readonly outcome: Float64Array;
  readonly covariates: readonly LogitCovariateInput[];
  readonly reference?: ReadonlyMap<string, string>;
  readonly confLevel?: number;
  /** Number of Hosmer–Lemeshow groups (default 10). */
  readonly hlGroups?: number;
  /** For messages. */
  readonly source?: { readonly file?: string | null; readonly outcome?: string };
  readonly fit?: LogisticOptions;
}

export interface LogitCoefficient {
  readonly term: string;
  readonly covariate: string | null;
  readonly level: string | null;
  readonly reference: string | null;
  readonly coef: number;
  readonly se: number;
  readonly z: number;
  /** Wald chi-square on 1 df = z² (SPSS's "Wald"). */
  readonly wald: number;
  readonly p: number;
  readonly or: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Wald test of all the terms of one covariate together (SPSS prints it on the covariate's own row
 * of a categorical covariate; R: car::Anova(type = 3, test.statistic = "Wald")): W = b_Tᵀ V_TT⁻¹ b_T
 * on |T| df, where T are the covariate's terms. For a numeric covariate it is z².
 */
export interface LogitCovariateTest {
  readonly covariate: string;
  readonly terms: readonly string[];
  readonly df: number;
  readonly wald: number;
  readonly p: number;
}

export interface LogitResult {
  readonly n: number;
  readonly nDropped: number;
  readonly events: number;
  readonly coefficients: readonly LogitCoefficient[];
  /** One Wald test per covariate (all its terms together), in the order given. */
  readonly covariateTests: readonly LogitCovariateTest[];
  readonly confLevel: number;
  readonly deviance: { readonly null: number; readonly residual: number; readonly dfNull: number; readonly dfResidual: number };
  readonly logLik: number;
  readonly aic: number;
  readonly likelihoodRatio: { readonly chisq: number; readonly df: number; readonly p: number };
  readonly hosmerLemeshow: HosmerLemeshowResult;
  readonly coxSnellR2: number;
  readonly nagelkerkeR2: number;
  readonly converged: boolean;
  readonly iterations: number;
  /** Predicted probabilities of the complete rows, and their original row positions. */
  readonly fitted: Float64Array;
  readonly rows: Uint32Array;
  /** The spline covariates with their knots; empty without splines. */
  readonly splines: readonly SplineSpec[];
  /** Covariance of the coefficients (intercept first), row-major. */
  readonly covariance: Float64Array;
  readonly warnings: readonly string[];
}

export function logitModel(input: LogitInput): LogitResult {
  const file = input.source?.file ?? null;
  const outcomeName = input.source?.outcome ?? 'outcome';
  const y0 = input.outcome;
  const n0 = y0.length;
  if (input.covariates.length === 0) throw usageError(logitMessages.noCovariates());
  for (const c of input.covariates)
    if (c.values.length !== n0) throw usageError(logitMessages.lengthMismatch(`covariate '${c.name}'`, c.values.length, n0));
  // complete cases (typed arrays; no copy of a numeric column when nothing is dropped)
  const ok = new Uint8Array(n0);
  let n = 0;
  for (let i = 0; i < n0; i++) {
    let good = Number.isFinite(y0[i]);
    for (let k = 0; good && k < input.covariates.length; k++) {
      const c = input.covariates[k];
      good = c.kind !== 'categorical' ? Number.isFinite(c.values[i]) : c.values[i] !== null;
    }
    if (good) {
      ok[i] = 1;
      n++;
    }
  }
  const nDropped = n0 - n;
  if (n === 0) throw analysisError(logitMessages.noCompleteRows(file, nDropped));
  const keep = new Uint32Array(n);
  for (let i = 0, k = 0; i < n0; i++) if (ok[i]) keep[k++] = i;
  const y = nDropped === 0 ? y0 : new Float64Array(n);
  if (nDropped > 0) for (let k = 0; k < n; k++) y[k] = y0[keep[k]];
  let events = 0;
  for (let k = 0; k < n; k++) events += y[k];
  if (events === 0 || events === n) throw analysisError(logitMessages.oneClass(file, outcomeName, events === 0 ? 0 : 1, n));
  // spline knots from every non-missing value of the column, as rms::rcs
  const splines = input.covariates.flatMap((c) => (c.kind === 'spline' ? [splineSpec(c.name, c.values, c.knots)] : []));
  const covs: CovariateValues[] = input.covariates.map((c) => {
    if (c.kind !== 'categorical') {
      let v = c.values;
      if (nDropped > 0) {
        v = new Float64Array(n);
        for (let k = 0; k < n; k++) v[k] = c.values[keep[k]];
      }
      const knots = splines.find((sp) => sp.covariate === c.name)?.knots;
      for (let k = 1; k < n; k++)
        if (v[k] !== v[0]) return knots ? { name: c.name, kind: 'spline', values: v, knots } : { name: c.name, kind: 'numeric', values: v };
      throw analysisError(logitMessages.noVariance(file, c.name, v[0]));
    }
    const v = Array.from(keep, (i) => c.values[i] as string);
    const levels = sortedLevels(v);
    if (levels.length < 2) throw analysisError(logitMessages.oneLevel(file, c.name, levels[0]));
    return { name: c.name, kind: 'categorical', values: v };
  });
  const mm = modelMatrix(covs, input.reference ?? new Map());
  if (n <= mm.columns.length + 1) throw analysisError(logitMessages.tooFewRows(n, mm.columns.length + 1));
  const fit = logisticFit(mm.columns, y, events, input.fit);
  if (fit.separation) {
    const terms = fit.separation.columns.map((k) => mm.terms[k].term);
    const covariates = Array.from(new Set(fit.separation.columns.map((k) => mm.terms[k].covariate)));
    throw analysisError(logitMessages.separation(file, fit.separation.kind, terms, covariates));
  }
  if (fit.aliased.length > 0) throw analysisError(logitMessages.singular(file, fit.aliased.map((j) => (j === 0 ? '(Intercept)' : mm.terms[j - 1].term))));
  const confLevel = input.confLevel ?? 0.95;
  const zq = qnorm(1 - (1 - confLevel) / 2);
  const labels = [{ term: '(Intercept)', covariate: null, level: null, reference: null }, ...mm.terms];
  const coefficients = labels.map((t, j) => {
    const b = fit.coefficients[j];
    const se = fit.se[j];
    const z = b / se;
    return Object.freeze({
      term: t.term,
      covariate: t.covariate,
      level: t.level,
      reference: t.reference,
      coef: b,
      se,
      z,
      wald: z * z,
      p: pNormTwoSided(z),
      or: Math.exp(b),
      lower: Math.exp(b - zq * se),
      upper: Math.exp(b + zq * se),
    });
  });
  const p1 = mm.terms.length + 1;
  const covariateTests = input.covariates.map((c) => {
    const idx: number[] = [];
    mm.terms.forEach((t, k) => {
      if (t.covariate === c.name) idx.push(k + 1);
    });
    const v = new Float64Array(idx.length * idx.length);
    const b = new Float64Array(idx.length);
    idx.forEach((a, r) => {
      b[r] = fit.coefficients[a];
      idx.forEach((bb, q) => (v[r * idx.length + q] = fit.covariance[a * p1 + bb]));
    });
    const x = choleskySolve(cholesky(v, idx.length), b);
    let wald = 0;
    for (let r = 0; r < idx.length; r++) wald += b[r] * x[r];
    return Object.freeze({
      covariate: c.name,
      terms: Object.freeze(idx.map((a) => mm.terms[a - 1].term)),
      df: idx.length,
      wald,
      p: pChisqUpper(wald, idx.length),
    });
  });
  const warnings: string[] = splines.flatMap((sp) => sp.warnings);
  if (!fit.converged) warnings.push(logitMessages.notConverged(fit.iterations));
  if (fit.fittedExtreme) warnings.push(logitMessages.fittedExtreme());
  const g = input.hlGroups ?? 10;
  const hl = hosmerLemeshow(y, fit.fitted, g);
  if (hl.groups.length < g) warnings.push(logitMessages.hosmerFewGroups(hl.groups.length));
  const epv = Math.min(events, n - events) / mm.columns.length;
  if (epv < 10) warnings.push(logitMessages.lowEventsPerVariable(epv));
  const lr = fit.nullDeviance - fit.deviance;
  const dfModel = fit.rank - 1;
  const coxSnell = -Math.expm1((fit.deviance - fit.nullDeviance) / n);
  const maxCoxSnell = -Math.expm1(-fit.nullDeviance / n);
  return Object.freeze({
    n,
    nDropped,
    events,
    coefficients: Object.freeze(coefficients),
    covariateTests: Object.freeze(covariateTests),
    confLevel,
    deviance: Object.freeze({ null: fit.nullDeviance, residual: fit.deviance, dfNull: n - 1, dfResidual: n - fit.rank }),
    logLik: -fit.deviance / 2,
    aic: fit.aic,
    likelihoodRatio: Object.freeze({ chisq: lr, df: dfModel, p: pChisqUpper(lr, dfModel) }),
    hosmerLemeshow: hl,
    coxSnellR2: coxSnell,
    nagelkerkeR2: coxSnell / maxCoxSnell,
    converged: fit.converged,
    iterations: fit.iterations,
    fitted: fit.fitted,
    rows: keep,
    splines: Object.freeze(splines),
    covariance: fit.covariance,
    warnings: Object.freeze(warnings),
  });
}
