/**
 * Time-dependent ROC analysis of one or more risk markers on the same patients: AUC(t) with SE and
 * CI at each time (timeDependentAuc), the paired difference of every pair of markers at each time
 * (compareTimeDependentAucs), and Harrell's and Uno's C (truncated at τ) of each marker.
 *
 * Contract: complete cases (no NaN in time, event or any marker; the caller drops and counts
 * them); a marker is read as a risk score (higher = more likely event; negate a protective marker
 * first). Times in the units of `time`. One sort by time, one per marker, then O(n + K) per time.
 * τ defaults to the largest requested time.
 *
 * @example
 * // no censoring: AUC(2.5) = 0.75 (Mann–Whitney of cases {4, 2} vs controls {3, 1})
 * const r = timeRoc({ time: new Float64Array([1, 2, 3, 4]), event: new Uint8Array([1, 1, 1, 0]),
 *   markers: [{ name: 'x', values: new Float64Array([4, 2, 3, 1]) }], times: [2.5] });
 * r.markers[0].at[0].auc // 0.75
 */
import { compareTimeDependentAucs, type TimeAucDifference } from './compareTimeDependentAucs.js';
import { concordanceSort, harrellConcordance, type HarrellConcordance } from './harrellConcordance.js';
import { markerRanks } from './markerRanks.js';
import { rankCounts, timeDependentAuc, type TimeDependentAuc } from './timeDependentAuc.js';
import { timeRocData } from './timeRocData.js';
import { unoConcordance, type UnoConcordance } from './unoConcordance.js';

export interface TimeRocInput {
  readonly time: Float64Array;
  readonly event: Uint8Array;
  readonly markers: readonly { readonly name: string; readonly values: Float64Array }[];
  readonly times: readonly number[];
  readonly tau?: number | null;
  readonly level?: number;
}

export type TimeRocPoint = Omit<TimeDependentAuc, 'influence'>;

export interface TimeRocMarker {
  readonly marker: string;
  readonly at: readonly TimeRocPoint[];
  readonly harrell: HarrellConcordance;
  readonly uno: UnoConcordance;
}

export interface TimeRocComparison {
  readonly a: string;
  readonly b: string;
  readonly at: readonly TimeAucDifference[];
}

export interface TimeRocResult {
  readonly n: number;
  readonly events: number;
  /** Largest observed time (follow-up). */
  readonly maxTime: number | null;
  readonly level: number;
  readonly tau: number;
  readonly markers: readonly TimeRocMarker[];
  readonly comparisons: readonly TimeRocComparison[];
}

export function timeRoc(input: TimeRocInput): TimeRocResult {
  const level = input.level ?? 0.95;
  const d = timeRocData(input.time, input.event);
  const tau = input.tau ?? (input.times.length ? Math.max(...input.times) : Infinity);
  const full: TimeDependentAuc[][] = [];
  const sorted = concordanceSort(d); // Harrell's C of every marker on one sort
  const markers = input.markers.map((m) => {
    const r = markerRanks(m.values, d.order);
    const work = rankCounts(r.levels); // the per-rank counts, shared by the marker's times
    const at = input.times.map((t) => timeDependentAuc(d, r, t, level, work));
    full.push(at);
    return Object.freeze({
      marker: m.name,
      at: Object.freeze(at.map(({ influence: _, ...p }) => Object.freeze(p))),
      harrell: harrellConcordance(d, m.values, sorted),
      uno: unoConcordance(d, r, tau),
    });
  });
  const comparisons: TimeRocComparison[] = [];
  for (let i = 0; i < markers.length; i++)
    for (let j = i + 1; j < markers.length; j++)
      comparisons.push(Object.freeze({
        a: markers[i].marker,
        b: markers[j].marker,
        at: Object.freeze(input.times.map((_, k) => compareTimeDependentAucs(full[i][k], full[j][k], level))),
      }));
  return Object.freeze({
    n: d.n, events: d.events, maxTime: d.n ? d.time[d.n - 1] : null, level, tau,
    markers: Object.freeze(markers), comparisons: Object.freeze(comparisons),
  });
}
