/**
 * Typos in an otherwise clean column: a few cells that do not fit what the rest of the column holds.
 * Two kinds: text in a number column (`high` among platelet counts) and a stray code in a 0/1 column
 * (`2` among event indicators). "A few" is at most max(2, 2 % of the filled cells) among at least
 * 10 filled cells; more than that is a column of another type, not a typo. Column profiling types
 * the column from its other cells (so it is still offered for its variable) and cellProblems lists
 * each stray cell by row.
 *
 * @example
 * strayCells(table, j) // { kind: 'notNumber', rows: [6], values: ['high'] }   (data row index 6 = spreadsheet row 8)
 */
import { columnCells } from '../io/columnCells.js';
import { isMissingCell, type Table } from '../io/table.js';
import { isNumberText } from '../io/columns.js';

export interface StrayCells {
  readonly kind: 'notNumber' | 'notBinary';
  /** Data row indices (0-based), in file order. */
  readonly rows: readonly number[];
  readonly values: readonly string[];
}

/** The most cells that count as typos among `filled` filled cells. */
export const maxStray = (filled: number): number => (filled < 10 ? 0 : Math.max(2, Math.floor(0.02 * filled)));

export function strayCells(table: Table, j: number): StrayCells | null {
  const text: number[] = [];
  const nums: { i: number; x: number }[] = [];
  let filled = 0;
  const cells = columnCells(table, j);
  cells.forEach((c, i) => {
    if (isMissingCell(c)) return;
    filled++;
    if (isNumberText(c)) nums.push({ i, x: typeof c === 'number' ? c : Number(String(c).trim()) });
    else text.push(i);
  });
  const limit = maxStray(filled);
  const cell = (i: number) => String(cells[i]).trim();
  if (text.length > 0) {
    if (text.length > limit) return null;
    return { kind: 'notNumber', rows: text, values: text.map(cell) };
  }
  const odd = nums.filter((v) => v.x !== 0 && v.x !== 1);
  const binaryRest = nums.length - odd.length;
  if (odd.length > 0 && odd.length <= limit && binaryRest >= 10 && nums.some((v) => v.x === 0) && nums.some((v) => v.x === 1)) {
    return { kind: 'notBinary', rows: odd.map((v) => v.i), values: odd.map((v) => cell(v.i)) };
  }
  return null;
}
