/** SqlDriver over better-sqlite3 (embedded SQLite, WAL mode, foreign keys on). */
import Database from 'better-sqlite3';
import type { SqlDriver } from './sqlStore.js';

export function sqliteDriver(file: string): SqlDriver {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  return {
    kind: 'sqlite',
    blobType: 'BLOB',
    async exec(sql) {
      db.exec(sql);
    },
    async run(sql, params) {
      db.prepare(sql).run(...(params as unknown[]));
    },
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return db.prepare(sql).all(...(params as unknown[])) as T[];
    },
    async transaction(fn) {
      db.exec('BEGIN');
      try {
        await fn();
        db.exec('COMMIT');
      } catch (e) {
        db.exec('ROLLBACK');
        throw e;
      }
    },
    async close() {
      db.close();
    },
  };
}
