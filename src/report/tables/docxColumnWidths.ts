/**
 * Column widths (twips) for a Word table, fitted to content so that LibreOffice and Word break no
 * number or word in the middle: each column needs its longest unbreakable cell (numbers, "3.404
 * (1.608–7.207)" as a whole) or, for the left-aligned label column, its longest word up to a
 * comfortable line; the rest of the text width is shared in proportion. Text is measured with
 * Arial's advance widths (figures/textWidth.ts; Word's Arial and LibreOffice's Liberation Sans share
 * them) plus SLACK, so that a number such as "116" is never broken ("11" over "6").
 *
 * @example
 * docxColumnWidths([['Factor', 'SII ≥ 340'], ['HR (95% CI)', '3.404 (1.608–7.207)']], ['left', 'right'], 9638, 9)
 */
import type { Align } from './reportTable.js';
import { textWidth } from '../figures/textWidth.js';

/** Average character width of Arial as a fraction of the font size (for "a comfortable line"). */
const CHAR_EM = 0.55;
const CELL_MARGINS = 160; // twips, left + right
/** Room for kerning and the word processor's rounding of widths. */
const SLACK = 1.04;

/** Width in twips of `s` at `fontPt` (bold for headers). */
const tw = (s: string, fontPt: number, bold = false): number => textWidth(s, fontPt, bold) * 20 * SLACK;
const longestWordTw = (s: string, fontPt: number, bold = false): number => Math.max(0, ...s.split(/\s+/).map((w) => tw(w, fontPt, bold)));

/** Whether the columns fit `available` at `fontPt` without breaking a word or a number. */
export function docxColumnsFit(columns: readonly (readonly string[])[], align: readonly Align[], available: number, fontPt: number): boolean {
  const min = columns.map((cells, j) => {
    const [header, ...body] = cells;
    const bodyMin = align[j] === 'left' ? Math.max(0, ...body.map((c) => longestWordTw(c, fontPt))) : Math.max(0, ...body.map((c) => tw(c, fontPt)));
    return Math.max(longestWordTw(header, fontPt, true), bodyMin, tw('00', fontPt)) + CELL_MARGINS;
  });
  return min.reduce((s, x) => s + x, 0) <= available;
}

export function docxColumnWidths(columns: readonly (readonly string[])[], align: readonly Align[], available: number, fontPt: number): number[] {
  const charTw = fontPt * 20 * CHAR_EM;
  const need = columns.map((cells, j) => {
    const [header, ...body] = cells;
    const headerNeed = longestWordTw(header, fontPt, true);
    // Label columns may wrap at spaces (but not below their longest word, nor above 34 characters a line).
    const bodyNeed = align[j] === 'left'
      ? Math.max(...body.map((c) => Math.min(tw(c, fontPt), 34 * charTw)), ...body.map((c) => longestWordTw(c, fontPt)), 0)
      : Math.max(0, ...body.map((c) => tw(c, fontPt)));
    return Math.max(headerNeed, bodyNeed, tw('00', fontPt)) + CELL_MARGINS;
  });
  const total = need.reduce((s, x) => s + x, 0);
  if (total <= available) {
    const extra = (available - total) / need.length;
    return need.map((w) => Math.round(w + extra));
  }
  // Too wide: shrink the wrapping (left-aligned) columns first, down to their longest word.
  const minOf = columns.map((cells, j) => (align[j] === 'left' ? Math.max(longestWordTw(cells[0] ?? '', fontPt, true), ...cells.slice(1).map((c) => longestWordTw(c, fontPt)), tw('00', fontPt)) + CELL_MARGINS : need[j]));
  const shrinkable = need.reduce((s, w, j) => s + (w - minOf[j]), 0);
  const over = total - available;
  if (shrinkable >= over) return need.map((w, j) => Math.round(w - ((w - minOf[j]) / shrinkable) * over));
  // Still too wide: scale everything (the table then needs a smaller font or landscape; it still fits the page).
  const minTotal = minOf.reduce((s, x) => s + x, 0);
  return minOf.map((w) => Math.round((w / minTotal) * available));
}
