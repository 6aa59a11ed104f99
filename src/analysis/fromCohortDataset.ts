/** The cohort layer's Dataset (src/cohort/dataset.ts) → the analyses' AnalysisDataset. */
import type { Dataset } from '../cohort/dataset.js';
import type { AnalysisDataset, DatasetColumn, DatasetEndpoint, TimeVaryingData } from './dataset.js';

export function fromCohortDataset(d: Dataset, labels: Readonly<Record<string, string>> = {}): AnalysisDataset {
  const columns = new Map<string, DatasetColumn>();
  for (const [name, c] of Object.entries(d.columns)) {
    const label = labels[name];
    const extra = label ? { label } : {};
    if (c.kind === 'number') columns.set(name, { kind: 'numeric', values: c.values, unit: c.unit, convertedFrom: c.convertedFrom ?? null, ...extra });
    else if (c.kind === 'binary') columns.set(name, { kind: 'numeric', values: c.values, ...extra });
    else if (c.kind === 'label') columns.set(name, { kind: 'categorical', values: c.values, levels: c.levels, ...extra });
  }
  const endpoints = new Map<string, DatasetEndpoint>();
  for (const [name, e] of Object.entries(d.endpoints)) {
    if (e.type === 'survival') endpoints.set(name, { kind: 'survival', time: e.time, event: e.event, unit: e.unit, ...(e.events ? { events: e.events } : {}) });
    else if (e.type === 'competing') endpoints.set(name, { kind: 'competing', time: e.time, status: e.status, unit: e.unit, events: e.events, competing: e.competing });
    else endpoints.set(name, { kind: 'binary', values: e.value });
  }
  const timeVarying = new Map<string, TimeVaryingData>();
  for (const [k, t] of Object.entries(d.timeVarying ?? {})) timeVarying.set(k, { patient: t.patient, start: t.start, stop: t.stop, event: Float64Array.from(t.event), covariates: t.covariates });
  return { n: d.n, ids: d.ids, columns, endpoints, timeVarying };
}
