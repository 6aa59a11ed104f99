/**
 * One cut-off convention (issue 17 item 5): "high" is ≥ the cut-off unless the spec declares '>';
 * a maxstat cut-off is printed as ≥ the smallest value above maxstat.test's estimate (the same
 * patients, so the same log-rank χ² as R's split); splits leaving fewer than 10 % (or minShare) on
 * one side carry a warning that reaches the bundle's warnings.
 */
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/simulate/loadProfile.js';
import { simulateCohort } from '../../src/simulate/simulateCohort.js';
import { datasetFromTable } from '../../src/analysis/datasetFromTable.js';
import { resolveCutoff, splitAt } from '../../src/analysis/cutoffs.js';
import { runAnalyses } from '../../src/analysis/runAnalyses.js';
import { maxstat } from '../../src/stats/survival/maxstat.js';
import { logRank } from '../../src/stats/survival/logRank.js';
import { isSmallSplit, smallGroupWarning } from '../../src/analysis/smallGroup.js';
import { cutoffText } from '../../src/analysis/cutoffText.js';

const hong = simulateCohort(loadProfile('examples/hong2021/profile.yaml'));
const ds = datasetFromTable(hong.wide.columns, hong.wide.rows, 'id', { os: { survival: { time: 'os_time', event: 'os_event', unit: 'months' } } }, { sii: 'SII' });
const sii = ds.columns.get('sii')!;
const ep = ds.endpoints.get('os')!;

describe('cut-off convention', () => {
  it('maxstat: ≥ the next observed value, the same patients and χ² as maxstat.test\'s ≤ estimate split', () => {
    if (sii.kind !== 'numeric' || ep.kind !== 'survival') throw new Error('numeric sii and survival os expected');
    const m = maxstat(ep.time, ep.event, sii.values);
    const c = resolveCutoff(ds, 'sii', { method: 'maxstat', endpoint: 'os' }, 'cutoffs.sii');
    expect(c.direction).toBe('>=');
    expect(c.value).toBe(m.highFrom);
    expect(m.highFrom).toBeGreaterThan(m.cutoff);
    expect([c.nLow, c.nHigh]).toEqual([m.nLow, m.nHigh]);
    const high = splitAt(sii.values, c);
    const lr = logRank(ep.time, ep.event, Array.from(high, (h) => (h ? 'high' : 'low')));
    expect(Math.abs(lr.chisq - m.naiveLogRank.chisq) / m.naiveLogRank.chisq).toBeLessThan(1e-12);
    // Declared '>' keeps R's own estimate.
    const gt = resolveCutoff(ds, 'sii', { method: 'maxstat', endpoint: 'os', direction: '>' }, 'cutoffs.sii');
    expect([gt.value, gt.direction, gt.nLow]).toEqual([m.cutoff, '>', m.nLow]);
  });

  it('a fixed value with ties: ≥ puts the tied patients in the high group, > in the low group', () => {
    if (sii.kind !== 'numeric') throw new Error('numeric');
    const v = Array.from(sii.values).filter(Number.isFinite).sort((a, b) => a - b)[20];
    const ge = resolveCutoff(ds, 'sii', { value: v }, 'c');
    const gt = resolveCutoff(ds, 'sii', { value: v, direction: '>' }, 'c');
    const ties = Array.from(sii.values).filter((x) => x === v).length;
    expect(ge.nHigh - gt.nHigh).toBe(ties);
  });

  it('small groups: fewer than 10 % on one side is flagged (by hand: 9 of 100 yes, 10 of 100 no), minShare declares another minimum', () => {
    expect(isSmallSplit(91, 9)).toBe(true);
    expect(isSmallSplit(90, 10)).toBe(false);
    expect(isSmallSplit(80, 20, 0.25)).toBe(true);
    expect(smallGroupWarning('SII', 1234.5678, '>=', 95, 5)).toMatch(/^The split SII ≥ 1234.57 leaves 5 of 100 patients \(5\.0 %\)/);
    expect(cutoffText(612.456789)).toBe('612.457');
    if (sii.kind !== 'numeric') throw new Error('numeric');
    const sorted = Array.from(sii.values).filter(Number.isFinite).sort((a, b) => a - b);
    const top = sorted[sorted.length - 3];
    const res = runAnalyses(ds, { km: [{ endpoint: 'os', by: ['sii'] }] }, { sii: { value: top } });
    expect(res.cutoffs[0].smallGroup).toMatch(/fewer than 10 %/);
    expect(res.warnings.some((w) => /leaves \d+ of 58 patients/.test(w))).toBe(true);
    const med = runAnalyses(ds, { km: [{ endpoint: 'os', by: ['sii'] }] }, { sii: { method: 'median' } });
    expect(med.cutoffs[0].smallGroup).toBeNull();
  });
});
