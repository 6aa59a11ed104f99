/**
 * A PostgreSQL table of text columns filled with rows (header first; null is NULL), for the tests
 * that read a source from PostgreSQL; 500 rows a statement.
 *
 * @example
 * await pgTable(client, 'siilab_x.draws', [['id', 'plt'], ['A', 100], ['B', null]]);
 */
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

const PgClient = pg.Client;

export async function pgTable(client: pg.Client, table: string, rows: readonly (readonly (string | number | null)[])[]): Promise<void> {
  const [head, ...data] = rows;
  await client.query(`CREATE TABLE ${table} (${head.map((h) => `"${h}" text`).join(', ')})`);
  for (let i = 0; i < data.length; i += 500) {
    const chunk = data.slice(i, i + 500);
    const values = chunk.map((r, k) => `(${r.map((_, j) => `$${k * head.length + j + 1}`).join(', ')})`).join(', ');
    await client.query(`INSERT INTO ${table} VALUES ${values}`, chunk.flat().map((c) => (c === null || c === '' ? null : String(c))));
  }
}

/**
 * A schema of its own on the test server for one describe block: connected and created before its
 * tests (`fill` then makes its tables), dropped with everything in it after them.
 *
 * @example
 * const pgs = pgSchema(PG, 'siilab_src', async (client, schema) => pgTable(client, `${schema}.draws`, rows));
 * // in a test: `table: ${pgs.schema}.draws`
 */
export function pgSchema(url: string, prefix: string, fill: (client: pg.Client, schema: string) => Promise<void>): { client: pg.Client; schema: string } {
  const schema = `${prefix}_${process.pid}`;
  const client = new PgClient({ connectionString: url });
  beforeAll(async () => {
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await fill(client, schema);
  }, 120_000);
  afterAll(async () => {
    await client.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => {});
    await client.end();
  });
  return { client, schema };
}
