/**
 * Check `percent-of-count`: every printed percentage against its count and denominator.
 *
 * Tolerance: the count and the denominator are exact; the percentage stands for every value within
 * half a unit of its last printed digit (closed interval): 53/110 = 48.1818…% is consistent with
 * "48.18" and with "48.2", not with "48.19". When a percentage does not fit, the check lists the
 * counts that would fit and the other denominators of the paper (group sizes) that would,
 * so that a typo in the count or a wrong denominator can be told apart.
 *
 * @example
 * // 53/110 printed 48.18% → consistent; 12/29 printed 79.3% → error naming 23/29; 8/29 printed 37.6% → error naming 27.6%.
 */
import { auditMessages } from '../../messages/index.js';
import { num } from '../format.js';
import { type Check, type IndexedPaper, Tally, where } from '../findings.js';
import { contains, parsePrinted, type PrintedNumber } from '../printed.js';
import { mismatchSeverity } from '../slip.js';

/** Whole numbers k with 100·k/n within the printed percentage's rounding interval. */
export function countsMatchingPercent(p: PrintedNumber, n: number): number[] {
  const out: number[] = [];
  const lo = Math.max(0, Math.ceil((n * p.lo) / 100 - 1e-9));
  const hi = Math.min(n, Math.floor((n * p.hi) / 100 + 1e-9));
  for (let k = lo; k <= hi; k++) out.push(k);
  return out;
}

/** True when count/n, as a percentage, rounds to the printed percentage. */
export function percentFits(count: number, n: number, p: PrintedNumber): boolean {
  return contains(p, (100 * count) / n);
}

/** Printed texts that differ from `text` in one digit and satisfy `fits` (e.g. "37.6" → "27.6"). */
export function digitTypos(text: string, fits: (p: PrintedNumber) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!/\d/.test(text[i])) continue;
    for (let d = 0; d <= 9; d++) {
      if (String(d) === text[i]) continue;
      const cand = text.slice(0, i) + d + text.slice(i + 1);
      const p = parsePrinted(cand);
      if (p && fits(p)) out.push(cand);
    }
  }
  return out;
}

export interface PercentItem {
  location: string;
  label: string;
  count: number;
  n: number;
  percent: PrintedNumber;
}

/** The percentage items of a paper: categorical levels (per group) and standalone proportions. */
export function percentItems(paper: IndexedPaper): PercentItem[] {
  const items: PercentItem[] = [];
  for (const row of paper.doc.categorical ?? []) {
    for (const level of row.levels) {
      for (const g of row.groups) {
        const raw = level.percents?.[g];
        const count = level.counts[g];
        const group = paper.groups.get(g);
        if (raw === undefined || count === undefined || !group) continue;
        const p = parsePrinted(raw);
        if (!p) continue;
        items.push({ location: where(row.location), label: `${row.variable} ${level.label}, ${group.label}`, count, n: group.n, percent: p });
      }
    }
  }
  for (const r of paper.doc.proportions ?? []) {
    const p = r.percent === undefined ? null : parsePrinted(r.percent);
    if (p) items.push({ location: where(r.location), label: r.label, count: r.count, n: r.n, percent: p });
  }
  return items;
}

export const percentOfCount: Check = {
  id: 'percent-of-count',
  title: 'Percentages against counts and group sizes',
  tolerance: 'count/n·100 must lie within ± half a unit of the last printed digit of the percentage (closed interval).',
  run(paper) {
    const t = new Tally(this.id);
    const sizes = [...new Set([...paper.groups.values()].map((g) => g.n))];
    for (const it of percentItems(paper)) {
      if (percentFits(it.count, it.n, it.percent)) {
        t.item();
        continue;
      }
      const ks = countsMatchingPercent(it.percent, it.n);
      const otherN = sizes.filter((m) => m !== it.n && it.count <= m && percentFits(it.count, m, it.percent));
      const x = (100 * it.count) / it.n;
      const severity = mismatchSeverity(it.percent, { lo: x, hi: x });
      const typo = digitTypos(it.percent.text, (p) => percentFits(it.count, it.n, p));
      t.item([
        {
          location: it.location,
          severity,
          message:
            severity === 'warning'
              ? auditMessages.lastDigit(it.label, `percentage (${it.percent.text}% for ${it.count}/${it.n})`)
              : auditMessages.percentMismatch(it.label, it.count, it.n, it.percent.text, num(x), ks, otherN) + (typo.length ? auditMessages.digitTypo(typo.join(' or ')) : ''),
          reported: `${it.count} (${it.percent.text}%) of ${it.n}`,
          recomputed: `${it.count}/${it.n} = ${num((100 * it.count) / it.n)}%` + (ks.length ? `; ${it.percent.text}% of ${it.n} is ${ks.join(' or ')}` : ''),
        },
      ]);
    }
    return t.outcome();
  },
};
