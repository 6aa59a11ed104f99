/** percent-of-count, count-sum, group-totals on hand-made tables. */
import { describe, expect, it } from 'vitest';
import { countsMatchingPercent, digitTypos, percentOfCount } from '../../../src/audit/checks/percentOfCount.js';
import { countSum } from '../../../src/audit/checks/countSum.js';
import { groupTotals } from '../../../src/audit/checks/groupTotals.js';
import { parsePrinted } from '../../../src/audit/printed.js';
import { doc, loc, run, sev } from '../helpers.js';

const row = (a: number, pa: string, b: number, pb: string) => ({ label: 'yes', counts: { a, b }, percents: { a: pa, b: pb } });

describe('percent-of-count', () => {
  it('passes counts whose percentage rounds to the printed one (53/110 = 48.18%)', () => {
    const r = run(percentOfCount, doc({ categorical: [{ location: loc, variable: 'v', groups: ['a', 'b'], levels: [row(53, '48.18', 46, '60.53')] }] }, 110, 76));
    expect(r).toMatchObject({ evaluated: 2, consistent: 2, findings: [] });
  });
  it('a percentage of another count is an error naming the count that fits (12 of 29 printed 79.3%: 23 fits)', () => {
    const r = run(percentOfCount, doc({ categorical: [{ location: loc, variable: 'PLR', groups: ['a', 'b'], levels: [row(12, '79.3', 6, '20.7')] }] }, 29, 29));
    expect(sev(r.findings)).toEqual(['error']);
    expect(r.findings[0].message).toContain('23 patients');
    expect(r.findings[0].recomputed).toContain('12/29 = 41.38%');
  });
  it('one unit off in the last digit is a warning (53/110 printed 48.19)', () => {
    const r = run(percentOfCount, doc({ categorical: [{ location: loc, variable: 'v', groups: ['a'], levels: [{ label: 'x', counts: { a: 53 }, percents: { a: '48.19' } }], complete: false }] }, 110));
    expect(sev(r.findings)).toEqual(['warning']);
  });
  it('names a one-digit typo (8 of 29 printed 37.6%: 27.6% fits)', () => {
    const r = run(percentOfCount, doc({ categorical: [{ location: loc, variable: 'v', groups: ['a'], levels: [{ label: 'x', counts: { a: 8 }, percents: { a: '37.6' } }], complete: false }] }, 29));
    expect(sev(r.findings)).toEqual(['error']);
    expect(r.findings[0].message).toContain('27.6%');
  });
  it('names another denominator that fits (30 of 60 printed 30.0%, another group has 100)', () => {
    const r = run(percentOfCount, doc({ proportions: [{ location: loc, label: 'x', count: 30, n: 60, percent: '30.0' }] }, 100, 100));
    expect(r.findings[0].message).toContain('30 of 100 gives 30.0%');
  });
  it('helpers', () => {
    expect(countsMatchingPercent(parsePrinted('79.3')!, 29)).toEqual([23]);
    expect(countsMatchingPercent(parsePrinted('50')!, 3)).toEqual([]);
    expect(digitTypos('37.6', (p) => Math.abs(p.value - 27.6) < 1e-9)).toEqual(['27.6']);
  });
});

describe('count-sum', () => {
  it('passes levels that add up to each group size and flags those that do not', () => {
    const ok = run(countSum, doc({ categorical: [{ location: loc, variable: 'v', groups: ['a', 'b'], levels: [{ label: 'x', counts: { a: 53, b: 46 } }, { label: 'y', counts: { a: 57, b: 30 } }] }] }, 110, 76));
    expect(ok).toMatchObject({ evaluated: 2, consistent: 2 });
    const bad = run(countSum, doc({ categorical: [{ location: loc, variable: 'PLR', groups: ['a', 'b'], levels: [{ label: 'x', counts: { a: 12, b: 6 } }, { label: 'y', counts: { a: 6, b: 23 } }] }] }, 29, 29));
    expect(bad).toMatchObject({ evaluated: 2, consistent: 1 });
    expect(bad.findings[0].message).toContain('add up to 18');
  });
  it('skips one-level rows and checks partitions of standalone counts', () => {
    expect(run(countSum, doc({ categorical: [{ location: loc, variable: 'v', groups: ['a'], levels: [{ label: 'x', counts: { a: 3 } }] }] })).evaluated).toBe(0);
    const parts = (c: number) => doc({ proportions: [{ location: loc, label: 'PD', count: 37, n: 186, partOf: 'r' }, { location: loc, label: 'rest', count: c, n: 186, partOf: 'r' }] });
    expect(run(countSum, parts(149)).findings).toEqual([]);
    expect(sev(run(countSum, parts(150)).findings)).toEqual(['error']);
  });
});

describe('group-totals', () => {
  const d = (a5low: number) =>
    doc({
      groups: [
        { id: 'all', label: 'all', n: 58, composedOf: ['low', 'high'] },
        { id: 'low', label: 'low', n: 29 },
        { id: 'high', label: 'high', n: 29 },
      ],
      categorical: [
        { location: { table: 'Table 1' }, variable: 'Child Pugh score', groups: ['all'], levels: [{ label: 'A5', counts: { all: 38 } }, { label: 'A6', counts: { all: 20 } }] },
        { location: { table: 'Table 3' }, variable: 'Child  pugh score', groups: ['low', 'high'], levels: [{ label: 'A5', counts: { low: a5low, high: 21 } }, { label: 'A6', counts: { low: 29 - a5low, high: 8 } }] },
      ],
    });
  it('parts that add up to the whole pass (17 + 21 = 38)', () => {
    expect(run(groupTotals, d(17))).toMatchObject({ evaluated: 3, consistent: 3 });
  });
  it('parts that do not are errors (18 + 21 = 39 ≠ 38; 11 + 8 = 19 ≠ 20)', () => {
    const r = run(groupTotals, d(18));
    expect(sev(r.findings)).toEqual(['error', 'error']);
    expect(r.findings[0].message).toContain('= 39');
  });
  it('a whole group whose size is not the sum of its parts is an error', () => {
    const r = run(groupTotals, doc({ groups: [{ id: 'all', label: 'all', n: 57, composedOf: ['a', 'b'] }, { id: 'a', label: 'a', n: 29 }, { id: 'b', label: 'b', n: 29 }] }));
    expect(sev(r.findings)).toEqual(['error']);
  });
});
