/**
 * A dataset straight from an in-memory table (one row per patient): numeric columns where every
 * non-missing cell is a number, categorical otherwise; endpoints given as column pairs. Used by the
 * simulator's demo and by tests; studies from files go through src/study.
 */
import type { AnalysisDataset, DatasetColumn, DatasetEndpoint } from './dataset.js';

type Cell = string | number | null;

export interface EndpointColumns {
  readonly survival?: { readonly time: string; readonly event: string; readonly unit: string; readonly label?: string };
  readonly binary?: { readonly column: string; readonly positive?: string; readonly label?: string };
}

const NUM = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const missing = (c: Cell) => c === null || (typeof c === 'string' && (c.trim() === '' || c.trim().toUpperCase() === 'NA'));

export function datasetFromTable(
  columns: readonly string[], rows: readonly (readonly Cell[])[], idColumn: string, endpoints: Readonly<Record<string, EndpointColumns>>,
  labels: Readonly<Record<string, string>> = {},
): AnalysisDataset {
  const n = rows.length;
  const j = (name: string) => {
    const k = columns.indexOf(name);
    if (k < 0) throw new Error(`datasetFromTable: no column ${name}`);
    return k;
  };
  const cols = new Map<string, DatasetColumn>();
  columns.forEach((name, k) => {
    const cells = rows.map((r) => r[k]);
    const numeric = cells.every((c) => missing(c) || typeof c === 'number' || NUM.test(String(c).trim()));
    const label = labels[name];
    if (numeric) cols.set(name, { kind: 'numeric', values: Float64Array.from(cells, (c) => (missing(c) ? NaN : Number(c))), ...(label ? { label } : {}) });
    else cols.set(name, { kind: 'categorical', values: cells.map((c) => (missing(c) ? null : String(c).trim())), ...(label ? { label } : {}) });
  });
  const num = (name: string) => Float64Array.from(rows, (r) => (missing(r[j(name)]) ? NaN : Number(r[j(name)])));
  const eps = new Map<string, DatasetEndpoint>();
  for (const [name, e] of Object.entries(endpoints)) {
    if (e.survival) eps.set(name, { kind: 'survival', time: num(e.survival.time), event: num(e.survival.event), unit: e.survival.unit, label: e.survival.label });
    else if (e.binary) {
      const k = j(e.binary.column);
      const pos = e.binary.positive ?? '1';
      eps.set(name, { kind: 'binary', values: Float64Array.from(rows, (r) => (missing(r[k]) ? NaN : String(r[k]) === pos ? 1 : 0)), label: e.binary.label });
    }
  }
  return { n, ids: rows.map((r) => String(r[j(idColumn)])), columns: cols, endpoints: eps };
}
