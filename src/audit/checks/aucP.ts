/**
 * Check `auc-p`: the P value of an AUC (null hypothesis AUC = 0.5) against the one its group sizes
 * give: z = (AUC − 0.5)/SE₀ with the null SE of the Mann–Whitney AUC without ties,
 * SE₀ = √((m + n + 1)/(12·m·n)) — the Hanley–McNeil SE at A = 0.5 (Hanley & McNeil 1982) and what
 * SPSS's ROC "Asymptotic Sig." uses ("under the null hypothesis: true area = 0.5").
 *
 * Tolerance: the AUC's rounding interval maps to an exact P range (P falls as |AUC − 0.5| grows); it
 * must overlap the printed P's rounding. If it does not, the P of a Wald test with the printed SE
 * (or the Hanley–McNeil SE at the AUC) is tried (info when it matches). A printed "0.001" (the
 * smallest P printable with its decimals) where the recomputed P is below 0.0005 is a warning (it
 * most likely stands for "< 0.001"); other mismatches are errors.
 *
 * @example
 * // AUC 0.600, 50 + 50: P = 0.0848 (R: 2·pnorm(−0.1/√(101/30000))) → printed 0.085 consistent, 0.300 error;
 * // AUC 0.900 printed P = 0.001 → warning (recomputed ~1e-11: means < 0.001).
 */
import { hanleyMcNeilSe } from '../../stats/roc/hanleyMcNeil.js';
import { pNormTwoSided } from '../../stats/dist/index.js';
import { auditMessages } from '../../messages/index.js';
import { iv } from '../format.js';
import { type Check, Tally, where } from '../findings.js';
import { type Interval, overlaps, parsePrinted, pRange } from '../printed.js';

/** P range of AUC = 0.5 over an AUC interval, with the null SE for m cases and n controls. */
export function aucNullPRange(auc: Interval, m: number, n: number): Interval {
  const se0 = hanleyMcNeilSe(0.5, m, n);
  const dLo = auc.lo <= 0.5 && auc.hi >= 0.5 ? 0 : Math.min(Math.abs(auc.lo - 0.5), Math.abs(auc.hi - 0.5));
  const dHi = Math.max(Math.abs(auc.lo - 0.5), Math.abs(auc.hi - 0.5));
  return { lo: pNormTwoSided(dHi / se0), hi: pNormTwoSided(dLo / se0) };
}

export const aucP: Check = {
  id: 'auc-p',
  title: 'P of an AUC',
  tolerance: 'exact P range over the AUC’s rounding (null SE √((m+n+1)/(12mn))) must overlap the printed P’s rounding.',
  run(paper) {
    const t = new Tally(this.id);
    for (const row of paper.doc.roc ?? []) {
      const auc = parsePrinted(row.auc);
      const p = row.p === undefined ? null : parsePrinted(row.p);
      const pos = paper.groups.get(row.positive), neg = paper.groups.get(row.negative);
      if (!auc || !p || !pos || !neg) continue;
      const pr = aucNullPRange(auc, pos.n, neg.n);
      const loc = where(row.location);
      const reported = `AUC ${auc.text}, P = ${p.text} (${pos.n} cases, ${neg.n} controls)`;
      const recomputed = `P (null SE) = ${iv(pr, 3)}`;
      if (overlaps(pr, pRange(p))) {
        t.item();
        continue;
      }
      const se = row.se === undefined ? null : parsePrinted(row.se);
      const seAt = se ? { lo: se.lo, hi: se.hi } : { lo: hanleyMcNeilSe(auc.value, pos.n, neg.n), hi: hanleyMcNeilSe(auc.value, pos.n, neg.n) };
      const d = { lo: Math.abs(auc.value - 0.5) - auc.half, hi: Math.abs(auc.value - 0.5) + auc.half };
      const pw = { lo: pNormTwoSided(d.hi / seAt.lo), hi: pNormTwoSided(Math.max(0, d.lo) / seAt.hi) };
      if (overlaps(pw, pRange(p))) {
        t.item([{ location: loc, severity: 'info', message: auditMessages.aucPWald(row.marker), reported, recomputed: `${recomputed}; Wald P with SE ${se ? se.text : 'Hanley–McNeil'} = ${iv(pw, 3)}` }]);
        continue;
      }
      // "0.001" is the smallest P printable with 3 decimals: read as "< 0.001" when the recomputed P is below its rounding.
      const meansBelow = p.relation === '=' && Math.abs(p.value - 10 ** -p.decimals) < 1e-12 && pr.hi < p.lo;
      t.item([
        {
          location: loc,
          severity: meansBelow ? 'warning' : 'error',
          message: meansBelow ? auditMessages.pMeansBelow(row.marker, p.text) : auditMessages.aucPMismatch(row.marker),
          reported,
          recomputed,
        },
      ]);
    }
    return t.outcome();
  },
};
