/**
 * Cumulative incidence of each cause of a competing-risks endpoint (Aalen–Johansen, variance as
 * cmprsk::cuminc), overall or by a grouping (a marker with a cut-off splits at it, as in km), at
 * chosen times and at the figure's axis ticks (numbers at risk), with Gray's test across the
 * groups for each cause. The engine is src/stats/competing; rows with a missing time, status or
 * group are dropped and counted (n, nDropped), as in Cox.
 */
import { cumulativeIncidence } from '../stats/competing/cumulativeIncidence.js';
import type { CumulativeIncidenceResult } from '../stats/competing/types.js';
import { riskTicks } from './kmAnalysis.js';
import { analysisError } from '../errors.js';
import { competingMessages } from '../messages/index.js';
import type { AnalysisDataset } from './dataset.js';
import { endpointOf } from './columns.js';
import { groupingOf, type Cutoffs } from './factors.js';
import { requireCompetingEvents } from './requireCompetingEvents.js';
import { competingCauses, type CompetingCause } from './competingCauses.js';

export interface CifAnalysisResult {
  readonly kind: 'cif';
  readonly id: string;
  readonly endpoint: string;
  readonly unit: string;
  readonly by: readonly string[];
  /** Group labels in display order ('all' without a grouping). */
  readonly groups: readonly string[];
  /** The causes present: 1 the event of interest, 2 the competing event(s), with their names. */
  readonly causes: readonly CompetingCause[];
  /** Times of the table (the spec's `times`). */
  readonly times: readonly number[];
  /** Times of the figure's number-at-risk table (axis ticks). */
  readonly riskTimes: readonly number[];
  /** The engine's result; curves in display order, `at` rows at `times` then `riskTimes` (sorted, unique). */
  readonly cif: CumulativeIncidenceResult;
  readonly warnings: readonly string[];
}

export function cifAnalysis(ds: AnalysisDataset, id: string, endpoint: string, by: readonly string[], cutoffs: Cutoffs, times: readonly number[]): CifAnalysisResult {
  const where = `analyses.cif (${id})`;
  const ep = endpointOf(ds, endpoint, where);
  if (ep.kind !== 'competing') throw analysisError(competingMessages.needsCompeting(where, 'cif', endpoint, ep.kind));
  requireCompetingEvents(ep, where, endpoint);
  const g = by.length ? groupingOf(ds, by, cutoffs, where) : null;
  let tmax = 0;
  for (let i = 0; i < ds.n; i++) if (Number.isFinite(ep.time[i]) && Number.isFinite(ep.status[i]) && (!g || g.labels[i] !== null)) tmax = Math.max(tmax, ep.time[i]);
  const riskTimes = riskTicks(tmax);
  const all = [...new Set([...times, ...riskTimes])].sort((a, b) => a - b);
  const r = cumulativeIncidence({ time: ep.time, status: ep.status, group: g?.labels ?? null }, { times: all, groupName: by.join(' × ') });
  // Display order: the grouping's own order (low before high), not alphabetical.
  const order = g ? g.order.filter((o) => r.groups.includes(o)) : [...r.groups];
  const curves = order.flatMap((o) => r.causes.map((c) => r.curves.find((x) => x.group === o && x.cause === c)!));
  const cif: CumulativeIncidenceResult = { ...r, groups: order, curves, maxTime: order.map((o) => r.maxTime[r.groups.indexOf(o)]) };
  const warnings = [...r.warnings];
  for (const v of by) {
    const c = cutoffs.get(v);
    if (c?.note && !warnings.includes(c.note)) warnings.push(c.note);
  }
  const causes = competingCauses(ds, ep).filter((c) => r.causes.includes(c.code));
  return Object.freeze({ kind: 'cif', id, endpoint, unit: ep.unit, by: [...by], groups: order, causes, times: [...times], riskTimes, cif, warnings });
}
