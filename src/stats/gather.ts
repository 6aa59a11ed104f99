/**
 * `values[rows[k]]` for each k, as a new Float64Array: the rows of a column kept by an analysis
 * (complete cases, a subgroup). A plain loop; `Float64Array.from(rows, (i) => values[i])` walks an
 * iterator and calls the function per row, ~10× slower on 100,000 rows.
 *
 * @example
 * Array.from(gather(new Float64Array([10, 20, 30]), [2, 0])) // [30, 10]
 */
export function gather(values: ArrayLike<number>, rows: ArrayLike<number>): Float64Array {
  const n = rows.length;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) out[k] = values[rows[k]];
  return out;
}
