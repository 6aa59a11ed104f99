/**
 * The normal (Wald) confidence interval of an AUC as pROC's ci.auc(method = "delong"):
 * AUC ± z_{1−α/2} · SE, with the limits clipped to [0, 1].
 */
import { qnorm } from '../dist/index.js';

/**
 * @example
 * aucNormalCi(0.9, 0.1, 0.95) // { lower: 0.7040036015459946, upper: 1 }
 */
export function aucNormalCi(auc: number, se: number, level = 0.95): { lower: number; upper: number } {
  const z = qnorm(1 - (1 - level) / 2);
  return { lower: Math.max(0, auc - z * se), upper: Math.min(1, auc + z * se) };
}
