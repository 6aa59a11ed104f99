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
import { prognosticModel, prognosticModelData } from '../../src/analysis/prognosticModel.js';
import type { CutoffResult } from '../../src/analysis/cutoffs.js';

const hong = simulateCohort(loadProfile('examples/hong2021/profile.yaml'));
const make = (rows = hong.wide.rows) =>
  datasetFromTable(hong.wide.columns, rows, 'id', { os: { survival: { time: 'os_time', event: 'os_event', unit: 'months' } }, bclcC: { binary: { column: 'bclc', positive: 'C' } } }, { sii: 'SII' });

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
  it("complete for predictors it has anyway (a decision curve's first model) is the same model; for others, another", () => {
    const a = prognosticModel(ds, 'analyses.calibration (c)', 'os', ['sii', 'bclc'], none, 12);
    expect(prognosticModel(ds, 'analyses.decisionCurve (d)', 'os', ['sii', 'bclc'], none, 12, undefined, ['sii', 'bclc', 'sii'])).toBe(a);
    const b = prognosticModel(ds, 'analyses.decisionCurve (d)', 'os', ['sii'], none, 12, undefined, ['sii', 'bclc']);
    expect(b).not.toBe(prognosticModel(ds, 'v', 'os', ['sii'], none, 12));
    expect(prognosticModel(ds, 'x', 'os', ['sii'], none, 12, undefined, ['bclc', 'bclc'])).toBe(b);
  });
  it("prognosticModelData: the fitted model's validation data without the fit (what the workers start from); null where the fit would be refused, or for a binary endpoint", () => {
    const cases: Parameters<typeof prognosticModel>[] = [
      [ds, 'v', 'os', ['sii'], none, 12],
      [ds, 'v', 'os', [{ variable: 'sii', continuous: true }, 'bclc', 'afp'], none, 24, 'breslow'],
      [ds, 'v', 'os', ['sii', 'sex'], cut(700), 12, 'efron', ['pivka_1000']],
    ];
    for (const args of cases) {
      const data = prognosticModelData(...args);
      expect(data).not.toBeNull();
      const fitted = prognosticModel(...args).data;
      expect(data!.kind).toBe('cox');
      expect({ ...data, time: Array.from(data!.time), event: Array.from(data!.event), columns: data!.columns.map((c) => Array.from(c)) }).toEqual({
        ...fitted, time: Array.from(fitted.kind === 'cox' ? fitted.time : []), event: Array.from(fitted.kind === 'cox' ? fitted.event : []), columns: fitted.columns.map((c) => Array.from(c)),
      });
    }
    const col = hong.wide.columns.indexOf('os_event');
    const noEvents = make(hong.wide.rows.map((r) => r.map((v, j) => (j === col ? 0 : v))));
    expect(prognosticModelData(noEvents, 'v', 'os', ['sii'], none, 12)).toBeNull();
    expect(() => prognosticModel(noEvents, 'v', 'os', ['sii'], none, 12)).toThrow(/event/);
    expect(prognosticModelData(ds, 'v', 'bclcC', ['sii'], none, null)).toBeNull();
  });
});
