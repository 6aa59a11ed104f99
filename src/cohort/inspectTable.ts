/**
 * `siilab inspect` without the printing: column profiles, the suggested canonical mapping with
 * unit guesses, and whether the file looks wide (one row per patient) or long (several rows per
 * patient id, or ids filled only on each patient's first row). In a long file the id column is
 * profiled carried forward, and every column says how many patients lack it and, for levels, how
 * many patients have each level (row counts would count a patient once per draw).
 *
 * @example
 * const r = inspectTable(await readTable('cohort.csv'));
 * r.format // 'wide'
 * r.suggestions.find((s) => s.variable === 'platelets') // { column: 'PLT', unit: '10^9/L', ... }
 */
import { isMissingCell, type Table } from '../io/table.js';
import { columnProfile, type ColumnProfile } from './columnProfile.js';
import { suggestMapping, type MappingSuggestion } from './suggestMapping.js';
import { carryForward, idText } from './carryForward.js';
import { cellProblems, type CellProblem } from './cellProblems.js';
import { maxStray } from './strayCells.js';

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
  /** False when the file was read without a header row (columns from `columns:` or V1…Vn). */
  readonly header: boolean;
  /** Decimal mark the file's numbers were read with. */
  readonly decimal: '.' | ',';
  /** Row-level problems (typos, negative times, repeated ids in a wide file), each with a suggested fix. */
  readonly problems: readonly CellProblem[];
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
  let columns = table.columns.map((_, j) => columnProfile(table, j));
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
    const missing = cells.length - present.length;
    // Ids on first rows only: each present id is new, and the empty cells are many (a few empty ids in a wide file are not draws).
    carried = missing > 0 && !isMissingCell(cells[0]) && distinct === present.length && present.length > 0 && missing >= 0.25 * present.length;
    patients = distinct;
    // A few repeated ids in an otherwise one-row-per-patient file are typos (listed as problems), not draws.
    const repeats = present.length - distinct;
    if (carried || (repeats > 0 && repeats > maxStray(present.length))) format = 'long';
    if (format === 'long') {
      const rowIds = carried ? carryForward(cells, table.file, id.column) : cells.map(idText);
      columns = columns.map((c, k) => (k === j ? idProfile(table, j, rowIds, carried) : perPatient(table, k, c, rowIds)));
    }
  }
  return {
    file: table.file,
    sheet: table.sheet,
    rows: table.rows.length,
    columns,
    suggestions,
    format,
    patients,
    idsCarriedForward: carried,
    header: table.header !== false,
    decimal: table.decimal ?? '.',
    problems: cellProblems(table, columns, suggestions, id?.column ?? null, format === 'wide'),
  };
}

/** The id column's profile with the carried-forward ids (no row lacks an id). */
function idProfile(table: Table, j: number, rowIds: (string | null)[], carried: boolean): ColumnProfile {
  if (!carried) return columnProfile(table, j);
  const one: Table = { file: table.file, sheet: table.sheet, columns: [table.columns[j]], rows: rowIds.map((x) => [x]) };
  return { ...columnProfile(one, 0), carriedForward: true };
}

/** Per-patient counts of a long file's column: patients without a value, patients per level, constant within patients. */
function perPatient(table: Table, j: number, c: ColumnProfile, rowIds: (string | null)[]): ColumnProfile {
  const byPatient = new Map<string, Set<string>>();
  for (let i = 0; i < table.rows.length; i++) {
    const pid = rowIds[i];
    if (pid === null) continue;
    let set = byPatient.get(pid);
    if (!set) byPatient.set(pid, (set = new Set()));
    const v = table.rows[i][j];
    if (!isMissingCell(v)) set.add(typeof v === 'number' ? String(v) : v!.trim());
  }
  let patientsMissing = 0;
  let constant = true;
  const counts = new Map<string, number>();
  for (const set of byPatient.values()) {
    if (set.size === 0) patientsMissing++;
    if (set.size > 1) constant = false;
    for (const v of set) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const levelled = c.type === 'binary' || c.type === 'category';
  const patientLevels = levelled
    ? [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 12).map(([level, n]) => ({ level, n }))
    : null;
  return { ...c, patientsMissing, patientLevels, constantWithinPatient: constant };
}
