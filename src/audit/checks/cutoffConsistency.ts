/**
 * Check `cutoff-consistency`: the same marker's cutoff wherever the paper names it — ROC tables,
 * the coding of model covariates, the text that splits patients into high and low groups.
 *
 * Tolerance: two printed cutoffs agree when their rounding intervals overlap ("340" and "340.0").
 * Different cutoffs at one location (e.g. a coding "0 = < 370.26, 1 = ≥ 345.26") cannot both hold →
 * error; different cutoffs in different places → warning (patients may have been grouped
 * differently from what the ROC analysis found).
 *
 * @example
 * // SII 375.56 (Table 5) vs 370.26 and 345.26 both in Table 3 → error; 287.10 vs 274.25 in different tables → warning.
 */
import { auditMessages } from '../../messages/index.js';
import { type Check, Tally, where } from '../findings.js';
import { overlaps, parsePrinted, type PrintedNumber } from '../printed.js';
import { normLabel } from './groupTotals.js';

interface Mention {
  marker: string;
  loc: string;
  value: PrintedNumber;
}

export const cutoffConsistency: Check = {
  id: 'cutoff-consistency',
  title: 'The same cutoff across tables and text',
  tolerance: 'printed cutoffs agree when their rounding intervals overlap.',
  run(paper) {
    const t = new Tally(this.id);
    const byMarker = new Map<string, Mention[]>();
    const add = (marker: string, loc: string, raw: string | number | undefined) => {
      const v = raw === undefined ? null : parsePrinted(raw);
      if (!v) return;
      const key = normLabel(marker);
      byMarker.set(key, [...(byMarker.get(key) ?? []), { marker, loc, value: v }]);
    };
    for (const r of paper.doc.roc ?? []) add(r.marker, where(r.location), r.cutoff);
    for (const c of paper.doc.cutoffs ?? []) add(c.marker, where(c.location), c.value);
    for (const ms of byMarker.values()) {
      if (ms.length < 2) continue;
      const distinct: PrintedNumber[] = [];
      for (const m of ms) if (!distinct.some((d) => overlaps(d, m.value))) distinct.push(m.value);
      if (distinct.length === 1) {
        t.item();
        continue;
      }
      const clash = ms.find((a, i) => ms.some((b, j) => j > i && a.loc === b.loc && !overlaps(a.value, b.value)));
      const sameLoc = clash !== undefined;
      const atClash = clash ? ms.filter((m) => m.loc === clash.loc).map((m) => m.value.text) : [];
      const elsewhere = clash ? distinct.filter((d) => !ms.some((m) => m.loc === clash.loc && overlaps(m.value, d))).map((d) => d.text) : [];
      const reported = ms.map((m) => `${m.value.text} (${m.loc})`).join('; ');
      t.item([
        {
          location: [...new Set(ms.map((m) => m.loc))].join('; '),
          severity: sameLoc ? 'error' : 'warning',
          message: sameLoc ? auditMessages.cutoffContradiction(ms[0].marker, clash!.loc, atClash, elsewhere) : auditMessages.cutoffDiffers(ms[0].marker, distinct.map((d) => d.text)),
          reported,
          recomputed: `${distinct.length} different cutoffs`,
        },
      ]);
    }
    return t.outcome();
  },
};
