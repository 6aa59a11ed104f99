/**
 * The optimism-corrected indexes from the replicates (Efron & Tibshirani 1993, An Introduction to
 * the Bootstrap, §17.6; Harrell, Lee & Mark 1996): for each index, optimism = mean over the
 * successful replicates of (training − test), corrected = apparent − optimism, with the Monte
 * Carlo standard error sd(training − test)/√B. Failed replicates are counted by reason, never
 * silently dropped. Sums run in replicate order, so the result does not depend on which thread
 * computed which replicate.
 *
 * @example
 * summariseOptimism({ c: 0.7, slope: 1, brier: null }, [{ ok: true, train: { c: 0.72, slope: 1, brier: null }, test: { c: 0.69, slope: 0.9, brier: null } }], meta)
 * // c: { apparent: 0.7, optimism: 0.03, corrected: 0.67, … }, slope: { optimism: 0.1, corrected: 0.9, … }
 */
import type { BootstrapValidationResult, IndexSummary, ReplicateOutcome, ValidationIndexes } from './types.js';

export interface OptimismMeta {
  readonly model: 'cox' | 'logistic';
  readonly n: number;
  readonly events: number;
  readonly horizon: number | null;
  readonly terms: readonly string[];
  readonly seed: number;
}

function summary(apparent: number, train: number[], test: number[]): IndexSummary {
  const b = train.length;
  let st = 0;
  let se = 0;
  let so = 0;
  for (let k = 0; k < b; k++) {
    st += train[k];
    se += test[k];
    so += train[k] - test[k];
  }
  const optimism = so / b;
  let ss = 0;
  for (let k = 0; k < b; k++) {
    const d = train[k] - test[k] - optimism;
    ss += d * d;
  }
  const sd = b > 1 ? Math.sqrt(ss / (b - 1)) : NaN;
  return { apparent, training: st / b, test: se / b, optimism, corrected: apparent - optimism, mcSe: sd / Math.sqrt(b) };
}

export function summariseOptimism(apparent: ValidationIndexes, reps: readonly ReplicateOutcome[], meta: OptimismMeta): BootstrapValidationResult {
  const ok = reps.filter((r): r is Extract<ReplicateOutcome, { ok: true }> => r.ok);
  const reasons = new Map<string, number>();
  for (const r of reps) if (!r.ok) reasons.set(r.reason, (reasons.get(r.reason) ?? 0) + 1);
  const pick = (f: (v: ValidationIndexes) => number) => [ok.map((r) => f(r.train)), ok.map((r) => f(r.test))] as const;
  const [cTr, cTe] = pick((v) => v.c);
  const [dTr, dTe] = pick((v) => 2 * (v.c - 0.5));
  const [sTr, sTe] = pick((v) => v.slope);
  const brier =
    apparent.brier !== null && ok.every((r) => r.train.brier !== null && r.test.brier !== null)
      ? summary(apparent.brier, ...pick((v) => v.brier as number))
      : null;
  return Object.freeze({
    ...meta,
    requested: reps.length,
    successful: ok.length,
    failed: reps.length - ok.length,
    failures: [...reasons].map(([reason, count]) => ({ reason, count })),
    c: summary(apparent.c, cTr, cTe),
    dxy: summary(2 * (apparent.c - 0.5), dTr, dTe),
    slope: summary(apparent.slope, sTr, sTe),
    brier,
  });
}
