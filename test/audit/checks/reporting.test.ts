/** cutoff-consistency, p-zero, survival-summary on hand-made documents. */
import { describe, expect, it } from 'vitest';
import { cutoffConsistency } from '../../../src/audit/checks/cutoffConsistency.js';
import { pZero } from '../../../src/audit/checks/pZero.js';
import { survivalSummary } from '../../../src/audit/checks/survivalSummary.js';
import { doc, loc, run, sev } from '../helpers.js';

describe('cutoff-consistency', () => {
  const roc = { location: { table: 'Table 5' }, marker: 'SII', positive: 'a', negative: 'b', auc: '0.797', cutoff: '375.56' };
  it('the same cutoff everywhere passes', () => {
    expect(run(cutoffConsistency, doc({ roc: [roc], cutoffs: [{ location: { table: 'Table 3' }, marker: 'sii', value: '375.56' }] })).findings).toEqual([]);
  });
  it('a different cutoff elsewhere → warning; two cutoffs at one place → error', () => {
    expect(sev(run(cutoffConsistency, doc({ roc: [roc], cutoffs: [{ location: { table: 'Table 3' }, marker: 'SII', value: '370.26' }] })).findings)).toEqual(['warning']);
    const r = run(cutoffConsistency, doc({ roc: [roc], cutoffs: [{ location: { table: 'Table 3' }, marker: 'SII', value: '370.26' }, { location: { table: 'Table 3' }, marker: 'SII', value: '345.26' }] }));
    expect(sev(r.findings)).toEqual(['error']);
    expect(r.findings[0].message).toContain('375.56');
  });
});

describe('p-zero', () => {
  it('flags 0.000 and 0.00, not <0.001 or a statistic of 0.000', () => {
    const r = run(pZero, doc({
      pValues: [{ location: loc, p: '0.000' }, { location: loc, p: '0.00' }, { location: loc, p: '<0.001' }],
      categorical: [{ location: loc, variable: 'v', groups: ['a', 'b'], levels: [{ label: 'x', counts: { a: 1, b: 1 } }], test: { kind: 'chi-square', statistic: '0.000', p: '1.000' } }],
    }));
    expect(r.evaluated).toBe(4);
    expect(sev(r.findings)).toEqual(['warning', 'warning']);
    expect(r.findings[0].message).toContain('P < 0.001');
  });
});

describe('survival-summary', () => {
  it('rates against counts, medians inside their CI', () => {
    const d = (v: string, median: string) => doc({ survival: [
      { location: loc, label: '3-year survival', kind: 'rate', value: v, count: 85, n: 186 },
      { location: loc, label: 'median OS', kind: 'median', value: median, ci: ['5.761', '10.239'] },
    ] });
    expect(run(survivalSummary, d('45.70', '8')).findings).toEqual([]);
    expect(sev(run(survivalSummary, d('45.71', '8')).findings)).toEqual(['warning']);
    expect(sev(run(survivalSummary, d('47.70', '12')).findings)).toEqual(['error', 'error']);
  });
});
