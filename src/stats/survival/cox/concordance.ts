/**
 * Numeric core: Harrell's concordance (Harrell, Califf, Pryor, Lee & Rosati 1982, JAMA
 * 247:2543–2546; Harrell, Lee & Mark 1996, Stat Med 15:361–387) of a Cox linear predictor, with
 * the infinitesimal-jackknife standard error that R's coxph reports (fit$concordance "std",
 * sqrt(concordance(fit)$var); Therneau & Atkinson, "Concordance", survival package vignette).
 *
 * A pair is comparable when the shorter time is a death and the other subject is still at risk
 * then (alive at that time: a later time, or censored at the same time; for (start, stop] data, in
 * the risk set (start < t ≤ stop)); pairs in different strata are not compared. It is concordant
 * when the subject who died has the higher risk score (larger linear predictor), discordant when it
 * has the lower, tied.x when equal. c = (concordant + tied.x/2) / (concordant + discordant + tied.x).
 * Deaths at the same time are tied.y (tied.xy when also tied on the score) and not comparable.
 * The variance is Σₖ Iₖ², Iₖ = (Cₖ − c·Nₖ)/N the influence of observation k, where Cₖ and Nₖ are
 * the concordant (+½ tied) and comparable pair counts involving k and N the total comparable count.
 *
 * Contract: `d` from coxSortedData, `lp` in sorted order (length n). O(n log n): the risk set is
 * counted per score rank (denseRanks.ts) under a Fenwick tree over blocks of 32 ranks, and each
 * subject's role as the longer-lived member of pairs is read from the same structure for deaths when
 * it enters and leaves the risk set (at the end of a large stratum, from cumulative death counts
 * instead). With `variance` false (c alone, e.g. in bootstrap replicates) right-censored data need
 * only the risk counts: one tree query per death, no per-subject counts (~3× faster at n 1,000).
 *
 * @example
 * // times 1..5, events 1,1,1,0,1, scores 1,0,1,0,0 (R: concordance 0.7222222222, std 0.1377525531)
 * const d = coxSortedData({ stop: new Float64Array([1, 2, 3, 4, 5]), start: null, event: new Uint8Array([1, 1, 1, 0, 1]),
 *   columns: [new Float64Array([1, 0, 1, 0, 0])], strata: null, nStrata: 1 });
 * const r = coxConcordance(d, new Float64Array([1, 0, 1, 0, 0]));
 * [r.concordant, r.discordant, r.tiedX, r.c, r.se] // [5, 1, 3, 0.7222222222222222, 0.13775255311371234]
 * coxConcordance(d, new Float64Array([1, 0, 1, 0, 0]), false).se // null (c the same)
 */
import type { CoxSortedData } from './sortedData.js';
import { denseRanks } from './denseRanks.js';

export interface ConcordanceCounts {
  readonly concordant: number;
  readonly discordant: number;
  readonly tiedX: number;
  readonly tiedY: number;
  readonly tiedXY: number;
}

export interface ConcordanceResult extends ConcordanceCounts {
  /** null when no pair is comparable. */
  readonly c: number | null;
  readonly se: number | null;
  readonly variance: number | null;
}

/** Scratch reused across calls (grown, never shrunk): each row's score rank. */
let rankWork = new Int32Array(0);

/** `variance` false: the pair counts and c only (se and variance null), faster for right-censored data. */
export function coxConcordance(d: CoxSortedData, lp: Float64Array, variance = true): ConcordanceResult {
  const { n } = d;
  if (rankWork.length < n) rankWork = new Int32Array(n);
  const rank = rankWork.subarray(0, n);
  const K = denseRanks(lp, rank);
  if (!variance && d.start === null) return coxConcordanceOfRanks(d, rank, K);
  if (d.weight) throw new Error('coxConcordance: frequency weights are for the pair counts of right-censored data (variance false)');
  const cK = new Float64Array(n);
  const nK = new Float64Array(n);
  const counts = fenwickConcordance(d, rank, K, cK, nK);
  const { concordant, discordant, tiedX, tiedY, tiedXY } = counts;
  const N = concordant + discordant + tiedX;
  if (N === 0) return { concordant, discordant, tiedX, tiedY, tiedXY, c: null, se: null, variance: null };
  const c = (concordant + 0.5 * tiedX) / N;
  if (!variance) return { concordant, discordant, tiedX, tiedY, tiedXY, c, se: null, variance: null };
  let v = 0;
  for (let k = 0; k < n; k++) {
    const infl = (cK[k] - c * nK[k]) / N;
    v += infl * infl;
  }
  return { concordant, discordant, tiedX, tiedY, tiedXY, c, se: Math.sqrt(v), variance: v };
}

/**
 * c and the pair counts (no variance) of right-censored data from the score ranks `rank` (sorted
 * order, 1..K, equal scores equal ranks: denseRanks.ts), e.g. when several samples share the scores'
 * ranks. With frequency weights (d.weight) the counts are those of the data with each row repeated:
 * a death of weight w forms w times its pairs, and the copies of one death are tied on time and score.
 */
export function coxConcordanceOfRanks(d: CoxSortedData, rank: Int32Array, K: number): ConcordanceResult {
  if (d.start !== null) throw new Error('coxConcordanceOfRanks: right-censored data only');
  const { concordant, discordant, tiedX, tiedY, tiedXY } = rightCensoredCounts(d.stop, d.event, d.strataBounds, d.weight ?? null, rank, K);
  const N = concordant + discordant + tiedX;
  return { concordant, discordant, tiedX, tiedY, tiedXY, c: N === 0 ? null : (concordant + 0.5 * tiedX) / N, se: null, variance: null };
}

let countWork = new Int32Array(0);

/**
 * The pair counts alone for right-censored data: the risk set only grows as time runs backwards, so
 * one Fenwick tree of risk counts per rank (blocks of 32 ranks, as below) answers each death's
 * query, and a per-rank count of the deaths at the same time gives tied.xy — no per-subject counts.
 */
function rightCensoredCounts(stop: Float64Array, event: Uint8Array, strataBounds: Int32Array, wt: Int32Array | null, rank: Int32Array, K: number): ConcordanceCounts {
  // wt: frequency weights (1 each when absent: the same arithmetic); the arrays rather than the data
  // object, whose shape differs between a resample and the original data (V8: 'wrong map')
  const nBlocks = (K >>> 5) + 1;
  // scratch reused across calls, zeroed here
  const size = 2 * (K + 1) + 2 * nBlocks + 1;
  if (countWork.length < size) countWork = new Int32Array(2 * size);
  countWork.fill(0, 0, size);
  const at = countWork.subarray(0, K + 1);
  const sameTime = countWork.subarray(K + 1, 2 * (K + 1)); // deaths of the current time per rank
  const blockTotal = countWork.subarray(2 * (K + 1), 2 * (K + 1) + nBlocks);
  const tree = countWork.subarray(2 * (K + 1) + nBlocks, 2 * (K + 1) + 2 * nBlocks + 1);
  let concordant = 0;
  let discordant = 0;
  let tiedX = 0;
  let tiedY = 0;
  let tiedXY = 0;
  for (let s = 0; s + 1 < strataBounds.length; s++) {
    const begin = strataBounds[s];
    const end = strataBounds[s + 1];
    stratumCounts(stop, event, wt, rank, K, begin, end, at, sameTime, blockTotal, tree, nBlocks);
    concordant += stratumConcordant;
    discordant += stratumDiscordant;
    tiedX += stratumTiedX;
    tiedY += stratumTiedY;
    tiedXY += stratumTiedXY;
    // empty the tree for the next stratum
    if (s + 2 < strataBounds.length) {
      if ((end - begin) * 32 >= K) {
        at.fill(0);
        blockTotal.fill(0);
        tree.fill(0);
      } else for (let k = begin; k < end; k++) riskEnter(at, blockTotal, tree, nBlocks, rank[k], wt === null ? -1 : -wt[k]);
    }
  }
  return { concordant, discordant, tiedX, tiedY, tiedXY };
}

/**
 * stratumCounts' results, one stratum's pair counts: module variables, not an object's fields or an
 * array's elements, whose stores after its loop V8 would compile without type feedback (see
 * denseRanks.ts's scannedMin).
 */
let stratumConcordant = 0;
let stratumDiscordant = 0;
let stratumTiedX = 0;
let stratumTiedY = 0;
let stratumTiedXY = 0;

/**
 * One stratum's rows [begin, end), time descending: each death's pairs with the risk set (a
 * function of its own: as a loop of rightCensoredCounts, V8 compiled it on its own and left that
 * code after it at every call — 146 deoptimizations in one 100,000-patient analyze).
 */
function stratumCounts(
  stop: Float64Array, event: Uint8Array, wt: Int32Array | null, rank: Int32Array, K: number, begin: number, end: number,
  at: Int32Array, sameTime: Int32Array, blockTotal: Int32Array, tree: Int32Array, nBlocks: number,
): void {
  let concordant = 0;
  let discordant = 0;
  let tiedX = 0;
  let tiedY = 0;
  let tiedXY = 0;
  let riskTotal = 0;
  let i = end - 1;
  while (i >= begin) {
    const t = stop[i];
    // the censored rows at t (after its deaths in the sorted order) are at risk at t
    for (; i >= begin && stop[i] === t && !event[i]; i--) {
      const w = wt === null ? 1 : wt[i];
      riskEnter(at, blockTotal, tree, nBlocks, rank[i], w);
      riskTotal += w;
    }
    const top = i;
    let eqPairs = 0;
    let m = 0;
    for (; i >= begin && stop[i] === t; i--) {
      if (!event[i]) throw new Error('coxConcordance: a censored row sorted before a death at the same time');
      const r = rank[i];
      const w = wt === null ? 1 : wt[i];
      const less = riskBelow(at, blockTotal, tree, K, r - 1);
      const eq = at[r];
      concordant += w * less;
      discordant += w * (riskTotal - less - eq);
      tiedX += w * eq;
      // pairs with the same-time deaths of this rank before it, and among its own copies
      eqPairs += w * sameTime[r] + (w * (w - 1)) / 2;
      sameTime[r] += w;
      m += w;
    }
    tiedXY += eqPairs;
    tiedY += (m * (m - 1)) / 2 - eqPairs;
    for (let k = top; k > i; k--) {
      const r = rank[k];
      sameTime[r] = 0;
      riskEnter(at, blockTotal, tree, nBlocks, r, wt === null ? 1 : wt[k]);
    }
    riskTotal += m;
  }
  stratumConcordant = concordant;
  stratumDiscordant = discordant;
  stratumTiedX = tiedX;
  stratumTiedY = tiedY;
  stratumTiedXY = tiedXY;
}

/** Adds `by` to the risk count of rank r. */
function riskEnter(at: Int32Array, blockTotal: Int32Array, tree: Int32Array, nBlocks: number, r: number, by: number): void {
  at[r] += by;
  const blk = r >>> 5;
  blockTotal[blk] += by;
  for (let q = blk + 1; q <= nBlocks; q += q & -q) tree[q] += by;
}

/** The risk count of ranks 1..r: the tree over whole blocks, then at most 16 ranks of r's block. */
function riskBelow(at: Int32Array, blockTotal: Int32Array, tree: Int32Array, K: number, r: number): number {
  let a = 0;
  const blk = r >>> 5;
  for (let q = blk; q > 0; q -= q & -q) a += tree[q];
  const first = blk << 5;
  if (r - first < 16) {
    for (let x = first; x <= r; x++) a += at[x];
  } else {
    a += blockTotal[blk];
    const last = Math.min(first + 31, K);
    for (let x = r + 1; x <= last; x++) a -= at[x];
  }
  return a;
}

/**
 * Pair counts by Fenwick trees over score ranks; adds each subject's pair counts to cK, nK. The risk
 * and death counts are interleaved (risk at 2r, death at 2r + 1) so that a death reads both with one
 * traversal and enters both with one; same-time deaths are handled from their sorted ranks.
 * The trees and the running counts are a PairTrees; each stratum's walk (stratumPairs, deathBlock)
 * and its end (stratumEnd) are functions of their own: as one function with closures, V8 compiled it
 * 9–14 times in one 100,000-patient analyze (on-stack replacement of one loop, then a deoptimization
 * at the next for want of type feedback), ~500 ms of compiling.
 */
function fenwickConcordance(d: CoxSortedData, rank: Int32Array, K: number, cK: Float64Array, nK: Float64Array): ConcordanceCounts {
  const { n, strataBounds } = d;
  const T = new PairTrees(K);
  // at the end of a stratum the death counts are final: cumulative counts replace tree queries
  const gain2 = new Int32Array(K + 1);
  const inRisk = new Uint8Array(n);
  for (let s = 0; s + 1 < strataBounds.length; s++) {
    const begin = strataBounds[s];
    const end = strataBounds[s + 1];
    stratumPairs(d, begin, end, rank, T, cK, nK, inRisk);
    stratumEnd(d, begin, end, rank, T, cK, nK, inRisk, gain2);
  }
  return { concordant: T.concordant, discordant: T.discordant, tiedX: T.tiedX, tiedY: T.tiedY, tiedXY: T.tiedXY };
}

/**
 * Counts per rank (risk at 2r, death at 2r + 1), per block of 32 ranks, and a Fenwick tree over the
 * blocks (all interleaved the same way), with the running risk and death totals and pair counts. A
 * prefix count reads the cached block tree and at most 16 adjacent ranks (from whichever end of the
 * block is nearer), instead of ~log₂K scattered nodes.
 */
class PairTrees {
  readonly at: Int32Array;
  readonly blockTotal: Int32Array;
  readonly tree: Int32Array;
  readonly nBlocks: number;
  readonly K: number;
  riskTotal = 0;
  deathTotal = 0;
  /** prefix(r)'s results: the risk and death counts of ranks 1..r. */
  pRisk = 0;
  pDeath = 0;
  concordant = 0;
  discordant = 0;
  tiedX = 0;
  tiedY = 0;
  tiedXY = 0;
  /** Scratch of deathBlock: a block's deaths' sort keys (grown). */
  keys = new Float64Array(64);

  constructor(K: number) {
    this.K = K;
    this.at = new Int32Array(2 * (K + 1));
    this.nBlocks = (K >>> 5) + 1;
    this.blockTotal = new Int32Array(2 * this.nBlocks);
    this.tree = new Int32Array(2 * (this.nBlocks + 1));
  }

  /** Sets pRisk, pDeath to the counts of ranks 1..r. */
  prefix(r: number): void {
    const { at, blockTotal, tree } = this;
    let a = 0;
    let b = 0;
    const blk = r >>> 5;
    for (let q = blk; q > 0; q -= q & -q) {
      a += tree[2 * q];
      b += tree[2 * q + 1];
    }
    const first = blk << 5;
    if (r - first < 16) {
      for (let x = first; x <= r; x++) {
        a += at[2 * x];
        b += at[2 * x + 1];
      }
    } else {
      a += blockTotal[2 * blk];
      b += blockTotal[2 * blk + 1];
      const last = Math.min(first + 31, this.K);
      for (let x = r + 1; x <= last; x++) {
        a -= at[2 * x];
        b -= at[2 * x + 1];
      }
    }
    this.pRisk = a;
    this.pDeath = b;
  }

  add(r: number, dRisk: number, dDeath: number): void {
    const { at, blockTotal, tree, nBlocks } = this;
    at[2 * r] += dRisk;
    at[2 * r + 1] += dDeath;
    const blk = r >>> 5;
    blockTotal[2 * blk] += dRisk;
    blockTotal[2 * blk + 1] += dDeath;
    for (let q = blk + 1; q <= nBlocks; q += q & -q) {
      tree[2 * q] += dRisk;
      tree[2 * q + 1] += dDeath;
    }
  }

  // entering the risk set: subtract the deaths seen so far with a higher (+½ equal) score;
  // leaving: add them (the difference counts the subject's partners)
  enterCensored(k: number, r: number, cK: Float64Array, nK: Float64Array): void {
    this.prefix(r - 1);
    const eq = this.at[2 * r + 1];
    cK[k] -= this.deathTotal - this.pDeath - eq + 0.5 * eq;
    nK[k] -= this.deathTotal;
    this.add(r, 1, 0);
    this.riskTotal++;
  }

  leave(k: number, r: number, cK: Float64Array, nK: Float64Array): void {
    this.prefix(r - 1);
    const eq = this.at[2 * r + 1];
    cK[k] += this.deathTotal - this.pDeath - eq + 0.5 * eq;
    nK[k] += this.deathTotal;
    this.add(r, -1, 0);
    this.riskTotal--;
  }
}

/** One stratum's rows [begin, end), time descending: rows enter (and, for (start, stop] data, leave) the risk set; each death block is counted. */
function stratumPairs(d: CoxSortedData, begin: number, end: number, rank: Int32Array, T: PairTrees, cK: Float64Array, nK: Float64Array, inRisk: Uint8Array): void {
  const { stop, start, event, byStart } = d;
  let sp = end - 1;
  let i = end - 1;
  while (i >= begin) {
    const t = stop[i];
    let j0 = i;
    while (j0 - 1 >= begin && stop[j0 - 1] === t) j0--;
    // block [j0, i]: deaths first
    if (start !== null && byStart !== null) {
      while (sp >= begin && start[byStart[sp]] >= t) {
        const k = byStart[sp--];
        if (inRisk[k]) {
          T.leave(k, rank[k], cK, nK);
          inRisk[k] = 0;
        }
      }
    }
    let firstCensored = j0;
    while (firstCensored <= i && event[firstCensored]) firstCensored++;
    for (let k = firstCensored; k <= i; k++) {
      T.enterCensored(k, rank[k], cK, nK);
      inRisk[k] = 1;
    }
    if (firstCensored === j0 + 1) oneDeath(j0, rank[j0], T, cK, nK, inRisk);
    else if (firstCensored > j0) deathBlock(j0, firstCensored - j0, rank, T, cK, nK, inRisk);
    i = j0 - 1;
  }
}

/** deathBlock of a single death (row k, rank r): the same sums, without sorting the block. */
function oneDeath(k: number, r: number, T: PairTrees, cK: Float64Array, nK: Float64Array, inRisk: Uint8Array): void {
  const deathsAfter = T.deathTotal + 1;
  const riskTotal = T.riskTotal;
  T.prefix(r - 1);
  const less = T.pRisk;
  const eq = T.at[2 * r];
  const dLess = T.pDeath;
  const dEq = T.at[2 * r + 1] + 1;
  T.concordant += less;
  T.discordant += riskTotal - less - eq;
  T.tiedX += eq;
  cK[k] += less + 0.5 * eq;
  nK[k] += riskTotal;
  cK[k] -= deathsAfter - dLess - dEq + 0.5 * dEq;
  nK[k] -= deathsAfter;
  T.add(r, 1, 1);
  inRisk[k] = 1;
  T.riskTotal += 1;
  T.deathTotal += 1;
}

/** The m deaths at one time, rows [j0, j0 + m): their pairs with the risk set, tied.y and tied.xy; then they enter the risk set. */
function deathBlock(j0: number, m: number, rank: Int32Array, T: PairTrees, cK: Float64Array, nK: Float64Array, inRisk: Uint8Array): void {
  // the block's deaths in rank order (key = rank·2²² + position, exact below 2⁵³): runs of equal
  // rank give tied.xy, and each death's same-time deaths below / at its rank
  if (T.keys.length < m) T.keys = new Float64Array(Math.max(m, 2 * T.keys.length));
  const kk = T.keys.subarray(0, m);
  if (m >= 4194304) throw new Error('coxConcordance: more than 4,194,303 deaths at one time');
  for (let k = 0; k < m; k++) kk[k] = rank[j0 + k] * 4194304 + k;
  if (m > 1) kk.sort();
  const deathsAfter = T.deathTotal + m;
  const riskTotal = T.riskTotal;
  const at = T.at;
  let eqPairs = 0;
  for (let q = 0; q < m; ) {
    const r = Math.floor(kk[q] / 4194304);
    let q1 = q + 1;
    while (q1 < m && Math.floor(kk[q1] / 4194304) === r) q1++;
    const blockLess = q;
    const blockEq = q1 - q;
    eqPairs += (blockEq * (blockEq - 1)) / 2;
    T.prefix(r - 1);
    const less = T.pRisk;
    const eq = at[2 * r];
    const dLess = T.pDeath + blockLess;
    const dEq = at[2 * r + 1] + blockEq;
    for (; q < q1; q++) {
      const k = j0 + (kk[q] - r * 4194304);
      T.concordant += less;
      T.discordant += riskTotal - less - eq;
      T.tiedX += eq;
      cK[k] += less + 0.5 * eq;
      nK[k] += riskTotal;
      // it enters the risk set once the block's deaths are counted
      cK[k] -= deathsAfter - dLess - dEq + 0.5 * dEq;
      nK[k] -= deathsAfter;
    }
  }
  T.tiedXY += eqPairs;
  T.tiedY += (m * (m - 1)) / 2 - eqPairs;
  for (let q = 0; q < m; ) {
    const r = Math.floor(kk[q] / 4194304);
    let q1 = q + 1;
    while (q1 < m && Math.floor(kk[q1] / 4194304) === r) q1++;
    T.add(r, q1 - q, q1 - q);
    q = q1;
  }
  inRisk.fill(1, j0, j0 + m);
  T.riskTotal += m;
  T.deathTotal += m;
}

/**
 * The end of a stratum: everyone still at risk leaves, and the trees are cleared for the next. In a
 * large stratum the death counts are final, so one cumulative pass over the ranks replaces the tree
 * queries; a small stratum (many strata) uses the trees, keeping the total cost O(n log n).
 */
function stratumEnd(d: CoxSortedData, begin: number, end: number, rank: Int32Array, T: PairTrees, cK: Float64Array, nK: Float64Array, inRisk: Uint8Array, gain2: Int32Array): void {
  const { event } = d;
  const K = T.K;
  const at = T.at;
  const large = (end - begin) * 32 >= K;
  if (large) {
    // twice the pair count a subject of rank r gains on leaving: 2·(deaths above r) + (deaths at r)
    let cum = 0;
    for (let r = 1; r <= K; r++) {
      const dr = at[2 * r + 1];
      cum += dr;
      gain2[r] = 2 * (T.deathTotal - cum) + dr;
    }
  }
  for (let k = begin; k < end; k++)
    if (inRisk[k]) {
      if (large) {
        cK[k] += 0.5 * gain2[rank[k]];
        nK[k] += T.deathTotal;
      } else T.leave(k, rank[k], cK, nK);
      inRisk[k] = 0;
    }
  // clear the trees for the next stratum
  if (large) {
    T.tree.fill(0);
    at.fill(0);
    T.blockTotal.fill(0);
  } else {
    for (let k = begin; k < end; k++) {
      if (event[k]) {
        T.add(rank[k], 0, -1);
      }
    }
  }
  T.riskTotal = 0;
  T.deathTotal = 0;
}
