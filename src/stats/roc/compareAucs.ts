/**
 * Paired DeLong test of two correlated AUCs (two markers measured on the same subjects), as pROC
 * roc.test(roc1, roc2, method = "delong", paired = TRUE):
 *   D = A_1 − A_2,  Var(D) = Var(A_1) + Var(A_2) − 2 Cov(A_1, A_2)  (DeLong, DeLong & Clarke-Pearson,
 *   Biometrics 1988;44:837–845, eq. (5)), z = D / sqrt(Var(D)), p = 2 Φ(−|z|),
 *   CI of D = D ± z_{1−α/2} sqrt(Var(D)) (not clipped).
 * Placement values by the O(n log n) method of Sun & Xu (IEEE Signal Process Lett 2014;21:1389–1393).
 * Each AUC keeps its own direction (pROC warns when they differ; so does siilab, in `sameDirection`).
 */
import { analysisError } from '../../errors.js';
import { rocMessages } from '../../messages/index.js';
import { pNormTwoSided, qnorm } from '../dist/index.js';
import { delongCovariance } from './delongVariance.js';
import { placementValues, type Placements } from './placementValues.js';
import type { RocResult } from './rocAnalysis.js';

/** Data-order placement values of a result, computed once per result (O(n log n)). */
const cache = new WeakMap<RocResult, Placements>();
export function dataOrderPlacements(r: RocResult): Placements {
  let p = cache.get(r);
  if (!p) {
    const g = r.groups;
    p = placementValues(g.cases, g.controls, g.sortedCases, g.sortedControls);
    cache.set(r, p);
  }
  return p;
}

export interface RocComparison {
  readonly a: string;
  readonly b: string;
  readonly aucA: number;
  readonly aucB: number;
  /** AUC(a) − AUC(b). */
  readonly diff: number;
  readonly se: number | null;
  readonly z: number | null;
  readonly p: number | null;
  readonly level: number;
  readonly lower: number | null;
  readonly upper: number | null;
  /** Correlation of the two AUC estimates (DeLong covariance / product of SEs). */
  readonly correlation: number | null;
  /** False when the two curves have different directions (pROC warns that DeLong's test should not then be used). */
  readonly sameDirection: boolean;
}

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Contract: both results come from rocAnalysis/rocFit on the same subjects in the same order
 * (complete cases of both markers). Lengths are checked; identity of the subjects cannot be.
 *
 * @example
 * const y = Float64Array.of(0, 0, 0, 1, 1, 1);
 * const a = rocAnalysis(Float64Array.of(1, 2, 4, 3, 5, 6), y, { marker: 'a' });
 * const b = rocAnalysis(Float64Array.of(2, 1, 3, 6, 4, 5), y, { marker: 'b' });
 * compareAucs(a, b).diff // -0.11111111111111116  (8/9 − 1)
 */
export function compareAucs(a: RocResult, b: RocResult, level = 0.95): RocComparison {
  const pa = dataOrderPlacements(a), pb = dataOrderPlacements(b);
  if (pa.cases.length !== pb.cases.length || pa.controls.length !== pb.controls.length) {
    throw analysisError(rocMessages.pairedLength(a.nCases + a.nControls, b.nCases + b.nControls));
  }
  const va = delongCovariance(pa, pa);
  const vb = delongCovariance(pb, pb);
  const cov = delongCovariance(pa, pb);
  const diff = a.auc - b.auc;
  const v = va + vb - 2 * cov;
  const se = v > 0 ? Math.sqrt(v) : NaN;
  const z = diff / se;
  const q = qnorm(1 - (1 - level) / 2);
  return Object.freeze({
    a: a.marker,
    b: b.marker,
    aucA: a.auc,
    aucB: b.auc,
    diff,
    se: orNull(se),
    z: orNull(z),
    p: Number.isFinite(z) ? pNormTwoSided(z) : null,
    level,
    lower: Number.isFinite(se) ? diff - q * se : null,
    upper: Number.isFinite(se) ? diff + q * se : null,
    correlation: orNull(cov / Math.sqrt(va * vb)),
    sameDirection: a.direction === b.direction,
  });
}
