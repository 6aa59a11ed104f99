/**
 * The study's calibration, validation and decisionCurve analyses: on lung (5-covariate Cox model at
 * 365 days) they equal the engine and R (apparent Dxy / Brier / ICI from
 * test/reference/validation/validation.R); on infert the logistic path; the report shows each table
 * and figure and names each method with its reference.
 */
import { describe, expect, it } from 'vitest';
import { runAnalyses } from '../../src/analysis/runAnalyses.js';
import type { AnalysisDataset } from '../../src/analysis/dataset.js';
import { methodsText } from '../../src/report/build/methodsText.js';
import { calibrationBlocks, decisionCurveBlocks, validationBlocks } from '../../src/report/build/validationBlocks.js';
import { toPlain } from '../../src/analysis/plain.js';
import { infert, lung, reference } from '../stats/validation/referenceData.js';

const covs = ['age', 'sex', 'ph.ecog', 'ph.karno', 'wt.loss'];
const ds: AnalysisDataset = {
  n: lung.time.length,
  ids: Array.from(lung.time, (_, i) => String(i + 1)),
  columns: new Map(covs.map((c) => [c, { kind: 'numeric' as const, values: lung[c] }])),
  endpoints: new Map([['os', { kind: 'survival' as const, time: lung.time, event: lung.status, unit: 'days' }]]),
};
const dsB: AnalysisDataset = {
  n: infert.case.length,
  ids: Array.from(infert.case, (_, i) => String(i + 1)),
  columns: new Map(['age', 'parity', 'spontaneous', 'induced'].map((c) => [c, { kind: 'numeric' as const, values: infert[c] }])),
  endpoints: new Map([['case', { kind: 'binary' as const, values: infert.case }]]),
};

describe('calibration, validation and decision curves in the study pipeline', () => {
  const res = runAnalyses(ds, {
    calibration: [{ endpoint: 'os', predictors: covs, horizon: 365 }],
    validation: [{ endpoint: 'os', predictors: covs, horizon: 365, bootstrap: 30, seed: 3 }],
    decisionCurve: [{ endpoint: 'os', horizon: 365, models: [{ predictors: covs }, { name: 'ECOG', predictors: ['ph.ecog'] }], thresholds: [0.2, 0.4, 0.6] }],
  });
  it('equal R: calibration groups and ICI, apparent Dxy and Brier, net benefit from the formula', () => {
    const [cal, val, dca] = res.analyses;
    if (cal.kind !== 'calibration' || val.kind !== 'validation' || dca.kind !== 'decisionCurve') throw new Error('kinds');
    expect(Math.abs(cal.calibration.smooth!.ici - reference.calibration.ici)).toBeLessThan(1e-6);
    cal.calibration.groups.forEach((g, k) => expect(Math.abs(g.observed! - reference.calibration.groups[k].observed)).toBeLessThan(1e-6));
    expect(Math.abs(val.validation.dxy.apparent - reference.cox.dxy.apparent)).toBeLessThan(1e-6);
    expect(Math.abs(val.validation.brier!.apparent - reference.cox.brier)).toBeLessThan(1e-6);
    expect(val.validation.successful).toBe(30);
    const pts = reference.dca.thresholds as number[];
    [0.2, 0.4, 0.6].forEach((pt, k) => {
      const j = pts.findIndex((p) => Math.abs(p - pt) < 1e-9);
      expect(Math.abs(dca.curve.thresholds[k].models[0].netBenefit! - reference.dca.survival[j])).toBeLessThan(1e-9);
    });
    expect(dca.models.map((m) => m.name)).toEqual(['age + sex + ph.ecog + ph.karno + wt.loss', 'ECOG']);
  });
  it('report blocks: tables and figures, methods name each method with its reference', () => {
    const [cal, val, dca] = res.analyses.map((a) => toPlain(a)) as any[];
    const t = (s: string) => s;
    const cb = calibrationBlocks(cal, t('Calibration'), t);
    expect(cb.map((b) => b.kind)).toEqual(['table', 'figure']);
    expect(validationBlocks(val, 'Validation')[0].kind).toBe('table');
    const db = decisionCurveBlocks(dca, 'DCA', t);
    expect(db[1].kind).toBe('figure');
    const bundle = { analyses: [cal, val, dca], cutoffs: [], spec: null, methods: { software: 'siilab' } } as any;
    const text = methodsText(bundle).join(' ');
    expect(text).toMatch(/Austin, Harrell & van Klaveren, 2020/);
    expect(text).toMatch(/Harrell, Lee & Mark, 1996/);
    expect(text).toMatch(/Graf et al\., 1999/);
    expect(text).toMatch(/Vickers, Cronin, Elkin & Gonen, 2008/);
  });
  it('a binary endpoint takes the logistic path', () => {
    const r = runAnalyses(dsB, { calibration: [{ endpoint: 'case', predictors: ['age', 'parity', 'spontaneous', 'induced'] }], validation: [{ endpoint: 'case', predictors: ['age', 'parity', 'spontaneous', 'induced'], bootstrap: 20 }] });
    const [cal, val] = r.analyses;
    if (cal.kind !== 'calibration' || val.kind !== 'validation') throw new Error('kinds');
    expect(Math.abs(cal.calibration.inTheLarge.intercept! - reference.logistic.recalIntercept)).toBeLessThan(1e-6);
    expect(Math.abs(val.validation.dxy.apparent - reference.logistic.dxy.apparent)).toBeLessThan(1e-6);
    expect(val.validation.horizon).toBeNull();
  });
});
