/**
 * Check `auc-ci-se`: an AUC's confidence interval and standard error against what its group sizes
 * allow.
 *
 * 1. The AUC lies inside its CI (error if not).
 * 2. With SE and CI printed: CI = AUC ± z·SE (SPSS's and pROC's DeLong intervals are of this form);
 *    a limit outside the exact range over the rounding of AUC and SE is a warning (the interval may
 *    be of another kind, e.g. bootstrap).
 * 3. The SE (printed, or implied by the CI: (U − L)/(2z)) against the Hanley–McNeil SE for the AUC
 *    and the numbers of cases and controls (Hanley JA, McNeil BJ. Radiology 1982;143:29–36):
 *    - above the largest SE any data set of that size can have, √(A(1 − A)/min(m, n)) (Bamber D.
 *      J Math Psychol 1975;12:387–415, the maximum variance of the Mann–Whitney AUC) → error;
 *    - outside 0.7–1.4 × the Hanley–McNeil SE → warning (the SE of real data differs from the
 *      Hanley–McNeil approximation, but rarely by this much; a smaller SE suggests larger groups,
 *      a larger one smaller groups than printed).
 *
 * @example
 * // AUC 0.800, 50 cases + 50 controls, CI 0.713–0.887 → consistent (Hanley–McNeil SE 0.0445);
 * // CI 0.750–0.850 → warning (SE 0.0255, 0.57 × Hanley–McNeil); CI 0.600–1.000 → error (SE 0.102 > √(0.16/50) = 0.057).
 */
import { hanleyMcNeilSe } from '../../stats/roc/hanleyMcNeil.js';
import { qnorm } from '../../stats/dist/index.js';
import { auditMessages } from '../../messages/index.js';
import { iv, num } from '../format.js';
import { type Check, type Finding, Tally, where } from '../findings.js';
import { type Interval, overlaps, parsePrinted } from '../printed.js';
import { ciLevelOf } from '../printed.js';

/** Hanley–McNeil SE range over an AUC interval within [0, 1] (evaluated at the ends and, if inside, at its maximum near 0.5). */
export function hanleyMcNeilRange(auc: Interval, nCases: number, nControls: number): Interval {
  const lo = Math.max(0, auc.lo), hi = Math.min(1, auc.hi);
  const pts = [lo, hi];
  for (let k = 0; k <= 20; k++) pts.push(lo + ((hi - lo) * k) / 20);
  const v = pts.map((a) => hanleyMcNeilSe(a, nCases, nControls));
  return { lo: Math.min(...v), hi: Math.max(...v) };
}

/** The Bamber (1975) upper bound √(A(1−A)/min(m, n)) on the SE of an AUC, maximised over an AUC interval. */
export function maxAucSe(auc: Interval, nCases: number, nControls: number): number {
  const a = auc.lo > 0.5 ? auc.lo : auc.hi < 0.5 ? auc.hi : 0.5;
  return Math.sqrt((a * (1 - a)) / Math.min(nCases, nControls));
}

export const RATIO_LOW = 0.7;
export const RATIO_HIGH = 1.4;

export const aucCiSe: Check = {
  id: 'auc-ci-se',
  title: 'An AUC’s CI and SE against what its group sizes allow (Hanley–McNeil)',
  tolerance: `interval arithmetic over the printed rounding; SE above √(A(1−A)/min(m,n)) is an error, SE outside ${RATIO_LOW}–${RATIO_HIGH} × the Hanley–McNeil SE a warning.`,
  run(paper) {
    const t = new Tally(this.id);
    for (const row of paper.doc.roc ?? []) {
      const auc = parsePrinted(row.auc);
      const pos = paper.groups.get(row.positive), neg = paper.groups.get(row.negative);
      const L = row.ci ? parsePrinted(row.ci[0]) : null, U = row.ci ? parsePrinted(row.ci[1]) : null;
      const se = row.se === undefined ? null : parsePrinted(row.se);
      if (!auc || !pos || !neg || (!(L && U) && !se)) continue;
      const z = qnorm(1 - (1 - ciLevelOf(row.ciLevel)) / 2);
      const loc = where(row.location);
      const reported = `AUC ${auc.text}${L && U ? `, CI ${L.text}–${U.text}` : ''}${se ? `, SE ${se.text}` : ''} (${pos.n} cases, ${neg.n} controls)`;
      const out: Omit<Finding, 'check'>[] = [];
      if (L && U && (auc.hi < L.lo || auc.lo > U.hi)) out.push({ location: loc, severity: 'error', message: auditMessages.aucOutsideCi(row.marker), reported, recomputed: `${auc.text} is outside ${L.text}–${U.text}` });
      if (L && U && se) {
        const lo = { lo: auc.lo - z * se.hi, hi: auc.hi - z * se.lo };
        const hi = { lo: auc.lo + z * se.lo, hi: auc.hi + z * se.hi };
        if (!overlaps(L, lo) || !overlaps(U, hi)) out.push({ location: loc, severity: 'warning', message: auditMessages.aucCiNotSe(row.marker), reported, recomputed: `AUC ± ${z.toFixed(2)}·SE = ${iv(lo)} – ${iv(hi)}` });
      }
      const implied: Interval = se ? { lo: se.lo, hi: se.hi } : { lo: Math.max(0, (U!.lo - L!.hi) / (2 * z)), hi: (U!.hi - L!.lo) / (2 * z) };
      const hm = hanleyMcNeilRange(auc, pos.n, neg.n);
      const max = maxAucSe(auc, pos.n, neg.n);
      const recomputed = `SE ${se ? 'printed' : 'from the CI'} = ${iv(implied, 3)}; Hanley–McNeil SE = ${iv(hm, 3)}; largest possible SE = ${num(max, 3)}`;
      if (implied.lo > max) out.push({ location: loc, severity: 'error', message: auditMessages.aucSeTooLarge(row.marker, pos.n, neg.n), reported, recomputed });
      else if (implied.hi < RATIO_LOW * hm.lo) out.push({ location: loc, severity: 'warning', message: auditMessages.aucSeSmall(row.marker, pos.n, neg.n), reported, recomputed });
      else if (implied.lo > RATIO_HIGH * hm.hi) out.push({ location: loc, severity: 'warning', message: auditMessages.aucSeLarge(row.marker, pos.n, neg.n), reported, recomputed });
      t.item(out);
    }
    return t.outcome();
  },
};
