/**
 * Reads one data source of a study: a CSV/TSV/XLSX file (src/io/readTable.ts), a Parquet file or a
 * DuckDB table/query (src/io/readDuckdb.ts), or a PostgreSQL table/query (src/io/readPostgres.ts;
 * connection string from the environment variable the spec names). Returns the table and what the
 * results bundle records of it: the file (or database) name, the SHA-256 of the file's bytes or of
 * the rows read, the rows, and for a database the SQL that ran — never a connection string.
 *
 * @example
 * const { table, input } = await readSource({ duckdb: 'lab.duckdb', table: 'draws' }, '/study');
 * input // { file: 'lab.duckdb', sha256: '…', rows: 6120, query: 'SELECT * FROM "draws"' }
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { DataSource } from '../study/types.js';
import { readDuckdb } from './readDuckdb.js';
import { readPostgres } from './readPostgres.js';
import { readTable } from './readTable.js';
import type { Table } from './table.js';
import { columnarOf } from './columnarTable.js';

export interface SourceInput {
  /** The file as the spec names it (relative to the study file), or `$VARIABLE` for PostgreSQL. */
  readonly file: string;
  /** SHA-256 of the file's bytes, or of the rows read from a database (src/io/rowsHash.ts). */
  readonly sha256: string;
  readonly rows: number;
  /** The SQL run on a database source. */
  readonly query?: string;
}

export interface SourceRead {
  readonly table: Table;
  readonly input: SourceInput;
}

export interface ReadSourceOptions {
  /** Threads of the embedded DuckDB engine (default: DuckDB's, one per core). */
  readonly threads?: number | null;
  readonly env?: NodeJS.ProcessEnv;
}

/** The environment variable a `postgres:` field names (`$DATABASE_URL` or `${DATABASE_URL}`), or null when it is not such a reference. */
export function postgresVariable(value: string): string | null {
  const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(value.trim());
  return m ? m[1] : null;
}

/** The kind of a source by the field that names it. */
export function sourceKind(s: DataSource): 'file' | 'parquet' | 'duckdb' | 'postgres' | null {
  const kinds = (['file', 'parquet', 'duckdb', 'postgres'] as const).filter((k) => s[k] !== undefined);
  return kinds.length === 1 ? kinds[0] : null;
}

export async function readSource(s: DataSource, specDir: string, opts: ReadSourceOptions = {}): Promise<SourceRead> {
  const shown = (p: string) => (isAbsolute(p) ? relative(specDir, p) || p : p);
  if (s.postgres !== undefined) {
    const r = await readPostgres({ variable: postgresVariable(s.postgres) ?? '', table: s.table, query: s.query }, opts.env);
    return { table: r.table, input: { file: r.table.file, sha256: r.sha256, rows: r.table.rows.length, query: r.query } };
  }
  if (s.duckdb !== undefined || s.parquet !== undefined) {
    const name = shown((s.duckdb ?? s.parquet)!);
    const r = await readDuckdb({
      duckdb: s.duckdb !== undefined ? resolve(specDir, s.duckdb) : null,
      parquet: s.parquet !== undefined ? resolve(specDir, s.parquet) : null,
      table: s.table,
      query: s.query,
      name,
      threads: opts.threads,
    });
    return { table: r.table, input: { file: name, sha256: r.sha256, rows: r.table.rows.length, ...(s.duckdb !== undefined ? { query: r.query } : {}) } };
  }
  const path = resolve(specDir, s.file!);
  const table = await readTable(path, { sheet: s.sheet ?? null, header: s.header ?? null, columns: s.columns ?? null, decimal: s.decimal ?? null });
  const sha256 = createHash('sha256').update(await readFile(path)).digest('hex');
  return { table, input: { file: relative(specDir, path) || s.file!, sha256, rows: columnarOf(table)?.nRows ?? table.rows.length } };
}
