/**
 * Reads a PostgreSQL table or query into a Table. The connection string comes only from an
 * environment variable (the spec says `postgres: "$DATABASE_URL"`; a literal URL is refused by the
 * spec check), and no message, log or bundle ever contains it: a failure names the variable and
 * PostgreSQL's reason with the URL removed. Values arrive as text (as in a CSV file) and are read by
 * the file rules; booleans as `true` / `false`; NULL is missing.
 *
 * @example
 * const { table } = await readPostgres({ variable: 'DATABASE_URL', table: 'cohort' }, process.env);
 */
import { dataError } from '../errors.js';
import { ioMessages } from '../messages/index.js';
import { rowsHash } from './rowsHash.js';
import { sourceQuery } from './sourceQuery.js';
import type { DatabaseRead } from './readDuckdb.js';
import type { Cell } from './table.js';

export interface PostgresSource {
  /** Name of the environment variable holding the connection string (without the `$`). */
  readonly variable: string;
  readonly table?: string;
  readonly query?: string;
}

const BOOL_OID = 16;
const asText = { getTypeParser: (oid: number) => (oid === BOOL_OID ? (v: string) => (v === 't' ? 'true' : 'false') : (v: string) => v) };

export async function readPostgres(s: PostgresSource, env: NodeJS.ProcessEnv = process.env): Promise<DatabaseRead> {
  const name = `$${s.variable}`;
  const url = env[s.variable];
  if (!url) throw dataError(ioMessages.databaseNoUrl(s.variable));
  const query = sourceQuery(s);
  const { default: pgLib } = await import('pg'); // loaded on first use
  const client = new pgLib.Client({ connectionString: url });
  const scrub = (m: string) => m.split(url).join(name);
  try {
    await client.connect();
    const res = await client.query({ text: query, rowMode: 'array', types: asText as never });
    const columns = res.fields.map((f) => f.name);
    if (!columns.length) throw dataError(ioMessages.databaseNoColumns(name, query));
    const rows: Cell[][] = (res.rows as unknown[][]).map((r) => r.map((v) => (v === null || v === undefined ? null : String(v))));
    return { table: { file: name, sheet: null, columns, rows }, query, sha256: rowsHash(columns, rows) };
  } catch (e) {
    if (e instanceof Error && e.name === 'SiilabError') throw e;
    throw dataError(ioMessages.databaseFailed(name, scrub(e instanceof Error ? e.message : String(e))));
  } finally {
    await client.end().catch(() => {});
  }
}
