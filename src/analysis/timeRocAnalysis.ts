/**
 * Time-dependent ROC of markers for a time-to-event endpoint (study spec `analyses.timeRoc`):
 * cumulative/dynamic AUC(t) with inverse-probability-of-censoring weights at the requested horizons
 * (default 1, 3 and 5 years), paired differences, Harrell's and Uno's C, and AUC(t) on a grid of
 * times for the figure. All markers use the complete cases of every marker, so the comparisons
 * are paired. A horizon with no case or no control gives null entries and a warning.
 */
import { timeRoc, type TimeRocComparison, type TimeRocPoint } from '../stats/timeroc/timeRoc.js';
import { aucCurve } from '../stats/timeroc/aucCurve.js';
import { timeRocData } from '../stats/timeroc/timeRocData.js';
import type { HarrellConcordance } from '../stats/timeroc/harrellConcordance.js';
import type { UnoConcordance } from '../stats/timeroc/unoConcordance.js';
import { quantileSorted } from '../stats/describe/quantile.js';
import type { AnalysisDataset } from './dataset.js';
import { endpointOf, numericOf } from './columns.js';
import { labelOf } from './dataset.js';
import { analysisError } from '../errors.js';
import { analysisMessages as M, timeRocMessages as T } from '../messages/index.js';
import { timeRocWarningsOf } from './timeRocWarnings.js';
import { gather } from '../stats/gather.js';

export interface TimeRocCurve {
  readonly time: readonly number[];
  readonly auc: readonly number[];
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

export interface TimeRocAnalysisMarker {
  /** Display label. */
  readonly marker: string;
  readonly variable: string;
  /** 'lower': lower values mean higher risk (the marker was negated). */
  readonly direction: 'higher' | 'lower';
  readonly at: readonly TimeRocPoint[];
  readonly harrell: HarrellConcordance;
  readonly uno: UnoConcordance;
  /** AUC(t) with its CI on a grid of times, for the figure. */
  readonly curve: TimeRocCurve;
}

export interface TimeRocAnalysisResult {
  readonly kind: 'timeRoc';
  readonly id: string;
  readonly endpoint: string;
  readonly unit: string;
  readonly n: number;
  readonly nDropped: number;
  readonly events: number;
  readonly maxTime: number | null;
  readonly level: number;
  readonly tau: number;
  readonly times: readonly number[];
  readonly markers: readonly TimeRocAnalysisMarker[];
  readonly comparisons: readonly TimeRocComparison[];
  readonly warnings: readonly string[];
}

const GRID = 40;

export function timeRocAnalysis(
  ds: AnalysisDataset, id: string, endpoint: string, markers: readonly string[], times: readonly number[],
  opts: { readonly lower?: readonly string[]; readonly tau?: number | null } = {},
): TimeRocAnalysisResult {
  const where = `analyses.timeRoc (${id})`;
  const ep = endpointOf(ds, endpoint, where);
  if (ep.kind !== 'survival') throw analysisError(M.needsSurvival(where, endpoint));
  const lower = opts.lower ?? [];
  const cols = markers.map((m) => numericOf(ds, m, where));
  // plain loops: TypedArray.from with a map function walks an iterator (slow at 100,000 patients)
  const complete = new Uint8Array(ds.n);
  let nKeep = 0;
  for (let i = 0; i < ds.n; i++) {
    let ok = Number.isFinite(ep.time[i]) && Number.isFinite(ep.event[i]);
    for (let k = 0; ok && k < cols.length; k++) ok = Number.isFinite(cols[k][i]);
    if (ok) {
      complete[i] = 1;
      nKeep++;
    }
  }
  const keep = new Int32Array(nKeep);
  for (let i = 0, q = 0; i < ds.n; i++) if (complete[i]) keep[q++] = i;
  if (keep.length < 3) throw analysisError(M.tooFewComplete(where, keep.length));
  const time = gather(ep.time, keep);
  const event = new Uint8Array(nKeep);
  let nEvents = 0;
  for (let q = 0; q < nKeep; q++)
    if (ep.event[keep[q]]) {
      event[q] = 1;
      nEvents++;
    }
  const eventTimes = new Float64Array(nEvents);
  for (let q = 0, e = 0; q < nKeep; q++) if (event[q]) eventTimes[e++] = time[q];
  eventTimes.sort();
  if (eventTimes.length === 0) throw analysisError(T.noEvents(where));
  const input = markers.map((m, k) => {
    const values = gather(cols[k], keep);
    if (lower.includes(m)) for (let q = 0; q < nKeep; q++) values[q] = -values[q];
    return { name: labelOf(ds, m), values };
  });
  const r = timeRoc({ time, event, markers: input, times, tau: opts.tau ?? null });
  if (r.markers[0].at.every((p) => p.auc === null)) throw analysisError(T.noTimeEstimable(where, times, r.maxTime ?? 0));
  // The figure's grid: from the 5th percentile of the event times to the largest estimable horizon.
  const last = Math.max(...r.markers[0].at.filter((p) => p.auc !== null).map((p) => p.time));
  const first = Math.min(quantileSorted(eventTimes, 0.05), last);
  const grid = [...new Set([...Array.from({ length: GRID }, (_, k) => first + ((last - first) * k) / (GRID - 1)), ...times.filter((t) => t <= last)])].sort((a, b) => a - b);
  // the AUCs alone on the grid (no concordances or comparisons: those are the horizons')
  const dense = aucCurve(timeRocData(time, event), input.map((m) => m.values), grid, r.level);
  const curveOf = (k: number): TimeRocCurve => {
    // grid points resting on fewer than 5 cases or 5 controls are left out of the line (the horizons stay marked)
    const pts = dense[k].filter((p) => p.auc !== null && p.cases >= 5 && p.controls >= 5);
    return { time: pts.map((p) => p.time), auc: pts.map((p) => p.auc!), lower: pts.map((p) => p.lower!), upper: pts.map((p) => p.upper!) };
  };
  return Object.freeze({
    kind: 'timeRoc', id, endpoint, unit: ep.unit, n: r.n, nDropped: ds.n - keep.length, events: r.events, maxTime: r.maxTime,
    level: r.level, tau: r.tau, times: [...times],
    markers: r.markers.map((m, k) => ({
      marker: m.marker, variable: markers[k], direction: lower.includes(markers[k]) ? ('lower' as const) : ('higher' as const),
      at: m.at, harrell: m.harrell, uno: m.uno, curve: curveOf(k),
    })),
    comparisons: r.comparisons,
    warnings: timeRocWarningsOf(r, endpoint),
  });
}
