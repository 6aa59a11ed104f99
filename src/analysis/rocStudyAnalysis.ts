/**
 * ROC analysis of markers against a binary endpoint (or a survival endpoint's event indicator, as
 * deng2025 and yu2023 did with recurrence yes/no), on the complete cases of all markers so that
 * the paired DeLong comparisons compare the same patients; plus logistic combinations of markers
 * (deng2025's "jointed AUC" of SII and AFP) compared with each single marker.
 */
import { rocAnalysis, type RocResult } from '../stats/roc/rocAnalysis.js';
import { compareAucs, type RocComparison } from '../stats/roc/compareAucs.js';
import { combinedMarker, type CombinedMarker } from '../stats/roc/combinedMarker.js';
import type { AnalysisDataset } from './dataset.js';
import { numericOf, singleEventEndpointOf } from './columns.js';
import { analysisError } from '../errors.js';
import { analysisMessages as M } from '../messages/index.js';
import { gather } from '../stats/gather.js';

export interface RocStudyResult {
  readonly kind: 'roc';
  readonly id: string;
  readonly endpoint: string;
  readonly n: number;
  readonly nDropped: number;
  readonly markers: readonly RocResult[];
  readonly comparisons: readonly RocComparison[];
  readonly combined: readonly CombinedMarker[];
  readonly warnings: readonly string[];
}

export function rocStudyAnalysis(ds: AnalysisDataset, id: string, endpoint: string, markers: readonly string[], combine: readonly (readonly string[])[] = []): RocStudyResult {
  const where = `analyses.roc (${id})`;
  const ep = singleEventEndpointOf(ds, endpoint, where);
  const y = ep.kind === 'binary' ? ep.values : ep.event;
  const all = [...new Set([...markers, ...combine.flat()])];
  const cols = new Map(all.map((m) => [m, numericOf(ds, m, where)]));
  const keep: number[] = [];
  for (let i = 0; i < ds.n; i++) if (Number.isFinite(y[i]) && all.every((m) => Number.isFinite(cols.get(m)![i]))) keep.push(i);
  if (keep.length < 3) throw analysisError(M.tooFewComplete(where, keep.length));
  const yy = gather(y, keep);
  const sub = (m: string) => Float64Array.from(keep, (i) => cols.get(m)![i]);
  const label = (m: string) => ds.columns.get(m)?.label ?? m;
  const results = markers.map((m) => rocAnalysis(sub(m), yy, { marker: label(m), outcome: endpoint, source: where }));
  const comparisons: RocComparison[] = [];
  for (let a = 0; a < results.length; a++) for (let b = a + 1; b < results.length; b++) comparisons.push(compareAucs(results[a], results[b]));
  const warnings: string[] = [];
  const combined = combine.map((set) => {
    const singles = set.map((m) => results[markers.indexOf(m)] ?? rocAnalysis(sub(m), yy, { marker: label(m), outcome: endpoint, source: where }));
    const c = combinedMarker(set.map(sub), yy, singles, set.map(label));
    warnings.push(`The combined marker (${set.map(label).join(' + ')}) is a logistic model fitted and assessed on the same patients: its AUC is optimistic until validated on other patients.`);
    return c;
  });
  return Object.freeze({ kind: 'roc', id, endpoint, n: keep.length, nDropped: ds.n - keep.length, markers: results, comparisons, combined, warnings });
}
