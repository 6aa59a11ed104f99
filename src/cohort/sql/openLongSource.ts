/**
 * A long source (one row per blood draw) opened where its derivations will run as SQL, as the
 * temporary table `long_rows` numbered in the order the JavaScript path reads its rows:
 * - a CSV/TSV file: embedded DuckDB's `read_csv`, every cell as text (rowid = data row), taken only
 *   where DuckDB reads the header as siilab's reader does (`sameHeader`);
 * - an XLSX workbook: streamed by siilab's reader (readTable) and appended to DuckDB, each cell
 *   written with its kind (`n` number, `s` text) so that it comes back as the same cell;
 * - a Parquet file or a DuckDB database table/query: embedded DuckDB, the database attached
 *   read-only, the values as DuckDB types (converted by databaseCell, as readDuckdb does);
 * - a PostgreSQL table/query: in that database, in one REPEATABLE READ transaction, numbered by
 *   `row_number() OVER ()` over the query (the order the JavaScript path receives its rows in),
 *   while a second connection at the same snapshot hashes the query's rows a batch at a time.
 * The input record is the JavaScript path's: the file's SHA-256, or for a database the SHA-256 of
 * the rows read (rowsHash, here a batch at a time) and the SQL that ran. Whatever fails here is
 * `NotCompiled` with its reason (never a connection string): the JavaScript path then reads the
 * source and gives its own message.
 *
 * @example
 * const load = await openLongSource({ file: 'draws.csv', format: 'long' }, '/study', 2);
 * load.columns // ['id', 'draw_date', 'platelets', …]
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseDelimited } from '../../io/readTable.js';
import { postgresVariable, type SourceInput } from '../../io/readSource.js';
import { databaseCell } from '../../io/databaseCell.js';
import { RowsHash } from '../../io/rowsHash.js';
import { sourceQuery } from '../../io/sourceQuery.js';
import type { Cell, Table } from '../../io/table.js';
import { readTable } from '../../io/readTable.js';
import { columnCells, rowCount } from '../../io/columnCells.js';
import { sqlPathMessages } from '../../messages/index.js';
import type { DataSource } from '../../study/types.js';
import { DuckSession } from './duckSession.js';
import { NotCompiled } from './notCompiled.js';
import { PgSession } from './pgSession.js';
import type { SqlSession } from './sqlSession.js';
import { text } from './sqlText.js';

export interface OpenedLongSource {
  readonly db: SqlSession;
  /** How messages and the bundle name the source (the file as the spec writes it, `lab.duckdb`, `$DATABASE_URL`). */
  readonly name: string;
  /**
   * What the bundle records of the source. For PostgreSQL the rows are hashed on a second connection
   * at the same snapshot while the derivations run, so this settles later (a failure there is
   * NotCompiled).
   */
  readonly input: Promise<SourceInput>;
  readonly columns: readonly string[];
  /** A value of `long_rows` (through `db.cell`) as the cell the JavaScript path reads. */
  readonly cellOf: (v: unknown) => Cell;
  /** Stops work still running beside the session (the hashing of a PostgreSQL source's rows). */
  stop(): void;
}

export async function openLongSource(s: DataSource, specDir: string, threads: number | null, env: NodeJS.ProcessEnv = process.env, progress?: (phase: string) => void): Promise<OpenedLongSource> {
  if (s.postgres !== undefined) return openPostgres(s, env, progress);
  let db: DuckSession;
  const shown = (p: string) => (isAbsolute(p) ? relative(specDir, p) || p : p);
  const name = s.file ?? shown((s.duckdb ?? s.parquet)!);
  progress?.(sqlPathMessages.phaseRead(name, 'DuckDB'));
  try {
    db = await DuckSession.open(threads, s.duckdb !== undefined ? resolve(specDir, s.duckdb) : null);
  } catch (e) {
    throw new NotCompiled(sqlPathMessages.duckdbFailed(name, firstLine(e)));
  }
  try {
    if (s.file !== undefined) {
      const path = resolve(specDir, s.file);
      const file = relative(specDir, path) || s.file;
      return /\.(xlsx|xlsm)$/i.test(s.file) ? await openWorkbook(db, path, file, name, s.sheet ?? null) : await openDelimited(db, path, file, name);
    }
    return await openDuckdbResult(db, s, specDir, name);
  } catch (e) {
    await db.close();
    if (e instanceof NotCompiled) throw e;
    throw new NotCompiled(sqlPathMessages.duckdbFailed(name, firstLine(e)));
  }
}

/** A long workbook: read by siilab's (streaming) reader and appended, each cell with its kind. */
async function openWorkbook(db: DuckSession, path: string, file: string, name: string, sheet: string | null): Promise<OpenedLongSource> {
  const table = await readTable(path, { sheet });
  const rows = rowCount(table);
  await db.table('long_rows', table.columns.map((c) => ({ name: c, type: 'TEXT' as const })), table.columns.map((_, j) => {
    const cells = columnCells(table, j);
    return Array.from({ length: rows }, (_, i) => kindedCell(cells[i]));
  }));
  const sha256 = createHash('sha256').update(await readFile(path)).digest('hex');
  return { db, name, input: Promise.resolve({ file, sha256, rows }), columns: table.columns, cellOf: unkindCell, stop: () => {} };
}

/** A CSV/TSV file: DuckDB's read_csv, every cell as text, where it reads the header as siilab does. */
async function openDelimited(db: DuckSession, path: string, file: string, name: string): Promise<OpenedLongSource> {
  const [sha256] = await Promise.all([fileHash(path), db.run(`CREATE TEMP TABLE long_rows AS SELECT * FROM read_csv(${text(path)}, all_varchar = true, header = true, normalize_names = false)`)]);
  const columns = Object.keys(await db.columns('SELECT * FROM long_rows LIMIT 0'));
  await sameHeader(path, name, columns);
  return { db, name, input: Promise.resolve({ file, sha256, rows: await countRows(db) }), columns, cellOf: databaseCell, stop: () => {} };
}

/** A Parquet file or a DuckDB table/query: its rows as DuckDB types, hashed as readDuckdb hashes them. */
async function openDuckdbResult(db: DuckSession, s: DataSource, specDir: string, name: string): Promise<OpenedLongSource> {
  const query = s.parquet !== undefined ? `SELECT * FROM read_parquet(${text(resolve(specDir, s.parquet))})` : sourceQuery(s);
  await db.run(`CREATE TEMP TABLE long_rows AS ${query}`);
  const columns = Object.keys(await db.columns('SELECT * FROM long_rows LIMIT 0'));
  const hash = new RowsHash(columns);
  // The rows in their order, converted as readDuckdb converts them, a chunk at a time.
  for (let start = 0; ; start += CHUNK) {
    const c = await db.columns(`SELECT * FROM long_rows WHERE rowid >= ${start} AND rowid < ${start + CHUNK} ORDER BY rowid`);
    const cols = columns.map((col) => c[col]);
    const n = cols.length ? cols[0].length : 0;
    hash.add(Array.from({ length: n }, (_, i) => cols.map((col) => databaseCell(col[i]))));
    if (n < CHUNK) break;
  }
  const input: SourceInput = { file: name, sha256: hash.digest(), rows: hash.rows, ...(s.duckdb !== undefined ? { query } : {}) };
  return { db, name, input: Promise.resolve(input), columns, cellOf: databaseCell, stop: () => {} };
}

const CHUNK = 100_000;

async function openPostgres(s: DataSource, env: NodeJS.ProcessEnv, progress?: (phase: string) => void): Promise<OpenedLongSource> {
  const variable = postgresVariable(s.postgres!) ?? '';
  const name = `$${variable}`;
  const url = env[variable];
  if (!url) throw new NotCompiled(sqlPathMessages.noDatabaseUrl(name));
  const query = sourceQuery(s);
  let db: PgSession | null = null;
  let stopped = false;
  const stop = () => {
    stopped = true;
  };
  try {
    db = await PgSession.open(url, name);
    const snapshot = await db.exportSnapshot();
    const hashed = hashPostgresRows(url, name, snapshot, query, () => stopped, progress);
    progress?.(sqlPathMessages.phaseRead(name, 'a temporary table of PostgreSQL'));
    await db.run(`CREATE TEMP TABLE long_rows AS SELECT CAST(row_number() OVER () - 1 AS INTEGER) AS siilab_row, q.* FROM (${query}) q`);
    await db.analyze('long_rows');
    const columns = Object.keys(await db.columns('SELECT * FROM long_rows LIMIT 0')).filter((c) => c !== 'siilab_row');
    if (!columns.length) throw new NotCompiled(sqlPathMessages.databaseFailed(name, 'no columns'));
    const input = hashed.then((h) => {
      if (h instanceof Error) throw new NotCompiled(sqlPathMessages.databaseFailed(name, h.message));
      return { file: name, sha256: h.sha256, rows: h.rows, query };
    });
    input.catch(() => {}); // awaited when the bundle is made; not an unhandled rejection before
    return { db, name, input, columns, cellOf: databaseCell, stop };
  } catch (e) {
    stop();
    const reason = db ? db.describe(e) : firstLine(e).split(url).join(name);
    await db?.close();
    if (e instanceof NotCompiled) throw e;
    throw new NotCompiled(sqlPathMessages.databaseFailed(name, reason));
  }
}

/**
 * The SHA-256 of the rows of `query` as readPostgres hashes them (RowsHash), read through a cursor
 * on a second connection at `snapshot`; an Error (its message without the URL) instead of a rejection.
 */
async function hashPostgresRows(url: string, name: string, snapshot: string, query: string, stopped: () => boolean, progress?: (phase: string) => void): Promise<{ sha256: string; rows: number } | Error> {
  let db: PgSession | null = null;
  try {
    db = await PgSession.open(url, name, snapshot);
    let hash: RowsHash | null = null;
    await db.eachBatch(query, (c) => {
      hash = new RowsHash(c);
    }, (rows) => {
      const before = hash!.rows;
      hash!.add(rows);
      // Every millionth row: the hashing runs beside the derivations, whose phases say the rest.
      if (Math.floor(hash!.rows / 1e6) > Math.floor(before / 1e6)) progress?.(sqlPathMessages.phaseHashed(name, hash!.rows));
    }, stopped);
    const h = hash as RowsHash | null;
    if (!h || stopped()) return new Error('stopped');
    return { sha256: h.digest(), rows: h.rows };
  } catch (e) {
    return new Error(db ? db.describe(e) : firstLine(e).split(url).join(name));
  } finally {
    await db?.close();
  }
}

/** A workbook cell as text that keeps its kind: `n` and the number, `s` and the text; null stays NULL. */
function kindedCell(c: Cell | undefined): string | null {
  return c === null || c === undefined ? null : typeof c === 'number' ? `n${c}` : `s${c}`;
}

function unkindCell(v: unknown): Cell {
  if (typeof v !== 'string') return null;
  return v[0] === 'n' ? Number(v.slice(1)) : v.slice(1);
}

async function countRows(db: SqlSession): Promise<number> {
  return Number((await db.columns('SELECT count(*) AS n FROM long_rows')).n[0]);
}

function firstLine(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}

/**
 * The SQL path only where DuckDB reads the header as siilab's own reader does (the same delimiter,
 * column names, no decimal commas): the first 256 kB are parsed by parseDelimited and compared.
 */
async function sameHeader(path: string, file: string, columns: readonly string[]): Promise<void> {
  const fh = await open(path, 'r');
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
    t = parseDelimited(file, cut > 0 ? head.slice(0, cut + 1) : head);
  } catch {
    throw new NotCompiled(sqlPathMessages.header(file));
  }
  if (t.decimal === ',' || t.columns.length !== columns.length || t.columns.some((c, j) => c !== columns[j])) throw new NotCompiled(sqlPathMessages.header(file));
}

function fileHash(path: string): Promise<string> {
  return new Promise((res, rej) => {
    const h = createHash('sha256');
    createReadStream(path).on('data', (b) => h.update(b)).on('end', () => res(h.digest('hex'))).on('error', rej);
  });
}
