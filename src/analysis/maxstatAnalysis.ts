/**
 * The maximally selected log-rank cut-off of each marker for a survival endpoint, with the
 * Lausen–Schumacher corrected P beside the naive P of the same split (src/stats/survival/maxstat.ts).
 */
import { maxstat } from '../stats/survival/maxstat.js';
import type { MaxstatResult } from '../stats/survival/types.js';
import type { AnalysisDataset } from './dataset.js';
import { endpointOf, numericOf } from './columns.js';
import { analysisError } from '../errors.js';
import { analysisMessages as M } from '../messages/index.js';

export interface MaxstatAnalysisResult {
  readonly kind: 'maxstat';
  readonly id: string;
  readonly endpoint: string;
  readonly markers: readonly { readonly marker: string; readonly result: MaxstatResult }[];
}

export function maxstatAnalysis(ds: AnalysisDataset, id: string, endpoint: string, markers: readonly string[], minprop: number): MaxstatAnalysisResult {
  const where = `analyses.maxstat (${id})`;
  const ep = endpointOf(ds, endpoint, where);
  if (ep.kind !== 'survival') throw analysisError(M.needsSurvival(where, endpoint));
  return Object.freeze({
    kind: 'maxstat', id, endpoint,
    markers: markers.map((m) => ({ marker: ds.columns.get(m)?.label ?? m, result: maxstat(ep.time, ep.event, numericOf(ds, m, where), { minprop, maxprop: 1 - minprop, markerName: m }) })),
  });
}
