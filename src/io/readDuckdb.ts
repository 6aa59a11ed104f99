/**
 * Reads a DuckDB table or query, or a Parquet file, into a Table, with embedded DuckDB
 * (@duckdb/node-api: in-process, no server). A database file is opened read-only; a Parquet file is
 * read through DuckDB's `read_parquet` in an in-memory database. Returns the table with the SQL that
 * ran and the SHA-256 of the rows read (src/io/rowsHash.ts). Failures are data errors naming the
 * source and DuckDB's reason.
 *
 * @example
 * const { table, query } = await readDuckdb({ duckdb: '/data/lab.duckdb', table: 'draws', name: 'lab.duckdb' });
 */
import type { DuckDBInstance } from '@duckdb/node-api';
import { dataError } from '../errors.js';
import { ioMessages } from '../messages/index.js';
import { databaseCell } from './databaseCell.js';
import { rowsHash } from './rowsHash.js';
import { sourceQuery } from './sourceQuery.js';
import type { Cell, Table } from './table.js';

export interface DuckdbSource {
  /** Path of a DuckDB database file (opened read-only), or null for a Parquet file. */
  readonly duckdb?: string | null;
  /** Path of a Parquet file. */
  readonly parquet?: string | null;
  readonly table?: string;
  readonly query?: string;
  /** How messages and the bundle name this source (the path as the spec gives it). */
  readonly name: string;
  /** DuckDB's worker threads (default: DuckDB's, the number of cores). */
  readonly threads?: number | null;
}

export interface DatabaseRead {
  readonly table: Table;
  readonly query: string;
  readonly sha256: string;
}

export async function readDuckdb(s: DuckdbSource): Promise<DatabaseRead> {
  const query = s.parquet ? `SELECT * FROM read_parquet('${s.parquet.replace(/'/g, "''")}')` : sourceQuery(s);
  const options: Record<string, string> = { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' };
  if (s.duckdb) options.access_mode = 'READ_ONLY';
  if (s.threads) options.threads = String(s.threads);
  let columns: string[];
  let rows: Cell[][];
  let instance: DuckDBInstance | null = null;
  try {
    const { DuckDBInstance: Duck } = await import('@duckdb/node-api'); // loaded on first use (~0.2 s)
    instance = await Duck.create(s.duckdb ?? ':memory:', options);
    const con = await instance.connect();
    try {
      const result = await con.run(query);
      columns = result.columnNames();
      const cols = await result.getColumnsJS();
      const n = cols.length ? cols[0].length : 0;
      rows = new Array(n);
      for (let i = 0; i < n; i++) {
        const r: Cell[] = new Array(columns.length);
        for (let j = 0; j < columns.length; j++) r[j] = databaseCell(cols[j][i]);
        rows[i] = r;
      }
    } finally {
      con.closeSync();
    }
  } catch (e) {
    throw dataError(ioMessages.databaseFailed(s.name, e instanceof Error ? e.message : String(e)));
  } finally {
    instance?.closeSync();
  }
  if (!columns.length) throw dataError(ioMessages.databaseNoColumns(s.name, query));
  return { table: { file: s.name, sheet: null, columns, rows }, query, sha256: rowsHash(columns, rows) };
}
