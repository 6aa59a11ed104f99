/**
 * Where a long source's derivations run as SQL: embedded DuckDB (a CSV/TSV file, a Parquet file or
 * a DuckDB database) or the PostgreSQL database the source lives in. The compiled SQL is the same
 * text on both (src/cohort/sql/longSourceEngine.ts); a session says only how its source rows are
 * numbered and how a source cell reaches JavaScript as the JavaScript path would have read it.
 * Every table a session makes is a temporary table (the source is never written to).
 *
 * @example
 * const db: SqlSession = await DuckSession.open(2);
 * await db.table('t', [{ name: 'x', type: 'INTEGER' }], [[1, 2]]);
 * (await db.columns('SELECT x FROM t')).x // [1, 2]
 * await db.close();
 */

/** Column types of the tables a session fills from JavaScript (names both engines accept). */
export type ColumnType = 'TEXT' | 'FLOAT8' | 'INTEGER' | 'SMALLINT';

/** How messages name an engine. */
export const ENGINE_NAME = { duckdb: 'DuckDB', postgres: 'PostgreSQL' } as const;

export interface SqlSession {
  readonly engine: 'duckdb' | 'postgres';
  /** The column of `long_rows` that numbers the source rows from 0 in the order read. */
  readonly rowno: string;
  /**
   * A source cell as SQL whose value, passed through databaseCell, is the cell the JavaScript path
   * reads: the value itself on DuckDB (readDuckdb converts the same values), its text on
   * PostgreSQL (readPostgres reads every value as text).
   */
  cell(column: string): string;
  run(sql: string): Promise<void>;
  /** The result's columns by name, as JavaScript values (integers may be bigint or text: use Number). */
  columns(sql: string): Promise<Record<string, unknown[]>>;
  /** A new temporary table filled from columns of values; a null or NaN entry becomes NULL. */
  table(name: string, schema: readonly { name: string; type: ColumnType }[], data: readonly ArrayLike<string | number | null>[]): Promise<void>;
  /**
   * Gathers the planner's statistics of a table the session made (PostgreSQL does not for temporary
   * tables by itself, and plans joins of millions of rows as nested loops without them); DuckDB
   * keeps them as it writes.
   */
  analyze(table: string): Promise<void>;
  /** An error's first line as a reason to show (never a connection string). */
  describe(e: unknown): string;
  close(): Promise<void>;
}
