/**
 * Check `t-test`: a printed two-sample t (or, when no t is printed, its P) against the t that the
 * printed means, SDs and group sizes give — Student's pooled-variance t and Welch's t.
 *
 * Tolerance (interval arithmetic): each mean and SD stands for every value within half a unit of
 * its last printed digit. |t| = |m1 − m2| / SE(s1, s2) grows with |m1 − m2| and falls with each SD
 * (the numerator and the denominator share no input), so the exact range of |t| over all such
 * values is [min|d| / SE(s1_hi, s2_hi), max|d| / SE(s1_lo, s2_lo)]. The printed t (its sign ignored)
 * must overlap that range; a printed P must overlap the P range of the t range (Student df n1+n2−2;
 * Welch df at the printed values).
 * A test stated as Student that only Welch reproduces (or the reverse) is a warning; a stated
 * "t test" accepts either.
 *
 * @example
 * // 10.00 ± 3.00 (n 9) vs 8.00 ± 1.00 (n 4): Student t 1.2746, Welch t 1.7889 (R);
 * // printed Student t 1.275 → consistent, 1.789 → warning (Welch), 2.500 → error.
 */
import { studentTFromSummary, welchTFromSummary } from '../../stats/compare/tTestFromSummary.js';
import { pTTwoSided } from '../../stats/dist/index.js';
import { auditMessages } from '../../messages/index.js';
import { iv } from '../format.js';
import { type Check, type Finding, type IndexedPaper, Tally, where } from '../findings.js';
import { type Interval, overlaps, parsePrinted, pRange, type PrintedNumber } from '../printed.js';
import type { ContinuousRow } from '../types.js';
import { lastDigitSlip } from '../slip.js';

export interface TRanges {
  student: Interval;
  welch: Interval;
  studentDf: number;
  welchDf: number;
  studentP: Interval;
  welchP: Interval;
}

/** The exact ranges of |t| (Student and Welch) and of their P values over the printed rounding. */
export function tRanges(m1: PrintedNumber, s1: PrintedNumber, n1: number, m2: PrintedNumber, s2: PrintedNumber, n2: number): TRanges {
  const dLo = m1.lo - m2.hi;
  const dHi = m1.hi - m2.lo;
  const absLo = dLo <= 0 && dHi >= 0 ? 0 : Math.min(Math.abs(dLo), Math.abs(dHi));
  const absHi = Math.max(Math.abs(dLo), Math.abs(dHi));
  const sdLo = (s: PrintedNumber) => Math.max(s.lo, s.hi * 1e-9, Number.MIN_VALUE);
  const stLo = Math.abs(studentTFromSummary(absLo, s1.hi, n1, 0, s2.hi, n2).statistic);
  const stHi = Math.abs(studentTFromSummary(absHi, sdLo(s1), n1, 0, sdLo(s2), n2).statistic);
  const wLo = Math.abs(welchTFromSummary(absLo, s1.hi, n1, 0, s2.hi, n2).statistic);
  const wHi = Math.abs(welchTFromSummary(absHi, sdLo(s1), n1, 0, sdLo(s2), n2).statistic);
  const studentDf = n1 + n2 - 2;
  const welchDf = welchTFromSummary(m1.value, s1.value, n1, m2.value, s2.value, n2).df;
  return {
    student: { lo: stLo, hi: stHi },
    welch: { lo: wLo, hi: wHi },
    studentDf,
    welchDf,
    studentP: { lo: pTTwoSided(stHi, studentDf), hi: pTTwoSided(stLo, studentDf) },
    welchP: { lo: pTTwoSided(wHi, welchDf), hi: pTTwoSided(wLo, welchDf) },
  };
}

function evaluate(paper: IndexedPaper, row: ContinuousRow): Omit<Finding, 'check'>[] | null {
  const test = row.test;
  if (!test || row.groups.length !== 2) return null;
  const [g1, g2] = row.groups.map((g) => paper.groups.get(g));
  const [a, b] = row.groups.map((g) => row.summaries[g]);
  if (!g1 || !g2 || !a || !b) return null;
  const m1 = parsePrinted(a.mean), s1 = parsePrinted(a.sd), m2 = parsePrinted(b.mean), s2 = parsePrinted(b.sd);
  if (!m1 || !s1 || !m2 || !s2) return null;
  const r = tRanges(m1, s1, g1.n, m2, s2, g2.n);
  const stat = test.statistic === undefined ? null : parsePrinted(test.statistic);
  const p = test.p === undefined ? null : parsePrinted(test.p);
  const loc = where(row.location);
  let studentOk: boolean, welchOk: boolean, slip: boolean, reported: string, recS: string, recW: string;
  if (stat) {
    const abs: Interval = { lo: stat.relation === '=' ? Math.abs(stat.value) - stat.half : 0, hi: stat.relation === '=' ? Math.abs(stat.value) + stat.half : Infinity };
    studentOk = overlaps(abs, r.student);
    welchOk = overlaps(abs, r.welch);
    const absPrinted = { ...stat, value: Math.abs(stat.value), lo: abs.lo, hi: abs.hi };
    slip = lastDigitSlip(absPrinted, r.student) || lastDigitSlip(absPrinted, r.welch);
    reported = `t = ${stat.text}`;
    recS = `Student t = ${iv(r.student)} (df ${r.studentDf})`;
    recW = `Welch t = ${iv(r.welch)} (df ${iv({ lo: r.welchDf, hi: r.welchDf })})`;
  } else if (p) {
    studentOk = overlaps(pRange(p), r.studentP);
    welchOk = overlaps(pRange(p), r.welchP);
    slip = lastDigitSlip(p, r.studentP) || lastDigitSlip(p, r.welchP);
    reported = `P = ${p.text}`;
    recS = `Student P = ${iv(r.studentP)}`;
    recW = `Welch P = ${iv(r.welchP)}`;
  } else return null;
  const recomputed = `${recS}; ${recW}`;
  const wanted = test.kind;
  if ((wanted === 'student-t' && studentOk) || (wanted === 'welch-t' && welchOk) || (wanted === 't-unstated' && (studentOk || welchOk))) return [];
  if (wanted === 'student-t' && welchOk) return [{ location: loc, severity: 'warning', message: auditMessages.tOtherVariant(row.variable, 'Student', 'Welch'), reported, recomputed }];
  if (wanted === 'welch-t' && studentOk) return [{ location: loc, severity: 'warning', message: auditMessages.tOtherVariant(row.variable, 'Welch', 'Student'), reported, recomputed }];
  return [{ location: loc, severity: slip ? 'warning' : 'error', message: slip ? auditMessages.lastDigit(row.variable, stat ? `t (${stat.text})` : `P (${p!.text})`) : auditMessages.tMismatch(row.variable, stat ? 't' : 'P'), reported, recomputed }];
}

export const tTest: Check = {
  id: 't-test',
  title: 'Student and Welch t from mean, SD and n',
  tolerance: 'interval arithmetic over ± half a unit in the last printed digit of each mean and SD; the printed t (or P) must overlap the exact range.',
  run(paper) {
    const t = new Tally(this.id);
    for (const row of paper.doc.continuous ?? []) {
      const f = evaluate(paper, row);
      if (f) t.item(f);
    }
    return t.outcome();
  },
};
