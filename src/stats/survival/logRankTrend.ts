/**
 * The log-rank test for trend across ordered groups (Collett, Modelling Survival Data in Medical
 * Research, 3rd ed., 2015, §2.6.3; Peto et al. 1977, Br J Cancer 35:1–39):
 *   U = Σ_g w_g (O_g − E_g),  Var U = w′Vw,  χ²_trend = U² / Var U on 1 df,
 * with V the log-rank variance matrix (stratified when the log-rank test was).
 * Default scores: the group labels when all are numbers, else 1, 2, …, k in the groups' order.
 *
 * @example logRankTrend(logRank(time, event, ecog), [0, 1, 2, 3]) // lung: { u: 36.6606, variance: 75.1882, chisq: 17.8751, df: 1, p: 2.3588e-5 }
 */
import { usageError } from '../../errors.js';
import { survivalMessages } from '../../messages/index.js';
import { pChisqUpper } from '../dist/index.js';
import { levelsAreNumeric } from './levels.js';
import type { LogRankResult, LogRankTrend } from './types.js';

export function defaultTrendScores(groups: readonly string[]): number[] {
  return levelsAreNumeric(groups) ? groups.map(Number) : groups.map((_, i) => i + 1);
}

export function logRankTrend(lr: LogRankResult, scores: readonly number[] = defaultTrendScores(lr.groups)): LogRankTrend {
  const k = lr.groups.length;
  if (scores.length !== k) throw usageError(survivalMessages.badScores(k, scores.length));
  let u = 0;
  let v = 0;
  for (let g = 0; g < k; g++) {
    u += scores[g] * (lr.observed[g] - lr.expected[g]);
    for (let h = 0; h < k; h++) v += scores[g] * lr.variance[g][h] * scores[h];
  }
  const chisq = v > 0 ? (u * u) / v : 0;
  return { scores: [...scores], u, variance: v, chisq, df: 1, p: pChisqUpper(chisq, 1) };
}
