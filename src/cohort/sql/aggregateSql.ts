/**
 * One per-patient aggregate of a long source's draws (src/cohort/aggregateDraws.ts) compiled to
 * SQL over the draw table `draws(rowno, k, day, v_*, c_*)` and `origins(k, origin)`: the draws in
 * the window (dated, on or before the origin for `baseline`, within `from`/`to` days of it), then
 * per patient the number in the window, the number with a value, the first non-absent cause of a
 * missing one (as rowno·16 + code, so the smallest is the first in draw order), the value, and
 * whether a draw after the origin contributed. `mean` sums in draw order (the order aggregateDraws
 * adds in, so the same double); `baseline`/`last` take the latest dated draw (the later row on a
 * tie), `first` the earliest (the earlier row). The same text runs on DuckDB and PostgreSQL (both have the ordered aggregate).
 *
 * @example
 * aggregateSql('mean', { value: '"v_afp"', cause: '"c_afp"' }, { from: 0, to: 1095.75 })
 */
import type { AggregateMethod } from '../../study/types.js';
import type { DayWindow } from '../aggregateDraws.js';
import { causeCode } from '../missingCause.js';
import { double } from './sqlText.js';
import type { IndexSql } from './drawIndexSql.js';

export function aggregateSql(method: AggregateMethod, of: IndexSql, window: DayWindow | null): string {
  const where = ['d.k IS NOT NULL', 'd.day IS NOT NULL'];
  if (method === 'baseline') where.push('d.day <= o.origin');
  if (window && !Number.isNaN(window.from)) where.push(`d.day - o.origin >= ${double(window.from)}`);
  if (window && !Number.isNaN(window.to)) where.push(`d.day - o.origin <= ${double(window.to)}`);
  const x = `x AS (SELECT d.k, d.rowno, d.day, o.origin, ${of.value} AS v, ${of.cause} AS c FROM draws d JOIN origins o ON o.k = d.k WHERE ${where.join(' AND ')})`;
  const counts = `count(*) AS in_window, count(v) AS n, min(CASE WHEN v IS NULL AND c NOT IN (0, ${causeCode('absent')}) THEN CAST(rowno AS BIGINT) * 16 + c END) AS fail`;
  const pick = method === 'baseline' || method === 'last' ? 'day DESC, rowno DESC' : method === 'first' ? 'day ASC, rowno ASC' : null;
  if (pick) {
    return `WITH ${x}, p AS (SELECT k, v, day > origin AS after, row_number() OVER (PARTITION BY k ORDER BY ${pick}) AS q FROM x WHERE v IS NOT NULL),
  g AS (SELECT k, ${counts} FROM x GROUP BY k)
SELECT g.k, g.in_window, g.n, g.fail, p.v AS value, p.after FROM g LEFT JOIN p ON p.k = g.k AND p.q = 1`;
  }
  const value = method === 'mean' ? 'sum(v ORDER BY rowno) / count(v)' : method === 'max' ? 'max(v)' : 'min(v)';
  return `WITH ${x}
SELECT k, ${counts}, ${value} AS value, bool_or(v IS NOT NULL AND day > origin) AS after FROM x GROUP BY k`;
}
