/**
 * A prognostic model asked for again on the same dataset (validation on threads, then in
 * runAnalyses, calibration, decision curve) is the one fitted the first time; anything that decides
 * the model — horizon, predictors, a cut-off's value, ties — gives another fit, equal to a fit on a
 * fresh dataset.
 */
import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/simulate/loadProfile.js';
import { simulateCohort } from '../../src/simulate/simulateCohort.js';
import { datasetFromTable } from '../../src/analysis/datasetFromTable.js';
import { prognosticModel } from '../../src/analysis/prognosticModel.js';
import type { CutoffResult } from '../../src/analysis/cutoffs.js';

const hong = simulateCohort(loadProfile('examples/hong2021/profile.yaml'));
const make = () => datasetFromTable(hong.wide.columns, hong.wide.rows, 'id', { os: { survival: { time: 'os_time', event: 'os_event', unit: 'months' } } }, { sii: 'SII' });

describe('prognosticModel', () => {
  const ds = make();
  const none = new Map<string, CutoffResult>();
  const cut = (value: number): Map<string, CutoffResult> =>
    new Map([['sii', { variable: 'sii', method: 'fixed', value, direction: '>=', endpoint: null, nLow: 0, nHigh: 0, roc: null, maxstat: null } as CutoffResult]]);
  it('is fitted once per dataset and model, whatever analysis asks (the name in messages aside)', () => {
    const a = prognosticModel(ds, 'analyses.validation (validation-1)', 'os', ['sii'], none, 12);
    expect(prognosticModel(ds, 'analyses.calibration (calibration-1)', 'os', ['sii'], new Map(), 12)).toBe(a);
    const fresh = prognosticModel(make(), 'x', 'os', ['sii'], none, 12);
    expect(fresh).not.toBe(a);
    expect(Array.from(fresh.risk)).toEqual(Array.from(a.risk));
  });
  it('another horizon, predictor set, cut-off value or ties is another fit', () => {
    const a = prognosticModel(ds, 'v', 'os', ['sii'], none, 12);
    expect(prognosticModel(ds, 'v', 'os', ['sii'], none, 24)).not.toBe(a);
    expect(prognosticModel(ds, 'v', 'os', [{ variable: 'sii', continuous: true }], none, 12)).not.toBe(a);
    expect(prognosticModel(ds, 'v', 'os', ['sii'], none, 12, 'breslow')).not.toBe(a);
    const c1 = prognosticModel(ds, 'v', 'os', ['sii'], cut(500), 12);
    const c2 = prognosticModel(ds, 'v', 'os', ['sii'], cut(900), 12);
    expect(c2).not.toBe(c1);
    expect(prognosticModel(ds, 'w', 'os', ['sii'], cut(500), 12)).toBe(c1);
    expect(c1.terms).not.toEqual(a.terms);
  });
});
