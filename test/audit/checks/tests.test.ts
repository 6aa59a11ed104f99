/** t-test, chi-square, p-from-statistic on hand-made rows (reference values from R 4.2.2). */
import { describe, expect, it } from 'vitest';
import { tRanges, tTest } from '../../../src/audit/checks/tTest.js';
import { chiSquare } from '../../../src/audit/checks/chiSquare.js';
import { pFromStatistic } from '../../../src/audit/checks/pFromStatistic.js';
import { parsePrinted } from '../../../src/audit/printed.js';
import type { CategoricalRow, ContinuousRow } from '../../../src/audit/types.js';
import { doc, loc, run, sev } from '../helpers.js';

// Group A 10.00 ± 3.00 (n 9), group B 8.00 ± 1.00 (n 4). R: Student t = 1.2746040109 (df 11,
// P = 0.2287161703); Welch t = 1.7888543820 (df 10.714, P = 0.1019102536).
const cont = (test: ContinuousRow['test']): ContinuousRow => ({
  location: loc,
  variable: 'v',
  groups: ['a', 'b'],
  summaries: { a: { mean: '10.00', sd: '3.00' }, b: { mean: '8.00', sd: '1.00' } },
  test,
});

describe('t-test', () => {
  it('ranges contain the exact Student and Welch t (R)', () => {
    const P = (s: string) => parsePrinted(s)!;
    const r = tRanges(P('10.00'), P('3.00'), 9, P('8.00'), P('1.00'), 4);
    expect(r.student.lo).toBeLessThan(1.274604);
    expect(r.student.hi).toBeGreaterThan(1.274604);
    expect(r.welch.lo).toBeLessThan(1.788854);
    expect(r.welch.hi).toBeGreaterThan(1.788854);
    expect(r.welchDf).toBeCloseTo(10.7142857143, 8);
    expect(r.student.hi - r.student.lo).toBeLessThan(0.02);
  });
  it('a stated Student t that matches passes; Welch t for a stated Student test is a warning', () => {
    const d = (s: string, kind: 'student-t' | 't-unstated' = 'student-t') => doc({ continuous: [cont({ kind, statistic: s })] }, 9, 4);
    expect(run(tTest, d('1.275')).findings).toEqual([]);
    expect(run(tTest, d('-1.275')).findings).toEqual([]);
    expect(sev(run(tTest, d('1.789')).findings)).toEqual(['warning']);
    expect(run(tTest, d('1.789', 't-unstated')).findings).toEqual([]);
    expect(sev(run(tTest, d('2.500')).findings)).toEqual(['error']);
  });
  it('without a printed t, the P is compared (Student P = 0.2287)', () => {
    const d = (p: string) => doc({ continuous: [cont({ kind: 'student-t', p })] }, 9, 4);
    expect(run(tTest, d('0.229')).findings).toEqual([]);
    expect(sev(run(tTest, d('0.050')).findings)).toEqual(['error']);
  });
});

// [[10, 20], [20, 10]]: Pearson χ² = 60·300²/30⁴ = 6.6667, Yates χ² = 60·270²/30⁴ = 5.4 (R agrees).
const cat = (test: CategoricalRow['test'], a = 10): CategoricalRow => ({
  location: loc,
  variable: 'v',
  groups: ['a', 'b'],
  levels: [
    { label: 'yes', counts: { a, b: 20 }, percents: { a: '33.3', b: '66.7' } },
    { label: 'no', counts: { a: 20, b: 10 } },
  ],
  test,
});

describe('chi-square', () => {
  const d = (test: CategoricalRow['test'], a?: number) => doc({ categorical: [cat(test, a)] }, 30, 30);
  it('Pearson and Yates by hand', () => {
    expect(run(chiSquare, d({ kind: 'chi-square', correction: 'none', statistic: '6.667' })).findings).toEqual([]);
    expect(run(chiSquare, d({ kind: 'chi-square', correction: 'yates', statistic: '5.400' })).findings).toEqual([]);
    expect(sev(run(chiSquare, d({ kind: 'chi-square', statistic: '5.400' })).findings)).toEqual(['info']);
    expect(sev(run(chiSquare, d({ kind: 'chi-square', correction: 'none', statistic: '5.400' })).findings)).toEqual(['warning']);
  });
  it('one unit off is a warning, more is an error', () => {
    expect(sev(run(chiSquare, d({ kind: 'chi-square', statistic: '6.668' })).findings)).toEqual(['warning']);
    expect(sev(run(chiSquare, d({ kind: 'chi-square', statistic: '7.000' })).findings)).toEqual(['error']);
  });
  it('P only, and a one-level row completed with n − count', () => {
    const one: CategoricalRow = { location: loc, variable: 'v', groups: ['a', 'b'], complete: false, levels: [{ label: 'yes', counts: { a: 10, b: 20 } }], test: { kind: 'chi-square', correction: 'none', statistic: '6.667', p: '0.010' } };
    expect(run(chiSquare, doc({ categorical: [one] }, 30, 30)).findings).toEqual([]);
  });
  it('counts with a typo: the test matches the counts the percentages imply', () => {
    // printed 15 where 33.3% of 30 is 10 — the printed χ² 6.667 belongs to 10
    const r = run(chiSquare, d({ kind: 'chi-square', statistic: '6.667' }, 15));
    expect(sev(r.findings)).toEqual(['error']);
    expect(r.findings[0].message).toContain('percentages imply');
  });
  it('Fisher exact rows (R: P = 0.4857 for [[3, 1], [1, 3]])', () => {
    const f = (p: string): CategoricalRow => ({ location: loc, variable: 'v', groups: ['a', 'b'], levels: [{ label: 'y', counts: { a: 3, b: 1 } }, { label: 'n', counts: { a: 1, b: 3 } }], test: { kind: 'fisher', p } });
    expect(run(chiSquare, doc({ categorical: [f('0.486')] }, 4, 4)).findings).toEqual([]);
    expect(sev(run(chiSquare, doc({ categorical: [f('0.200')] }, 4, 4)).findings)).toEqual(['error']);
  });
  it('notes small expected counts', () => {
    const small: CategoricalRow = { location: loc, variable: 'v', groups: ['a', 'b'], levels: [{ label: 'y', counts: { a: 3, b: 2 } }, { label: 'n', counts: { a: 26, b: 27 } }], test: { kind: 'chi-square', correction: 'none', p: '0.640' } };
    expect(sev(run(chiSquare, doc({ categorical: [small] }, 29, 29)).findings)).toEqual(['info']);
  });
});

describe('p-from-statistic', () => {
  it('χ² 3.841 with 1 df is P 0.050', () => {
    const d = (p: string) => doc({ categorical: [cat({ kind: 'chi-square', statistic: '3.841', p })] }, 30, 30);
    expect(run(pFromStatistic, d('0.050')).findings).toEqual([]);
    expect(sev(run(pFromStatistic, d('0.049')).findings)).toEqual(['warning']);
    expect(sev(run(pFromStatistic, d('0.040')).findings)).toEqual(['error']);
  });
  it('t 2.000 with 14 df is P 0.0653 (R)', () => {
    const c = (p: string): ContinuousRow => ({ location: loc, variable: 'v', groups: ['a', 'b'], summaries: { a: { mean: '12.0', sd: '2.0' }, b: { mean: '10.0', sd: '2.0' } }, test: { kind: 't-unstated', statistic: '2.000', p } });
    expect(run(pFromStatistic, doc({ continuous: [c('0.065')] }, 8, 8)).findings).toEqual([]);
    expect(sev(run(pFromStatistic, doc({ continuous: [c('0.030')] }, 8, 8)).findings)).toEqual(['error']);
  });
  it('Wald χ² (SPSS) and Wald z (R)', () => {
    const m = (wald: string, p: string) => doc({ models: [{ id: 'm', location: loc, kind: 'cox', terms: [{ location: loc, label: 'x', wald, p }] }] });
    expect(run(pFromStatistic, m('3.841', '0.050')).findings).toEqual([]);
    expect(sev(run(pFromStatistic, m('1.960', '0.050')).findings)).toEqual(['info']);
    expect(sev(run(pFromStatistic, m('3.841', '0.500')).findings)).toEqual(['error']);
  });
});
