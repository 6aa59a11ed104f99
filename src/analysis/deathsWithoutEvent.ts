/**
 * Deaths without the event in a Kaplan–Meier analysis of an event that death prevents (recurrence,
 * metastasis): Kaplan–Meier censors them, so 1 − Kaplan–Meier overstates the cumulative incidence
 * and a competing-risks analysis (cif, fineGray) is the correct one. Null when the endpoint counts
 * death or the study has no `death` variable; the count is over the patients the analysis uses.
 *
 * @example deathsWithoutEvent(ds, ep, null) // { deaths: 29, n: 186 }
 */
import type { AnalysisDataset, DatasetEndpoint } from './dataset.js';

export function deathsWithoutEvent(
  ds: AnalysisDataset, ep: Extract<DatasetEndpoint, { kind: 'survival' }>, group: readonly (string | null)[] | null,
): { readonly deaths: number; readonly n: number } | null {
  if (!ep.events || ep.events.includes('death')) return null;
  const death = ds.columns.get('death');
  if (!death || death.kind !== 'numeric') return null;
  let n = 0;
  let deaths = 0;
  for (let i = 0; i < ds.n; i++) {
    if (!Number.isFinite(ep.time[i]) || !Number.isFinite(ep.event[i]) || (group && group[i] === null)) continue;
    n++;
    if (ep.event[i] === 0 && death.values[i] === 1) deaths++;
  }
  return { deaths, n };
}
