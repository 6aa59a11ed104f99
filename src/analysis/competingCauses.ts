/**
 * The two causes of a competing-risks endpoint as tables and figures name them: 1 = the event(s)
 * of interest ("Recurrence"), 2 = the competing event(s) without it ("Death without recurrence").
 *
 * @example competingCauses(ds, ep) // [{ code: 1, label: 'Recurrence' }, { code: 2, label: 'Death without recurrence' }]
 */
import type { AnalysisDataset, DatasetEndpoint } from './dataset.js';
import { labelOf } from './dataset.js';

export interface CompetingCause {
  /** Status code: 1 the event of interest, 2 a competing event. */
  readonly code: number;
  readonly label: string;
}

/** Lower-case the first letter of a word-like label ("Recurrence" → "recurrence", not "AFP" → "aFP"). */
const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function competingCauses(ds: AnalysisDataset, ep: Extract<DatasetEndpoint, { kind: 'competing' }>): CompetingCause[] {
  const event = ep.events.map((v) => labelOf(ds, v)).join(' or ');
  const competing = ep.competing.map((v) => labelOf(ds, v)).join(' or ');
  return [
    { code: 1, label: upperFirst(event) },
    { code: 2, label: `${upperFirst(competing)} without ${lowerFirst(event)}` },
  ];
}
