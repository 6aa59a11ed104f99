/**
 * Check `p-zero`: P values printed as 0.000 (or "0.00"). A P value is never zero; SPSS shows
 * ".000" when P < 0.0005, and the paper should print "< 0.001". Every printed P of the paper is
 * looked at: tests beside baseline rows, ROC rows, regression rows, and P values mentioned in the
 * text or abstract. Tolerance: not numeric (a printed "=" P whose value is 0).
 *
 * @example
 * // P printed "0.000" → warning (write "P < 0.001"); "<0.001" → consistent.
 */
import { auditMessages } from '../../messages/index.js';
import { type Check, type IndexedPaper, Tally, where } from '../findings.js';
import { parsePrinted } from '../printed.js';
import type { Location, Printed } from '../types.js';

/** Every printed P value of a paper with its location and what it tests. */
export function allPValues(paper: IndexedPaper): { loc: Location; p: Printed; what: string }[] {
  const d = paper.doc;
  const out: { loc: Location; p: Printed; what: string }[] = [];
  for (const r of d.categorical ?? []) if (r.test?.p !== undefined) out.push({ loc: r.location, p: r.test.p, what: r.variable });
  for (const r of d.continuous ?? []) if (r.test?.p !== undefined) out.push({ loc: r.location, p: r.test.p, what: r.variable });
  for (const r of d.roc ?? []) if (r.p !== undefined) out.push({ loc: r.location, p: r.p, what: `AUC of ${r.marker}` });
  for (const m of d.models ?? []) for (const t of [...m.terms, ...(m.intercept ? [m.intercept] : [])]) if (t.p !== undefined) out.push({ loc: t.location, p: t.p, what: t.label });
  for (const m of d.pValues ?? []) out.push({ loc: m.location, p: m.p, what: m.context ?? 'P value' });
  return out;
}

export const pZero: Check = {
  id: 'p-zero',
  title: 'P values printed as 0.000',
  tolerance: 'not numeric.',
  run(paper) {
    const t = new Tally(this.id);
    for (const x of allPValues(paper)) {
      const p = parsePrinted(x.p);
      if (!p) continue;
      if (p.relation === '=' && p.value === 0)
        t.item([{ location: where(x.loc), severity: 'warning', message: auditMessages.pZero(x.what, p.text, p.decimals), reported: `P = ${p.text}`, recomputed: `P < ${p.decimals > 0 ? (0.5 * 10 ** -p.decimals).toPrecision(1) : '0.5'}` }]);
      else t.item();
    }
    return t.outcome();
  },
};
