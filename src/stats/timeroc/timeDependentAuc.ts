/**
 * Cumulative/dynamic time-dependent AUC(t) of a risk marker with inverse-probability-of-censoring
 * weights, and its influence function (Uno, Cai, Tian & Wei 2007, JASA 102:527–537; Blanche,
 * Dartigues & Jacqmin-Gadda 2013, Stat Med 32:5381–5397, the iid representation of their §3).
 *
 * Cases at t: T ≤ t with an event, weighted 1/G(T−); controls: T > t, weighted 1/G(t) (a constant
 * that cancels). AUC(t) = Σᵢ Σⱼ wᵢ cᵢⱼ / (Σᵢ wᵢ · #controls), cᵢⱼ = 1 if the case's marker is higher,
 * ½ if equal: higher marker = higher risk, as riskRegression::Score reads a prediction.
 *
 * Influence function of observation k (with p = #controls/n, A = Σ wᵢ/n, sᵢ = (controls below case i
 * + ½ equal)/n, gₖ = (case weight above control k + ½ equal)/n, ψᵢ = wᵢ (sᵢ − AUC·p)):
 *   IFₖ = [ψₖ + eₖ (gₖ − AUC·A) + n ∫ Ψ(u) dMᶜₖ(u)/Y(u)] / (A·p),
 * the last term being the effect of k on the Kaplan–Meier estimate of G (Mᶜₖ the censoring
 * martingale of k with everyone at T ≥ u at risk of censoring at u, Y(u) = #{T ≥ u}; Ψ(u) = Σ of
 * ψᵢ over cases with Tᵢ > u). This tie convention of the martingale is the one whose SE equals
 * riskRegression::Score's on data with many tied event and censoring times. SE = sd(IF)/√n (riskRegression's
 * convention), CI = AUC ± z·SE clipped to [0, 1].
 *
 * Contract: `d` from timeRocData, `r` from markerRanks on the same d. O(n + K) per time point (the
 * marker was sorted once, in markerRanks). When there is no case or no control at t the AUC and
 * its SE are null and `influence` is null.
 *
 * @example
 * // no censoring before t = 2.5: AUC(t) is the Mann–Whitney AUC of cases {1, 2} vs controls {3, 4}
 * const d = timeRocData(new Float64Array([1, 2, 3, 4]), new Uint8Array([1, 1, 1, 0]));
 * const a = timeDependentAuc(d, markerRanks(new Float64Array([4, 2, 3, 1]), d.order), 2.5);
 * [a.auc, a.cases, a.controls] // [0.75, 2, 2]
 */
import { qnorm } from '../dist/index.js';
import type { MarkerRanks } from './markerRanks.js';
import type { TimeRocData } from './timeRocData.js';

export type NoAucReason = 'noCases' | 'noControls';

export interface TimeDependentAuc {
  readonly time: number;
  /** null when there is no case or no control at `time`. */
  readonly auc: number | null;
  readonly se: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly cases: number;
  readonly controls: number;
  /** Σ of the cases' IPC weights 1/G(T−) divided by n: the estimated cumulative incidence F(t). */
  readonly weightedCases: number;
  readonly reason: NoAucReason | null;
  /** IF of each sorted position (length n); null when auc is null. */
  readonly influence: Float64Array | null;
}

/** The four per-rank count arrays of one evaluation (length levels + 2), reusable across the times of a marker. */
export interface RankCounts {
  readonly ctrlAt: Float64Array;
  readonly ctrlBelow: Float64Array;
  readonly caseAt: Float64Array;
  readonly caseAbove: Float64Array;
}

export function rankCounts(levels: number): RankCounts {
  return { ctrlAt: new Float64Array(levels + 2), ctrlBelow: new Float64Array(levels + 2), caseAt: new Float64Array(levels + 2), caseAbove: new Float64Array(levels + 2) };
}

/**
 * `work` (optional): rankCounts(r.levels), overwritten (a marker's times share one). `into`
 * (optional, length n): receives the influence function instead of a new array (overwritten by the
 * next call: for a caller that keeps only the AUC and its CI, aucCurve.ts).
 */
export function timeDependentAuc(
  d: TimeRocData, r: MarkerRanks, t: number, level = 0.95, work: RankCounts = rankCounts(r.levels), into?: Float64Array,
): TimeDependentAuc {
  const { n, time, event, gMinus, block, blockStart, censored } = d;
  const { rank, levels: K } = r;
  // sorted by time: cases lie in [0, kt), controls in [kt, n). Each loop below is a function of its
  // own: V8 compiled a loop inside this function on its own (on-stack replacement) and, at each
  // call, left that code at the next loop for want of type feedback (154 times in 130 calls).
  const tally = new Float64Array(2);
  const kt = casesUpTo(time, event, gMinus, n, t, tally);
  const nCases = tally[0];
  const sumW = tally[1];
  const nControls = n - kt;
  if (nCases === 0 || nControls === 0) {
    return Object.freeze({
      time: t, auc: null, se: null, lower: null, upper: null, cases: nCases, controls: nControls,
      weightedCases: sumW / Math.max(n, 1), reason: nCases === 0 ? 'noCases' : 'noControls', influence: null,
    });
  }
  // controls per rank → controls below each rank; case weight per rank → case weight above
  const ctrlAt = countControls(work.ctrlAt, rank, kt, n);
  const ctrlBelow = cumulateBelow(work.ctrlBelow, ctrlAt, K);
  const caseAt = caseWeights(work.caseAt, rank, event, gMinus, kt);
  const caseAbove = cumulateAbove(work.caseAbove, caseAt, K);
  const num = aucNumerator(rank, event, gMinus, ctrlBelow, ctrlAt, kt);
  const auc = num / (sumW * nControls);
  const p = nControls / n;
  const A = sumW / n;
  const inf = into ? into.fill(0) : new Float64Array(n);
  // ψ of the cases; Ψ(u) = Σ ψ over cases after block u, accumulated from the last case backwards
  const lastBlock = block[kt - 1];
  const psiAfter = new Float64Array(lastBlock + 1);
  casePsi(inf, psiAfter, rank, event, gMinus, blockStart, ctrlBelow, ctrlAt, kt, n, auc * p, lastBlock);
  const mean = finishInfluence(inf, psiAfter, rank, event, block, blockStart, censored, caseAbove, caseAt, kt, n, lastBlock, 1 / (A * p), auc * A);
  const ss = sumSquares(inf, mean, n);
  const se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : null;
  const z = qnorm(1 - (1 - level) / 2);
  return Object.freeze({
    time: t, auc, se,
    lower: se === null ? null : Math.max(0, auc - z * se),
    upper: se === null ? null : Math.min(1, auc + z * se),
    cases: nCases, controls: nControls, weightedCases: A, reason: null, influence: inf,
  });
}

/** The end kt of the cases (times ≤ t) in sorted order; their number and Σ 1/G(T−) into tally. */
function casesUpTo(time: Float64Array, event: Uint8Array, gMinus: Float64Array, n: number, t: number, tally: Float64Array): number {
  let kt = 0;
  let nCases = 0;
  let sumW = 0;
  while (kt < n && time[kt] <= t) {
    if (event[kt]) {
      nCases++;
      sumW += 1 / gMinus[kt];
    }
    kt++;
  }
  tally[0] = nCases;
  tally[1] = sumW;
  return kt;
}

/** Controls (sorted positions kt..n−1) per rank. */
function countControls(ctrlAt: Float64Array, rank: Int32Array, kt: number, n: number): Float64Array {
  ctrlAt.fill(0);
  for (let k = kt; k < n; k++) ctrlAt[rank[k]]++;
  return ctrlAt;
}

/** Controls below each rank. */
function cumulateBelow(ctrlBelow: Float64Array, ctrlAt: Float64Array, K: number): Float64Array {
  ctrlBelow.fill(0);
  for (let q = 1; q <= K; q++) ctrlBelow[q + 1] = ctrlBelow[q] + ctrlAt[q];
  return ctrlBelow;
}

/** Case weight 1/G(T−) per rank. */
function caseWeights(caseAt: Float64Array, rank: Int32Array, event: Uint8Array, gMinus: Float64Array, kt: number): Float64Array {
  caseAt.fill(0);
  for (let k = 0; k < kt; k++) if (event[k]) caseAt[rank[k]] += 1 / gMinus[k];
  return caseAt;
}

/** Case weight above each rank. */
function cumulateAbove(caseAbove: Float64Array, caseAt: Float64Array, K: number): Float64Array {
  caseAbove.fill(0);
  for (let q = K; q >= 1; q--) caseAbove[q - 1] = caseAbove[q] + caseAt[q];
  return caseAbove;
}

/** Σ over cases of (controls below + ½ equal) / G(T−). */
function aucNumerator(rank: Int32Array, event: Uint8Array, gMinus: Float64Array, ctrlBelow: Float64Array, ctrlAt: Float64Array, kt: number): number {
  let num = 0;
  for (let k = 0; k < kt; k++) {
    if (!event[k]) continue;
    const q = rank[k];
    num += (ctrlBelow[q] + 0.5 * ctrlAt[q]) / gMinus[k];
  }
  return num;
}

/** ψ of each case into inf, and Ψ after each block (from the last case backwards) into psiAfter. */
function casePsi(
  inf: Float64Array, psiAfter: Float64Array, rank: Int32Array, event: Uint8Array, gMinus: Float64Array, blockStart: Int32Array,
  ctrlBelow: Float64Array, ctrlAt: Float64Array, kt: number, n: number, aucP: number, lastBlock: number,
): void {
  let acc = 0;
  for (let b = lastBlock; b >= 0; b--) {
    psiAfter[b] = acc;
    for (let k = blockStart[b]; k < blockStart[b + 1]; k++) {
      if (!event[k] || k >= kt) continue;
      const q = rank[k];
      const psi = ((ctrlBelow[q] + 0.5 * ctrlAt[q]) / n - aucP) / gMinus[k];
      inf[k] = psi;
      acc += psi;
    }
  }
}

/**
 * The censoring term (the reverse Kaplan–Meier martingale, everyone with T ≥ u at risk of censoring
 * at u, Y(u)): δₖ = 0: Ψ(Tₖ)/Y(Tₖ) − Σ_{u ≤ Tₖ} c(u)Ψ(u)/Y(u)²; δₖ = 1: the same sum; then a
 * control's own term (T > t: its case weight above, ½ equal), then the scale: one pass, the same
 * operations on each inf[k] in the same order as three. Returns the mean of inf.
 */
function finishInfluence(
  inf: Float64Array, psiAfter: Float64Array, rank: Int32Array, event: Uint8Array, block: Int32Array, blockStart: Int32Array, censored: Float64Array,
  caseAbove: Float64Array, caseAt: Float64Array, kt: number, n: number, lastBlock: number, scale: number, aucA: number,
): number {
  let mean = 0;
  let cum = 0; // Σ over the blocks so far
  for (let b = 0; b < block[n - 1] + 1; b++) {
    const psiB = b <= lastBlock ? psiAfter[b] : 0;
    const y = n - blockStart[b];
    cum += censored[b] > 0 ? (censored[b] * psiB) / (y * y) : 0;
    for (let k = blockStart[b]; k < blockStart[b + 1]; k++) {
      let v = inf[k] + ((event[k] ? 0 : psiB / y) - cum);
      if (k >= kt) {
        const q = rank[k];
        v += (caseAbove[q] + 0.5 * caseAt[q]) / n - aucA;
      }
      v *= scale;
      inf[k] = v;
      mean += v;
    }
  }
  return mean / n;
}

/** Σ (inf[k] − mean)². */
function sumSquares(inf: Float64Array, mean: number, n: number): number {
  let ss = 0;
  for (let k = 0; k < n; k++) ss += (inf[k] - mean) * (inf[k] - mean);
  return ss;
}
