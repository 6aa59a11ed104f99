/**
 * Check `chi-square`: a printed χ² (or, when none is printed, its P) against the Pearson χ² of the
 * printed counts, without and (2 × 2 tables) with Yates's continuity correction.
 *
 * Tolerance: counts are exact, so the statistic is exact; the printed χ² must lie within half a
 * unit of its last digit of the recomputed one (a printed P within its rounding of the recomputed P).
 * SPSS prints the uncorrected Pearson χ² first, so a paper that says "χ² test" is read as Pearson;
 * `correction: unstated` accepts either. A row printing one level of a yes/no variable
 * (`complete: false`) is completed with n − count. When the counts do not reproduce the test but the
 * printed percentages point to other counts (a typo in a count), the test is recomputed with those.
 *
 * @example
 * // [[10, 20], [20, 10]]: Pearson χ² 6.667 (printed 6.667 consistent), Yates 5.400 (info when the correction is unstated),
 * // 6.668 → warning (one unit in the last digit), 7.000 → error.
 */
import { chiSquareTest } from '../../stats/compare/chiSquareTest.js';
import { auditMessages } from '../../messages/index.js';
import { num } from '../format.js';
import { type Check, type Finding, type IndexedPaper, Tally, where } from '../findings.js';
import { contains, parsePrinted, pRange, type PrintedNumber } from '../printed.js';
import type { CategoricalRow } from '../types.js';
import { countsMatchingPercent, percentFits } from './percentOfCount.js';
import { fisherExact } from '../../stats/compare/fisherExact.js';
import { gap, mismatchSeverity } from '../slip.js';

/** Levels × groups table of counts (a single-level row completed with n − count); null if a count is missing. */
export function countTable(paper: IndexedPaper, row: CategoricalRow, repair = false): number[][] | null {
  const ns = row.groups.map((g) => paper.groups.get(g)?.n);
  if (ns.some((n) => n === undefined)) return null;
  const table: number[][] = [];
  for (const level of row.levels) {
    const r: number[] = [];
    for (let j = 0; j < row.groups.length; j++) {
      const g = row.groups[j];
      let c = level.counts[g];
      if (c === undefined) return null;
      const pr = level.percents?.[g] === undefined ? null : parsePrinted(level.percents[g]);
      if (repair && pr && !percentFits(c, ns[j]!, pr)) {
        const ks = countsMatchingPercent(pr, ns[j]!);
        if (ks.length === 1) c = ks[0];
      }
      r.push(c);
    }
    table.push(r);
  }
  const complete = row.complete ?? row.levels.length > 1;
  if (!complete) table.push(row.groups.map((_, j) => ns[j]! - table.reduce((a, r) => a + r[j], 0)));
  return table;
}

export interface Variant {
  name: 'none' | 'yates';
  statistic: number;
  p: number;
  df: number;
}

/** Pearson χ² (and Yates-corrected for 2 × 2) of a levels × groups table. */
export function chiSquareVariants(table: number[][]): Variant[] {
  const out: Variant[] = [];
  const plain = chiSquareTest(table, { correct: false });
  out.push({ name: 'none', statistic: plain.statistic, p: plain.p, df: plain.df });
  if (table.length === 2 && table[0].length === 2) {
    const y = chiSquareTest(table, { correct: true });
    out.push({ name: 'yates', statistic: y.statistic, p: y.p, df: y.df });
  }
  return out;
}

function fits(v: Variant, stat: PrintedNumber | null, p: PrintedNumber | null): boolean {
  if (stat) return contains(stat, v.statistic);
  return p !== null && contains(pRange(p), v.p);
}

function evaluate(paper: IndexedPaper, row: CategoricalRow): Omit<Finding, 'check'>[] | null {
  const test = row.test;
  if (!test) return null;
  const stat = test.statistic === undefined ? null : parsePrinted(test.statistic);
  const p = test.p === undefined ? null : parsePrinted(test.p);
  if (!stat && !p) return null;
  const table = countTable(paper, row);
  if (!table || table.some((r) => r.some((c) => c < 0))) return null;
  const loc = where(row.location);
  if (test.kind === 'fisher') return fisher(table, p, loc, row.variable);
  const vs = chiSquareVariants(table);
  const reported = stat ? `χ² = ${stat.text}` + (p ? `, P = ${p.text}` : '') : `P = ${p!.text}`;
  const describe = (list: Variant[]) =>
    list.map((v) => `${v.name === 'yates' ? 'Yates-corrected' : 'Pearson'} χ² = ${num(v.statistic)} (df ${v.df}), P = ${num(v.p, 3)}`).join('; ');
  const recomputed = describe(vs);
  const out: Omit<Finding, 'check'>[] = [];
  const minExpected = chiSquareTest(table, { correct: false }).minExpected;
  if (minExpected < 5) {
    const f = fisherExact(table);
    out.push({ location: loc, severity: 'info', message: auditMessages.smallExpected(row.variable, num(minExpected, 3)), reported, recomputed: `smallest expected count ${num(minExpected, 3)}` + (f ? `; Fisher's exact P = ${num(f.p, 3)}` : '') });
  }
  const ok = vs.filter((v) => fits(v, stat, p));
  const stated = test.correction ?? 'unstated';
  if (ok.length > 0) {
    if (stated === 'unstated' || ok.some((v) => v.name === stated)) {
      if (stated === 'unstated' && ok.every((v) => v.name === 'yates')) out.push({ location: loc, severity: 'info', message: auditMessages.chiOnlyYates(row.variable), reported, recomputed });
      return out;
    }
    out.push({ location: loc, severity: 'warning', message: auditMessages.chiOtherCorrection(row.variable, stated === 'none' ? 'without' : 'with', ok[0].name === 'yates' ? 'with' : 'without'), reported, recomputed });
    return out;
  }
  const repaired = countTable(paper, row, true);
  const changed = repaired && JSON.stringify(repaired) !== JSON.stringify(table);
  if (changed && repaired) {
    const rv = chiSquareVariants(repaired).filter((v) => fits(v, stat, p));
    if (rv.length > 0) {
      out.push({ location: loc, severity: 'error', message: auditMessages.chiMismatchRepaired(row.variable), reported, recomputed: `${recomputed}; with the counts the percentages imply: ${describe(rv)}` });
      return out;
    }
  }
  const preferred = vs.filter((v) => stated === 'unstated' || v.name === stated);
  const printedValue = stat ?? p!;
  const g = Math.min(...preferred.map((v) => gap(stat ? stat : pRange(p!), stat ? { lo: v.statistic, hi: v.statistic } : { lo: v.p, hi: v.p })));
  const sev = g <= 2 * printedValue.half * (1 + 1e-9) && printedValue.relation === '=' ? 'warning' : 'error';
  out.push({ location: loc, severity: sev, message: sev === 'warning' ? auditMessages.lastDigit(row.variable, stat ? `χ² (${stat.text})` : `P (${p!.text})`) : auditMessages.chiMismatch(row.variable, stat ? 'χ²' : 'P'), reported, recomputed });
  return out;
}

function fisher(table: number[][], p: PrintedNumber | null, loc: string, variable: string): Omit<Finding, 'check'>[] | null {
  const f = p ? fisherExact(table) : null;
  if (!p || !f) return null;
  if (contains(pRange(p), f.p)) return [];
  const sev = mismatchSeverity(p, { lo: f.p, hi: f.p });
  return [{ location: loc, severity: sev, message: sev === 'warning' ? auditMessages.lastDigit(variable, `Fisher P (${p.text})`) : auditMessages.fisherMismatch(variable), reported: `P = ${p.text}`, recomputed: `Fisher's exact P = ${num(f.p, 3)}` }];
}

export const chiSquare: Check = {
  id: 'chi-square',
  title: 'Chi-square (with and without continuity correction) from counts',
  tolerance: 'counts exact; printed χ² (or P) within ± half a unit of its last printed digit of the recomputed value.',
  run(paper) {
    const t = new Tally(this.id);
    for (const row of paper.doc.categorical ?? []) {
      const f = evaluate(paper, row);
      if (f) t.item(f);
    }
    return t.outcome();
  },
};
