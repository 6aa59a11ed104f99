/**
 * A table read from a file: header names and rows of cells. Cells are kept as the file gave
 * them (text, or a number/ISO date from a spreadsheet); `null` is a missing cell. Row numbers
 * in messages are spreadsheet row numbers: the header is row 1, the first data row is row 2.
 */
export type Cell = string | number | null;

export interface Table {
  /** The file name as the user gave it, used in every message. */
  readonly file: string;
  readonly sheet: string | null;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** False when the file has no header row (names from `columns:` or V1…Vn); the first data row is then row 1. Absent: true. */
  readonly header?: boolean;
  /** Decimal mark the numbers were read with, when it is a comma (cells are then given with a dot). */
  readonly decimal?: ',' | '.';
  /** Field delimiter of a delimited text file, as given or sniffed. */
  readonly delimiter?: string;
  /**
   * A table of distinct cells (src/cohort/sql): the source row number of each row (its first row
   * with that cell), used by rowNumber in every message.
   */
  readonly rowNumbers?: ArrayLike<number>;
  /** A table of distinct cells: how many source rows each row stands for (medians and counts are weighted by it). */
  readonly counts?: ArrayLike<number>;
}

/** Spreadsheet row number of data row `i` (0-based): the header is row 1, unless the table has none. */
export const rowNumber = (i: number, table?: Pick<Table, 'header' | 'rowNumbers'>): number =>
  table?.rowNumbers ? table.rowNumbers[i] : i + (table?.header === false ? 1 : 2);

/** Tokens that mean "missing" in an export (case-insensitive, after trimming). */
const MISSING = new Set(['', 'na', 'n/a', '#n/a', 'nan', 'null', '?', 'none', '.']);

export function isMissingCell(c: Cell): boolean {
  if (c === null) return true;
  if (typeof c === 'number') return Number.isNaN(c);
  return MISSING.has(c.trim().toLowerCase());
}
