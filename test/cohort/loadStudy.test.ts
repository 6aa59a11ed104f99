import { describe, expect, test } from 'vitest';
import { loadStudy } from '../../src/cohort/loadStudy.js';
import { generateCohort } from './fixtures.js';

describe('loadStudy on a generated two-source cohort (wide patients + long labs)', async () => {
  const g = generateCohort();
  const r = await loadStudy(g.spec);
  const d = r.dataset;

  test('every exclusion reason is listed once, in flow order, and the counts add up', () => {
    expect(r.flow.screened).toBe(40);
    expect(Object.fromEntries(r.flow.excluded.map((e) => [e.id, e.reason]))).toEqual(g.excluded);
    expect(r.flow.steps.map((s) => s.reason)).toEqual(['duplicate-id', 'follow-up-before-treatment', 'zero-lymphocytes', 'implausible-value', 'missing-value']);
    expect(r.flow.analysed).toBe(40 - 5);
    expect(d.n).toBe(g.expected.size);
  });

  test('the duplicate lists both rows of the file', () => {
    const dup = r.flow.excluded.find((e) => e.reason === 'duplicate-id')!;
    expect(dup.rows.filter((x) => x.file === 'patients.csv').map((x) => x.row)).toEqual([14, 42]);
  });

  test('baseline SII = the last draw on or before TACE; window mean; composite endpoint with 3-year censoring', () => {
    d.ids.forEach((id, i) => {
      const e = g.expected.get(id)!;
      expect((d.columns.SII_baseline.values as Float64Array)[i]).toBeCloseTo(e.siiBaseline, 9);
      expect((d.columns.SII_mean.values as Float64Array)[i]).toBeCloseTo(e.siiMean, 9);
      expect((d.columns.afp.values as Float64Array)[i]).toBe(e.afp);
      const ep = d.endpoints.recurrence;
      if (ep.type !== 'survival') throw new Error();
      expect(ep.time[i]).toBeCloseTo(e.recTime, 9);
      expect(ep.event[i]).toBe(e.recEvent);
    });
  });

  test('a mean over follow-up draws is flagged as future information; baseline is not', () => {
    expect(r.warnings.some((w) => w.startsWith('SII_mean') && w.includes('future information'))).toBe(true);
    expect(r.warnings.some((w) => w.startsWith('SII_baseline'))).toBe(false);
  });

  test('dates: DD.MM.YYYY (declared), YYYY/MM/DD and ISO in one study', () => {
    expect(d.columns.treatmentDate.kind).toBe('date');
    // Four dated lab draws per patient, plus the patients-file row (AFP) counted at the origin.
    const sii = d.measurements.values.SII;
    const labDays = Array.from(d.measurements.day).filter((_, k) => !Number.isNaN(sii[k]));
    expect(labDays.length).toBe(d.n * 4);
    expect(labDays.slice(0, 4)).toEqual([-20, -3, 60, 180]);
    const afpDays = Array.from(d.measurements.day).filter((_, k) => !Number.isNaN(d.measurements.values.afp[k]));
    expect(new Set(afpDays)).toEqual(new Set([0]));
  });

  test('counting-process rows for the Cox model with SII as a time-varying covariate', () => {
    const tv = d.timeVarying['recurrence:SII'];
    expect(tv.endpoint).toBe('recurrence');
    expect(tv.unit).toBe('months');
    for (let k = 0; k < tv.start.length; k++) expect(tv.stop[k]).toBeGreaterThan(tv.start[k]);
    const ep = d.endpoints.recurrence;
    if (ep.type !== 'survival') throw new Error();
    expect(Array.from(tv.event).reduce((a, b) => a + b, 0)).toBe(Array.from(ep.event).reduce((a, b) => a + b, 0));
    // First row of each patient starts at 0 with the baseline value.
    const first = new Map<number, number>();
    tv.patient.forEach((p, k) => { if (!first.has(p)) first.set(p, k); });
    for (const [p, k] of first) {
      expect(tv.start[k]).toBe(0);
      expect(tv.covariates.SII[k]).toBeCloseTo((d.columns.SII_baseline.values as Float64Array)[p], 9);
    }
  });

  test('display labels: from the study file, else the canonical label', () => {
    expect(r.labels.SII_baseline).toBe('SII at baseline');
    expect(r.labels.afp).toBe('AFP');
    expect(r.labels.tumourSize).toBe('tumour size');
  });

  test('threshold split and binary endpoint within a horizon', () => {
    const size = d.columns.tumourSize.values as Float64Array;
    const big = d.columns.bigTumour.values as Float64Array;
    size.forEach((s, i) => expect(big[i]).toBe(s >= 5 ? 1 : 0));
    const early = d.endpoints.early;
    if (early.type !== 'binary') throw new Error();
    const rec = d.endpoints.recurrence;
    if (rec.type !== 'survival') throw new Error();
    early.value.forEach((v, i) => expect(v).toBe(rec.event[i] === 1 && rec.time[i] <= 6 ? 1 : 0));
  });
});
