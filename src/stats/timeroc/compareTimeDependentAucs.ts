/**
 * Paired comparison of two markers' AUC(t) on the same patients: the difference AUC_a(t) − AUC_b(t)
 * with the SE of the difference of their influence functions, sd(IF_a − IF_b)/√n (Blanche,
 * Dartigues & Jacqmin-Gadda 2013, Stat Med 32:5381–5397, §3.3; as riskRegression::Score's
 * contrasts), its normal CI and the two-sided Wald P.
 *
 * Contract: both results from timeDependentAuc on the same TimeRocData and time. Null fields when
 * either AUC is null or the difference has no variance (identical markers).
 *
 * @example
 * // a marker against its own copy: difference 0, no variance
 * // compareTimeDependentAucs(x, x) → { diff: 0, se: null, p: null, ... }
 */
import { pNormTwoSided, qnorm } from '../dist/index.js';
import type { TimeDependentAuc } from './timeDependentAuc.js';

export interface TimeAucDifference {
  readonly time: number;
  readonly diff: number | null;
  readonly se: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly z: number | null;
  readonly p: number | null;
}

export function compareTimeDependentAucs(a: TimeDependentAuc, b: TimeDependentAuc, level = 0.95): TimeAucDifference {
  const none = { time: a.time, diff: null, se: null, lower: null, upper: null, z: null, p: null };
  if (a.auc === null || b.auc === null || a.influence === null || b.influence === null) return Object.freeze(none);
  const diff = a.auc - b.auc;
  const ia = a.influence;
  const ib = b.influence;
  const n = ia.length;
  let mean = 0;
  for (let k = 0; k < n; k++) mean += ia[k] - ib[k];
  mean /= n;
  let ss = 0;
  for (let k = 0; k < n; k++) {
    const u = ia[k] - ib[k] - mean;
    ss += u * u;
  }
  const se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0;
  // identical influence (the same marker twice, or a monotone transform of it): no test
  const tiny = 1e-12 * Math.max(a.se ?? 0, b.se ?? 0);
  if (!(se > tiny)) return Object.freeze({ ...none, diff });
  const zq = qnorm(1 - (1 - level) / 2);
  const z = diff / se;
  return Object.freeze({ time: a.time, diff, se, lower: diff - zq * se, upper: diff + zq * se, z, p: pNormTwoSided(z) });
}
