/**
 * Cumulative incidence of every cause by group (Aalen–Johansen, with cmprsk::cuminc's variance),
 * the CIF at chosen times with log(−log) pointwise confidence intervals, and Gray's test across
 * groups for each cause — the public entry of `siilab cif` and the study pipeline's `cif` analysis.
 * Rows with a missing time, status or group are dropped and counted; the data are sorted once.
 *
 * @example
 * const r = cumulativeIncidence({ time: [1, 2, 3, 4], status: [1, 2, 1, 0] }, { times: [2.5] });
 * r.curves[0].at[0] // { time: 2.5, cif: 0.25, variance: 0.0625, se: 0.25, lower: 0.003346…, upper: 0.713791…, nRisk: 2 }
 */
import { competingMessages } from '../../messages/index.js';
import { qnorm } from '../dist/index.js';
import { aalenJohansen } from './aalenJohansen.js';
import { cifConfidence } from './cifConfidence.js';
import { competingData, type CompetingInput } from './competingData.js';
import { grayTest } from './grayTest.js';
import type { CifAt, CifCurve, CumulativeIncidenceResult, GrayCauseTest } from './types.js';

export interface CumulativeIncidenceOptions {
  /** Times at which to report the CIF (e.g. 12, 36 months). */
  readonly times?: readonly number[];
  readonly confLevel?: number;
  /** Group column name for messages. */
  readonly groupName?: string;
}

export function cumulativeIncidence(input: CompetingInput, opts: CumulativeIncidenceOptions = {}): CumulativeIncidenceResult {
  const d = competingData(input);
  const confLevel = opts.confLevel ?? 0.95;
  const zq = qnorm(1 - (1 - confLevel) / 2);
  const times = opts.times ?? [];
  const nC = d.causes.length;
  const curves: CifCurve[] = [];
  const warnings: string[] = [];
  const maxTime: number[] = [];
  d.groups.forEach((group, g) => {
    const from = d.start[g];
    const to = d.start[g + 1];
    maxTime.push(to > from ? d.time[to - 1] : 0);
    const tables = aalenJohansen(d.time, d.cause, from, to, nC);
    tables.forEach((table, c) => {
      const events = countEvents(d.cause, from, to, c + 1);
      if (events === 0 && input.group) warnings.push(competingMessages.causeEmptyInGroup(opts.groupName ?? 'group', group, d.causes[c]));
      const at: CifAt[] = times.map((t) => {
        const k = lastAtOrBefore(table.time, t);
        const cif = k < 0 ? 0 : table.cif[k];
        const variance = k < 0 ? 0 : table.variance[k];
        const se = Math.sqrt(variance);
        return { time: t, cif, variance, se, ...cifConfidence(cif, se, zq), nRisk: to - firstAtOrAfter(d.time, from, to, t) };
      });
      curves.push({ group, cause: d.causes[c], n: to - from, events, table, at });
    });
  });
  const gray: GrayCauseTest[] = [];
  if (d.groups.length > 1)
    for (let c = 1; c <= nC; c++) {
      const r = grayTest(d.time, d.cause, d.start, c);
      if (!Number.isFinite(r.chisq)) {
        warnings.push(competingMessages.grayUndefined(d.causes[c - 1]));
        continue;
      }
      gray.push({ cause: d.causes[c - 1], chisq: r.chisq, df: r.df, p: r.p, score: r.score });
    }
  return {
    n: d.n,
    nDropped: d.nDropped,
    causes: d.causes,
    groups: d.groups,
    censorValue: d.censorValue,
    confLevel,
    curves,
    gray,
    warnings,
    maxTime,
  };
}

function countEvents(cause: ArrayLike<number>, from: number, to: number, c: number): number {
  let k = 0;
  for (let i = from; i < to; i++) if (cause[i] === c) k++;
  return k;
}

/** Index of the last element ≤ t in a sorted array, −1 if none. */
export function lastAtOrBefore(a: Float64Array, t: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** First position in [from, to) of a sorted array with value ≥ t (to if none). */
export function firstAtOrAfter(a: Float64Array, from: number, to: number, t: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
