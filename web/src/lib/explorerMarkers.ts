/**
 * Which analysis-dataset columns the cutoff explorer offers as markers: numeric columns that are
 * neither an endpoint's time or event indicator (named in the spec's endpoints, or the canonical
 * follow-up time, dates and event flags) nor two-valued (a 0/1 flag has nothing to cut).
 *
 * @example isMarkerColumn('followUpTime', [3, 5, 8], null) // false
 */
import { CANONICAL } from '../../../src/study/canonical.js';
import type { StudySpec } from '../../../src/study/types.js';

const OUTCOMES = new Set(['followUpTime']);

export function isMarkerColumn(name: string, values: readonly (number | null)[], spec: Pick<StudySpec, 'endpoints'> | null): boolean {
  if (OUTCOMES.has(name)) return false;
  const info = (CANONICAL as Record<string, { type: string } | undefined>)[name];
  if (info && (info.type === 'date' || info.type === 'binary')) return false;
  for (const e of Object.values(spec?.endpoints ?? {})) {
    const ep = e as { events?: string[]; time?: string; endDate?: string; eventDates?: string[]; origin?: string };
    if (ep.time === name || ep.endDate === name || ep.origin === name || ep.events?.includes(name) || ep.eventDates?.includes(name)) return false;
  }
  const seen = new Set<number>();
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    seen.add(v);
    if (seen.size > 2) return true;
  }
  return false;
}
