/**
 * Decimal commas (European Excel exports: `;`-separated, `5,2`): sniffing whether a file uses
 * them and rewriting its numbers with a dot, so every reader downstream sees `5.2`. Thousands
 * separators are read only where they cannot be a decimal mark (`1.234,5`, `1.234.567`,
 * `1 234`); a cell that could be either (`1.234` beside decimal commas, or a file whose only
 * commas are `1,234`) is refused with one message naming file, row and column. Dates such as
 * `03.04.2020` and text are left as they are.
 *
 * @example
 * withDecimalComma('labs.csv', ['alb', 'plt'], [['3,5', '1.234,0']], 2) // [['3.5', '1234.0']]
 */
import { dataError } from '../errors.js';
import { ioMessages } from '../messages/index.js';
import { isMissingCell, type Cell } from './table.js';

/** A dot-decimal number as the rest of siilab reads it. */
const DOT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** `5,2`, `-0,75`, `,5`, `1,2E-3`. */
const COMMA = /^([+-]?)(\d*),(\d+)([eE][+-]?\d+)?$/;
/** `1.234,5`, `1 234,5`, `1.234.567`, `1 234` (dot, space or no-break space groups of three). */
const GROUPED = /^([+-]?)(\d{1,3}(?:([. \u00a0\u202f])\d{3})(?:\3\d{3})*)(?:,(\d+))?$/;
/** `1.234`: a dot and three digits, which beside decimal commas may be a thousands separator. */
const DOT_OR_THOUSANDS = /^[+-]?[1-9]\d{0,2}\.\d{3}$/;
/** `1,234`, `12,345,678`: a decimal comma or a thousands comma. */
const COMMA_OR_THOUSANDS = /^[+-]?[1-9]\d{0,2}(,\d{3})+$/;

type Kind = 'dot' | 'comma' | 'grouped' | 'dotOrThousands' | 'other';

function kindOf(s: string): Kind {
  if (DOT_OR_THOUSANDS.test(s)) return 'dotOrThousands';
  if (DOT.test(s)) return 'dot';
  if (COMMA.test(s)) return 'comma';
  const g = GROUPED.exec(s);
  // A single dot group without a comma (`1.234`) is handled above; `1 234` and `1.234.567` are thousands.
  if (g) return 'grouped';
  return 'other';
}

const text = (c: Cell): string | null => (typeof c === 'string' && !isMissingCell(c) ? c.trim() : null);

/**
 * Whether a delimited file uses decimal commas: some column holds only numbers, at least one of
 * them written `5,2`. Refuses when the only commas could be thousands separators (`1,234`).
 */
export function sniffDecimalComma(file: string, columns: readonly string[], rows: readonly (readonly Cell[])[], firstRow: number): boolean {
  let ambiguous: { row: number; column: string; value: string } | null = null;
  for (let j = 0; j < columns.length; j++) {
    let commas = 0;
    let numeric = true;
    let firstAmbiguous: { row: number; column: string; value: string } | null = null;
    let clear = false;
    for (let i = 0; i < rows.length && numeric; i++) {
      const s = text(rows[i][j] ?? null);
      if (s === null) continue;
      const k = kindOf(s);
      if (k === 'other') numeric = false;
      else if (k === 'comma' || (k === 'grouped' && s.includes(','))) {
        commas++;
        if (COMMA_OR_THOUSANDS.test(s)) firstAmbiguous ??= { row: firstRow + i, column: columns[j], value: s };
        else clear = true;
      }
    }
    if (!numeric || commas === 0) continue;
    if (clear) return true;
    ambiguous ??= firstAmbiguous;
  }
  if (ambiguous) throw dataError(ioMessages.decimalMarkAmbiguous(file, ambiguous.row, ambiguous.column, ambiguous.value, 'thousands'));
  return false;
}

/**
 * The rows with every number written with a decimal comma rewritten with a dot (`5,2` → `5.2`,
 * `1.234,5` → `1234.5`). Cells that are not numbers are kept; numbers (spreadsheet cells) too.
 */
export function withDecimalComma(file: string, columns: readonly string[], rows: readonly (readonly Cell[])[], firstRow: number): Cell[][] {
  const out: Cell[][] = rows.map((r) => [...r]);
  for (let j = 0; j < columns.length; j++) {
    // A column whose thousands are dot-grouped (`1.234,5`) reads `1.234` as 1234; one with other
    // decimal commas cannot tell, and one with only dot numbers reads it as 1.234.
    let dotGroups = false;
    let commas = false;
    for (const r of rows) {
      const s = text(r[j] ?? null);
      if (s === null) continue;
      const k = kindOf(s);
      if (k === 'grouped' && s.includes('.')) dotGroups = true;
      if (k === 'comma' || k === 'grouped') commas = true;
    }
    for (let i = 0; i < rows.length; i++) {
      const s = text(rows[i][j] ?? null);
      if (s === null) continue;
      const k = kindOf(s);
      if (k === 'comma') {
        const m = COMMA.exec(s)!;
        out[i][j] = `${m[1]}${m[2] === '' ? '0' : m[2]}.${m[3]}${m[4] ?? ''}`;
      } else if (k === 'grouped') {
        const m = GROUPED.exec(s)!;
        out[i][j] = `${m[1]}${m[2].replace(/[. \u00a0\u202f]/g, '')}${m[4] !== undefined ? `.${m[4]}` : ''}`;
      } else if (k === 'dotOrThousands') {
        if (dotGroups) out[i][j] = s.replace('.', '');
        else if (commas) throw dataError(ioMessages.decimalMarkAmbiguous(file, firstRow + i, columns[j], s, 'dot'));
      }
    }
  }
  return out;
}
