/**
 * A long source (one row per blood draw) kept in embedded DuckDB while its derivations run as SQL:
 * only what JavaScript must decide crosses over, and only per-patient rows come back.
 *
 * - The file is read by DuckDB (`read_csv`, every cell as text, in file order: `rowid` is the data
 *   row). For the id, the draw date and each measured column, the distinct cells with their
 *   counts and first row are read into a table of distinct cells and go through the same readers
 *   as the JavaScript path (readVariable, dateColumn, idText): the same parsing, unit checks
 *   (medians weighted by the counts), plausibility classes and messages naming the first row.
 * - Their readings are written back as mapping tables, and one statement builds the draw table:
 *   the id carried forward (`last_value … IGNORE NULLS` in row order), the patient index, the draw
 *   day and each value in the canonical unit with its cause code.
 * - Indices (drawIndexSql) and per-patient aggregates (aggregateSql) run as SQL over it; the
 *   participant flow's rows and the data notes' rows are fetched for the patients and values that
 *   need them.
 * The result is the JavaScript path's, value for value (test/cohort/sql/sqlPath.test.ts compares
 * whole results bundles). `NotCompiled` says why a study stays on the JavaScript path.
 *
 * @example
 * const load = await openLongFile({ path: '/study/draws.csv', name: 'draws.csv' });
 * const e = await load.derive({ source, loc, idColumn: 'id', dateColumn: 'draw_date', dateOrder: null, measured, index, primaryFile: 'patients.csv' });
 * const { value, cause, future } = await e.aggregate('mean', 'SII', { from: 0, to: 1095.75 }, origin, n);
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parseDelimited } from '../../io/readTable.js';
import { dataError } from '../../errors.js';
import { cohortMessages, sqlPathMessages } from '../../messages/index.js';
import type { SourceInput } from '../../io/readSource.js';
import type { Table } from '../../io/table.js';
import type { SpecLocator, SpecPath } from '../../study/specLocator.js';
import type { AggregateMethod, ColumnMapping, DataSource, DateOrder, IndexName } from '../../study/types.js';
import type { DayWindow } from '../aggregateDraws.js';
import { idText } from '../carryForward.js';
import type { DataNote, NotedValue } from '../dataNote.js';
import { dateColumn } from '../dateColumn.js';
import { causeCode, DRAW_CAUSE, valueCauseCode, type MissingCause } from '../missingCause.js';
import type { SourceRow } from '../participantFlow.js';
import { readVariable } from '../readVariable.js';
import type { VariableUnit } from '../buildPatients.js';
import { aggregateSql } from './aggregateSql.js';
import { drawIndexSql, type IndexSql } from './drawIndexSql.js';
import { DuckSession } from './duckSession.js';
import { ident, text } from './sqlText.js';

/** A study (or source) the SQL path does not compile; the reason is shown, the JavaScript path runs. */
export class NotCompiled extends Error {}

export interface LongVariable {
  readonly name: string;
  readonly mapping: ColumnMapping;
  readonly path: SpecPath;
}

export interface LongFile {
  /** Absolute path of the CSV/TSV file. */
  readonly path: string;
  /** The file as messages and the bundle name it. */
  readonly name: string;
  readonly threads?: number | null;
}

export interface LongEngineSpec {
  readonly source: DataSource;
  readonly loc: SpecLocator;
  readonly idColumn: string;
  readonly dateColumn: string | null;
  readonly dateOrder: DateOrder | null;
  readonly measured: readonly LongVariable[];
  /** Patient index of each id of the first source. */
  readonly index: ReadonlyMap<string, number>;
  /** The first source's file (for the warning about ids not in it). */
  readonly primaryFile: string;
}

/** The file read into DuckDB: its columns and what the bundle records of it; `derive` goes on. */
export interface LongLoad {
  readonly input: SourceInput;
  readonly columns: readonly string[];
  derive(s: LongEngineSpec): Promise<LongEngine>;
  close(): void;
}

export interface LongEngine {
  readonly warnings: readonly string[];
  /** The data notes of each measured variable, with every row. */
  readonly notes: ReadonlyMap<string, readonly DataNote[]>;
  readonly units: ReadonlyMap<string, VariableUnit>;
  /** Adds an index of each draw (after its inputs). False when it is not compiled. */
  addIndex(name: string, index: IndexName): boolean;
  /** One value per patient (n = patients of the first source), as aggregateDraws gives it. */
  aggregate(method: AggregateMethod, of: string, window: DayWindow | null, origin: Float64Array | null, n: number): Promise<{ value: Float64Array; cause: (MissingCause | null)[]; future: number }>;
  /** The source rows of these patients, in row order. */
  rowsOf(ks: readonly number[]): Promise<Map<number, SourceRow[]>>;
  /** Every draw of a known patient in row order (for time-varying covariates): patient, day, values, causes. */
  draws(names: readonly string[]): Promise<{ patient: Int32Array; date: Float64Array; values: Record<string, Float64Array>; causes: Record<string, Uint8Array> }>;
  close(): void;
}

const ABSENT = causeCode('absent');

interface Distinct {
  readonly cells: (string | null)[];
  readonly counts: number[];
  readonly first: number[];
}

export async function openLongFile(f: LongFile): Promise<LongLoad> {
  const db = await DuckSession.open(f.threads);
  try {
    const [sha256] = await Promise.all([fileHash(f.path),
      db.run(`CREATE TABLE long_rows AS SELECT * FROM read_csv(${text(f.path)}, all_varchar = true, header = true, normalize_names = false)`)]);
    const columns = Object.keys(await db.columns('SELECT * FROM long_rows LIMIT 0'));
    await sameHeader(f, columns);
    const rows = Number((await db.columns('SELECT count(*) AS n FROM long_rows')).n[0]);
    return {
      input: { file: f.name, sha256, rows },
      columns,
      derive: (s) => derive(db, f.name, columns, s),
      close: () => db.close(),
    };
  } catch (e) {
    db.close();
    throw e;
  }
}

async function derive(db: DuckSession, file: string, columns: readonly string[], s: LongEngineSpec): Promise<LongEngine> {
  const miniTable = (column: string, d: Distinct): Table => ({
    file, sheet: null, columns: [column], rows: d.cells.map((c) => [c]), rowNumbers: d.first.map((r) => r + 2), counts: d.counts,
  });
  const distinct = async (column: string): Promise<Distinct> => {
    if (!columns.includes(column)) throw new NotCompiled(sqlPathMessages.noColumn(column, file));
    const r = await db.columns(`SELECT ${ident(column)} AS v, count(*) AS n, min(rowid) AS r FROM long_rows GROUP BY 1 ORDER BY 3`);
    for (const v of r.v) if (typeof v === 'string' && v.includes(',')) throw new NotCompiled(sqlPathMessages.comma(column));
    return { cells: r.v as (string | null)[], counts: r.n.map(Number), first: r.r.map(Number) };
  };

  // Ids: trimmed, carried forward; patient index from the first source.
  const ids = await distinct(s.idColumn);
  const idOf = ids.cells.map((c) => idText(c));
  if (ids.first[0] === 0 && idOf[0] === null) throw dataError(cohortMessages.idMissingFirstRow(file, s.idColumn));
  const warnings: string[] = [];
  const unknown = new Map<string, number>();
  idOf.forEach((id, i) => {
    if (id !== null && !s.index.has(id) && !unknown.has(id)) unknown.set(id, ids.first[i]);
  });
  if (unknown.size) {
    const example = [...unknown].sort((a, b) => a[1] - b[1])[0][0];
    warnings.push(`${file}: ${unknown.size} patient id(s) not in ${s.primaryFile} are ignored (e.g. ${example}).`);
  }
  // Every table below is keyed by the position of a distinct cell (its code): the draw table
  // keeps four bytes a cell, whatever the text.
  const seq = (d: Distinct) => Int32Array.from(d.cells, (_, i) => i);
  const idCode = idOf.map((id, i) => (id === null ? null : i));
  await db.table('id_map', [{ name: 'raw', type: 'VARCHAR' }, { name: 'i', type: 'INTEGER' }], [ids.cells, idCode]);
  await db.table('id_k', [{ name: 'i', type: 'INTEGER' }, { name: 'k', type: 'INTEGER' }], [seq(ids), idOf.map((id) => (id !== null && s.index.has(id) ? s.index.get(id)! : null))]);

  // Draw dates.
  let dateCode = 'CAST(NULL AS INTEGER)';
  const codeJoins: string[] = [];
  const viewJoins: string[] = [];
  let dayExpr = 'CAST(NULL AS DOUBLE)';
  if (s.dateColumn !== null) {
    const d = await distinct(s.dateColumn);
    const days = dateColumn(miniTable(s.dateColumn, d), s.dateColumn, s.dateOrder);
    await db.table('date_raw', [{ name: 'raw', type: 'VARCHAR' }, { name: 'i', type: 'INTEGER' }], [d.cells, seq(d)]);
    await db.table('date_map', [{ name: 'i', type: 'INTEGER' }, { name: 'day', type: 'DOUBLE' }], [seq(d), days]);
    codeJoins.push(`LEFT JOIN date_raw dr ON dr.raw = l.${ident(s.dateColumn)}`);
    dateCode = 'dr.i';
    viewJoins.push('LEFT JOIN date_map dm ON dm.i = c.dx');
    dayExpr = 'dm.day';
  }

  // Measured values: canonical unit and cause of each distinct cell; notes with every row.
  const notes = new Map<string, DataNote[]>(s.measured.map((v) => [v.name, []]));
  const units = new Map<string, VariableUnit>();
  const noteSources: { note: DataNote; byCode: Map<number, NotedValue>; j: number; variable: string }[] = [];
  const codeCols: string[] = [];
  const valueCols: string[] = [];
  for (const [j, v] of s.measured.entries()) {
    const d = await distinct(v.mapping.column);
    const mini = miniTable(v.mapping.column, d);
    const read = readVariable(mini, v.name, v.mapping, s.source, s.loc, v.path);
    if (read.data.kind !== 'number') throw new NotCompiled(sqlPathMessages.notNumber(v.name));
    const data = read.data;
    const cause = Array.from(data.values, (_, i) => valueCauseCode(data.values, data.implausible, data.missingCode, i));
    await db.table(`raw_${j}`, [{ name: 'raw', type: 'VARCHAR' }, { name: 'i', type: 'INTEGER' }], [d.cells, seq(d)]);
    await db.table(`map_${j}`, [{ name: 'i', type: 'INTEGER' }, { name: 'val', type: 'DOUBLE' }, { name: 'cause', type: 'UTINYINT' }], [seq(d), data.values, cause]);
    units.set(v.name, { unit: data.analysedUnit, convertedFrom: data.convertedFrom, keepFactor: data.toAnalysed });
    const codeAt = new Map(d.first.map((r, i) => [r + 2, i]));
    for (const note of data.notes) {
      const byCode = new Map<number, NotedValue>();
      for (const r of note.rows) byCode.set(codeAt.get(r.row)!, r);
      noteSources.push({ note, byCode, j, variable: v.name });
    }
    codeJoins.push(`LEFT JOIN raw_${j} r${j} ON r${j}.raw = l.${ident(v.mapping.column)}`);
    codeCols.push(`r${j}.i AS x${j}`);
    viewJoins.push(`LEFT JOIN map_${j} m${j} ON m${j}.i = c.x${j}`);
    valueCols.push(`m${j}.val AS ${ident(`v_${v.name}`)}, coalesce(m${j}.cause, ${ABSENT}) AS ${ident(`c_${v.name}`)}`);
  }
  // One pass over the rows: the id carried forward (as its code), the patient, each cell's code.
  await db.run(`CREATE TABLE draw_codes AS
SELECT c.rowno, c.pi, ik.k, c.dx${s.measured.map((_, j) => `, c.x${j}`).join('')}
FROM (
  SELECT CAST(l.rowid AS INTEGER) AS rowno, last_value(im.i IGNORE NULLS) OVER (ORDER BY l.rowid ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS pi, ${[`${dateCode} AS dx`, ...codeCols].join(', ')}
  FROM long_rows l LEFT JOIN id_map im ON im.raw = l.${ident(s.idColumn)}
  ${codeJoins.join('\n  ')}
) c LEFT JOIN id_k ik ON ik.i = c.pi`);
  await db.run('DROP TABLE long_rows');
  await db.run(`CREATE VIEW draws AS SELECT c.rowno, c.k, ${dayExpr} AS day${valueCols.map((x) => `, ${x}`).join('')} FROM draw_codes c ${viewJoins.join(' ')}`);

  // The notes' rows: every row with a noted value, with its patient.
  for (const ns of noteSources) {
    await db.table('noted', [{ name: 'i', type: 'INTEGER' }], [Int32Array.from(ns.byCode.keys())]);
    const r = await db.columns(`SELECT c.rowno, c.pi, c.x${ns.j} AS x FROM draw_codes c JOIN noted ON noted.i = c.x${ns.j} ORDER BY c.rowno`);
    const rowsOut: NotedValue[] = r.rowno.map((rowno, i) => ({ ...ns.byCode.get(Number(r.x[i]))!, row: Number(rowno) + 2, patient: r.pi[i] === null ? null : idOf[Number(r.pi[i])] }));
    notes.get(ns.variable)!.push({ ...ns.note, n: rowsOut.length, rows: rowsOut });
  }

  const exprs = new Map<string, IndexSql>(s.measured.map((v) => [v.name, { value: ident(`v_${v.name}`), cause: ident(`c_${v.name}`) }]));
  const measuredNames = new Set(s.measured.map((v) => v.name));
  let originsFor: Float64Array | null | undefined;

  return {
    warnings,
    notes,
    units,
    addIndex(name, index) {
      const sql = drawIndexSql(index, measuredNames);
      if (!sql) return false;
      exprs.set(name, sql);
      measuredNames.add(name);
      return true;
    },
    async aggregate(method, of, window, origin, n) {
      const e = exprs.get(of);
      if (!e) throw new NotCompiled(sqlPathMessages.noDrawValue(of));
      if (originsFor !== origin) {
        const ks = Int32Array.from({ length: n }, (_, k) => k);
        await db.table('origins', [{ name: 'k', type: 'INTEGER' }, { name: 'origin', type: 'DOUBLE' }], [ks, origin ?? new Float64Array(n).fill(NaN)]);
        originsFor = origin;
      }
      const r = await db.columns(aggregateSql(method, e, window));
      const value = new Float64Array(n).fill(NaN);
      const cause: (MissingCause | null)[] = new Array(n).fill(null);
      const inWindow = new Float64Array(n);
      const fail = new Array<MissingCause | null>(n).fill(null);
      let future = 0;
      r.k.forEach((kk, i) => {
        const k = Number(kk);
        inWindow[k] = Number(r.in_window[i]);
        if (r.fail[i] !== null) fail[k] = DRAW_CAUSE[Number(r.fail[i]) % 16];
        if (Number(r.n[i]) > 0) {
          value[k] = r.value[i] as number;
          if (r.after[i] === true) future++;
        }
      });
      const needsOrigin = method === 'baseline' || window !== null;
      for (let k = 0; k < n; k++) {
        if (needsOrigin && (!origin || Number.isNaN(origin[k]))) {
          value[k] = NaN;
          cause[k] = 'no-origin';
        } else if (Number.isNaN(value[k])) {
          cause[k] = fail[k] ?? (inWindow[k] === 0 ? (method === 'baseline' ? 'no-baseline-draw' : window ? 'no-draw-in-window' : 'absent') : 'absent');
        }
      }
      return { value, cause, future };
    },
    async rowsOf(ks) {
      const out = new Map<number, SourceRow[]>(ks.map((k) => [k, []]));
      if (!ks.length) return out;
      await db.table('wanted', [{ name: 'k', type: 'INTEGER' }], [Int32Array.from(ks)]);
      const r = await db.columns('SELECT c.k, c.rowno FROM draw_codes c JOIN wanted w ON w.k = c.k ORDER BY c.rowno');
      r.k.forEach((k, i) => out.get(Number(k))!.push({ file, row: Number(r.rowno[i]) + 2 }));
      return out;
    },
    async draws(names) {
      const r = await db.columns(`SELECT k, day, ${names.map((v) => `${ident(`v_${v}`)}, ${ident(`c_${v}`)}`).join(', ')} FROM draws WHERE k IS NOT NULL ORDER BY rowno`);
      const nan = (x: unknown) => (x === null ? NaN : (x as number));
      return {
        patient: Int32Array.from(r.k, Number),
        date: Float64Array.from(r.day, nan),
        values: Object.fromEntries(names.map((v) => [v, Float64Array.from(r[`v_${v}`], nan)])),
        causes: Object.fromEntries(names.map((v) => [v, Uint8Array.from(r[`c_${v}`], Number)])),
      };
    },
    close: () => db.close(),
  };
}

/**
 * The SQL path only where DuckDB reads the header as siilab's own reader does (the same delimiter,
 * column names, no decimal commas): the first 256 kB are parsed by parseDelimited and compared.
 */
async function sameHeader(f: LongFile, columns: readonly string[]): Promise<void> {
  const fh = await open(f.path, 'r');
  let head: string;
  try {
    const buf = Buffer.alloc(256 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
  const cut = head.lastIndexOf('\n');
  let t: Table;
  try {
    t = parseDelimited(f.name, cut > 0 ? head.slice(0, cut + 1) : head);
  } catch {
    throw new NotCompiled(sqlPathMessages.header(f.name));
  }
  if (t.decimal === ',' || t.columns.length !== columns.length || t.columns.some((c, j) => c !== columns[j])) throw new NotCompiled(sqlPathMessages.header(f.name));
}

function fileHash(path: string): Promise<string> {
  return new Promise((res, rej) => {
    const h = createHash('sha256');
    createReadStream(path).on('data', (b) => h.update(b)).on('end', () => res(h.digest('hex'))).on('error', rej);
  });
}

