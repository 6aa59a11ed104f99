/**
 * The two causes of a competing-risks endpoint as tables and figures name them: 1 = the event(s)
 * of interest ("Recurrence"), 2 = the competing event(s) without it ("Death without recurrence").
 *
 * @example competingCauses(ds, ep) // [{ code: 1, label: 'Recurrence' }, { code: 2, label: 'Death without recurrence' }]
 */
import type { AnalysisDataset, DatasetEndpoint } from './dataset.js';
import { labelOf } from './dataset.js';
import { competingCauseNames } from './competingCauseNames.js';

export interface CompetingCause {
  /** Status code: 1 the event of interest, 2 a competing event. */
  readonly code: number;
  readonly label: string;
}

export function competingCauses(ds: AnalysisDataset, ep: Extract<DatasetEndpoint, { kind: 'competing' }>): CompetingCause[] {
  const [event, competing] = competingCauseNames(ep.events.map((v) => labelOf(ds, v)), ep.competing.map((v) => labelOf(ds, v)));
  return [
    { code: 1, label: event },
    { code: 2, label: competing },
  ];
}
