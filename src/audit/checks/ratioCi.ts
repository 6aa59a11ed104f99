/**
 * Check `ratio-ci`: a ratio's confidence interval.
 * - With β and SE printed: the limits against exp(β ± z·SE), z = Φ⁻¹(1 − α/2) (1.96 for 95%), the
 *   Wald interval SPSS and R print. Exact ranges: lower limit in [exp(β_lo − z·SE_hi), exp(β_hi − z·SE_lo)],
 *   upper in [exp(β_lo + z·SE_lo), exp(β_hi + z·SE_hi)]; a printed limit outside is an error.
 * - Always: the ratio must lie inside its CI (error), and for a Wald interval the ratio is the
 *   geometric mean of the limits, √(L·U) over the limits' rounding; a ratio that is not is a
 *   warning (the interval may be of another kind, e.g. profile likelihood).
 *
 * @example
 * // β 0.693, SE 0.200 → exp(β ± 1.96·SE) = 1.351–2.959: printed 1.351–2.959 consistent, 1.300–2.959 error.
 */
import { qnorm } from '../../stats/dist/index.js';
import { auditMessages } from '../../messages/index.js';
import { iv } from '../format.js';
import { type Check, type Finding, Tally, where } from '../findings.js';
import { overlaps, parsePrinted } from '../printed.js';
import { lastDigitSlip } from '../slip.js';
import { ciLevelOf } from '../printed.js';

export const ratioCi: Check = {
  id: 'ratio-ci',
  title: 'The ratio’s CI against exp(β ± 1.96·SE)',
  tolerance: 'interval arithmetic over the rounding of β, SE and the printed limits; z = Φ⁻¹(0.975) for 95% intervals.',
  run(paper) {
    const t = new Tally(this.id);
    for (const model of paper.doc.models ?? []) {
      const z = qnorm(1 - (1 - ciLevelOf(model.ciLevel)) / 2);
      const label = model.measureLabel ?? 'ratio';
      for (const term of model.terms) {
        if (!term.ci) continue;
        const L = parsePrinted(term.ci[0]), U = parsePrinted(term.ci[1]);
        if (!L || !U || L.hi <= 0 || U.hi <= 0) continue;
        const b = term.beta === undefined ? null : parsePrinted(term.beta);
        const se = term.se === undefined ? null : parsePrinted(term.se);
        const r = term.ratio === undefined ? null : parsePrinted(term.ratio);
        const loc = where(term.location);
        const reported = `${r ? `${label} = ${r.text}, ` : ''}CI ${L.text}–${U.text}${b && se ? ` (β = ${b.text}, SE = ${se.text})` : ''}`;
        const out: Omit<Finding, 'check'>[] = [];
        if (b && se) {
          const lo = { lo: Math.exp(b.lo - z * se.hi), hi: Math.exp(b.hi - z * se.lo) };
          const hi = { lo: Math.exp(b.lo + z * se.lo), hi: Math.exp(b.hi + z * se.hi) };
          if (!overlaps(L, lo) || !overlaps(U, hi)) {
            const slip = (overlaps(L, lo) || lastDigitSlip(L, lo)) && (overlaps(U, hi) || lastDigitSlip(U, hi));
            out.push({ location: loc, severity: slip ? 'warning' : 'error', message: slip ? auditMessages.lastDigit(term.label, `confidence interval (${L.text}–${U.text})`) : auditMessages.ciNotWald(term.label, label), reported, recomputed: `exp(β ± ${z.toFixed(2)}·SE) = ${iv(lo)} – ${iv(hi)}` });
          }
        }
        if (r) {
          if (r.hi < L.lo || r.lo > U.hi) {
            out.push({ location: loc, severity: 'error', message: auditMessages.ratioOutsideCi(term.label, label), reported, recomputed: `${r.text} is outside ${L.text}–${U.text}` });
          } else if (!(b && se)) {
            const gm = { lo: Math.sqrt(Math.max(L.lo, 0) * Math.max(U.lo, 0)), hi: Math.sqrt(L.hi * U.hi) };
            if (!overlaps(r, gm)) out.push({ location: loc, severity: 'warning', message: auditMessages.ciNotSymmetric(term.label, label), reported, recomputed: `√(lower·upper) = ${iv(gm)}` });
          }
        }
        t.item(out);
      }
    }
    return t.outcome();
  },
};
