/**
 * Text measuring without a browser: sums the bundled font's advance widths (Arimo, metrically
 * Arial; see fontMetrics.ts). Kerning is ignored, so results are within about 2% of the drawn
 * width; layouts leave that much slack. Characters outside the table count as a digit (0.556 em).
 */
import { BOLD_WIDTHS, REGULAR_WIDTHS } from './fontMetrics.js';

const FALLBACK_EM = 0.5562;

/** Width in the figure's user units (pt) of `s` at `size` pt. @example textWidth('0.5', 10) // 13.902 */
export function textWidth(s: string, size: number, bold = false): number {
  const table = bold ? BOLD_WIDTHS : REGULAR_WIDTHS;
  let em = 0;
  for (const ch of s) em += table[ch] ?? FALLBACK_EM;
  return em * size;
}

/**
 * Greedy word wrap to lines no wider than `maxWidth`; a single word wider than the line is kept
 * whole on its own line (never split mid-word).
 * @example wrapText('Child–Pugh class C', 30, 7) // ['Child–Pugh', 'class C']
 */
export function wrapText(s: string, maxWidth: number, size: number, bold = false): string[] {
  // Split on ordinary spaces only: a no-break space (U+00A0) keeps "(n = 12)" together.
  const raw = s.split(/[ \t\n]+/).filter((w) => w.length > 0);
  // Keep a lone comparison sign with the number after it ("≥ 2000", "< 0.05").
  const words: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (/^[<>≤≥=×±]$/.test(raw[i]) && i + 1 < raw.length) {
      words.push(`${raw[i]} ${raw[i + 1]}`);
      i += 1;
    } else {
      words.push(raw[i]);
    }
  }
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const candidate = line === '' ? w : `${line} ${w}`;
    if (line !== '' && textWidth(candidate, size, bold) > maxWidth) {
      lines.push(line);
      line = w;
    } else {
      line = candidate;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** `s` shortened with an ellipsis to fit `maxWidth` (unchanged when it fits). */
export function fitText(s: string, maxWidth: number, size: number, bold = false): string {
  if (textWidth(s, size, bold) <= maxWidth) return s;
  const chars = [...s];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, size, bold) > maxWidth) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
