/**
 * `siilab inspect` without the printing: column profiles, the suggested canonical mapping with
 * unit guesses, and whether the file looks wide (one row per patient) or long (several rows per
 * patient id, or ids filled only on each patient's first row).
 *
 * @example
 * const r = inspectTable(await readTable('cohort.csv'));
 * r.format // 'wide'
 * r.suggestions.find((s) => s.variable === 'platelets') // { column: 'PLT', unit: '10^9/L', ... }
 */
import { isMissingCell, type Table } from '../io/table.js';
import { columnProfile, type ColumnProfile } from './columnProfile.js';
import { suggestMapping, type MappingSuggestion } from './suggestMapping.js';

export interface InspectResult {
  readonly file: string;
  readonly sheet: string | null;
  readonly rows: number;
  readonly columns: ColumnProfile[];
  readonly suggestions: MappingSuggestion[];
  readonly format: 'wide' | 'long';
  /** Distinct patients (ids carried forward) when a patient-id column was found. */
  readonly patients: number | null;
  /** True when ids are filled only on a patient's first row. */
  readonly idsCarriedForward: boolean;
}

export function numericValues(table: Table, column: string): number[] {
  const j = table.columns.indexOf(column);
  const out: number[] = [];
  for (const r of table.rows) {
    const c = r[j];
    if (isMissingCell(c)) continue;
    const x = typeof c === 'number' ? c : Number(String(c).trim());
    if (Number.isFinite(x)) out.push(x);
  }
  return out;
}

export function inspectTable(table: Table): InspectResult {
  const columns = table.columns.map((_, j) => columnProfile(table, j));
  const suggestions = suggestMapping(columns, (c) => numericValues(table, c));
  const id = suggestions.find((s) => s.variable === 'patientId');
  let format: 'wide' | 'long' = 'wide';
  let patients: number | null = null;
  let carried = false;
  if (id) {
    const j = table.columns.indexOf(id.column);
    const cells = table.rows.map((r) => r[j]);
    const present = cells.filter((c) => !isMissingCell(c)).map((c) => String(c).trim());
    const distinct = new Set(present).size;
    carried = present.length < cells.length && !isMissingCell(cells[0]) && distinct === present.length && present.length > 0;
    patients = distinct;
    if (distinct < cells.length) format = 'long';
  }
  return { file: table.file, sheet: table.sheet, rows: table.rows.length, columns, suggestions, format, patients, idsCarriedForward: carried };
}
