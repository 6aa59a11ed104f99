/**
 * Column widths (twips) for a Word table, fitted to content so that LibreOffice and Word break no
 * number or word in the middle: each column needs its longest unbreakable cell (numbers, "3.404
 * (1.608–7.207)" as a whole) or, for the left-aligned label column, its longest word up to a
 * comfortable line; the rest of the text width is shared in proportion. Character widths are the
 * average of Arial at the table's font size (a slight overestimate, so nothing overflows).
 *
 * @example
 * docxColumnWidths([['Factor', 'SII ≥ 340'], ['HR (95% CI)', '3.404 (1.608–7.207)']], ['left', 'right'], 9638, 9)
 */
import type { Align } from './reportTable.js';

/** Average character width of Arial as a fraction of the font size. */
const CHAR_EM = 0.55;
/** Bold header text is wider (Arial Bold averages about 0.6 em). */
const HEADER_EM = 0.6;
const CELL_MARGINS = 160; // twips, left + right

/** Whether the columns fit `available` at `fontPt` without breaking a word or a number. */
export function docxColumnsFit(columns: readonly (readonly string[])[], align: readonly Align[], available: number, fontPt: number): boolean {
  const charTw = fontPt * 20 * CHAR_EM;
  const longestWord = (s: string) => Math.max(0, ...s.split(/\s+/).map((w) => w.length));
  const min = columns.map((cells, j) => {
    const [header, ...body] = cells;
    const bodyMin = align[j] === 'left' ? Math.max(0, ...body.map(longestWord)) : Math.max(0, ...body.map((c) => c.length));
    return Math.max(longestWord(header) * (HEADER_EM / CHAR_EM), bodyMin, 2) * charTw + CELL_MARGINS;
  });
  return min.reduce((s, x) => s + x, 0) <= available;
}

export function docxColumnWidths(columns: readonly (readonly string[])[], align: readonly Align[], available: number, fontPt: number): number[] {
  const charTw = fontPt * 20 * CHAR_EM;
  const longestWord = (s: string) => Math.max(0, ...s.split(/\s+/).map((w) => w.length));
  const need = columns.map((cells, j) => {
    const [header, ...body] = cells;
    const headerNeed = longestWord(header) * (HEADER_EM / CHAR_EM);
    // Label columns may wrap at spaces (but not below their longest word, nor above 34 characters a line).
    const bodyNeed = align[j] === 'left' ? Math.max(...body.map((c) => Math.min(c.length, 34)), ...body.map(longestWord), 0) : Math.max(0, ...body.map((c) => c.length));
    return Math.max(headerNeed, bodyNeed, 2) * charTw + CELL_MARGINS;
  });
  const total = need.reduce((s, x) => s + x, 0);
  if (total <= available) {
    const extra = (available - total) / need.length;
    return need.map((w) => Math.round(w + extra));
  }
  // Too wide: shrink the wrapping (left-aligned) columns first, down to their longest word.
  const minOf = columns.map((cells, j) => (align[j] === 'left' ? Math.max(...cells.map(longestWord), 2) * charTw + CELL_MARGINS : need[j]));
  const shrinkable = need.reduce((s, w, j) => s + (w - minOf[j]), 0);
  const over = total - available;
  if (shrinkable >= over) return need.map((w, j) => Math.round(w - ((w - minOf[j]) / shrinkable) * over));
  // Still too wide: scale everything (the table then needs a smaller font or landscape; it still fits the page).
  const minTotal = minOf.reduce((s, x) => s + x, 0);
  return minOf.map((w) => Math.round((w / minTotal) * available));
}
