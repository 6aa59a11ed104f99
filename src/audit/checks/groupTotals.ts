/**
 * Check `group-totals`: a group made of others (e.g. the whole cohort = low SII + high SII) has the
 * sum of their sizes, and wherever the same variable and level is counted in the whole group (one
 * table) and in every part (another table), the parts add up to the whole.
 *
 * Tolerance: none — counts are whole numbers. Variables and levels are matched by their printed
 * names (case, spacing and the symbols ≥/>= are normalised).
 *
 * @example
 * // Child-Pugh A5: 38 of all patients (Table 1) vs 18 + 21 = 39 in the low/high-SII groups (Table 3) → error.
 */
import { auditMessages } from '../../messages/index.js';
import { type Check, Tally, where } from '../findings.js';

/** Lower case, single spaces, ≥/≤ for >=/<=. */
export function normLabel(s: string): string {
  return s.toLowerCase().replace(/>=/g, '≥').replace(/<=/g, '≤').replace(/\s+/g, ' ').replace(/\s*([≥≤<>])\s*/g, '$1').trim();
}

export const groupTotals: Check = {
  id: 'group-totals',
  title: 'Counts of the whole cohort against the sum of its groups (across tables)',
  tolerance: 'exact (whole numbers).',
  run(paper) {
    const t = new Tally(this.id);
    // (group, variable, level) → count and where it is printed
    const cell = new Map<string, { count: number; loc: string; variable: string; level: string }>();
    for (const row of paper.doc.categorical ?? []) {
      for (const level of row.levels) {
        for (const g of row.groups) {
          const c = level.counts[g];
          if (c === undefined) continue;
          cell.set(`${g}\u0000${normLabel(row.variable)}\u0000${normLabel(level.label)}`, { count: c, loc: where(row.location), variable: row.variable, level: level.label });
        }
      }
    }
    for (const whole of paper.groups.values()) {
      if (!whole.composedOf?.length) continue;
      const parts = whole.composedOf.map((id) => paper.groups.get(id)).filter((g) => g !== undefined);
      if (parts.length !== whole.composedOf.length) continue;
      const sumN = parts.reduce((a, g) => a + g.n, 0);
      t.item(
        sumN === whole.n
          ? []
          : [
              {
                location: 'Groups',
                severity: 'error',
                message: auditMessages.groupSizeSum(whole.label, whole.n, parts.map((g) => `${g.label} (${g.n})`), sumN),
                reported: `${whole.label}: n = ${whole.n}`,
                recomputed: `${parts.map((g) => g.n).join(' + ')} = ${sumN}`,
              },
            ],
      );
      for (const [key, w] of cell) {
        const [g, variable, level] = key.split('\u0000');
        if (g !== whole.id) continue;
        const partCells = parts.map((p) => cell.get(`${p.id}\u0000${variable}\u0000${level}`));
        if (partCells.some((c) => c === undefined)) continue;
        const sum = partCells.reduce((a, c) => a + c!.count, 0);
        t.item(
          sum === w.count
            ? []
            : [
                {
                  location: `${w.loc}; ${[...new Set(partCells.map((c) => c!.loc))].join('; ')}`,
                  severity: 'error',
                  message: auditMessages.partsDontAddUp(w.variable, w.level, whole.label, w.count, parts.map((p, i) => `${p.label} ${partCells[i]!.count}`), sum),
                  reported: `${whole.label}: ${w.count}; ${parts.map((p, i) => `${p.label}: ${partCells[i]!.count}`).join(', ')}`,
                  recomputed: `${partCells.map((c) => c!.count).join(' + ')} = ${sum}`,
                },
              ],
        );
      }
    }
    return t.outcome();
  },
};
