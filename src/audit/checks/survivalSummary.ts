/**
 * Check `survival-summary`: survival rates against their count and denominator (the rate must round
 * to count/n·100 — same tolerance as `percent-of-count`), and medians against their confidence
 * interval (the median lies inside it, over the rounding of all three; outside → error).
 *
 * @example
 * // 3-year survival 45.70% with 85/186 → consistent; median 12 with CI 5.761–10.239 → error.
 */
import { auditMessages } from '../../messages/index.js';
import { num } from '../format.js';
import { type Check, Tally, where } from '../findings.js';
import { contains, parsePrinted } from '../printed.js';
import { mismatchSeverity } from '../slip.js';

export const survivalSummary: Check = {
  id: 'survival-summary',
  title: 'Survival summaries (rates against counts, medians inside their CI)',
  tolerance: '± half a unit in the last printed digit (closed intervals).',
  run(paper) {
    const t = new Tally(this.id);
    for (const r of paper.doc.survival ?? []) {
      const v = parsePrinted(r.value);
      if (!v) continue;
      const loc = where(r.location);
      if (r.kind === 'rate' && r.count !== undefined && r.n !== undefined && r.n > 0) {
        const x = (100 * r.count) / r.n;
        const sev = mismatchSeverity(v, { lo: x, hi: x });
        t.item(contains(v, x) ? [] : [{ location: loc, severity: sev, message: sev === 'warning' ? auditMessages.lastDigit(r.label, `rate (${v.text}% for ${r.count}/${r.n})`) : auditMessages.rateMismatch(r.label, v.text, r.count, r.n, num(x)), reported: `${v.text}% (${r.count}/${r.n})`, recomputed: `${r.count}/${r.n} = ${num(x)}%` }]);
      }
      if (r.kind === 'median' && r.ci) {
        const L = parsePrinted(r.ci[0]), U = parsePrinted(r.ci[1]);
        if (!L || !U) continue;
        const inside = v.hi >= L.lo && v.lo <= U.hi;
        t.item(inside ? [] : [{ location: loc, severity: 'error', message: auditMessages.medianOutsideCi(r.label), reported: `median ${v.text} (CI ${L.text}–${U.text})`, recomputed: 'the median is outside its interval' }]);
      }
    }
    return t.outcome();
  },
};
