/** The warnings of a time-dependent ROC result: horizons with no case or no control, horizons with fewer than 5 cases or controls. */
import type { TimeRocResult } from '../stats/timeroc/timeRoc.js';
import { timeRocMessages as T } from '../messages/index.js';

export function timeRocWarningsOf(r: TimeRocResult, endpoint?: string): string[] {
  const out: string[] = [];
  const first = r.markers[0];
  if (!first) return out;
  const prefix = endpoint ? `${endpoint}: ` : '';
  for (const p of first.at) {
    if (p.reason === 'noCases') out.push(prefix + T.noCases(p.time));
    else if (p.reason === 'noControls') out.push(prefix + T.noControls(p.time, r.maxTime ?? 0));
    else if (p.cases < 5 || p.controls < 5) out.push(prefix + T.fewCases(p.time, p.cases, p.controls));
  }
  return out;
}
