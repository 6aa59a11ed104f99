/**
 * Check `sens-spec`: sensitivity is a fraction k/m of the m cases and specificity a fraction j/n of
 * the n controls, so a printed value is possible only if some whole k (or j) gives it after
 * rounding. The check lists the fractions that do.
 *
 * Tolerance: k/m within ± half a unit of the last printed digit (closed). Scale: "percent" or
 * "fraction" as declared, else percent when the value exceeds 1.
 * Outcomes: both fit → consistent. Neither fits its own group but each fits the other group →
 * warning (sensitivity and specificity appear exchanged, or the positive class is the other group).
 * Otherwise a value that no fraction of its group gives → error.
 *
 * @example
 * // 110 cases, 76 controls: sensitivity 57.27% (63/110), specificity 90.79% (69/76) consistent;
 * // sensitivity 90.79%, specificity 57.27% → warning (exchanged).
 */
import { auditMessages } from '../../messages/index.js';
import { type Check, type Finding, Tally, where } from '../findings.js';
import { parsePrinted, type PrintedNumber } from '../printed.js';
import type { RocRow } from '../types.js';

/** The printed value as a fraction interval. */
export function asFraction(p: PrintedNumber, row: RocRow): { lo: number; hi: number; text: string } {
  const pct = row.scale === 'percent' || (row.scale === undefined && p.value > 1);
  const f = pct ? 0.01 : 1;
  return { lo: p.lo * f, hi: p.hi * f, text: p.text + (pct ? '%' : '') };
}

/** Whole k in 0..n with k/n in [lo, hi]. */
export function fractionsMatching(v: { lo: number; hi: number }, n: number): number[] {
  const out: number[] = [];
  for (let k = Math.max(0, Math.ceil(n * v.lo - 1e-9)); k <= Math.min(n, Math.floor(n * v.hi + 1e-9)); k++) out.push(k);
  return out;
}

const show = (ks: number[], n: number) => (ks.length ? ks.map((k) => `${k}/${n}`).join(' or ') : `no k/${n}`);

export const sensSpec: Check = {
  id: 'sens-spec',
  title: 'Sensitivity and specificity as fractions of the case and control group sizes',
  tolerance: 'some whole k with k/n within ± half a unit of the last printed digit.',
  run(paper) {
    const t = new Tally(this.id);
    for (const row of paper.doc.roc ?? []) {
      const pos = paper.groups.get(row.positive), neg = paper.groups.get(row.negative);
      const s = row.sensitivity === undefined ? null : parsePrinted(row.sensitivity);
      const c = row.specificity === undefined ? null : parsePrinted(row.specificity);
      if (!pos || !neg || (!s && !c)) continue;
      const loc = where(row.location);
      const S = s ? asFraction(s, row) : null, C = c ? asFraction(c, row) : null;
      const sOwn = S ? fractionsMatching(S, pos.n) : [], sOther = S ? fractionsMatching(S, neg.n) : [];
      const cOwn = C ? fractionsMatching(C, neg.n) : [], cOther = C ? fractionsMatching(C, pos.n) : [];
      const reported = [S ? `sensitivity ${S.text}` : '', C ? `specificity ${C.text}` : ''].filter(Boolean).join(', ') + ` (${pos.n} ${pos.label}, ${neg.n} ${neg.label})`;
      const recomputed = [
        S ? `sensitivity: ${show(sOwn, pos.n)}; of the other group ${show(sOther, neg.n)}` : '',
        C ? `specificity: ${show(cOwn, neg.n)}; of the other group ${show(cOther, pos.n)}` : '',
      ].filter(Boolean).join('. ');
      const out: Omit<Finding, 'check'>[] = [];
      const sOk = !S || sOwn.length > 0, cOk = !C || cOwn.length > 0;
      if (sOk && cOk) {
        t.item();
        continue;
      }
      const swapped = (!S || sOther.length > 0) && (!C || cOther.length > 0);
      if (swapped) out.push({ location: loc, severity: 'warning', message: auditMessages.sensSpecSwapped(row.marker, pos.label, neg.label), reported, recomputed });
      else {
        if (!sOk) out.push({ location: loc, severity: 'error', message: auditMessages.fractionImpossible(row.marker, 'sensitivity', S!.text, pos.n, pos.label), reported, recomputed });
        if (!cOk) out.push({ location: loc, severity: 'error', message: auditMessages.fractionImpossible(row.marker, 'specificity', C!.text, neg.n, neg.label), reported, recomputed });
      }
      t.item(out);
    }
    return t.outcome();
  },
};
