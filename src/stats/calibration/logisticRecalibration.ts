/**
 * Logistic recalibration (Cox 1958, Biometrika 45:562–565; Steyerberg, Clinical Prediction Models,
 * 2nd ed. 2019, §15.3) of predicted probabilities p against a 0/1 outcome y with lp = logit(p):
 * - calibration slope b from logit P(y = 1) = a + b·lp (maximum likelihood, src/stats/regression/logisticIrls.ts);
 * - calibration-in-the-large (intercept) a from logit P(y = 1) = a + lp, lp as an offset (slope fixed
 *   at 1), by Newton–Raphson on the one parameter: U(a) = Σ (y − μ), I(a) = Σ μ(1 − μ).
 * Ideal: a = 0, b = 1.
 *
 * @example
 * logisticRecalibration(new Float64Array([0, 0, 1, 0, 1, 1]), new Float64Array([-2, -1, 0, 0.5, 1, 2]))
 * // { slope: 1.97741063…, intercept: -0.11224617…, … }  (R: coef(glm(y ~ lp)) 1.977410630865, coef(glm(y ~ offset(lp))) -0.112246166417)
 */
import { logisticIrls } from '../regression/logisticIrls.js';

export interface LogisticRecalibration {
  readonly slope: number;
  readonly slopeSe: number;
  readonly intercept: number;
  readonly interceptSe: number;
  readonly converged: boolean;
}

export function logisticRecalibration(y: Float64Array, lp: Float64Array): LogisticRecalibration | null {
  const n = y.length;
  const f = logisticIrls([lp], y);
  if (f.aliased.length > 0 || !Number.isFinite(f.beta[1])) return null;
  let a = 0;
  let info = 0;
  let ok = false;
  for (let it = 0; it < 50; it++) {
    let u = 0;
    info = 0;
    for (let i = 0; i < n; i++) {
      const mu = 1 / (1 + Math.exp(-(a + lp[i])));
      u += y[i] - mu;
      info += mu * (1 - mu);
    }
    const step = u / info;
    a += step;
    if (Math.abs(step) < 1e-12 * (1 + Math.abs(a))) {
      ok = true;
      break;
    }
  }
  return { slope: f.beta[1], slopeSe: Math.sqrt(f.covariance[3]), intercept: a, interceptSe: Math.sqrt(1 / info), converged: f.converged && ok };
}
