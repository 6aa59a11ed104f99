/**
 * Check `wald`: a printed Wald statistic against (β/SE)², SPSS's form (R prints z = β/SE instead;
 * a Wald that matches |β/SE| is reported as info).
 *
 * Tolerance (interval arithmetic): (β/SE)² grows with |β| and falls with SE, so its exact range over
 * the printed rounding of β and SE is [(|β|_lo/SE_hi)², (|β|_hi/SE_lo)²]; the printed Wald's rounding
 * interval must overlap it.
 *
 * @example
 * // β 1.000, SE 0.500 → (β/SE)² 3.988–4.012: printed 4.000 consistent, 2.000 info (z), 4.013 warning, 4.100 error.
 */
import { auditMessages } from '../../messages/index.js';
import { iv } from '../format.js';
import { type Check, Tally, where } from '../findings.js';
import { type Interval, overlaps, parsePrinted, type PrintedNumber } from '../printed.js';
import { mismatchSeverity } from '../slip.js';

/** Exact range of |β|/SE over the rounding of β and SE. */
export function zRange(beta: PrintedNumber, se: PrintedNumber): Interval {
  const bLo = beta.lo <= 0 && beta.hi >= 0 ? 0 : Math.min(Math.abs(beta.lo), Math.abs(beta.hi));
  const bHi = Math.max(Math.abs(beta.lo), Math.abs(beta.hi));
  const seLo = Math.max(se.lo, Number.MIN_VALUE);
  return { lo: bLo / se.hi, hi: bHi / seLo };
}

export const wald: Check = {
  id: 'wald',
  title: 'Wald = (β/SE)²',
  tolerance: 'interval arithmetic over ± half a unit in the last printed digit of β and SE; printed Wald must overlap.',
  run(paper) {
    const t = new Tally(this.id);
    for (const model of paper.doc.models ?? []) {
      for (const term of [...model.terms, ...(model.intercept ? [model.intercept] : [])]) {
        const [b, se, w] = [term.beta, term.se, term.wald].map((x) => (x === undefined ? null : parsePrinted(x)));
        if (!b || !se || !w || se.value <= 0) continue;
        const z = zRange(b, se);
        const z2: Interval = { lo: z.lo * z.lo, hi: z.hi * z.hi };
        const reported = `β = ${b.text}, SE = ${se.text}, Wald = ${w.text}`;
        const recomputed = `(β/SE)² = ${iv(z2)}; |β/SE| = ${iv(z)}`;
        if (overlaps(w, z2)) t.item();
        else if (overlaps(w, z)) t.item([{ location: where(term.location), severity: 'info', message: auditMessages.waldIsZ(term.label), reported, recomputed }]);
        else {
          const severity = mismatchSeverity(w, z2);
          t.item([{ location: where(term.location), severity, message: severity === 'warning' ? auditMessages.lastDigit(term.label, `Wald statistic (${w.text})`) : auditMessages.waldMismatch(term.label), reported, recomputed }]);
        }
      }
    }
    return t.outcome();
  },
};
