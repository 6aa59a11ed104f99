/**
 * Hanley–McNeil standard error of an AUC.
 *
 * Hanley JA, McNeil BJ. The meaning and use of the area under a receiver operating
 * characteristic (ROC) curve. Radiology 1982;143:29–36 (equation 2 and Table 1 approximations):
 *
 *   SE(A) = sqrt( [ A(1−A) + (n_A − 1)(Q1 − A²) + (n_N − 1)(Q2 − A²) ] / (n_A · n_N) ),
 *   Q1 = A / (2 − A),   Q2 = 2A² / (1 + A),
 *
 * where n_A is the number of abnormal subjects (cases) and n_N the number of normal subjects
 * (controls). Q1 is the probability that two randomly chosen cases both rank above one control,
 * Q2 that one case ranks above two randomly chosen controls (exponential-model approximations).
 * The SE depends only on A and the two group sizes — it is an alternative to the DeLong SE,
 * which uses the data themselves.
 */
import { analysisError } from '../../errors.js';
import { rocMessages } from '../../messages/index.js';

/**
 * Numeric core. Contract: 0 ≤ auc ≤ 1, nCases ≥ 1, nControls ≥ 1 (not checked).
 * Returns the SE (0 when auc is 0 or 1).
 */
export function hanleyMcNeilSeCore(auc: number, nCases: number, nControls: number): number {
  const a2 = auc * auc;
  const q1 = auc / (2 - auc);
  const q2 = (2 * a2) / (1 + auc);
  const v = (auc * (1 - auc) + (nCases - 1) * (q1 - a2) + (nControls - 1) * (q2 - a2)) / (nCases * nControls);
  // v ≥ 0 mathematically for 0 ≤ A ≤ 1; guard the rounding at A = 0 or 1.
  return v > 0 ? Math.sqrt(v) : 0;
}

/**
 * Hanley & McNeil (1982) standard error of an AUC from the AUC and the numbers of cases and
 * controls. Refuses an AUC outside [0, 1] or a non-positive / fractional count (SiilabError).
 *
 * @example
 * hanleyMcNeilSe(0.8, 50, 50) // 0.04450218471540969
 */
export function hanleyMcNeilSe(auc: number, nCases: number, nControls: number): number {
  if (!(auc >= 0 && auc <= 1)) throw analysisError(rocMessages.badAuc(auc));
  if (!(Number.isInteger(nCases) && nCases >= 1)) throw analysisError(rocMessages.badCount('cases', nCases));
  if (!(Number.isInteger(nControls) && nControls >= 1)) throw analysisError(rocMessages.badCount('controls', nControls));
  return hanleyMcNeilSeCore(auc, nCases, nControls);
}
