/** Looking up dataset columns and endpoints for an analysis, refusing unknown names with the analysis's location. */
import { analysisError } from '../errors.js';
import { analysisMessages as M, competingMessages } from '../messages/index.js';
import type { AnalysisDataset, DatasetColumn, DatasetEndpoint } from './dataset.js';

export function columnOf(ds: AnalysisDataset, name: string, where: string): DatasetColumn {
  const c = ds.columns.get(name);
  if (!c) throw analysisError(M.unknownVariable(where, name, [...ds.columns.keys()]));
  return c;
}

export function numericOf(ds: AnalysisDataset, name: string, where: string): Float64Array {
  const c = columnOf(ds, name, where);
  if (c.kind !== 'numeric') throw analysisError(M.needsNumeric(where, name));
  return c.values;
}

export function endpointOf(ds: AnalysisDataset, name: string, where: string): DatasetEndpoint {
  const e = ds.endpoints.get(name);
  if (!e) throw analysisError(M.unknownEndpoint(where, name, [...ds.endpoints.keys()]));
  return e;
}

/** A survival or binary endpoint; a competing-risks endpoint is refused (it is analysed by cif and fineGray). */
export function singleEventEndpointOf(ds: AnalysisDataset, name: string, where: string): Exclude<DatasetEndpoint, { kind: 'competing' }> {
  const e = endpointOf(ds, name, where);
  if (e.kind === 'competing') throw analysisError(competingMessages.competingEndpointHere(where, name));
  return e;
}

/** Labels of a column as strings (numbers printed plainly), null when missing. */
export function labelsOf(ds: AnalysisDataset, name: string, where: string): (string | null)[] {
  const c = columnOf(ds, name, where);
  if (c.kind === 'categorical') return [...c.values];
  return Array.from(c.values, (v) => (Number.isFinite(v) ? String(v) : null));
}
