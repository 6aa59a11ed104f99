/**
 * Brier score at a horizon t for a survival outcome with inverse-probability-of-censoring weights
 * (Graf, Schmoor, Sauerbrei & Schumacher 1999, Stat Med 18:2529–2545):
 *   BS(t) = (1/n) Σᵢ wᵢ · (Yᵢ(t) − rᵢ)²,  Yᵢ(t) = 1 if the event occurred by t, rᵢ = 1 − S(t | xᵢ),
 * weights from censoringWeights.ts. Equals riskRegression::Score(..., metrics = "brier",
 * cens.model = "km"). For a binary outcome the unweighted mean (y − p)² (Brier 1950) is `binaryBrier`.
 *
 * @example
 * survivalBrier(new Float64Array([1, 2, 3, 4]), new Uint8Array([1, 0, 1, 0]), new Float64Array([0.8, 0.5, 0.6, 0.3]), 3.5)
 * // 0.10375 = (1·0.2² + 0 + 1.5·0.4² + 1.5·0.3²) / 4
 */
import { censoringWeights } from './censoringWeights.js';

export function survivalBrier(time: Float64Array, event: ArrayLike<number>, risk: ArrayLike<number>, horizon: number): number {
  const { weights, outcome } = censoringWeights(time, event, horizon);
  return weightedBrier(weights, outcome, risk);
}

/**
 * (1/n) Σ wᵢ (yᵢ − rᵢ)² for precomputed weights and outcomes; with `count` (frequency weights: row i
 * stands for count[i] identical rows) (1/Σcount) Σ countᵢ·wᵢ (yᵢ − rᵢ)².
 */
export function weightedBrier(weights: Float64Array, outcome: ArrayLike<number>, risk: ArrayLike<number>, count?: Int32Array): number {
  if (count) return countedSum(weights, outcome, risk, count) / countTotal(count, weights.length);
  return weightedSum(weights, outcome, risk) / weights.length;
}

// Each sum a function of its own with nothing after its loop: V8 compiled the loops of one function
// with both on their own (on-stack replacement) and left that code at every call, for want of type
// feedback after the loop, so most of each call ran in the interpreter.

/** Σ wᵢ (yᵢ − rᵢ)². */
function weightedSum(weights: Float64Array, outcome: ArrayLike<number>, risk: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (w === 0) continue;
    const e = outcome[i] - risk[i];
    s += w * e * e;
  }
  return s;
}

/** Σ countᵢ over the first n. */
function countTotal(count: Int32Array, n: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += count[i];
  return total;
}

/** Σ countᵢ wᵢ (yᵢ − rᵢ)². */
function countedSum(weights: Float64Array, outcome: ArrayLike<number>, risk: ArrayLike<number>, count: Int32Array): number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (w === 0) continue;
    const e = outcome[i] - risk[i];
    s += count[i] * w * e * e;
  }
  return s;
}

export function binaryBrier(y: ArrayLike<number>, p: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (y[i] - p[i]) * (y[i] - p[i]);
  return s / y.length;
}
