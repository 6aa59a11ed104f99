/**
 * A connection to the PostgreSQL database a long source lives in, where its derivations run as SQL
 * (SqlSession). Everything happens in one REPEATABLE READ transaction, so the rows derived and the
 * rows hashed for the bundle are one snapshot, and it is rolled back at the end: siilab's tables are
 * temporary and the database is left as it was. Source cells are read as text, as readPostgres
 * reads them; a temporary table is filled by one INSERT … SELECT FROM unnest(arrays) statement.
 * Messages never contain the connection string (`scrub`).
 *
 * @example
 * const db = await PgSession.open('DATABASE_URL', process.env);
 * await db.table('t', [{ name: 'x', type: 'INTEGER' }], [[1, 2]]);
 * (await db.columns('SELECT x FROM t')).x // [1, 2]
 * await db.close();
 */
import type pg from 'pg';
import type { Cell } from '../../io/table.js';
import type { ColumnType, SqlSession } from './sqlSession.js';
import { ident } from './sqlText.js';

const BOOL_OID = 16;
/** Every value as PostgreSQL's text, booleans as `true` / `false` (what readPostgres reads). */
const AS_TEXT = { getTypeParser: (oid: number) => (oid === BOOL_OID ? (v: string) => (v === 't' ? 'true' : 'false') : (v: string) => v) };

export class PgSession implements SqlSession {
  readonly engine = 'postgres';
  readonly rowno = 'siilab_row';
  private constructor(private readonly client: pg.Client, private readonly url: string, private readonly name: string) {}

  /**
   * Connects with `url` (the value of the variable `name`, as `$DATABASE_URL`) and opens the
   * transaction; with `snapshot` (exportSnapshot of another session), one that sees what that
   * session sees, so that two connections read the same rows at once.
   */
  static async open(url: string, name: string, snapshot?: string): Promise<PgSession> {
    const { default: pgLib } = await import('pg'); // loaded on first use
    const client = new pgLib.Client({ connectionString: url });
    await client.connect();
    const s = new PgSession(client, url, name);
    try {
      await s.run('BEGIN ISOLATION LEVEL REPEATABLE READ');
      if (snapshot) await s.run(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/'/g, "''")}'`);
      // Joins and sorts of millions of draws: more memory per operation than the default 4 MB.
      await s.run("SET LOCAL work_mem = '256MB'");
    } catch (e) {
      await client.end().catch(() => {});
      throw e;
    }
    return s;
  }

  /** The snapshot of this transaction, for another session to open at (PostgreSQL's pg_export_snapshot). */
  async exportSnapshot(): Promise<string> {
    return String((await this.columns('SELECT pg_export_snapshot() AS s')).s[0]);
  }

  /** An error's first line with the connection string replaced by the variable's name. */
  describe(e: unknown): string {
    return (e instanceof Error ? e.message.split('\n')[0] : String(e)).split(this.url).join(this.name);
  }

  cell(column: string): string {
    return `CAST(${column} AS TEXT)`;
  }

  async run(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  async columns(sql: string): Promise<Record<string, unknown[]>> {
    const r = await this.client.query({ text: sql, rowMode: 'array' });
    const rows = r.rows as unknown[][];
    return Object.fromEntries(r.fields.map((f, j) => [f.name, rows.map((row) => row[j])]));
  }

  async table(name: string, schema: readonly { name: string; type: ColumnType }[], data: readonly ArrayLike<string | number | null>[]): Promise<void> {
    await this.run(`DROP TABLE IF EXISTS pg_temp.${ident(name)}`);
    await this.run(`CREATE TEMP TABLE ${ident(name)} (${schema.map((c) => `${ident(c.name)} ${c.type}`).join(', ')})`);
    const values = data.map((col) => Array.from(col, (v) => (v === null || (typeof v === 'number' && Number.isNaN(v)) ? null : v)));
    if (values.length && values[0].length) await this.client.query(`INSERT INTO ${ident(name)} SELECT * FROM unnest(${schema.map((c, j) => `$${j + 1}::${c.type}[]`).join(', ')})`, values);
    await this.analyze(name);
  }

  async analyze(table: string): Promise<void> {
    await this.run(`ANALYZE ${ident(table)}`);
  }

  /**
   * The rows of `query` a batch at a time through a cursor, every value as text (as readPostgres
   * reads them): the column names, then each batch. Returns the number of rows.
   */
  async eachBatch(query: string, onColumns: (columns: string[]) => void, onRows: (rows: Cell[][]) => void, stopped: () => boolean = () => false, batch = 50000): Promise<number> {
    await this.run(`DECLARE siilab_rows NO SCROLL CURSOR FOR ${query}`);
    let n = 0;
    let first = true;
    while (!stopped()) {
      // Every value arrives as a string or null (AS_TEXT).
      const r = await this.client.query({ text: `FETCH FORWARD ${batch} FROM siilab_rows`, rowMode: 'array', types: AS_TEXT as never });
      if (first) onColumns(r.fields.map((f) => f.name));
      first = false;
      const rows = r.rows as Cell[][];
      if (rows.length) onRows(rows);
      n += rows.length;
      if (rows.length < batch) break;
    }
    await this.run('CLOSE siilab_rows');
    return n;
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.query('ROLLBACK').catch(() => {});
    await this.client.end().catch(() => {});
  }
}
