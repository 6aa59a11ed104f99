/** SqlDriver over node-postgres (one pooled client per transaction; `?` → `$n`). */
import pg from 'pg';
import type { SqlDriver } from './sqlStore.js';

const numbered = (sql: string): string => {
  let k = 0;
  return sql.replace(/\?/g, () => `$${++k}`);
};

export function postgresDriver(url: string): SqlDriver {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  let tx: pg.PoolClient | null = null;
  const q = (sql: string, params: readonly unknown[] = []) => (tx ?? pool).query(numbered(sql), params as unknown[]);
  return {
    kind: 'postgres',
    blobType: 'BYTEA',
    async exec(sql) {
      await (tx ?? pool).query(sql);
    },
    async run(sql, params) {
      await q(sql, params);
    },
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return (await q(sql, params)).rows as T[];
    },
    async transaction(fn) {
      if (tx) return fn();
      const client = await pool.connect();
      tx = client;
      try {
        await client.query('BEGIN');
        await fn();
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      } finally {
        tx = null;
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
