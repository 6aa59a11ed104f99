/**
 * Sample size and power for testing an AUC against a fixed value (usually 0.5), with the
 * Hanley–McNeil (1982, Radiology 143:29–36) variance
 *   V(A) = [A(1−A) + (n₁−1)(Q₁−A²) + (n₀−1)(Q₂−A²)] / (n₁n₀), Q₁ = A/(2−A), Q₂ = 2A²/(1+A),
 * used under the null (A₀) and the alternative (A₁), as in Obuchowski (1998, Acad Radiol 5:S561):
 *   power = Φ( (|A₁ − A₀|·… − z₁₋α/₂·√V₀) / √V₁ ).
 * n₁ = cases, n₀ = κ·n₁ controls.
 *
 * @example aucPower({ auc: 0.8, auc0: 0.5, nCases: 30, nControls: 30, alpha: 0.05 }) // ≈ 0.99
 */
import { pnorm, qnorm } from '../dist/index.js';

export function hanleyMcNeilVariance(auc: number, nCases: number, nControls: number): number {
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  return (auc * (1 - auc) + (nCases - 1) * (q1 - auc * auc) + (nControls - 1) * (q2 - auc * auc)) / (nCases * nControls);
}

export interface AucPowerInput {
  readonly auc: number;
  readonly auc0: number;
  readonly nCases: number;
  readonly nControls: number;
  readonly alpha: number;
}

export function aucPower(x: AucPowerInput): number {
  const v0 = hanleyMcNeilVariance(x.auc0, x.nCases, x.nControls);
  const v1 = hanleyMcNeilVariance(x.auc, x.nCases, x.nControls);
  return pnorm((Math.abs(x.auc - x.auc0) - qnorm(1 - x.alpha / 2) * Math.sqrt(v0)) / Math.sqrt(v1));
}

export interface AucSampleSizeResult {
  readonly nCases: number;
  readonly nControls: number;
  readonly power: number;
}

/** Smallest number of cases (controls = ratio × cases, rounded up) reaching the target power. */
export function aucSampleSize(auc: number, auc0: number, alpha: number, power: number, controlsPerCase: number): AucSampleSizeResult {
  const at = (n1: number) => {
    const n0 = Math.ceil(controlsPerCase * n1 - 1e-9);
    return { nCases: n1, nControls: n0, power: aucPower({ auc, auc0, nCases: n1, nControls: n0, alpha }) };
  };
  let hi = 2;
  while (at(hi).power < power && hi < 1e7) hi *= 2;
  let lo = 1;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (at(mid).power >= power) hi = mid;
    else lo = mid;
  }
  return at(hi);
}
