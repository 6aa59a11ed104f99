/**
 * One embedded DuckDB database (in memory, spilling to a temporary directory beyond its memory
 * limit) that holds a long source while its derivations run as SQL (SqlSession): statements,
 * result columns as JavaScript values, and temporary tables filled through DuckDB's appender. A
 * DuckDB database file is attached read-only and made the default catalog, so that a source query
 * runs as written; siilab's own tables are temporary and never touch it.
 *
 * @example
 * const db = await DuckSession.open(2);
 * await db.run('CREATE TEMP TABLE t AS SELECT 1 AS x');
 * (await db.columns('SELECT x FROM t')).x // [1]
 * await db.close();
 */
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ColumnType, SqlSession } from './sqlSession.js';
import { ident, text } from './sqlText.js';

export class DuckSession implements SqlSession {
  readonly engine = 'duckdb';
  readonly rowno = 'rowid';
  private constructor(private readonly instance: DuckDBInstance, private readonly con: DuckDBConnection, private readonly spill: string) {}

  /**
   * A database in memory that spills to a temporary directory of its own beyond `memoryLimit`
   * (default SIILAB_DUCKDB_MEMORY, else 1GB), so that an export larger than memory is read; with
   * `attach`, that database file read-only as the default catalog.
   */
  static async open(threads?: number | null, attach?: string | null, memoryLimit = process.env.SIILAB_DUCKDB_MEMORY ?? '1GB'): Promise<DuckSession> {
    const spill = mkdtempSync(join(tmpdir(), 'siilab-duckdb-'));
    const options: Record<string, string> = {
      autoinstall_known_extensions: 'false', autoload_known_extensions: 'false', preserve_insertion_order: 'true',
      memory_limit: memoryLimit, temp_directory: spill,
    };
    if (threads) options.threads = String(threads);
    let instance: DuckDBInstance | null = null;
    try {
      // loaded on first use: the native engine takes ~0.2 s to load, which a study of CSV files does not need
      const { DuckDBInstance: Duck } = await import('@duckdb/node-api');
      instance = await Duck.create(':memory:', options);
      const s = new DuckSession(instance, await instance.connect(), spill);
      if (attach) {
        await s.run(`ATTACH ${text(attach)} AS siilab_source (READ_ONLY)`);
        await s.run('USE siilab_source');
      }
      return s;
    } catch (e) {
      instance?.closeSync();
      rmSync(spill, { recursive: true, force: true });
      throw e;
    }
  }

  cell(column: string): string {
    return column;
  }

  async run(sql: string): Promise<void> {
    await this.con.run(sql);
  }

  async columns(sql: string): Promise<Record<string, unknown[]>> {
    const r = await this.con.run(sql);
    const names = r.columnNames();
    const cols = await r.getColumnsJS();
    return Object.fromEntries(names.map((n, j) => [n, cols[j] ?? []]));
  }

  async table(name: string, schema: readonly { name: string; type: ColumnType }[], data: readonly ArrayLike<string | number | null>[]): Promise<void> {
    await this.run(`DROP TABLE IF EXISTS temp.main.${ident(name)}`);
    await this.run(`CREATE TEMP TABLE ${ident(name)} (${schema.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})`);
    const app = await this.con.createAppender(name, 'main', 'temp');
    const n = data.length ? data[0].length : 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < schema.length; j++) {
        const v = data[j][i];
        if (v === null || (typeof v === 'number' && Number.isNaN(v))) app.appendNull();
        else if (schema[j].type === 'TEXT') app.appendVarchar(String(v));
        else if (schema[j].type === 'FLOAT8') app.appendDouble(v as number);
        else if (schema[j].type === 'INTEGER') app.appendInteger(v as number);
        else app.appendSmallInt(v as number);
      }
      app.endRow();
    }
    app.flushSync();
    app.closeSync();
  }

  async analyze(): Promise<void> {}

  describe(e: unknown): string {
    return e instanceof Error ? e.message.split('\n')[0] : String(e);
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.con.closeSync();
    this.instance.closeSync();
    rmSync(this.spill, { recursive: true, force: true });
  }
}
