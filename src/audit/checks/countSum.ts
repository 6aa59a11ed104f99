/**
 * Check `count-sum`: the counts of a categorical variable's levels add up to each group's size,
 * and counts that partition the same patients (`partOf`) add up to their denominator.
 *
 * Tolerance: none — counts are whole numbers. Rows that print one level only (`complete: false`,
 * the default for a single level) are skipped.
 *
 * @example
 * // PLR in the low-SII group (n = 29): 12 + 6 = 18 → error.
 */
import { auditMessages } from '../../messages/index.js';
import { type Check, Tally, where } from '../findings.js';

export const countSum: Check = {
  id: 'count-sum',
  title: 'Category counts summing to the group size',
  tolerance: 'exact (whole numbers).',
  run(paper) {
    const t = new Tally(this.id);
    for (const row of paper.doc.categorical ?? []) {
      const complete = row.complete ?? row.levels.length > 1;
      if (!complete) continue;
      for (const g of row.groups) {
        const group = paper.groups.get(g);
        if (!group) continue;
        const counts = row.levels.map((l) => l.counts[g]);
        if (counts.some((c) => c === undefined)) continue;
        const sum = counts.reduce((a, b) => a + b, 0);
        t.item(
          sum === group.n
            ? []
            : [
                {
                  location: where(row.location),
                  severity: 'error',
                  message: auditMessages.countSumMismatch(row.variable, group.label, counts, sum, group.n),
                  reported: `${row.levels.map((l) => `${l.label} ${l.counts[g]}`).join(', ')} in ${group.label} (n = ${group.n})`,
                  recomputed: `sum = ${sum}`,
                },
              ],
        );
      }
    }
    const parts = new Map<string, { n: number; rows: { label: string; count: number; loc: string }[] }>();
    for (const r of paper.doc.proportions ?? []) {
      if (!r.partOf) continue;
      const e = parts.get(r.partOf) ?? { n: r.n, rows: [] };
      e.rows.push({ label: r.label, count: r.count, loc: where(r.location) });
      parts.set(r.partOf, e);
    }
    for (const [key, e] of parts) {
      const sum = e.rows.reduce((a, r) => a + r.count, 0);
      t.item(
        sum === e.n
          ? []
          : [
              {
                location: e.rows[0].loc,
                severity: 'error',
                message: auditMessages.countSumMismatch(key, 'the patients counted', e.rows.map((r) => r.count), sum, e.n),
                reported: e.rows.map((r) => `${r.label} ${r.count}`).join(', ') + ` of ${e.n}`,
                recomputed: `sum = ${sum}`,
              },
            ],
      );
    }
    return t.outcome();
  },
};
