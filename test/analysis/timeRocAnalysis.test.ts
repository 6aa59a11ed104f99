/** The study's timeRoc analysis: the engine on a dataset, lower-is-risk markers, labels, the figure's grid, warnings. */
import { describe, expect, it } from 'vitest';
import { timeRocAnalysis } from '../../src/analysis/timeRocAnalysis.js';
import { runAnalyses } from '../../src/analysis/runAnalyses.js';
import type { AnalysisDataset } from '../../src/analysis/dataset.js';
import { readCsv, ref, relErr } from '../stats/timeroc/referenceData.js';

const d = readCsv('timeroc_pbc.csv');
const ds: AnalysisDataset = {
  n: d.time.length,
  ids: Array.from(d.id, String),
  columns: new Map([
    ['bili', { kind: 'numeric' as const, values: d.bili, label: 'Bilirubin' }],
    ['albumin', { kind: 'numeric' as const, values: d.albumin }],
    ['protime', { kind: 'numeric' as const, values: d.protime }],
  ]),
  endpoints: new Map([['os', { kind: 'survival' as const, time: d.time, event: d.status, unit: 'days' }]]),
};

describe('timeRocAnalysis', () => {
  const R = ref.cases.find((c) => c.id === 'pbc_bili_albumin')!;

  it('equals R with albumin read as lower = risk; runAnalyses defaults to 1, 3, 5 years', () => {
    const res = runAnalyses(ds, { timeRoc: [{ endpoint: 'os', markers: ['bili', 'albumin'], lower: ['albumin'] }] });
    const a = res.analyses[0];
    expect(a.kind).toBe('timeRoc');
    if (a.kind !== 'timeRoc') return;
    expect(a.times).toEqual(R.times);
    expect(a.markers.map((m) => [m.marker, m.variable, m.direction])).toEqual([['Bilirubin', 'bili', 'higher'], ['albumin', 'albumin', 'lower']]);
    for (const [k, name] of [[0, 'bili'], [1, 'neg_albumin']] as const)
      R.times.forEach((t, i) => {
        const x = R.auc.find((y) => y.marker === name && y.time === t)!;
        expect(relErr(a.markers[k].at[i].auc!, x.auc)).toBeLessThan(1e-6);
        expect(relErr(a.markers[k].at[i].se!, x.se)).toBeLessThan(1e-4);
      });
    const c = R.contrasts.find((y) => y.a === 'bili' && y.b === 'neg_albumin' && y.time === R.times[2])!;
    expect(a.comparisons[0].at[2].p).toBeCloseTo(c.p, 8);
    expect(relErr(a.markers[1].uno.c!, R.concordance.find((y) => y.marker === 'neg_albumin')!.uno)).toBeLessThan(1e-6);
    expect(a.warnings).toEqual([]);
  });

  it('the figure grid runs up to the largest estimable horizon and passes through every horizon', () => {
    const a = timeRocAnalysis(ds, 'x', 'os', ['bili', 'protime'], [365, 1826, 6000]);
    expect(a.nDropped).toBe(2);
    const curve = a.markers[0].curve;
    expect(curve.time.length).toBeGreaterThanOrEqual(40);
    expect(curve.time[curve.time.length - 1]).toBe(1826);
    const k = curve.time.indexOf(365);
    expect(curve.auc[k]).toBe(a.markers[0].at[0].auc);
    expect(curve.lower.every((l, i) => l <= curve.auc[i] && curve.auc[i] <= curve.upper[i])).toBe(true);
    expect(a.markers[0].at[2]).toMatchObject({ auc: null, controls: 0, reason: 'noControls' });
    expect(a.warnings).toHaveLength(1);
    expect(a.warnings[0]).toMatch(/^os: AUC at time 6000 not estimated/);
  });

  it('refuses a binary endpoint and a horizon set with nothing estimable', () => {
    const bin: AnalysisDataset = { ...ds, endpoints: new Map([['dead', { kind: 'binary' as const, values: d.status }]]) };
    expect(() => timeRocAnalysis(bin, 'x', 'dead', ['bili'], [365])).toThrow(/not a time-to-event endpoint/);
    expect(() => timeRocAnalysis(ds, 'x', 'os', ['bili'], [9000])).toThrow(/no AUC\(t\) can be estimated/);
  });
});
