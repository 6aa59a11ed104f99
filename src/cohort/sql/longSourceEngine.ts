/**
 * A long source (one row per blood draw) kept where its derivations run as SQL — embedded DuckDB
 * for a file, a Parquet file or a DuckDB database, the PostgreSQL database itself for a postgres
 * source (src/cohort/sql/openLongSource.ts) — so that only what JavaScript must decide crosses over
 * and only per-patient rows come back. The SQL is one text for both engines (standard SQL with an
 * ordered aggregate, which both have).
 *
 * - For the id, the draw date and each measured column, the distinct cells are numbered in SQL by
 *   their first row (a code table per column); the cells, their counts and first rows come back and
 *   go through the same readers as the JavaScript path (readVariable, dateColumn, idText): the same
 *   parsing, unit checks (medians weighted by the counts), plausibility classes and messages naming
 *   the first row.
 * - Their readings go back as mapping tables keyed by the code, and one statement builds the draw
 *   table: the id carried forward (the last id at or before each row: a running count of written
 *   ids makes groups, each group's one written id is its patient), the patient index, the draw
 *   day and each value in the canonical unit with its cause code.
 * - Indices (drawIndexSql) and per-patient aggregates (aggregateSql) run as SQL over it; the
 *   participant flow's rows and the data notes' rows are fetched for the patients and values that
 *   need them.
 * The result is the JavaScript path's, value for value (test/cohort/sql/sqlPath.test.ts compares
 * whole results bundles). `NotCompiled` says why a study stays on the JavaScript path.
 *
 * @example
 * const src = await openLongSource({ file: 'draws.csv', format: 'long' }, '/study', 2);
 * const e = await derive(src, { source, loc, idColumn: 'id', dateColumn: 'draw_date', dateOrder: null, measured, index, primaryFile: 'patients.csv' });
 * const { value, cause, future } = await e.aggregate('mean', 'SII', { from: 0, to: 1095.75 }, origin, n);
 */
import { dataError, SiilabError } from '../../errors.js';
import { cohortMessages, sqlPathMessages } from '../../messages/index.js';
import type { Cell, Table } from '../../io/table.js';
import type { SpecLocator, SpecPath } from '../../study/specLocator.js';
import type { AggregateMethod, ColumnMapping, DataSource, DateOrder, IndexName } from '../../study/types.js';
import type { DayWindow } from '../aggregateDraws.js';
import { idText } from '../carryForward.js';
import type { DataNote, NotedValue } from '../dataNote.js';
import { dateColumn } from '../dateColumn.js';
import { causeCode, DRAW_CAUSE, valueCauseCode, type MissingCause } from '../missingCause.js';
import type { SourceRow } from '../participantFlow.js';
import { readVariable, type VariableRead } from '../readVariable.js';
import type { VariableUnit } from '../buildPatients.js';
import { aggregateSql } from './aggregateSql.js';
import { drawIndexSql, type IndexSql } from './drawIndexSql.js';
import { NotCompiled } from './notCompiled.js';
import type { OpenedLongSource } from './openLongSource.js';
import { ENGINE_NAME } from './sqlSession.js';
import { ident } from './sqlText.js';

export { NotCompiled };

export interface LongVariable {
  readonly name: string;
  readonly mapping: ColumnMapping;
  readonly path: SpecPath;
  /** A per-patient variable also measured at draws: its notes and unit come with the measurement. */
  readonly quiet?: boolean;
}

export interface LongEngineSpec {
  readonly source: DataSource;
  readonly loc: SpecLocator;
  readonly idColumn: string;
  readonly dateColumn: string | null;
  readonly dateOrder: DateOrder | null;
  readonly measured: readonly LongVariable[];
  /** Patient index of each id of the first source. */
  /** Patient index of each id of the first source; null when this source is the first (it decides the patients). */
  readonly index: ReadonlyMap<string, number> | null;
  /** The first source's file (for the warning about ids not in it). */
  readonly primaryFile: string;
  /** Told each phase of the derivations (analyze's progress). */
  readonly progress?: (phase: string) => void;
  /** Variables with one value per patient in this source (the first value over the patient's rows). */
  readonly perPatient: readonly LongVariable[];
}

/** One value per patient from a long source's rows, as buildPatients' perPatient gives it. */
export interface FirstValues {
  /** The variable read from the source's distinct cells (its kind, unit, levels). */
  readonly read: VariableRead;
  /** The first non-missing value of each patient in row order (NaN / null when none). */
  readonly values: Float64Array | (string | null)[];
  readonly cause: (MissingCause | null)[];
  /** Patients with another non-missing value on a later row, and the id at the first such row. */
  readonly conflicted: number;
  readonly example: string;
}

export interface LongEngine {
  /** Where the derivations run. */
  readonly engine: 'duckdb' | 'postgres';
  /** Rows of the long source. */
  readonly rows: number;
  /** The patients' ids in order of first row, when this source decides the patients (else empty). */
  readonly patients: readonly string[];
  /** The per-patient values of a variable of `perPatient` (n = patients). */
  firstValues(name: string, n: number): Promise<FirstValues>;
  readonly warnings: readonly string[];
  /** The data notes of each measured variable, with every row. */
  readonly notes: ReadonlyMap<string, readonly DataNote[]>;
  readonly units: ReadonlyMap<string, VariableUnit>;
  /** Adds an index of each draw (after its inputs). False when it is not compiled. */
  addIndex(name: string, index: IndexName): boolean;
  /** One value per patient (n = patients of the first source), as aggregateDraws gives it. */
  aggregate(method: AggregateMethod, of: string, window: DayWindow | null, origin: Float64Array | null, n: number, name?: string): Promise<{ value: Float64Array; cause: (MissingCause | null)[]; future: number }>;
  /** The source rows of these patients, in row order. */
  rowsOf(ks: readonly number[]): Promise<Map<number, SourceRow[]>>;
  /** Every draw of a known patient in row order (for time-varying covariates): patient, day, values, causes. */
  draws(names: readonly string[]): Promise<{ patient: Int32Array; date: Float64Array; values: Record<string, Float64Array>; causes: Record<string, Uint8Array> }>;
  close(): Promise<void>;
}

const ABSENT = causeCode('absent');

interface Distinct {
  readonly cells: Cell[];
  readonly counts: number[];
  readonly first: number[];
}

/**
 * The long source's derivations, kept in its session (which this closes on failure). A database
 * error becomes NotCompiled (the JavaScript path then reads the source); a refusal of the data is
 * the JavaScript path's message.
 */
export async function deriveLong(src: OpenedLongSource, s: LongEngineSpec): Promise<LongEngine> {
  try {
    return await deriveIn(src, s);
  } catch (e) {
    await src.db.close();
    if (e instanceof SiilabError || e instanceof NotCompiled) throw e;
    throw new NotCompiled(sqlPathMessages.databaseFailed(src.name, src.db.describe(e)));
  }
}

async function deriveIn(src: OpenedLongSource, s: LongEngineSpec): Promise<LongEngine> {
  const { db, name: file, columns } = src;
  const rowno = ident(db.rowno);
  const miniTable = (column: string, d: Distinct): Table => ({
    file, sheet: null, columns: [column], rows: d.cells.map((c) => [c]), rowNumbers: d.first.map((r) => r + 2), counts: d.counts,
  });
  const engineName = ENGINE_NAME[db.engine];
  // The distinct cells of every column the study reads, numbered by first row, as tables
  // `code_<q>(raw, i, n, r)`: one scan of the rows (GROUPING SETS, one set a column), then a table a column.
  const needed = [...new Set([s.idColumn, ...(s.dateColumn !== null ? [s.dateColumn] : []), ...s.measured.map((v) => v.mapping.column), ...s.perPatient.map((v) => v.mapping.column)])];
  for (const c of needed) if (!columns.includes(c)) throw new NotCompiled(sqlPathMessages.noColumn(c, file));
  const codeOf = new Map(needed.map((c, q) => [c, `code_${q}`]));
  s.progress?.(sqlPathMessages.phaseDistinct(needed, engineName));
  const numbered = (from: string, raw: string, where: string) =>
    `SELECT ${raw} AS raw, CAST(row_number() OVER (ORDER BY r) - 1 AS INTEGER) AS i, n, r FROM ${from}${where}`;
  if (needed.length === 1 || needed.length > 30) {
    for (const [c, t] of codeOf) await db.run(`CREATE TEMP TABLE ${t} AS ${numbered(`(SELECT ${ident(c)} AS c, count(*) AS n, min(${rowno}) AS r FROM long_rows GROUP BY ${ident(c)}) a`, 'c', '')}`);
  } else {
    const cols = needed.map(ident);
    // GROUPING(c0, …, ck) has a 1 bit for each column not in the row's set, the last column lowest.
    await db.run(`CREATE TEMP TABLE code_all AS SELECT GROUPING(${cols.join(', ')}) AS g, ${cols.join(', ')}, count(*) AS n, min(${rowno}) AS r FROM long_rows GROUP BY GROUPING SETS (${cols.map((c) => `(${c})`).join(', ')})`);
    const all = (1 << needed.length) - 1;
    for (const [q, c] of needed.entries()) await db.run(`CREATE TEMP TABLE code_${q} AS ${numbered('code_all', ident(c), ` WHERE g = ${all - (1 << (needed.length - 1 - q))}`)}`);
    await db.run('DROP TABLE code_all');
  }
  for (const t of codeOf.values()) await db.analyze(t);
  /** The distinct cells of a column: their cells (as the JavaScript path reads them), counts and first rows. */
  const distinct = async (column: string): Promise<Distinct> => {
    const r = await db.columns(`SELECT ${db.cell('raw')} AS v, n, r FROM ${codeOf.get(column)} ORDER BY i`);
    const cells = r.v.map(src.cellOf);
    for (const v of cells) if (typeof v === 'string' && v.includes(',')) throw new NotCompiled(sqlPathMessages.comma(column));
    return { cells, counts: r.n.map(Number), first: r.r.map(Number) };
  };
  const join = (tag: string, column: string) => `LEFT JOIN ${codeOf.get(column)} t_${tag} ON t_${tag}.raw = l.${ident(column)}`;

  // Ids: trimmed, carried forward; patient index from the first source.
  const ids = await distinct(s.idColumn);
  const idOf = ids.cells.map((c) => idText(c));
  if (ids.first[0] === 0 && idOf[0] === null) throw dataError(cohortMessages.idMissingFirstRow(file, s.idColumn));
  const warnings: string[] = [];
  // This source decides the patients: its ids in order of first row (codes are in that order).
  const patients: string[] = [];
  let index = s.index;
  if (index === null) {
    const own = new Map<string, number>();
    for (const id of idOf) if (id !== null && !own.has(id)) own.set(id, patients.push(id) - 1);
    index = own;
  }
  const idIndex = index;
  const unknown = new Map<string, number>();
  idOf.forEach((id, i) => {
    if (id !== null && !idIndex.has(id) && !unknown.has(id)) unknown.set(id, ids.first[i]);
  });
  if (unknown.size) {
    const example = [...unknown].sort((a, b) => a[1] - b[1])[0][0];
    warnings.push(`${file}: ${unknown.size} patient id(s) not in ${s.primaryFile} are ignored (e.g. ${example}).`);
  }
  // Every table below is keyed by the code of a distinct cell: the draw table keeps four bytes a
  // cell, whatever the text.
  const seq = (d: Distinct) => Int32Array.from(d.cells, (_, i) => i);
  await db.table('id_k', [{ name: 'i', type: 'INTEGER' }, { name: 'written', type: 'INTEGER' }, { name: 'k', type: 'INTEGER' }], [
    seq(ids), idOf.map((id, i) => (id === null ? null : i)), idOf.map((id) => (id !== null && idIndex.has(id) ? idIndex.get(id)! : null)),
  ]);
  const codeJoins = [join('id', s.idColumn), 'LEFT JOIN id_k iw ON iw.i = t_id.i'];
  const codeCols = ['iw.written AS wi'];
  const viewJoins: string[] = [];

  // Draw dates.
  let dayExpr = 'CAST(NULL AS FLOAT8)';
  codeCols.push('CAST(NULL AS INTEGER) AS dx');
  if (s.dateColumn !== null) {
    const d = await distinct(s.dateColumn);
    const days = dateColumn(miniTable(s.dateColumn, d), s.dateColumn, s.dateOrder);
    await db.table('date_map', [{ name: 'i', type: 'INTEGER' }, { name: 'day', type: 'FLOAT8' }], [seq(d), days]);
    codeJoins.push(join('date', s.dateColumn));
    codeCols[1] = 't_date.i AS dx';
    viewJoins.push('LEFT JOIN date_map dm ON dm.i = c.dx');
    dayExpr = 'dm.day';
  }

  // Measured values: canonical unit and cause of each distinct cell; notes with every row.
  const notes = new Map<string, DataNote[]>(s.measured.map((v) => [v.name, []]));
  const units = new Map<string, VariableUnit>();
  const noteSources: { note: DataNote; byCode: Map<number, NotedValue>; col: string; variable: string }[] = [];
  const valueCols: string[] = [];
  /** A number's unit, and its notes with the code of each noted cell (their rows are fetched below). */
  const numberRead = (name: string, data: Extract<VariableRead['data'], { kind: 'number' }>, d: Distinct, col: string) => {
    units.set(name, { unit: data.analysedUnit, convertedFrom: data.convertedFrom, keepFactor: data.toAnalysed });
    notes.set(name, notes.get(name) ?? []);
    const codeAt = new Map(d.first.map((r, i) => [r + 2, i]));
    for (const note of data.notes) {
      const byCode = new Map<number, NotedValue>();
      for (const r of note.rows) byCode.set(codeAt.get(r.row)!, r);
      noteSources.push({ note, byCode, col, variable: name });
    }
  };
  for (const [j, v] of s.measured.entries()) {
    const d = await distinct(v.mapping.column);
    const mini = miniTable(v.mapping.column, d);
    const read = readVariable(mini, v.name, v.mapping, s.source, s.loc, v.path);
    if (read.data.kind !== 'number') throw new NotCompiled(sqlPathMessages.notNumber(v.name));
    const data = read.data;
    const cause = Array.from(data.values, (_, i) => valueCauseCode(data.values, data.implausible, data.missingCode, i));
    await db.table(`map_${j}`, [{ name: 'i', type: 'INTEGER' }, { name: 'val', type: 'FLOAT8' }, { name: 'cause', type: 'SMALLINT' }], [seq(d), data.values, cause]);
    numberRead(v.name, data, d, `x${j}`);
    codeJoins.push(join(`x${j}`, v.mapping.column));
    codeCols.push(`t_x${j}.i AS x${j}`);
    viewJoins.push(`LEFT JOIN map_${j} m${j} ON m${j}.i = c.x${j}`);
    valueCols.push(`m${j}.val AS ${ident(`v_${v.name}`)}, coalesce(m${j}.cause, ${ABSENT}) AS ${ident(`c_${v.name}`)}`);
  }
  // Per-patient variables: the reading of each distinct cell as a value to compare (numbers and
  // dates as FLOAT8, labels as TEXT) and, for numbers, whether it was implausible or a missing code.
  const firsts = new Map<string, { j: number; read: VariableRead }>();
  for (const [j, v] of s.perPatient.entries()) {
    const d = await distinct(v.mapping.column);
    const read = readVariable(miniTable(v.mapping.column, d), v.name, v.mapping, s.source, s.loc, v.path);
    const data = read.data;
    const num = data.kind === 'number' ? data.analysed : data.kind === 'label' ? null : data.values;
    const txt = data.kind === 'label' ? data.values : null;
    const none = new Uint8Array(d.cells.length);
    await db.table(`pv_${j}`, [{ name: 'i', type: 'INTEGER' }, { name: 'num', type: 'FLOAT8' }, { name: 'txt', type: 'TEXT' }, { name: 'impl', type: 'SMALLINT' }, { name: 'mcode', type: 'SMALLINT' }], [
      seq(d), num ?? new Float64Array(d.cells.length).fill(NaN), txt ?? new Array<null>(d.cells.length).fill(null),
      data.kind === 'number' ? data.implausible : none, data.kind === 'number' ? data.missingCode : none,
    ]);
    if (data.kind === 'number' && !v.quiet) numberRead(v.name, data, d, `y${j}`);
    codeJoins.push(join(`y${j}`, v.mapping.column));
    codeCols.push(`t_y${j}.i AS y${j}`);
    firsts.set(v.name, { j, read });
  }
  // The rows with each cell's code; then the id carried forward: a running count of the rows with
  // a written id numbers groups, and the one written id of each group is the code of all its rows.
  // When every row has its id written (a database table, most exports) there is nothing to carry.
  const xs = [...s.measured.map((_, j) => `, x${j}`), ...s.perPatient.map((_, j) => `, y${j}`)].join('');
  const coded = `SELECT CAST(l.${rowno} AS INTEGER) AS rowno, ${codeCols.join(', ')} FROM long_rows l ${codeJoins.join(' ')}`;
  const carried = idOf.every((id) => id !== null)
    ? `SELECT rowno, wi AS pi, dx${xs} FROM (${coded}) a`
    : `SELECT rowno, max(wi) OVER (PARTITION BY grp) AS pi, dx${xs}
  FROM (
    SELECT rowno, wi, count(wi) OVER (ORDER BY rowno ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS grp, dx${xs}
    FROM (${coded}) a
  ) g`;
  s.progress?.(sqlPathMessages.phaseDraws(engineName));
  await db.run(`CREATE TEMP TABLE draw_codes AS
SELECT b.rowno, b.pi, ik.k, b.dx${xs.replace(/, ([xy])/g, ', b.$1')}
FROM (${carried}) b LEFT JOIN id_k ik ON ik.i = b.pi`);
  await db.run('DROP TABLE long_rows');
  await db.analyze('draw_codes');
  await db.run(`CREATE TEMP VIEW draws AS SELECT c.rowno, c.k, ${dayExpr} AS day${valueCols.map((x) => `, ${x}`).join('')} FROM draw_codes c ${viewJoins.join(' ')}`);

  // The notes' rows: every row with a noted value, with its patient.
  for (const ns of noteSources) {
    await db.table('noted', [{ name: 'i', type: 'INTEGER' }], [Int32Array.from(ns.byCode.keys())]);
    const r = await db.columns(`SELECT c.rowno, c.pi, c.${ns.col} AS x FROM draw_codes c JOIN noted ON noted.i = c.${ns.col} ORDER BY c.rowno`);
    const rowsOut: NotedValue[] = r.rowno.map((rn, i) => ({ ...ns.byCode.get(Number(r.x[i]))!, row: Number(rn) + 2, patient: r.pi[i] === null ? null : idOf[Number(r.pi[i])] }));
    notes.get(ns.variable)!.push({ ...ns.note, n: rowsOut.length, rows: rowsOut });
  }

  let byIndex: string[] | null = null;
  const idsByIndex = () => (byIndex ??= [...idIndex].reduce<string[]>((a, [id, k]) => ((a[k] = id), a), []));

  const exprs = new Map<string, IndexSql>(s.measured.map((v) => [v.name, { value: ident(`v_${v.name}`), cause: ident(`c_${v.name}`) }]));
  const measuredNames = new Set(s.measured.map((v) => v.name));
  let originsFor: Float64Array | null | undefined;

  const rows = Number((await db.columns('SELECT count(*) AS n FROM draw_codes')).n[0]);
  return {
    engine: db.engine,
    rows,
    patients,
    async firstValues(name, n) {
      const { j, read } = firsts.get(name)!;
      const label = read.data.kind === 'label';
      const r = await db.columns(`WITH r AS (SELECT c.k, c.rowno, p.num, p.txt FROM draw_codes c JOIN pv_${j} p ON p.i = c.y${j} WHERE c.k IS NOT NULL AND (p.num IS NOT NULL OR p.txt IS NOT NULL)),
  f AS (SELECT k, num, txt FROM (SELECT k, num, txt, row_number() OVER (PARTITION BY k ORDER BY rowno) AS q FROM r) a WHERE q = 1),
  d AS (SELECT r.k, min(r.rowno) AS at FROM r JOIN f ON f.k = r.k WHERE r.num IS DISTINCT FROM f.num OR r.txt IS DISTINCT FROM f.txt GROUP BY r.k)
SELECT f.k, f.num, f.txt, d.at FROM f LEFT JOIN d ON d.k = f.k`);
      const values: Float64Array | (string | null)[] = label ? new Array<string | null>(n).fill(null) : new Float64Array(n).fill(NaN);
      const cause: (MissingCause | null)[] = new Array(n).fill('absent');
      let conflicted = 0;
      let firstAt = Infinity;
      let example = '';
      r.k.forEach((kk, i) => {
        const k = Number(kk);
        if (label) (values as (string | null)[])[k] = r.txt[i] as string;
        else (values as Float64Array)[k] = r.num[i] as number;
        cause[k] = null;
        if (r.at[i] !== null) {
          conflicted++;
          if (Number(r.at[i]) < firstAt) {
            firstAt = Number(r.at[i]);
            example = (s.index === null ? patients : idsByIndex())[k];
          }
        }
      });
      if (read.data.kind === 'number') {
        // Never a value: implausible when a row was, else a missing code when a row was one.
        const m = await db.columns(`SELECT c.k, max(p.impl) AS impl, max(p.mcode) AS mcode FROM draw_codes c JOIN pv_${j} p ON p.i = c.y${j} WHERE c.k IS NOT NULL GROUP BY c.k`);
        m.k.forEach((kk, i) => {
          const k = Number(kk);
          if (cause[k] === null) return;
          if (Number(m.impl[i]) > 0) cause[k] = 'implausible';
          else if (Number(m.mcode[i]) > 0) cause[k] = 'missing-code';
        });
      }
      return { read, values, cause, conflicted, example };
    },
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
    async aggregate(method, of, window, origin, n, name) {
      s.progress?.(sqlPathMessages.phaseAggregate(name ?? `${method} of ${of}`, engineName, rows));
      const e = exprs.get(of);
      if (!e) throw new NotCompiled(sqlPathMessages.noDrawValue(of));
      if (originsFor !== origin) {
        const ks = Int32Array.from({ length: n }, (_, k) => k);
        await db.table('origins', [{ name: 'k', type: 'INTEGER' }, { name: 'origin', type: 'FLOAT8' }], [ks, origin ?? new Float64Array(n).fill(NaN)]);
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

