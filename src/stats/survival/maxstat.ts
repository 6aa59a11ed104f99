/**
 * Maximally selected log-rank statistic for a continuous marker (Lausen & Schumacher 1992,
 * Biometrics 48:73–85; Hothorn & Lausen 2003, CSDA 43:121–137), the honest way to report an
 * "optimal" cutoff: the P value accounts for having searched all cutpoints.
 *
 * Scores: the log-rank scores of Hothorn & Lausen (2003, §2), a_i = δ_i − Σ_{j: t_j ≤ t_i} δ_j / (n − γ(j) + 1),
 * γ(j) = #{k : t_k ≤ t_j} (tied times share the largest rank). For a cutpoint μ (low group x ≤ μ, m patients)
 *   S_μ = Σ_{x_i ≤ μ} a_i,  E = m·ā,  V = m(n − m)/(n(n − 1)) · Σ (a_i − ā)²,  Z_μ = (S_μ − E)/√V,
 * over the distinct marker values μ with ⌊n·minprop⌋ ≤ m ≤ ⌊n·maxprop⌋. M = max |Z_μ|; the cutoff is the
 * first μ reaching it. P values: pLausen94 (default, as maxstat.test(pmethod = "Lau94")) over the
 * shares m/n of the cutpoints searched, and pLausen92 (lausen.ts).
 * The naive P (as if the cutoff had been fixed in advance) is also returned, never to be reported alone.
 *
 * Three layers: maxstat (checks, drops missing, labels), maxstatFit (sorted typed arrays), the scores
 * and scan below.
 *
 * @example
 * const r = maxstat(lung.time, lung.dead, lung.age);
 * // { cutoff: 70, statistic: 2.013619, p: 0.427175 (Lau94), pNaive: 0.04405, naiveLogRank: { chisq: 4.64037, p: 0.031228 }, nLow: 182, … }
 */
import { analysisError, usageError } from '../../errors.js';
import { survivalMessages } from '../../messages/index.js';
import { pNormTwoSided } from '../dist/index.js';
import { completeCases } from './completeCases.js';
import { pLausen92, pLausen94 } from './lausen.js';
import { logRank } from './logRank.js';
import { sortByTime } from './sortByTime.js';
import type { MaxstatResult } from './types.js';
import { gather } from '../gather.js';

export interface MaxstatOptions {
  readonly minprop?: number;
  readonly maxprop?: number;
  /** Marker name for messages. */
  readonly markerName?: string;
}

export function maxstat(time: ArrayLike<number>, event: ArrayLike<number>, marker: ArrayLike<number>, opts: MaxstatOptions = {}): MaxstatResult {
  const minprop = opts.minprop ?? 0.1;
  const maxprop = opts.maxprop ?? 0.9;
  const name = opts.markerName ?? 'the marker';
  if (!(minprop > 0 && minprop < maxprop && maxprop < 1)) throw usageError(survivalMessages.badProp(minprop, maxprop));
  const cc = completeCases(time, event, [], [marker]);
  const n = cc.time.length;
  if (n < 3) throw analysisError(survivalMessages.tooFewForCutoff(name, n));
  const x = gather(marker, cc.rows);
  let events = 0;
  for (let i = 0; i < n; i++) events += cc.event[i];
  if (events === 0) throw analysisError(survivalMessages.noEvents('the data'));
  let same = true;
  for (let i = 1; i < n && same; i++) same = x[i] === x[0];
  if (same) throw analysisError(survivalMessages.constantMarker(name));
  const fit = maxstatFit(cc.time, cc.event, x, minprop, maxprop);
  if (fit.cuts.length === 0) throw analysisError(survivalMessages.noCutpoints(name, n, minprop, maxprop));
  const low = Array.from(x, (v) => (v <= fit.cutoff ? 'low' : 'high'));
  let highFrom = Infinity;
  for (let i = 0; i < n; i++) if (x[i] > fit.cutoff && x[i] < highFrom) highFrom = x[i];
  const naive = logRank(cc.time, cc.event, low);
  const raw = pLausen94(fit.statistic, fit.shares);
  const clip = (p: number) => Math.min(1, Math.max(0, p));
  return {
    n,
    nDropped: cc.nDropped,
    events,
    cutoff: fit.cutoff,
    highFrom,
    statistic: fit.statistic,
    p: clip(raw),
    pLau94Raw: raw,
    pLau92: clip(pLausen92(fit.statistic, minprop, maxprop)),
    pNaive: pNormTwoSided(fit.statistic),
    naiveLogRank: { chisq: naive.chisq, p: naive.p },
    nLow: fit.nLow,
    nHigh: n - fit.nLow,
    minprop,
    maxprop,
    cuts: fit.cuts,
    stats: fit.stats,
  };
}

/**
 * Log-rank scores a_i = δ_i − Σ_{j: t_j ≤ t_i} δ_j / (n − γ(j) + 1) (Hothorn & Lausen 2003), in input order.
 * Contract: times finite ≥ 0, events 0/1.
 * @example logRankScores(new Float64Array([1, 2, 2, 3]), new Uint8Array([1, 1, 0, 1])) // [0.75, 0.25, −0.75, −0.75]
 */
export function logRankScores(time: Float64Array, event: ArrayLike<number>): Float64Array {
  const n = time.length;
  const order = sortByTime(time);
  const a = new Float64Array(n);
  let cumHaz = 0;
  let i = 0;
  while (i < n) {
    const t = time[order[i]];
    let j = i;
    let d = 0;
    while (j < n && time[order[j]] === t) d += event[order[j++]];
    cumHaz += d / (n - j + 1); // n − γ + 1, γ = number with time ≤ t (the last of the ties)
    for (let k = i; k < j; k++) a[order[k]] = event[order[k]] - cumHaz;
    i = j;
  }
  return a;
}

export interface MaxstatFit {
  readonly cutoff: number;
  readonly statistic: number;
  readonly nLow: number;
  readonly cuts: Float64Array;
  readonly stats: Float64Array;
  readonly shares: Float64Array;
}

/** The scan on complete typed arrays (checks nothing; marker not constant; 0 < minprop < maxprop < 1). */
export function maxstatFit(time: Float64Array, event: ArrayLike<number>, x: Float64Array, minprop: number, maxprop: number): MaxstatFit {
  const n = time.length;
  const a = logRankScores(time, event);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += a[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (a[i] - mean) * (a[i] - mean);
  const orderX = Uint32Array.from({ length: n }, (_, i) => i).sort((p, q) => x[p] - x[q]);
  const cuts: number[] = [];
  const stats: number[] = [];
  const shares: number[] = [];
  const ms: number[] = [];
  const mLo = Math.floor(n * minprop);
  const mHi = Math.floor(n * maxprop);
  let s = 0;
  for (let i = 0; i < n; i++) {
    s += a[orderX[i]];
    const m = i + 1;
    if (m < n && x[orderX[i + 1]] === x[orderX[i]]) continue;
    if (m >= n) break;
    if (m < mLo || m > mHi) continue;
    const share = m / n;
    const v = ((m * (n - m)) / (n * (n - 1))) * ss;
    cuts.push(x[orderX[i]]);
    stats.push((s - m * mean) / Math.sqrt(v));
    shares.push(share);
    ms.push(m);
  }
  let best = -1;
  let bestAbs = -Infinity;
  for (let i = 0; i < stats.length; i++) {
    if (Math.abs(stats[i]) > bestAbs) {
      bestAbs = Math.abs(stats[i]);
      best = i;
    }
  }
  return {
    cutoff: best >= 0 ? cuts[best] : NaN,
    statistic: bestAbs,
    nLow: best >= 0 ? ms[best] : 0,
    cuts: Float64Array.from(cuts),
    stats: Float64Array.from(stats),
    shares: Float64Array.from(shares),
  };
}
