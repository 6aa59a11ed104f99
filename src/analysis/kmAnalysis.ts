/**
 * Kaplan–Meier by a grouping (one variable, or two for a four-group split such as hong2021's
 * SII × AFP), with the k-group log-rank test, the trend test for ordered groups, survival at chosen
 * times and numbers at risk for the figure.
 */
import { kaplanMeier } from '../stats/survival/kaplanMeier.js';
import { logRank } from '../stats/survival/logRank.js';
import { logRankTrend } from '../stats/survival/logRankTrend.js';
import { numberAtRisk, type NumberAtRisk } from '../stats/survival/numberAtRisk.js';
import type { KaplanMeierResult, LogRankResult, LogRankTrend } from '../stats/survival/types.js';
import type { AnalysisDataset } from './dataset.js';
import { endpointOf } from './columns.js';
import { analysisError } from '../errors.js';
import { analysisMessages as M, competingMessages } from '../messages/index.js';
import { groupingOf, type Cutoffs } from './factors.js';
import { deathsWithoutEvent } from './deathsWithoutEvent.js';

export interface KmAnalysisResult {
  readonly kind: 'km';
  readonly id: string;
  readonly endpoint: string;
  readonly unit: string;
  readonly by: readonly string[];
  /** Group labels in display order. */
  readonly groups: readonly string[];
  readonly km: KaplanMeierResult;
  readonly logrank: LogRankResult | null;
  /** Trend test across the groups in display order (scores 1, 2, …), for 3+ ordered groups. */
  readonly trend: LogRankTrend | null;
  readonly riskTimes: readonly number[];
  readonly atRisk: readonly NumberAtRisk[];
  readonly survivalTimes: readonly number[];
  /** Patients who died without the event (censored by Kaplan–Meier; a competing risk), 0 when none or not applicable. */
  readonly deathsWithoutEvent: number;
  readonly warnings: readonly string[];
}

/** Tick times for the number-at-risk table: 5–7 round steps up to the largest time. */
export function riskTicks(maxTime: number): number[] {
  const raw = maxTime / 6;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 3, 6, 12].map((m) => m * mag).find((s) => s >= raw) ?? 12 * mag;
  const out: number[] = [];
  for (let t = 0; t <= maxTime + 1e-9; t += step) out.push(Number(t.toPrecision(10)));
  return out;
}

export function kmAnalysis(
  ds: AnalysisDataset, id: string, endpoint: string, by: readonly string[], cutoffs: Cutoffs, survivalTimes: readonly number[],
): KmAnalysisResult {
  const where = `analyses.km (${id})`;
  const ep = endpointOf(ds, endpoint, where);
  if (ep.kind !== 'survival') throw analysisError(M.needsSurvival(where, endpoint));
  const warnings: string[] = [];
  const g = by.length ? groupingOf(ds, by, cutoffs, where) : null;
  const km = kaplanMeier(ep.time, ep.event, { group: g?.labels ?? null, groupName: by.join(' × '), times: survivalTimes });
  // Display order: the grouping's own order (low before high), not alphabetical.
  const order = g ? g.order.filter((o) => km.groups.some((x) => x.group === o)) : ['all'];
  const groups = order.map((o) => km.groups.find((x) => x.group === o)!);
  const kmOrdered: KaplanMeierResult = { ...km, groups };
  let lr: LogRankResult | null = null;
  let trend: LogRankTrend | null = null;
  if (g && groups.length >= 2) {
    lr = logRank(ep.time, ep.event, g.labels, { groupName: by.join(' × ') });
    const idx = order.map((o) => lr!.groups.indexOf(o));
    lr = { ...lr, groups: order, n: idx.map((i) => lr!.n[i]), observed: idx.map((i) => lr!.observed[i]), expected: idx.map((i) => lr!.expected[i]), variance: idx.map((i) => idx.map((j) => lr!.variance[i][j])) };
    if (groups.length >= 3 && by.length === 1) trend = logRankTrend(lr, order.map((_, k) => k + 1));
  }
  for (const v of by) {
    const c = cutoffs.get(v);
    if (c?.note) warnings.push(c.note);
  }
  const dead = deathsWithoutEvent(ds, ep, g?.labels ?? null);
  if (dead && dead.deaths > 0) warnings.push(competingMessages.kmDeathsCensored(endpoint, dead.deaths, dead.n));
  let tmax = 0;
  for (const grp of groups) tmax = Math.max(tmax, grp.table.time[grp.table.time.length - 1] ?? 0);
  const riskTimes = riskTicks(tmax);
  return Object.freeze({
    kind: 'km', id, endpoint, unit: ep.unit, by: [...by], groups: order, km: kmOrdered, logrank: lr, trend,
    riskTimes, atRisk: numberAtRisk(kmOrdered, riskTimes), survivalTimes: [...survivalTimes], deathsWithoutEvent: dead?.deaths ?? 0, warnings,
  });
}
