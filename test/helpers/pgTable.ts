/**
 * A PostgreSQL table of text columns filled with rows (header first; null is NULL), for the tests
 * that read a source from PostgreSQL; 500 rows a statement.
 *
 * @example
 * await pgTable(client, 'siilab_x.draws', [['id', 'plt'], ['A', 100], ['B', null]]);
 */
import type pg from 'pg';

export async function pgTable(client: pg.Client, table: string, rows: readonly (readonly (string | number | null)[])[]): Promise<void> {
  const [head, ...data] = rows;
  await client.query(`CREATE TABLE ${table} (${head.map((h) => `"${h}" text`).join(', ')})`);
  for (let i = 0; i < data.length; i += 500) {
    const chunk = data.slice(i, i + 500);
    const values = chunk.map((r, k) => `(${r.map((_, j) => `$${k * head.length + j + 1}`).join(', ')})`).join(', ');
    await client.query(`INSERT INTO ${table} VALUES ${values}`, chunk.flat().map((c) => (c === null || c === '' ? null : String(c))));
  }
}
