/**
 * Check `ratio-from-beta`: a printed ratio (OR, HR, RR, Exp(B)) against exp(β).
 *
 * Tolerance: exp is increasing, so β's rounding interval maps to [exp(β_lo), exp(β_hi)]; the printed
 * ratio's rounding interval must overlap it.
 *
 * @example
 * // β 0.693 → exp(β) 1.9987–2.0007: printed 2.000 consistent, 2.002 warning (last digit), 2.100 error.
 */
import { auditMessages } from '../../messages/index.js';
import { iv } from '../format.js';
import { type Check, Tally, where } from '../findings.js';
import { overlaps, parsePrinted } from '../printed.js';
import { mismatchSeverity } from '../slip.js';

export const ratioFromBeta: Check = {
  id: 'ratio-from-beta',
  title: 'exp(β) against the printed ratio',
  tolerance: 'exp over the rounding interval of β must overlap the printed ratio’s rounding interval.',
  run(paper) {
    const t = new Tally(this.id);
    for (const model of paper.doc.models ?? []) {
      for (const term of [...model.terms, ...(model.intercept ? [model.intercept] : [])]) {
        const b = term.beta === undefined ? null : parsePrinted(term.beta);
        const r = term.ratio === undefined ? null : parsePrinted(term.ratio);
        if (!b || !r) continue;
        const e = { lo: Math.exp(b.lo), hi: Math.exp(b.hi) };
        if (overlaps(e, r)) t.item();
        else {
          const severity = mismatchSeverity(r, e);
          t.item([
            {
              location: where(term.location),
              severity,
              message: severity === 'warning' ? auditMessages.lastDigit(term.label, `${model.measureLabel ?? 'ratio'} (${r.text})`) : auditMessages.ratioMismatch(term.label, model.measureLabel ?? 'ratio', r.text, iv(e)),
              reported: `β = ${b.text}, ${model.measureLabel ?? 'ratio'} = ${r.text}`,
              recomputed: `exp(β) = ${iv(e)}`,
            },
          ]);
        }
      }
    }
    return t.outcome();
  },
};
