/**
 * Whether a study's published model can give an absolute probability. It can only when the paper
 * prints every coefficient and the intercept (logistic; a Cox model would need the baseline
 * survival, which none of the seeds prints) and the printed model is internally consistent.
 *
 * The consistency check used here needs nothing but the printed numbers: for a maximum-likelihood
 * logistic model with an intercept, the mean fitted probability equals the observed event rate
 * (the score equation of the intercept). With 0/1 terms, every fitted probability lies between the
 * smallest and largest over all 2^k term patterns, so the observed rate must lie in that range.
 * yu2023 Table 4 fails it: with Constant −5.310 no patient can exceed 11.6 %, yet 41.2 % had the
 * event. With the yes/no factors coded 1/2 instead of 0/1 (a coding some SPSS users enter) the range
 * would be 11.6 %–77.8 % and could fit, but the paper does not say so: either way the model as
 * printed cannot be applied to a patient. (The full consistency audit of a paper is src/audit/.)
 *
 * @example
 * publishedModelCheck(study('yu2023')).usable       // false
 * publishedModelCheck(study('yu2023')).predictedRange // [0.0049176…, 0.1161915…]
 */
import { calcMessages as M } from '../messages/calc.js';
import type { StudyRecord } from './types.js';

export interface PublishedModelStatus {
  readonly study: string;
  readonly kind: 'logistic' | 'cox' | null;
  readonly interceptOrBaselineGiven: boolean;
  readonly allCoefficientsGiven: boolean;
  /** Whether the model passes the check (it still needs every term of the patient to give a probability). */
  readonly usable: boolean;
  readonly reason: string;
  readonly predictedRange: readonly [number, number] | null;
  /** The same range with every 0/1 term read as coded 1/2 (logistic models with 0/1 terms). */
  readonly coded12Range: readonly [number, number] | null;
  readonly observedRate: number | null;
}

const logistic = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

export function publishedModelCheck(s: StudyRecord): PublishedModelStatus {
  const m = s.model;
  const base = { study: s.id, predictedRange: null, coded12Range: null, observedRate: s.events !== null ? s.events / s.n : null };
  if (m === null) return { ...base, kind: null, interceptOrBaselineGiven: false, allCoefficientsGiven: false, usable: false, reason: M.modelNone(s.id) };
  const flags = { kind: m.kind, interceptOrBaselineGiven: m.interceptOrBaselineGiven, allCoefficientsGiven: m.allCoefficientsGiven };
  const coefs = m.terms.map((t) => t.coef);
  if (!m.allCoefficientsGiven || coefs.some((c) => c === null)) return { ...base, ...flags, usable: false, reason: M.modelCoefficientsMissing(s.id) };
  if (m.kind === 'cox') return { ...base, ...flags, usable: false, reason: M.modelCoxNoBaseline(s.id) };
  if (m.intercept === null || !m.interceptOrBaselineGiven) return { ...base, ...flags, usable: false, reason: M.modelInterceptMissing(s.id) };
  if (!m.binaryTerms || s.events === null) return { ...base, ...flags, usable: false, reason: M.modelNotBinary(s.id) };
  // Smallest and largest linear predictor over all 0/1 patterns: add the negative (positive) coefficients.
  let lo = m.intercept;
  let hi = m.intercept;
  for (const c of coefs as number[]) {
    if (c < 0) lo += c;
    else hi += c;
  }
  const range: [number, number] = [logistic(lo), logistic(hi)];
  // Coded 1/2: every term contributes at least its coefficient once (x = 1), and at most twice.
  const sum = (coefs as number[]).reduce((a, b) => a + b, 0);
  const coded12: [number, number] = [logistic(lo + sum), logistic(hi + sum)];
  const rate = s.events / s.n;
  if (rate < range[0] || rate > range[1]) {
    const fits12 = rate >= coded12[0] && rate <= coded12[1];
    return {
      ...base, ...flags, usable: false, predictedRange: range, coded12Range: coded12,
      reason: M.modelInconsistent(s.id, m.intercept, range[0], range[1], s.events, s.n) + (fits12 ? ' ' + M.modelCoded12(coded12[0], coded12[1]) : ''),
    };
  }
  return { ...base, ...flags, usable: true, predictedRange: range, coded12Range: coded12, reason: M.modelConsistent(s.id, range[0], range[1], s.events, s.n) };
}
