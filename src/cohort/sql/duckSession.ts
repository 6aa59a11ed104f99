/**
 * One embedded DuckDB database (in memory, spilling to a temporary directory beyond its memory
 * limit) that holds a long source while its derivations run as SQL: statements, result columns
 * as JavaScript values, and tables filled from JavaScript arrays through DuckDB's appender.
 *
 * @example
 * const db = await DuckSession.open(2);
 * await db.run('CREATE TABLE t AS SELECT 1 AS x');
 * (await db.columns('SELECT x FROM t')).x // [1]
 * db.close();
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ident } from './sqlText.js';

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'UTINYINT';

export class DuckSession {
  private constructor(private readonly instance: DuckDBInstance, private readonly con: DuckDBConnection, private readonly spill: string) {}

  /**
   * A database in memory that spills to a temporary directory of its own beyond `memoryLimit`
   * (default SIILAB_DUCKDB_MEMORY, else 1GB), so that an export larger than memory is read.
   */
  static async open(threads?: number | null, memoryLimit = process.env.SIILAB_DUCKDB_MEMORY ?? '1GB'): Promise<DuckSession> {
    const spill = mkdtempSync(join(tmpdir(), 'siilab-duckdb-'));
    const options: Record<string, string> = {
      autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', preserve_insertion_order: 'true',
      memory_limit: memoryLimit, temp_directory: spill,
    };
    if (threads) options.threads = String(threads);
    try {
      const instance = await DuckDBInstance.create(':memory:', options);
      return new DuckSession(instance, await instance.connect(), spill);
    } catch (e) {
      rmSync(spill, { recursive: true, force: true });
      throw e;
    }
  }

  async run(sql: string): Promise<void> {
    await this.con.run(sql);
  }

  /** The result's columns by name, as JavaScript values (BIGINT as bigint, NULL as null). */
  async columns(sql: string): Promise<Record<string, unknown[]>> {
    const r = await this.con.run(sql);
    const names = r.columnNames();
    const cols = await r.getColumnsJS();
    return Object.fromEntries(names.map((n, j) => [n, cols[j] ?? []]));
  }

  /** A new table filled row by row; a null or NaN entry becomes NULL. */
  async table(name: string, schema: readonly { name: string; type: ColumnType }[], data: readonly ArrayLike<string | number | null>[]): Promise<void> {
    await this.run(`CREATE OR REPLACE TABLE ${ident(name)} (${schema.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})`);
    const app = await this.con.createAppender(name);
    const n = data.length ? data[0].length : 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < schema.length; j++) {
        const v = data[j][i];
        if (v === null || (typeof v === 'number' && Number.isNaN(v))) app.appendNull();
        else if (schema[j].type === 'VARCHAR') app.appendVarchar(String(v));
        else if (schema[j].type === 'DOUBLE') app.appendDouble(v as number);
        else if (schema[j].type === 'INTEGER') app.appendInteger(v as number);
        else app.appendUTinyInt(v as number);
      }
      app.endRow();
    }
    app.flushSync();
    app.closeSync();
  }

  close(): void {
    this.con.closeSync();
    this.instance.closeSync();
    rmSync(this.spill, { recursive: true, force: true });
  }
}
