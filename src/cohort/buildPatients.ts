/**
 * Reads a study's data sources and gathers them per patient: ids (carried forward in long data),
 * per-patient values (first non-missing over a patient's rows; conflicts are warned about), and
 * blood draws (one per row carrying a measured variable, dated by the source's draw date).
 * Numeric variables of long sources and the canonical laboratory variables are measurements; in
 * a wide source (one row per patient) they are also per-patient values, and so is a numeric
 * covariate of a long source that never varies within a patient.
 *
 * @example
 * const p = await buildPatients(spec, loc, '/data');
 * p.ids.length        // patients screened (first source)
 * p.draws.patient     // patient index of each blood draw
 */
import { columnCells, rowCount } from '../io/columnCells.js';
import { dataError, SiilabError } from '../errors.js';
import { readSource, type SourceInput } from '../io/readSource.js';
import { columnarOf, withFile } from '../io/columnarTable.js';
import { rowNumber, type Table } from '../io/table.js';
import { cohortMessages, sqlPathMessages, studyMessages } from '../messages/index.js';
import { CANONICAL, isCanonical } from '../study/canonical.js';
import type { SpecLocator, SpecPath } from '../study/specLocator.js';
import { asMapping, sourceIds } from '../study/specNames.js';
import type { ColumnMapping, DataSource, DateOrder, StudySpec, ValueType } from '../study/types.js';
import { carryForward, idText } from './carryForward.js';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { deriveLong, NotCompiled, type LongEngine } from './sql/longSourceEngine.js';
import { openLongSource, type OpenedLongSource } from './sql/openLongSource.js';
import { dateColumn } from './dateColumn.js';
import { causeCode, valueCauseCode, type MissingCause } from './missingCause.js';
import type { SourceRow } from './participantFlow.js';
import { readVariable, type VariableRead } from './readVariable.js';
import type { DataNote } from './dataNote.js';
import { dataNoteWarning } from './dataNoteWarning.js';

export interface LoadedSource {
  readonly id: string;
  readonly spec: DataSource;
  readonly table: Table;
  /** What the results bundle records of the source (name, SHA-256, rows, query). */
  readonly input: SourceInput;
  readonly format: 'wide' | 'long';
  /** Patient id of each row. */
  readonly rowIds: readonly string[];
  /** Draw date of each row (days since 1970; NaN when none). */
  readonly rowDate: Float64Array;
}

export interface PatientColumn {
  readonly name: string;
  readonly type: ValueType;
  readonly kind: 'number' | 'binary' | 'date' | 'label';
  readonly values: Float64Array | (string | null)[];
  readonly cause: (MissingCause | null)[];
  readonly unit: string | null;
  /** The declared unit when the values were converted from it (interface (a)), else null/absent. */
  readonly convertedFrom?: string | null;
  readonly levels: string[] | null;
  /** Levels were declared in the study file (kept even when no analysed patient has one). */
  readonly declaredLevels?: boolean;
}

/** Blood draws in typed columns (one entry per source row carrying a measured variable). */
export interface DrawTable {
  readonly patient: Int32Array;
  readonly date: Float64Array;
  /** 1: the draw comes from a one-row-per-patient source (undated means "at baseline"). */
  readonly undatedAtOrigin: Uint8Array;
  readonly values: Record<string, Float64Array>;
  /** Why each value is missing, one byte a draw: DRAW_CAUSE[code] (0: present). */
  readonly causes: Record<string, Uint8Array>;
}

export interface Patients {
  readonly sources: readonly LoadedSource[];
  readonly ids: readonly string[];
  /**
   * The source rows of patient k (first source's rows in order, then each further source's), made on
   * request from flat typed arrays: a long export of 10,000,000 draws keeps no object per row.
   */
  readonly rowsOf: (k: number) => SourceRow[];
  /** Id on more than one row of a one-row-per-patient first source. */
  readonly duplicate: readonly boolean[];
  readonly columns: Map<string, PatientColumn>;
  /** Variables measured at blood draws. */
  readonly measured: Set<string>;
  readonly draws: DrawTable;
  readonly warnings: string[];
  /** Per-column facts about values (mixed units converted, missing codes, implausible, zero, unusual), with rows. */
  readonly notes: DataNote[];
  /** Unit of each numeric variable as analysed, the declared unit when converted, and (keepUnit) canonical → declared factor. */
  readonly units: Map<string, VariableUnit>;
  /**
   * The long source kept in DuckDB, whose derivations run as SQL (`engine: 'duckdb'`), else null;
   * its draws are then not in `draws` (unless a time-varying covariate needs them).
   */
  readonly engine: LongEngine | null;
  /** False when the draws of a long source in the engine were left there (`draws` then has none of them). */
  readonly drawsComplete: boolean;
  /** Why a study asked to run its derivations in DuckDB runs them in JavaScript (null: it does, or was not asked). */
  readonly engineNote: string | null;
  /**
   * The sources with what the bundle records of each: the hash of a PostgreSQL long source's rows is
   * computed beside the derivations and settles here (NotCompiled when it failed).
   */
  readonly settledSources: () => Promise<readonly LoadedSource[]>;
  /** Makes `rowsOf` complete for these patients (the rows of a long source in DuckDB are fetched for them). */
  readonly prefetchRows: (ks: readonly number[]) => Promise<void>;
}

/**
 * Where a study's long-format derivations run: JavaScript, or as SQL where the long source is
 * (`duckdb`, the option's name: embedded DuckDB for a file, Parquet or DuckDB database, the
 * database itself for a PostgreSQL source).
 */
export type DerivationEngine = 'js' | 'duckdb';

/** `auto`: the SQL path for a long CSV/TSV export of this size or more that it compiles (and for every database source), else JavaScript. */
export const AUTO_SQL_BYTES = 64 * 1024 * 1024;

/** The SQL path sends every draw back to JavaScript for an export of up to this many rows. */
export const DRAWS_BACK = 2_000_000;

/**
 * The study's sources and variables: with `engine: 'duckdb'` a long source is read and derived as
 * SQL (src/cohort/sql) in embedded DuckDB or in its PostgreSQL database, else — or when the study
 * needs what the SQL path does not compile (`engineNote` says what) — in JavaScript. Both give the
 * same patients, values and notes. `auto` takes the SQL path for a long source in a database
 * (the derivations run where the data live) and for a CSV/TSV export of AUTO_SQL_BYTES or more.
 */
export async function buildPatients(spec: StudySpec, loc: SpecLocator, specDir: string, threads?: number | null, engine: DerivationEngine | 'auto' = 'js', progress?: (phase: string) => void): Promise<Patients> {
  let note: string | null = null;
  let at = engine === 'js' ? 'js' : sqlSourceIndex(spec, specDir);
  // auto: a database source, or a large export; a small file is read in JavaScript, silently.
  if (engine === 'auto' && (typeof at === 'string' || (spec.sources[at].file !== undefined && statSync(resolve(specDir, spec.sources[at].file!)).size < AUTO_SQL_BYTES))) at = 'js';
  if (at !== 'js') {
    if (typeof at === 'string') note = at;
    else {
      try {
        return await readPatients(spec, loc, specDir, threads, at, progress);
      } catch (e) {
        if (!(e instanceof NotCompiled)) throw e;
        note = e.message;
      }
    }
  }
  return { ...(await readPatients(spec, loc, specDir, threads, -1)), engineNote: note };
}

/**
 * The long source the SQL path can take, or why none: the last source after the patient source, or
 * the only source (it then decides the patients); a CSV/TSV file read as written, an XLSX workbook,
 * Parquet, DuckDB or PostgreSQL.
 */
function sqlSourceIndex(spec: StudySpec, specDir: string): number | string {
  const long = spec.sources.flatMap((s, i) => (s.format === 'long' ? [i] : []));
  if (long.length !== 1) return sqlPathMessages.sourceCount(long.length);
  const i = long[0];
  const s = spec.sources[i];
  if (i !== spec.sources.length - 1 || (i === 0 && spec.sources.length > 1)) return sqlPathMessages.notLast();
  if (s.file === undefined) return i;
  const xlsx = /\.(xlsx|xlsm)$/i.test(s.file);
  if (!xlsx && !/\.(csv|tsv|txt)$/i.test(s.file)) return sqlPathMessages.notCsv();
  if ((s.sheet !== undefined && !xlsx) || s.columns !== undefined || s.header !== undefined || s.decimal !== undefined) return sqlPathMessages.fileOptions();
  if (!existsSync(resolve(specDir, s.file)) || statSync(resolve(specDir, s.file)).size === 0) return sqlPathMessages.noFile(s.file);
  return i;
}


export interface VariableUnit {
  readonly unit: string | null;
  readonly convertedFrom: string | null;
  readonly keepFactor: number;
}

interface Entry {
  name: string;
  mapping: ColumnMapping;
  path: SpecPath;
}

async function readPatients(spec: StudySpec, loc: SpecLocator, specDir: string, threads: number | null | undefined, sqlAt: number, progress?: (phase: string) => void): Promise<Patients> {
  const ids = sourceIds(spec);
  const warnings: string[] = [];
  const idMapping = spec.variables.patientId ? asMapping(spec.variables.patientId) : null;
  const dateMapping = spec.variables.drawDate ? asMapping(spec.variables.drawDate) : null;

  // Tables.
  const tables: Table[] = [];
  const inputs: SourceInput[] = [];
  let load: OpenedLongSource | null = null;
  let sqlEngine: LongEngine | null = null;
  const closeAll = () => {
    load?.stop();
    return sqlEngine ? sqlEngine.close() : load?.db.close();
  };
  try {
  for (const [i, s] of spec.sources.entries()) {
    let t: Table;
    if (i === sqlAt) {
      load = await openLongSource(s, specDir, threads ?? null, process.env, progress);
      inputs.push({ file: load.name, sha256: '', rows: 0 }); // settled after the derivations (load.input)
      tables.push({ file: load.name, sheet: null, columns: [...load.columns], rows: [] });
      continue;
    }
    try {
      const read = await readSource(s, specDir, { threads: threads ?? null });
      t = read.table;
      inputs.push(read.input);
    } catch (e) {
      // The reader names the file; say which study field asked for it too.
      if (!(e instanceof SiilabError)) throw e;
      const kind = s.postgres !== undefined ? 'postgres' : s.duckdb !== undefined ? (s.query !== undefined ? 'query' : 'table') : s.parquet !== undefined ? 'parquet' : 'file';
      const field = s.sheet !== undefined && e.message.includes(`no sheet '${s.sheet}'`) ? 'sheet' : s.columns !== undefined && e.message.includes('columns:') ? 'columns' : kind;
      throw new SiilabError(e.kind, `${loc.where(['sources', i, field])}: ${e.message}`);
    }
    tables.push(withFile(t, s.file ?? inputs[i].file));
  }

  // Row ids and draw dates per source.
  let sqlColumns: { id: string; date: string | null; dateOrder: DateOrder | null } | null = null;
  const sources: LoadedSource[] = spec.sources.map((s, i) => {
    const table = tables[i];
    const format = s.format ?? 'wide';
    // The patient-id (draw-date) column of a source: its own, else the mapped one when this source has it or is the mapped source.
    const shared = (m: ColumnMapping | null) => (m && (table.columns.includes(m.column) || !m.source || m.source === ids[i]) ? m.column : null);
    const idCol = s.idColumn ?? shared(idMapping);
    let rowIds: string[];
    if (i === sqlAt) {
      // Kept in DuckDB: the columns are checked here (the same messages), the rows are read there.
      if (idCol === null) throw dataError(studyMessages.noPatientId(loc.where(['sources', i])));
      if (!table.columns.includes(idCol)) readVariable(table, 'patientId', { column: idCol }, s, loc, s.idColumn ? ['sources', i, 'idColumn'] : ['variables', 'patientId']);
      const dateCol = s.dateColumn ?? shared(dateMapping);
      if (dateCol !== null && !table.columns.includes(dateCol)) readVariable(table, 'drawDate', { column: dateCol, type: 'date' }, s, loc, s.dateColumn ? ['sources', i, 'dateColumn'] : ['variables', 'drawDate']);
      sqlColumns = { id: idCol, date: dateCol, dateOrder: dateMapping?.dateOrder ?? s.dateOrder ?? null };
      return { id: ids[i], spec: s, table, input: inputs[i], format, rowIds: [], rowDate: new Float64Array(0) };
    }
    if (idCol === null) {
      if (format === 'long' || spec.sources.length > 1) throw dataError(studyMessages.noPatientId(loc.where(['sources', i])));
      rowIds = Array.from({ length: rowCount(table) }, (_, r) => `row ${rowNumber(r, table)}`);
    } else {
      const j = table.columns.indexOf(idCol);
      if (j < 0) {
        const path: SpecPath = s.idColumn ? ['sources', i, 'idColumn'] : ['variables', 'patientId'];
        readVariable(table, 'patientId', { column: idCol }, s, loc, path); // throws the column-missing message
      }
      const cells = columnCells(table, j);
      rowIds = format === 'long' ? carryForward(cells, table.file, idCol) : cells.map((c, r) => idText(c) ?? `row ${rowNumber(r, table)}`);
    }
    let rowDate: Float64Array = new Float64Array(rowCount(table)).fill(NaN);
    const dateCol = s.dateColumn ?? shared(dateMapping);
    if (dateCol !== null && (format === 'long' || table.columns.includes(dateCol))) {
      if (!table.columns.includes(dateCol)) {
        const path: SpecPath = s.dateColumn ? ['sources', i, 'dateColumn'] : ['variables', 'drawDate'];
        readVariable(table, 'drawDate', { column: dateCol, type: 'date' }, s, loc, path);
      }
      rowDate = dateColumn(table, dateCol, dateMapping?.dateOrder ?? s.dateOrder ?? null);
    }
    return { id: ids[i], spec: s, table, input: inputs[i], format, rowIds, rowDate };
  });

  // Patients: the first source decides who is screened (in DuckDB/PostgreSQL: the engine says who).
  const primary = sources[0];
  const index = new Map<string, number>();
  const pids: string[] = [];
  const duplicate: boolean[] = [];
  // Patient index of each row of each source (-1: an id not in the first source).
  const rowPatient = sources.map((s) => new Int32Array(s.rowIds.length).fill(-1));
  primary.rowIds.forEach((id, r) => {
    let k = index.get(id);
    if (k === undefined) {
      k = pids.length;
      index.set(id, k);
      pids.push(id);
      duplicate.push(false);
    } else if (primary.format === 'wide') duplicate[k] = true;
    rowPatient[0][r] = k;
  });
  for (const [si, s] of sources.entries()) {
    if (si === 0) continue;
    const unknown = new Set(s.rowIds.filter((id) => !index.has(id)));
    if (unknown.size) warnings.push(`${s.table.file}: ${unknown.size} patient id(s) not in ${primary.table.file} are ignored (e.g. ${[...unknown][0]}).`);
    s.rowIds.forEach((id, r) => {
      const k = index.get(id);
      if (k !== undefined) rowPatient[si][r] = k;
    });
  }

  // Variables.
  const entries: Entry[] = [
    ...Object.entries(spec.variables)
      .filter(([n, m]) => m !== undefined && n !== 'patientId' && n !== 'drawDate')
      .map(([name, m]) => ({ name, mapping: asMapping(m!), path: ['variables', name] as SpecPath })),
    ...Object.entries(spec.covariates ?? {}).map(([name, m]) => ({ name, mapping: asMapping(m), path: ['covariates', name] as SpecPath })),
  ];
  const sourceOf = (e: Entry) => (e.mapping.source !== undefined ? ids.indexOf(e.mapping.source) : Math.max(0, sources.findIndex((s) => s.table.columns.includes(e.mapping.column))));
  // How each variable of the long source in the engine is read: measured at draws, one value per
  // patient, or both (a number that is not a canonical measurement: per patient only where it never varies).
  const sqlRole = new Map<string, { measured: boolean; perPatient: boolean }>();
  if (load && sqlColumns) {
    const cols: { id: string; date: string | null; dateOrder: DateOrder | null } = sqlColumns;
    const measuredHere: Entry[] = [];
    const perPatientHere: (Entry & { quiet: boolean })[] = [];
    for (const e of entries) {
      const canonicalMeasurement = isCanonical(e.name) && CANONICAL[e.name].measurement && CANONICAL[e.name].type === 'number';
      if (sourceOf(e) !== sqlAt) {
        if (canonicalMeasurement) throw new NotCompiled(sqlPathMessages.wideMeasurement(e.name));
        continue;
      }
      if (e.mapping.keepUnit) throw new NotCompiled(sqlPathMessages.notMeasurement(e.name));
      if (canonicalMeasurement) {
        if (e.mapping.type !== undefined && e.mapping.type !== 'number') throw new NotCompiled(sqlPathMessages.notMeasurement(e.name));
        measuredHere.push(e);
        sqlRole.set(e.name, { measured: true, perPatient: false });
      } else if (!isCanonical(e.name) && e.mapping.type === undefined) {
        throw new NotCompiled(sqlPathMessages.typeInferred(e.name));
      } else if (!isCanonical(e.name) && (e.mapping.type === 'number' || e.mapping.type === 'integer')) {
        measuredHere.push(e);
        perPatientHere.push({ ...e, quiet: true });
        sqlRole.set(e.name, { measured: true, perPatient: true });
      } else {
        perPatientHere.push({ ...e, quiet: false });
        sqlRole.set(e.name, { measured: false, perPatient: true });
      }
    }
    sqlEngine = await deriveLong(load, {
      source: spec.sources[sqlAt], loc, idColumn: cols.id, dateColumn: cols.date, dateOrder: cols.dateOrder, measured: measuredHere, perPatient: perPatientHere,
      index: sqlAt === 0 ? null : index, primaryFile: primary.table.file, progress,
    });
    for (const d of spec.derived ?? []) if ('index' in d && !sqlEngine.addIndex(d.name, d.index)) throw new NotCompiled(sqlPathMessages.index(d.index));
    warnings.push(...sqlEngine.warnings);
    for (const id of sqlEngine.patients) {
      index.set(id, pids.length);
      pids.push(id);
      duplicate.push(false);
    }
  }
  const baseRows = patientRows(sources, rowPatient, pids.length);
  const fetched = new Map<number, SourceRow[]>();
  const rowsOf = (k: number): SourceRow[] => {
    const more = fetched.get(k);
    return more ? [...baseRows(k), ...more] : baseRows(k);
  };
  const columns = new Map<string, PatientColumn>();
  const measured = new Set<string>();
  // Draws: at most one per source row; columns allocated for that many and cut to length at the end.
  const cap = sources.reduce((a, s) => a + s.rowIds.length, 0);
  const drawPatient = new Int32Array(cap);
  const drawDate = new Float64Array(cap);
  const drawUndated = new Uint8Array(cap);
  const drawValues: Record<string, Float64Array> = {};
  const drawCauses: Record<string, Uint8Array> = {};
  const ABSENT = causeCode('absent');
  let nd = 0;
  const drawOf = sources.map((s) => new Int32Array(s.rowIds.length).fill(-1)); // source row → draw index
  const n = pids.length;
  const notes: DataNote[] = [];
  const units = new Map<string, VariableUnit>();

  for (const e of entries) {
    const si = sourceOf(e);
    if (sqlEngine && si === sqlAt) {
      const role = sqlRole.get(e.name)!;
      if (role.measured) measured.add(e.name);
      for (const note of sqlEngine.notes.get(e.name) ?? []) {
        notes.push(note);
        warnings.push(dataNoteWarning(note));
      }
      if (sqlEngine.units.has(e.name)) units.set(e.name, sqlEngine.units.get(e.name)!);
      if (role.perPatient) {
        const f = await sqlEngine.firstValues(e.name, n);
        if (role.measured) {
          if (f.conflicted === 0) columns.set(e.name, patientColumn(f.read, f.values, f.cause));
        } else {
          if (f.conflicted) warnings.push(cohortMessages.perPatientConflict(sources[si].table.file, f.read.column, f.conflicted, f.example));
          columns.set(e.name, patientColumn(f.read, f.values, f.cause));
        }
      }
      continue;
    }
    const src = sources[si];
    const read = readVariable(src.table, e.name, e.mapping, src.spec, loc, e.path);
    const isNumber = read.data.kind === 'number';
    const isMeasurement = isNumber && ((isCanonical(e.name) && CANONICAL[e.name].measurement) || (src.format === 'long' && !isCanonical(e.name)));
    if (read.data.kind === 'number') {
      for (const note of read.data.notes) {
        const withIds: DataNote = { ...note, rows: note.rows.map((r) => ({ ...r, patient: src.rowIds[r.row - rowNumber(0, src.table)] ?? null })) };
        notes.push(withIds);
        warnings.push(dataNoteWarning(withIds));
      }
      units.set(e.name, { unit: read.data.analysedUnit, convertedFrom: read.data.convertedFrom, keepFactor: read.data.toAnalysed });
    }
    if (isMeasurement) {
      measured.add(e.name);
      const vals = read.data.values as Float64Array;
      const impl = (read.data as { implausible: Uint8Array }).implausible;
      const code = (read.data as { missingCode: Uint8Array }).missingCode;
      if (!drawValues[e.name]) {
        drawValues[e.name] = new Float64Array(cap).fill(NaN);
        drawCauses[e.name] = new Uint8Array(cap).fill(ABSENT);
      }
      const dv = drawValues[e.name];
      const dc = drawCauses[e.name];
      const rp = rowPatient[si];
      const wide = src.format === 'wide' ? 1 : 0;
      for (let r = 0; r < src.rowIds.length; r++) {
        const k = rp[r];
        if (k < 0) continue;
        let d = drawOf[si][r];
        if (d < 0) {
          d = nd++;
          drawOf[si][r] = d;
          drawPatient[d] = k;
          drawDate[d] = src.rowDate[r];
          drawUndated[d] = wide;
        }
        dv[d] = vals[r];
        dc[d] = valueCauseCode(vals, impl, code, r);
      }
      if (src.format === 'long') {
        // A covariate of a long file that never varies within a patient (e.g. BMI) is also a per-patient value.
        if (!isCanonical(e.name)) {
          const quiet: string[] = [];
          const col = perPatient(read, src, rowPatient[si], n, quiet);
          if (quiet.length === 0) columns.set(e.name, col);
        }
        columnarOf(src.table)?.forgetColumns();
        continue;
      }
    }
    columns.set(e.name, perPatient(read, src, rowPatient[si], n, warnings));
    columnarOf(src.table)?.forgetColumns(); // read: its text and numbers are not kept twice
  }
  for (const s of sources) columnarOf(s.table)?.release();
  // Views, not copies: the unused tail is at most the rows without a measurement (a wide patient
  // file beside a long export), and copying 10,000,000 draws would double them for a moment.
  let draws: DrawTable = {
    patient: drawPatient.subarray(0, nd), date: drawDate.subarray(0, nd), undatedAtOrigin: drawUndated.subarray(0, nd),
    values: Object.fromEntries(Object.entries(drawValues).map(([v, x]) => [v, x.subarray(0, nd)])), causes: Object.fromEntries(Object.entries(drawCauses).map(([v, x]) => [v, x.subarray(0, nd)])),
  };
  const engine = sqlEngine;
  let drawsComplete = true;
  if (engine) {
    // A time-varying covariate needs every draw; other analyses only the per-patient values. The
    // draws of an export of up to DRAWS_BACK rows come back anyway (dataset.measurements is then
    // complete, as on the JavaScript path); those of a larger one only when they are needed.
    const names = [...measured];
    const empty = Object.fromEntries(names.map((v) => [v, new Float64Array(0)]));
    drawsComplete = (spec.analyses?.cox ?? []).some((c) => c.timeVarying?.length) || engine.rows <= DRAWS_BACK;
    const d = drawsComplete
      ? await engine.draws(names)
      : { patient: new Int32Array(0), date: new Float64Array(0), values: empty, causes: Object.fromEntries(names.map((v) => [v, new Uint8Array(0)])) };
    draws = { ...d, undatedAtOrigin: new Uint8Array(d.patient.length) };
  }
  const prefetchRows = async (ks: readonly number[]) => {
    if (!engine) return;
    for (const [k, r] of await engine.rowsOf(ks.filter((k) => !fetched.has(k)))) fetched.set(k, r);
  };
  const longInput = load ? load.input : null;
  const settledSources = async (): Promise<readonly LoadedSource[]> => {
    if (!longInput) return sources;
    const input = await longInput;
    return sources.map((src, i) => (i === sqlAt ? { ...src, input } : src));
  };
  return { sources, ids: pids, rowsOf, duplicate, columns, measured, draws, drawsComplete, warnings, notes, units, engine, engineNote: null, prefetchRows, settledSources };
  } catch (e) {
    await closeAll();
    throw e;
  }
}

/** Each patient's source rows as flat arrays (counting sort by patient, stable), and the accessor over them. */
function patientRows(sources: readonly LoadedSource[], rowPatient: readonly Int32Array[], n: number): (k: number) => SourceRow[] {
  const start = new Int32Array(n + 1);
  for (const rp of rowPatient) for (let r = 0; r < rp.length; r++) if (rp[r] >= 0) start[rp[r] + 1]++;
  for (let k = 0; k < n; k++) start[k + 1] += start[k];
  const fill = start.slice(0, n);
  const src = new Uint16Array(start[n]);
  const row = new Int32Array(start[n]);
  rowPatient.forEach((rp, si) => {
    for (let r = 0; r < rp.length; r++) {
      const k = rp[r];
      if (k < 0) continue;
      const q = fill[k]++;
      src[q] = si;
      row[q] = r;
    }
  });
  return (k) => {
    const out: SourceRow[] = [];
    for (let q = start[k]; q < start[k + 1]; q++) {
      const t = sources[src[q]].table;
      out.push({ file: t.file, row: rowNumber(row[q], t) });
    }
    return out;
  };
}


/**
 * Per-patient values: the first non-missing value over the patient's rows of the source.
 * `rowPatient`: the patient index of each row of `src` (−1: not a screened patient), made once per source.
 */
function perPatient(read: VariableRead, src: LoadedSource, rowPatient: Int32Array, n: number, warnings: string[]): PatientColumn {
  const d = read.data;
  const cause: (MissingCause | null)[] = new Array(n).fill('absent');
  const seen = new Uint8Array(n);
  const conflicted = new Uint8Array(src.format === 'long' ? n : 0);
  let values: Float64Array | (string | null)[];
  let first: number;
  // one loop for numbers and one for labels (each monomorphic: V8 compiled one loop for both kinds
  // again and again, and kept its values boxed)
  if (d.kind === 'label') {
    values = new Array<string | null>(n).fill(null);
    first = firstLabels(d.values, rowPatient, values, cause, seen, conflicted);
  } else {
    values = new Float64Array(n).fill(NaN);
    const num = d.kind === 'number';
    first = firstNumbers(num ? d.analysed : d.values, num ? d.implausible : null, num ? d.missingCode : null, rowPatient, values, cause, seen, conflicted);
  }
  if (first >= 0) {
    let count = 0;
    for (let k = 0; k < conflicted.length; k++) count += conflicted[k];
    warnings.push(cohortMessages.perPatientConflict(src.table.file, read.column, count, src.rowIds[first]));
  }
  return patientColumn(read, values, cause);
}

/**
 * The first non-missing number of each patient's rows into `out` (cause null), else why it is
 * missing: implausible, a missing-value code, or absent. `conflicted` (length n for a long source,
 * else 0): patients with a later, different value; returns the first such row, or −1.
 */
function firstNumbers(
  vals: Float64Array, implausible: Uint8Array | null, missingCode: Uint8Array | null, rowPatient: Int32Array,
  out: Float64Array, cause: (MissingCause | null)[], seen: Uint8Array, conflicted: Uint8Array,
): number {
  const long = conflicted.length > 0;
  let first = -1;
  for (let r = 0; r < rowPatient.length; r++) {
    const k = rowPatient[r];
    if (k < 0) continue;
    const v = vals[r];
    if (v !== v) {
      if (!seen[k] && implausible !== null && implausible[r]) cause[k] = 'implausible';
      else if (!seen[k] && missingCode !== null && missingCode[r] && cause[k] !== 'implausible') cause[k] = 'missing-code';
      continue;
    }
    if (!seen[k]) {
      out[k] = v;
      seen[k] = 1;
      cause[k] = null;
    } else if (long && out[k] !== v) {
      conflicted[k] = 1;
      if (first < 0) first = r;
    }
  }
  return first;
}

/** firstNumbers for labels (a missing label is null; no implausible or coded values). */
function firstLabels(
  vals: readonly (string | null)[], rowPatient: Int32Array, out: (string | null)[], cause: (MissingCause | null)[], seen: Uint8Array, conflicted: Uint8Array,
): number {
  const long = conflicted.length > 0;
  let first = -1;
  for (let r = 0; r < rowPatient.length; r++) {
    const k = rowPatient[r];
    if (k < 0) continue;
    const v = vals[r];
    if (v === null) continue;
    if (!seen[k]) {
      out[k] = v;
      seen[k] = 1;
      cause[k] = null;
    } else if (long && out[k] !== v) {
      conflicted[k] = 1;
      if (first < 0) first = r;
    }
  }
  return first;
}

/** The distinct non-null values, sorted. */
function distinctSorted(values: readonly (string | null)[]): string[] {
  const set = new Set<string>();
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (v !== null) set.add(v);
  }
  return [...set].sort();
}

/** A patient column from per-patient values (levels of a label: declared, else the values' own, sorted). */
function patientColumn(read: VariableRead, values: Float64Array | (string | null)[], cause: (MissingCause | null)[]): PatientColumn {
  const d = read.data;
  const isLabel = d.kind === 'label';
  const levels = isLabel ? (d.levels ?? distinctSorted(values as (string | null)[])) : null;
  return {
    name: read.name,
    type: read.type,
    kind: d.kind,
    values,
    cause,
    unit: d.kind === 'number' ? d.analysedUnit : null,
    convertedFrom: d.kind === 'number' ? d.convertedFrom : null,
    levels,
    declaredLevels: d.kind === 'label' && d.levels !== null,
  };
}
