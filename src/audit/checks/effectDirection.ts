/**
 * Check `effect-direction`: the direction of an effect as the text states it against the sign of
 * the printed coefficient. A term whose level coded 1 is said to carry a higher risk needs β > 0
 * (ratio > 1), a lower risk β < 0 (ratio < 1) — for Cox (hazard of the event), logistic (odds of the
 * outcome coded 1) and Poisson models alike.
 *
 * Tolerance: the sign is taken over the rounding of β (or of the ratio against 1); a printed β of
 * 0.000 or a ratio of 1.000 decides nothing. A contradiction is a warning: the text, the coding
 * table or the estimate is wrong, and the numbers alone cannot say which.
 *
 * @example
 * // β = 0.282 (ratio 1.326) for "tumor capsule, 1 = yes", text: "absence of tumor capsule … related to recurrence"
 * // → warning: the table says a capsule raises the risk, the text says its absence does.
 */
import { auditMessages } from '../../messages/index.js';
import { type Check, Tally, where } from '../findings.js';
import { parsePrinted } from '../printed.js';

/** +1, −1 or 0 (undecided) from β or else the ratio, over their rounding. */
export function effectSign(beta: string | number | undefined, ratio: string | number | undefined): number {
  const b = beta === undefined ? null : parsePrinted(beta);
  if (b) return b.lo > 0 ? 1 : b.hi < 0 ? -1 : 0;
  const r = ratio === undefined ? null : parsePrinted(ratio);
  if (r) return r.lo > 1 ? 1 : r.hi < 1 ? -1 : 0;
  return 0;
}

export const effectDirection: Check = {
  id: 'effect-direction',
  title: 'The direction of an effect in the text against the sign of its coefficient',
  tolerance: 'sign over the rounding of β (or the ratio against 1).',
  run(paper) {
    const t = new Tally(this.id);
    for (const model of paper.doc.models ?? []) {
      for (const term of model.terms) {
        if (!term.claimedDirection) continue;
        const s = effectSign(term.beta, term.ratio);
        if (s === 0) continue;
        const claimed = term.claimedDirection === 'higher-risk' ? 1 : -1;
        if (s === claimed) {
          t.item();
          continue;
        }
        t.item([
          {
            location: where(term.location),
            severity: 'warning',
            message: auditMessages.directionContradicts(term.label, term.claimedDirection === 'higher-risk' ? 'higher' : 'lower', s > 0 ? 'higher' : 'lower', term.claimSource ?? null),
            reported: `${term.beta !== undefined ? `β = ${term.beta}` : ''}${term.beta !== undefined && term.ratio !== undefined ? ', ' : ''}${term.ratio !== undefined ? `${model.measureLabel ?? 'ratio'} = ${term.ratio}` : ''}; text: ${term.claimedDirection === 'higher-risk' ? 'higher' : 'lower'} risk for the level coded 1`,
            recomputed: s > 0 ? 'β > 0: the level coded 1 has the higher risk' : 'β < 0: the level coded 1 has the lower risk',
          },
        ]);
      }
    }
    return t.outcome();
  },
};
