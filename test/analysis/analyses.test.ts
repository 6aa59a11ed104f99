import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/simulate/loadProfile.js';
import { simulateCohort } from '../../src/simulate/simulateCohort.js';
import { datasetFromTable } from '../../src/analysis/datasetFromTable.js';
import { resolveCutoff } from '../../src/analysis/cutoffs.js';
import { kmAnalysis } from '../../src/analysis/kmAnalysis.js';
import { coxAnalysis } from '../../src/analysis/coxAnalysis.js';
import { rocStudyAnalysis } from '../../src/analysis/rocStudyAnalysis.js';
import { responseRates } from '../../src/analysis/responseRates.js';

const hong = simulateCohort(loadProfile('examples/hong2021/profile.yaml'));
const hds = datasetFromTable(hong.wide.columns, hong.wide.rows, 'id', { os: { survival: { time: 'os_time', event: 'os_event', unit: 'months' } } }, { sii: 'SII', afp: 'AFP' });
const deng = simulateCohort(loadProfile('examples/deng2025/profile.yaml'));
const dds = datasetFromTable(deng.wide.columns, deng.wide.rows, 'id', {
  recurrence: { binary: { column: 'recurrence' } },
  os: { survival: { time: 'os_time', event: 'os_event', unit: 'months' } },
}, { sii: 'SII', afp: 'AFP' });

describe('study analyses on simulated cohorts', () => {
  it('hong2021: KM by SII ≥ 340 and four SII×AFP groups, Cox uni → multi', () => {
    const cut = resolveCutoff(hds, 'sii', { value: 340 }, 'cutoffs.sii');
    expect(cut).toMatchObject({ nLow: 29, nHigh: 29, dataDriven: false });
    const cutoffs = new Map([['sii', cut], ['afp', resolveCutoff(hds, 'afp', { value: 400 }, 'cutoffs.afp')]]);
    const km = kmAnalysis(hds, 'os-by-sii', 'os', ['sii'], cutoffs, [6, 12]);
    expect(km.groups).toEqual(['SII < 340', 'SII ≥ 340']);
    expect(km.logrank!.df).toBe(1);
    expect(km.km.groups[0].n + km.km.groups[1].n).toBe(58);
    const four = kmAnalysis(hds, 'os-by-sii-afp', 'os', ['sii', 'afp'], cutoffs, []);
    expect(four.groups.length).toBe(4);
    expect(four.logrank!.df).toBe(3);
    const cox = coxAnalysis(hds, 'os', 'os', ['sii', 'afp', 'bclc', 'vascular_invasion'], cutoffs);
    expect(cox.univariable.length).toBe(4);
    expect(cox.univariable[0].result!.coefficients[0].term).toBe('SII ≥ 340');
    if (cox.multivariable) expect(cox.multivariable.variables.length).toBeGreaterThanOrEqual(1);
  });
  it('deng2025: Youden cut-off of SII for recurrence carries the corrected maxstat P; combined SII+AFP ROC', () => {
    const cut = resolveCutoff(dds, 'sii', { method: 'youden', endpoint: 'recurrence' }, 'cutoffs.sii');
    expect(cut.dataDriven).toBe(true);
    expect(cut.roc!.auc).toBeGreaterThan(0.6);
    expect(cut.maxstat).not.toBeNull();
    expect(cut.maxstat!.p).toBeGreaterThan(cut.maxstat!.pNaive);
    const roc = rocStudyAnalysis(dds, 'roc', 'recurrence', ['sii', 'afp'], [['sii', 'afp']]);
    expect(roc.n).toBe(186);
    expect(roc.comparisons.length).toBe(1);
    expect(roc.combined[0].roc.auc).toBeGreaterThanOrEqual(Math.max(roc.markers[0].auc, roc.markers[1].auc) - 1e-9);
  });
  it('deng2025: response rates with exact CIs (ORR 100/186 = 53.76%, DCR 149/186 = 80.11%)', () => {
    const r = responseRates(dds, 'response', ['CR', 'PR'], ['CR', 'PR', 'SD'], 'recurrence');
    expect(r.rows[0].objective.x).toBe(100);
    expect(r.rows[0].control.x).toBe(149);
    expect(r.rows[0].objective.estimate).toBeCloseTo(0.5376, 4);
    expect(r.rows.length).toBe(3);
  });
});

describe('quantile cut-offs', () => {
  const ds = datasetFromTable(['id', 'x', 't', 'e'], Array.from({ length: 10 }, (_, i) => [`p${i}`, i + 1, i + 1, i % 2]), 'id', { os: { survival: { time: 't', event: 'e', unit: 'months' } } });
  it('use R type-7 quantiles: x = 1..10 at 0.75 is 7.75; the median is 5.5', () => {
    expect(resolveCutoff(ds, 'x', { method: 'quantile', probability: 0.75 }, 'cutoffs.x')).toMatchObject({ value: 7.75, nLow: 7, nHigh: 3, dataDriven: false });
    expect(resolveCutoff(ds, 'x', { method: 'median' }, 'cutoffs.x').value).toBe(5.5);
  });
  it('refuse a quantile without a probability, naming the field', () => {
    expect(() => resolveCutoff(ds, 'x', { method: 'quantile' }, 'cutoffs.x')).toThrow('cutoffs.x.probability');
  });
});
