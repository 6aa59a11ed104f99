/**
 * Check `youden`: Youden's index J = sensitivity + specificity − 1.
 *
 * Tolerance: J's exact range from the rounding of sensitivity and specificity
 * ([s_lo + c_lo − 1, s_hi + c_hi − 1]) must overlap the printed J's rounding. J printed above 1 is
 * read as a percentage.
 *
 * @example
 * // sensitivity 0.768, specificity 0.675 → J 0.442–0.444: printed 0.443 consistent, 0.445 warning, 0.450 error.
 */
import { auditMessages } from '../../messages/index.js';
import { iv } from '../format.js';
import { type Check, Tally, where } from '../findings.js';
import { overlaps, parsePrinted } from '../printed.js';
import { asFraction } from './sensSpec.js';
import { mismatchSeverity } from '../slip.js';

export const youden: Check = {
  id: 'youden',
  title: 'Youden = sensitivity + specificity − 1',
  tolerance: 'interval arithmetic over the rounding of the three printed values.',
  run(paper) {
    const t = new Tally(this.id);
    for (const row of paper.doc.roc ?? []) {
      const s = row.sensitivity === undefined ? null : parsePrinted(row.sensitivity);
      const c = row.specificity === undefined ? null : parsePrinted(row.specificity);
      const j = row.youden === undefined ? null : parsePrinted(row.youden);
      if (!s || !c || !j) continue;
      const S = asFraction(s, row), C = asFraction(c, row);
      const f = j.value > 1 ? 0.01 : 1;
      const J = { lo: j.lo * f, hi: j.hi * f };
      const r = { lo: S.lo + C.lo - 1, hi: S.hi + C.hi - 1 };
      if (overlaps(J, r)) t.item();
      else {
        const severity = mismatchSeverity({ ...j, lo: J.lo, hi: J.hi, half: j.half * f, value: j.value * f }, r);
        t.item([
          {
            location: where(row.location),
            severity,
            message: severity === 'warning' ? auditMessages.lastDigit(row.marker, `Youden index (${j.text})`) : auditMessages.youdenMismatch(row.marker),
            reported: `sensitivity ${S.text}, specificity ${C.text}, Youden ${j.text}`,
            recomputed: `sensitivity + specificity − 1 = ${iv(r)}`,
          },
        ]);
      }
    }
    return t.outcome();
  },
};
