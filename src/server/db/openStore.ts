/** Opens the store: PostgreSQL when DATABASE_URL is set, else SQLite in <dataDir>/siilab.sqlite. Runs migrations. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sqlStore } from './sqlStore.js';
import { sqliteDriver } from './sqliteDriver.js';
import { postgresDriver } from './postgresDriver.js';
import type { Store } from './store.js';

export async function openStore(opts: { dataDir: string; databaseUrl?: string | null }): Promise<Store> {
  let store: Store;
  if (opts.databaseUrl) store = sqlStore(postgresDriver(opts.databaseUrl));
  else {
    mkdirSync(opts.dataDir, { recursive: true });
    store = sqlStore(sqliteDriver(join(opts.dataDir, 'siilab.sqlite')));
  }
  await store.migrate();
  return store;
}
