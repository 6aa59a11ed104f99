/**
 * Refuses a competing-risks analysis whose endpoint has no event of either cause among the patients
 * with a time and status (e.g. a horizon before the first event): one message naming the analysis,
 * instead of the engine's column-level refusal.
 *
 * @example requireCompetingEvents(ep, 'analyses.cif (cif-1)', 'recurrence') // throws when every status is 0
 */
import { analysisError } from '../errors.js';
import { competingMessages } from '../messages/index.js';
import type { DatasetEndpoint } from './dataset.js';

export function requireCompetingEvents(ep: Extract<DatasetEndpoint, { kind: 'competing' }>, where: string, endpoint: string): void {
  let n = 0;
  for (let i = 0; i < ep.status.length; i++) {
    if (!Number.isFinite(ep.time[i]) || !Number.isFinite(ep.status[i])) continue;
    if (ep.status[i] !== 0) return;
    n++;
  }
  throw analysisError(competingMessages.noEventsInEndpoint(where, endpoint, n));
}
