/**
 * One replicate of the optimism bootstrap for a logistic model (Harrell, Lee & Mark 1996; as
 * rms::validate.lrm): fit on a bootstrap resample (logisticIrls.ts), indexes on the resample and,
 * with the same coefficients, on the original data. Indexes: the AUC (= C, Mann–Whitney form from
 * mid-ranks), the calibration slope (1 on the training sample; on the original data the slope of a
 * logistic regression of y on the bootstrap linear predictor, Cox 1958) and the Brier score
 * mean (y − p)² (Brier 1950).
 *
 * @example
 * const ctx = logisticValidationContext(data);
 * logisticApparent(ctx).c      // AUC of the fitted probabilities (R: rms::lrm(...)$stats["C"])
 * logisticReplicate(ctx, bootstrapIndices(n, seed)) // { ok: true, train: { c, slope: 1, brier }, test: { … } }
 */
import { midranks } from '../describe/midranks.js';
import { logisticIrls } from '../regression/logisticIrls.js';
import { binaryBrier } from './brierScore.js';
import type { LogisticValidationData, ReplicateOutcome, ValidationIndexes } from './types.js';

export interface LogisticValidationContext {
  readonly data: LogisticValidationData;
}

export function logisticValidationContext(data: LogisticValidationData): LogisticValidationContext {
  return { data };
}

/** AUC = (R₁ − n₁(n₁ + 1)/2)/(n₁n₀), R₁ the rank sum of the cases (ties: mid-ranks); null with one class. */
export function aucOf(y: Float64Array, score: Float64Array): number | null {
  const { ranks } = midranks(score);
  let n1 = 0;
  let r1 = 0;
  for (let i = 0; i < y.length; i++)
    if (y[i] === 1) {
      n1++;
      r1 += ranks[i];
    }
  const n0 = y.length - n1;
  if (n1 === 0 || n0 === 0) return null;
  return (r1 - (n1 * (n1 + 1)) / 2) / (n1 * n0);
}

function fitOn(y: Float64Array, columns: readonly Float64Array[]): Float64Array | string {
  let ev = 0;
  for (let i = 0; i < y.length; i++) ev += y[i];
  if (ev === 0 || ev === y.length) return 'one outcome class';
  const f = logisticIrls(columns, y);
  if (f.aliased.length > 0) return 'singular';
  if (!f.converged) return 'not converged';
  for (let j = 0; j < f.beta.length; j++) if (!Number.isFinite(f.beta[j])) return 'not finite';
  return f.beta;
}

function indexesOn(y: Float64Array, columns: readonly Float64Array[], beta: Float64Array, own: boolean): ValidationIndexes | string {
  const n = y.length;
  const lp = new Float64Array(n).fill(beta[0]);
  for (let j = 0; j < columns.length; j++) {
    const c = columns[j];
    const b = beta[j + 1];
    for (let i = 0; i < n; i++) lp[i] += c[i] * b;
  }
  const c = aucOf(y, lp);
  if (c === null) return 'one outcome class';
  let slope = 1;
  if (!own) {
    const f = logisticIrls([lp], y);
    if (f.aliased.length > 0 || !Number.isFinite(f.beta[1])) return 'test slope not estimable';
    slope = f.beta[1];
  }
  const p = new Float64Array(n);
  for (let i = 0; i < n; i++) p[i] = 1 / (1 + Math.exp(-lp[i]));
  return { c, slope, brier: binaryBrier(y, p) };
}

export function logisticApparent(ctx: LogisticValidationContext): ValidationIndexes | string {
  const b = fitOn(ctx.data.y, ctx.data.columns);
  if (typeof b === 'string') return b;
  return indexesOn(ctx.data.y, ctx.data.columns, b, true);
}

/** One replicate on the resample `idx` (n row indices drawn with replacement). */
export function logisticReplicate(ctx: LogisticValidationContext, idx: Int32Array): ReplicateOutcome {
  const { y, columns } = ctx.data;
  const n = y.length;
  const yb = new Float64Array(n);
  for (let i = 0; i < n; i++) yb[i] = y[idx[i]];
  const cb = columns.map((col) => {
    const d = new Float64Array(n);
    for (let i = 0; i < n; i++) d[i] = col[idx[i]];
    return d;
  });
  const b = fitOn(yb, cb);
  if (typeof b === 'string') return { ok: false, reason: b };
  const train = indexesOn(yb, cb, b, true);
  if (typeof train === 'string') return { ok: false, reason: train };
  const test = indexesOn(y, columns, b, false);
  if (typeof test === 'string') return { ok: false, reason: test };
  return { ok: true, train, test };
}
