/**
 * The k-sample log-rank test, optionally stratified: the public entry (R's survdiff, rho = 0).
 * χ² = (O − E)′V⁻(O − E) with a generalised inverse; df = rank of V (k − 1 for k groups with
 * events at risk). Rows with a missing value in any used column are dropped and counted.
 * Groups are ordered as kaplanMeier orders them (numerically when every label is a number).
 *
 * @example
 * logRank([1, 2, 2, 3, 5, 2, 4, 4, 6, 7], [1, 1, 0, 1, 0, 1, 1, 1, 0, 1], ['a','a','a','a','a','b','b','b','b','b'])
 * // { groups: ['a', 'b'], observed: [3, 4], expected: [2.12222…, 4.87778…], chisq: 0.673320, df: 1, p: 0.411897, … }
 */
import { analysisError } from '../../errors.js';
import { survivalMessages } from '../../messages/index.js';
import { pChisqUpper } from '../dist/index.js';
import { completeCases } from './completeCases.js';
import { ginvQuadraticForm } from './ginvQuadraticForm.js';
import { codesOf, encodeLevels } from './levels.js';
import { logRankCore } from './logRankCore.js';
import { partitionByCode, sortByTime } from './sortByTime.js';
import type { LogRankResult } from './types.js';

export interface LogRankOptions {
  /** Stratum label per patient (null = missing): survdiff(… + strata()). */
  readonly strata?: readonly (string | null)[] | null;
  /** Column names for messages. */
  readonly groupName?: string;
}

export function logRank(
  time: ArrayLike<number>,
  event: ArrayLike<number>,
  group: readonly (string | null)[],
  opts: LogRankOptions = {},
): LogRankResult {
  const strata = opts.strata ?? null;
  const cc = completeCases(time, event, strata ? [group, strata] : [group]);
  const n = cc.time.length;
  if (n === 0) throw analysisError(survivalMessages.noRows());
  const enc = encodeLevels(group);
  const kept = codesOf(enc.code, cc.rows, enc.levels.length);
  const g = { levels: enc.levels.filter((_, j) => kept.count[j] > 0), code: kept.code };
  if (g.levels.length < enc.levels.length) {
    // levels seen only on dropped rows: renumber the kept ones
    const map = new Int32Array(enc.levels.length).fill(-1);
    enc.levels.forEach((l, j) => (map[j] = g.levels.indexOf(l)));
    for (let i = 0; i < g.code.length; i++) g.code[i] = map[g.code[i]];
  }
  const gname = opts.groupName ?? 'the group column';
  if (g.levels.length < 2) throw analysisError(survivalMessages.oneGroup(gname, g.levels[0] ?? ''));
  let events = 0;
  for (let i = 0; i < n; i++) events += cc.event[i];
  if (events === 0) throw analysisError(survivalMessages.noEvents('the data'));
  let s: { levels: string[]; code: Int32Array; used: string[] } = { levels: ['all'], code: new Int32Array(n), used: ['all'] };
  if (strata) {
    const se = encodeLevels(strata);
    const sk = codesOf(se.code, cc.rows, se.levels.length);
    // a stratum with no kept rows adds nothing and is not listed
    s = { levels: se.levels, code: sk.code, used: se.levels.filter((_, j) => sk.count[j] > 0) };
  }
  const { order, start } = partitionByCode(sortByTime(cc.time), s.code, s.levels.length);
  const core = logRankCore(cc.time, cc.event, g.code, g.levels.length, order, start);
  return logRankFromCore(g.levels, core, strata ? s.used : null, cc.nDropped);
}

/** Assembles the test from the core's O, E, V. */
export function logRankFromCore(
  groups: readonly string[],
  core: ReturnType<typeof logRankCore>,
  strata: readonly string[] | null,
  nDropped: number,
): LogRankResult {
  const k = groups.length;
  const V = Array.from({ length: k }, (_, i) => Array.from(core.variance.subarray(i * k, (i + 1) * k)));
  const diff = Array.from({ length: k }, (_, i) => core.observed[i] - core.expected[i]);
  const { q, rank } = ginvQuadraticForm(V, diff);
  return {
    groups: [...groups],
    n: Array.from(core.n),
    observed: Array.from(core.observed),
    expected: Array.from(core.expected),
    variance: V,
    chisq: q,
    df: rank,
    p: rank > 0 ? pChisqUpper(q, rank) : 1,
    strata: strata ? [...strata] : null,
    nDropped,
  };
}
