/**
 * Labels made to fit a narrow column without becoming indistinguishable: each label is wrapped onto
 * at most `maxLines` lines of `maxWidth`; only when that is not enough are lines shortened with an
 * ellipsis, and then the result is checked so that two different labels never print as the same
 * text (e.g. "SII_mean ≥ 1,234.5, AFP < 400" and "SII_mean ≥ 1,234.5, AFP ≥ 400" both cut to
 * "SII_mean ≥ 1,234.5…"). Pure text measuring (textWidth), no drawing.
 */
import { fitText, textWidth, wrapText } from './textWidth.js';

export interface DistinctLabelOptions {
  /** Lines per label at most. Default 3. */
  readonly maxLines?: number;
  readonly bold?: boolean;
}

const joined = (lines: readonly string[]): string => lines.join(' ');
const allDistinct = (xs: readonly string[]): boolean => new Set(xs).size === xs.length;

/** Wraps `s` to at most `maxLines` lines no wider than `maxWidth`, shortening only what is left over. */
function clipLines(s: string, maxWidth: number, size: number, maxLines: number, bold: boolean): string[] {
  const lines = wrapText(s, maxWidth, size, bold);
  const kept = lines.slice(0, maxLines);
  if (lines.length > maxLines) kept[maxLines - 1] = `${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`;
  return kept.map((l) => fitText(l, maxWidth, size, bold));
}

/** Words every label starts with (never all of a label's words). */
function commonLeadingWords(labels: readonly string[]): number {
  const split = labels.map((l) => l.split(' '));
  const shortest = Math.min(...split.map((w) => w.length));
  let k = 0;
  while (k < shortest - 1 && split.every((w) => w[k] === split[0][k])) k += 1;
  return k;
}

/**
 * Lines of each label, every label at most `maxLines` lines no wider than `maxWidth` at `size` pt
 * (a single word wider than the column is shortened), and labels that differ stay different:
 * 1. wrapped in full when that fits;
 * 2. else wrapped and the overflow shortened with "…", when the results still differ;
 * 3. else the words all labels start with are replaced by "…" (the differing part is kept);
 * 4. else each label is numbered ("1. …", "2. …") in the order given.
 * @example distinctLabelLines(['SII ≥ 1,234.5, AFP < 400', 'SII ≥ 1,234.5, AFP ≥ 400'], 40, 7)
 */
export function distinctLabelLines(labels: readonly string[], maxWidth: number, size: number, options: DistinctLabelOptions = {}): string[][] {
  const maxLines = Math.max(1, Math.floor(options.maxLines ?? 3));
  const bold = options.bold ?? false;
  const full = labels.map((l) => wrapText(l, maxWidth, size, bold));
  if (full.every((ls) => ls.length <= maxLines && ls.every((l) => textWidth(l, size, bold) <= maxWidth))) return full;
  const clipped = labels.map((l) => clipLines(l, maxWidth, size, maxLines, bold));
  // Identical inputs cannot be told apart by their text; different inputs must stay different.
  if (!allDistinct(labels) || allDistinct(clipped.map(joined))) return clipped;
  const lead = labels.length > 1 ? commonLeadingWords(labels) : 0;
  if (lead > 0) {
    const tails = labels.map((l) => clipLines(`… ${l.split(' ').slice(lead).join(' ')}`, maxWidth, size, maxLines, bold));
    if (allDistinct(tails.map(joined))) return tails;
  }
  return labels.map((l, i) => clipLines(`${i + 1}. ${l}`, maxWidth, size, maxLines, bold));
}
