/**
 * Check `p-from-ci`: the P value implied by a ratio and its 95% CI (Altman DG, Bland JM. How to
 * obtain the P value from a confidence interval. BMJ 2011;343:d2304): on the log scale
 * SE = (ln U − ln L) / (2·1.96), z = ln(ratio) / SE, P = 2Φ(−|z|). Without a printed ratio, ln(ratio)
 * is the midpoint of the log limits.
 *
 * Tolerance: the exact range of z over the rounding of the ratio and both limits (|ln ratio| and the
 * log width vary independently when the ratio is printed; corner evaluation otherwise) maps to a
 * P range that must overlap the printed P's rounding. A mismatch is an error when the CI and the P
 * disagree about significance at the CI's level (one says "excludes 1", the other P ≥ α), otherwise
 * a warning (the P may come from another test, e.g. likelihood ratio).
 *
 * @example
 * // ratio 2.000, CI 1.351–2.959 → SE 0.200, P = 0.000529 (R): printed 0.001 consistent, 0.010 warning, 0.200 error.
 */
import { pNormTwoSided, qnorm } from '../../stats/dist/index.js';
import { auditMessages } from '../../messages/index.js';
import { iv } from '../format.js';
import { type Check, Tally, where } from '../findings.js';
import { type Interval, overlaps, parsePrinted, pRange, type PrintedNumber } from '../printed.js';
import { lastDigitSlip } from '../slip.js';
import { ciLevelOf } from '../printed.js';

/** Range of the Altman–Bland P over the rounding of ratio (optional) and limits. */
export function altmanBlandP(L: PrintedNumber, U: PrintedNumber, ratio: PrintedNumber | null, level = 0.95): Interval {
  const z = qnorm(1 - (1 - level) / 2);
  const lnL = { lo: Math.log(Math.max(L.lo, Number.MIN_VALUE)), hi: Math.log(L.hi) };
  const lnU = { lo: Math.log(Math.max(U.lo, Number.MIN_VALUE)), hi: Math.log(U.hi) };
  const seLo = Math.max((lnU.lo - lnL.hi) / (2 * z), Number.MIN_VALUE);
  const seHi = (lnU.hi - lnL.lo) / (2 * z);
  let est: Interval;
  if (ratio) est = { lo: Math.log(Math.max(ratio.lo, Number.MIN_VALUE)), hi: Math.log(ratio.hi) };
  else est = { lo: (lnL.lo + lnU.lo) / 2, hi: (lnL.hi + lnU.hi) / 2 };
  const absLo = est.lo <= 0 && est.hi >= 0 ? 0 : Math.min(Math.abs(est.lo), Math.abs(est.hi));
  const absHi = Math.max(Math.abs(est.lo), Math.abs(est.hi));
  return { lo: pNormTwoSided(absHi / seLo), hi: pNormTwoSided(absLo / seHi) };
}

export const pFromCi: Check = {
  id: 'p-from-ci',
  title: 'P implied by a ratio and its CI (Altman & Bland 2011)',
  tolerance: 'exact P range over the rounding of the ratio and its limits must overlap the printed P’s rounding.',
  run(paper) {
    const t = new Tally(this.id);
    for (const model of paper.doc.models ?? []) {
      const level = ciLevelOf(model.ciLevel);
      for (const term of model.terms) {
        if (!term.ci || term.p === undefined) continue;
        const L = parsePrinted(term.ci[0]), U = parsePrinted(term.ci[1]), p = parsePrinted(term.p);
        const r = term.ratio === undefined ? null : parsePrinted(term.ratio);
        if (!L || !U || !p || L.hi <= 0 || U.lo <= L.hi) continue;
        const pr = altmanBlandP(L, U, r, level);
        if (overlaps(pr, pRange(p))) {
          t.item();
          continue;
        }
        const ciSignificant = L.value > 1 || U.value < 1;
        const pSignificant = p.hi < 1 - level || (p.relation === '<' && p.value <= 1 - level);
        const label = model.measureLabel ?? 'ratio';
        const slip = lastDigitSlip(p, pr);
        t.item([
          {
            location: where(term.location),
            severity: ciSignificant !== pSignificant && !slip ? 'error' : 'warning',
            message: slip ? auditMessages.lastDigit(term.label, `P (${p.text})`) : ciSignificant !== pSignificant ? auditMessages.pCiContradict(term.label, label) : auditMessages.pCiMismatch(term.label, label),
            reported: `${r ? `${label} = ${r.text}, ` : ''}CI ${L.text}–${U.text}, P = ${p.text}`,
            recomputed: `P from the CI = ${iv(pr, 3)}`,
          },
        ]);
      }
    }
    return t.outcome();
  },
};
