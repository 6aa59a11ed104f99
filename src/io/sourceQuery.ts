/**
 * The SQL a database source runs: its `query` as written, or `SELECT * FROM <table>` with the table
 * name quoted as an SQL identifier (`schema.table` quoted part by part), so that the same text runs
 * on DuckDB and on PostgreSQL (both follow the standard's double-quoted identifiers).
 *
 * @example
 * sourceQuery({ table: 'lab.draws' }) // 'SELECT * FROM "lab"."draws"'
 * sourceQuery({ query: 'SELECT id, sii FROM cohort WHERE arm = 1' }) // the query itself
 */
export function sourceQuery(s: { readonly table?: string; readonly query?: string }): string {
  if (s.query !== undefined) return s.query.trim().replace(/;\s*$/, '');
  const parts = (s.table ?? '').split('.');
  return `SELECT * FROM ${parts.map((p) => `"${p.replace(/"/g, '""')}"`).join('.')}`;
}
