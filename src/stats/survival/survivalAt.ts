/**
 * Survival at chosen times from a Kaplan–Meier table, as R's summary(survfit, times, extend = TRUE):
 * the row of the last distinct time ≤ t; before the first time S = 1 with se 0 and limits 1;
 * after the last time the last values are carried forward (nRisk 0; flagged `beyondFollowUp` unless S reached 0).
 *
 * Contract: table of one curve (time ascending); times finite. Checks nothing.
 *
 * @example survivalAt(table, [0.5, 2, 4]) // 5 patients 1,2,2+,3,5+: surv 1, 0.6, 0.3
 */
import type { KaplanMeierTable, SurvivalAt } from './types.js';

const orNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Index of the last row with time ≤ t, or −1. */
export function rowAtOrBefore(time: Float64Array, t: number): number {
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (time[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Number at risk at t: the number with time ≥ t (nRisk of the first distinct time ≥ t, else 0). */
export function atRiskAt(table: Pick<KaplanMeierTable, 'time' | 'nRisk'>, t: number): number {
  const r = rowAtOrBefore(table.time, t);
  if (r >= 0 && table.time[r] === t) return table.nRisk[r];
  return r + 1 < table.time.length ? table.nRisk[r + 1] : 0;
}

export function survivalAt(table: KaplanMeierTable, times: readonly number[]): SurvivalAt[] {
  const m = table.time.length;
  return times.map((t) => {
    const r = rowAtOrBefore(table.time, t);
    const beyond = m > 0 && t > table.time[m - 1] && table.surv[m - 1] > 0;
    const nRisk = atRiskAt(table, t);
    if (r < 0) return { time: t, surv: 1, stdErr: 0, lower: 1, upper: 1, nRisk, beyondFollowUp: false };
    return {
      time: t,
      surv: table.surv[r],
      stdErr: orNull(table.stdErr[r]),
      lower: orNull(table.lower[r]),
      upper: orNull(table.upper[r]),
      nRisk,
      beyondFollowUp: beyond,
    };
  });
}
