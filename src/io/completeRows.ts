/**
 * Complete-case selection on typed columns: the rows where no column is missing (NaN), and
 * a column gathered at those rows — for the commands that drop incomplete rows before an analysis
 * (one pass, no per-row closures or arrays of numbers).
 *
 * @example
 * const rows = completeRows([Float64Array.of(1, NaN, 3), Float64Array.of(0, 1, NaN)]); // Uint32Array [0]
 * pick(Float64Array.of(1, NaN, 3), rows) // Float64Array [1]
 */
import { gather } from '../stats/gather.js';

export function completeRows(columns: readonly Float64Array[]): Uint32Array {
  const n = columns.length ? columns[0].length : 0;
  const ok = new Uint8Array(n).fill(1);
  let m = n;
  for (const c of columns)
    for (let i = 0; i < n; i++)
      if (ok[i] && Number.isNaN(c[i])) {
        ok[i] = 0;
        m--;
      }
  const rows = new Uint32Array(m);
  for (let i = 0, k = 0; i < n; i++) if (ok[i]) rows[k++] = i;
  return rows;
}

/** `x` at `rows` (src/stats/gather.ts), optionally multiplied by a sign (negated). */
export function pick(x: ArrayLike<number>, rows: Uint32Array, sign = 1): Float64Array {
  const out = gather(x, rows);
  if (sign !== 1) for (let k = 0; k < out.length; k++) out[k] = sign * out[k];
  return out;
}
