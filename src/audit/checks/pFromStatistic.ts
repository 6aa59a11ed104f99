/**
 * Check `p-from-statistic`: a printed P value against the P of the printed statistic and its df —
 * χ² (categorical tests, df (r − 1)(c − 1) unless printed), t (df n1 + n2 − 2 or Welch's df) and
 * Wald χ² with 1 df (regression rows, including the constant).
 *
 * Tolerance: P is monotone in the statistic, so the statistic's rounding interval maps exactly to a
 * P interval; the printed P's own rounding interval must overlap it. "<0.001" stands for [0, 0.001].
 *
 * @example
 * // χ² 3.841 with 1 df → P 0.050: printed 0.050 consistent, 0.049 warning (last digit), 0.040 error.
 */
import { pChisqUpper, pNormTwoSided, pTTwoSided } from '../../stats/dist/index.js';
import { auditMessages } from '../../messages/index.js';
import { iv } from '../format.js';
import { type Check, Tally, where } from '../findings.js';
import { type Interval, overlaps, parsePrinted, pRange, type PrintedNumber } from '../printed.js';
import { welchTFromSummary } from '../../stats/compare/tTestFromSummary.js';
import { mismatchSeverity } from '../slip.js';

/** |statistic| interval of a printed statistic. */
function absRange(s: PrintedNumber): Interval {
  if (s.relation !== '=') return { lo: 0, hi: Infinity };
  const a = Math.abs(s.value);
  return { lo: Math.max(0, a - s.half), hi: a + s.half };
}

/** P interval of a χ² statistic interval. */
export function pChisqRange(s: Interval, df: number): Interval {
  return { lo: pChisqUpper(s.hi, df), hi: pChisqUpper(s.lo, df) };
}

/** P interval of a |t| interval. */
export function pTRange(s: Interval, df: number): Interval {
  return { lo: pTTwoSided(s.hi, df), hi: pTTwoSided(s.lo, df) };
}

export const pFromStatistic: Check = {
  id: 'p-from-statistic',
  title: 'P from a statistic and its df (χ², t, Wald)',
  tolerance: 'the P interval implied by the statistic’s rounding must overlap the printed P’s rounding interval.',
  run(paper) {
    const t = new Tally(this.id);
    const mismatch = (loc: string, subject: string, what: string, reported: string, recomputed: string, p: PrintedNumber, ranges: Interval[]) => {
      const severity = ranges.some((r) => mismatchSeverity(p, r) === 'warning') ? 'warning' : 'error';
      t.item([{ location: loc, severity, message: severity === 'warning' ? auditMessages.lastDigit(subject, `P (${p.text})`) : auditMessages.pFromStatMismatch(what), reported, recomputed }]);
    };

    for (const row of paper.doc.categorical ?? []) {
      const s = row.test?.statistic === undefined ? null : parsePrinted(row.test.statistic);
      const p = row.test?.p === undefined ? null : parsePrinted(row.test.p);
      if (!s || !p || row.test?.kind === 'fisher') continue;
      const complete = row.complete ?? row.levels.length > 1;
      const r = row.levels.length + (complete ? 0 : 1);
      const df = row.test?.df ?? (r - 1) * (row.groups.length - 1);
      const pr = pChisqRange(absRange(s), df);
      if (overlaps(pr, pRange(p))) t.item();
      else mismatch(where(row.location), row.variable, `χ² = ${s.text} with ${df} df (${row.variable})`, `χ² = ${s.text}, P = ${p.text}`, `P = ${iv(pr, 3)} (df ${df})`, p, [pr]);
    }

    for (const row of paper.doc.continuous ?? []) {
      const s = row.test?.statistic === undefined ? null : parsePrinted(row.test.statistic);
      const p = row.test?.p === undefined ? null : parsePrinted(row.test.p);
      if (!s || !p || row.groups.length !== 2) continue;
      const [g1, g2] = row.groups.map((g) => paper.groups.get(g));
      if (!g1 || !g2) continue;
      const dfs: number[] = [];
      if (row.test!.df !== undefined) dfs.push(row.test!.df);
      else {
        dfs.push(g1.n + g2.n - 2);
        const a = row.summaries[row.groups[0]], b = row.summaries[row.groups[1]];
        const [m1, s1, m2, s2] = [a?.mean, a?.sd, b?.mean, b?.sd].map((x) => (x === undefined ? null : parsePrinted(x)));
        if (m1 && s1 && m2 && s2 && s1.value > 0 && s2.value > 0) dfs.push(welchTFromSummary(m1.value, s1.value, g1.n, m2.value, s2.value, g2.n).df);
      }
      const ranges = dfs.map((df) => pTRange(absRange(s), df));
      if (ranges.some((pr) => overlaps(pr, pRange(p)))) t.item();
      else mismatch(where(row.location), row.variable, `t = ${s.text} (${row.variable})`, `t = ${s.text}, P = ${p.text}`, dfs.map((df, i) => `P = ${iv(ranges[i], 3)} (df ${iv({ lo: df, hi: df })})`).join('; '), p, ranges);
    }

    for (const model of paper.doc.models ?? []) {
      for (const term of [...model.terms, ...(model.intercept ? [model.intercept] : [])]) {
        const s = term.wald === undefined ? null : parsePrinted(term.wald);
        const p = term.p === undefined ? null : parsePrinted(term.p);
        if (!s || !p) continue;
        const pr = pChisqRange(absRange(s), 1);
        if (overlaps(pr, pRange(p))) {
          t.item();
          continue;
        }
        const zr = absRange(s);
        const pz = { lo: pNormTwoSided(zr.hi), hi: pNormTwoSided(zr.lo) };
        if (overlaps(pz, pRange(p))) {
          t.item([{ location: where(term.location), severity: 'info', message: auditMessages.waldIsZ(term.label), reported: `Wald = ${s.text}, P = ${p.text}`, recomputed: `P(χ²₁ ≥ Wald) = ${iv(pr, 3)}; P(|Z| ≥ Wald) = ${iv(pz, 3)}` }]);
          continue;
        }
        mismatch(where(term.location), term.label, `Wald = ${s.text} (${term.label})`, `Wald = ${s.text}, P = ${p.text}`, `P = ${iv(pr, 3)} (χ² with 1 df)`, p, [pr]);
      }
    }
    return t.outcome();
  },
};
