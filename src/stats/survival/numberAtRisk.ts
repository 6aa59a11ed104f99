/**
 * Numbers at risk at chosen times for each group of a Kaplan–Meier result (the table under a
 * KM figure): the number with time ≥ t, i.e. nRisk of the first distinct time ≥ t, else 0.
 *
 * @example numberAtRisk(kaplanMeier(time, event, { group }), [0, 365, 730])
 * // [{ group: '1', times: [0, 365, 730], nRisk: [138, 35, 7] }, { group: '2', times: […], nRisk: [90, 30, 6] }]  (lung by sex)
 */
import type { KaplanMeierResult } from './types.js';
import { atRiskAt } from './survivalAt.js';

export interface NumberAtRisk {
  readonly group: string;
  readonly times: readonly number[];
  readonly nRisk: readonly number[];
}

export function numberAtRisk(result: KaplanMeierResult, times: readonly number[]): NumberAtRisk[] {
  return result.groups.map((g) => {
    return {
      group: g.group,
      times: [...times],
      nRisk: times.map((t) => atRiskAt(g.table, t)),
    };
  });
}
