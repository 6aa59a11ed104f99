import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadStudy } from '../../src/cohort/loadStudy.js';
import { carryForward } from '../../src/cohort/carryForward.js';
import { dateColumn } from '../../src/cohort/dateColumn.js';
import { columnProfile } from '../../src/cohort/columnProfile.js';
import { SiilabError } from '../../src/errors.js';
import type { Table } from '../../src/io/table.js';

describe('long data', () => {
  test('carryForward fills ids down; a first row without id is refused', () => {
    expect(carryForward(['7', null, '', 'NA', 9, null], 'f.csv', 'ID')).toEqual(['7', '7', '7', '7', '9', '9']);
    expect(() => carryForward([null, '1'], 'f.csv', 'ID')).toThrow("f.csv, row 2, column 'ID': the first row has no patient id");
  });

  test('one file, ids only on first rows, Excel serial dates, per-patient outcome, baseline SII = first draw', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-long-'));
    // Serials: 43861 = 2020-01-31, 43862 = 2020-02-01 …
    writeFileSync(join(dir, 'long.csv'), [
      'PATIENT_ID,RE_DATE,Admission time,Discharge time,outcome,neutrophils count,lymphocyte count,Platelet count',
      '1,43861.5,43861.25,43875,0,,,',
      ',43862,43861.25,43875,0,4,2,200',
      ',43865,43861.25,43875,0,6,1,300',
      '2,43870,43869,43880.5,1,3,0,150',
      ',43871,43869,43880.5,1,3,1.5,150',
      '3,43880,43879,43881,1,,,',
    ].join('\n'));
    writeFileSync(join(dir, 'study.yaml'), `version: 1
sources: [{ file: long.csv, format: long }]
variables:
  patientId: PATIENT_ID
  drawDate: RE_DATE
  treatmentDate: Admission time
  lastFollowUpDate: Discharge time
  death: outcome
  neutrophils: neutrophils count
  lymphocytes: lymphocyte count
  platelets: Platelet count
derived:
  - { name: SII, index: SII }
  - { name: SII_first, aggregate: first, of: SII }
  - { name: SII_max, aggregate: max, of: SII }
endpoints:
  death: { type: survival, events: [death], unit: days }
`);
    const { dataset: d, flow } = await loadStudy(join(dir, 'study.yaml'));
    expect(flow.screened).toBe(3);
    expect(flow.excluded.map((e) => [e.id, e.reason, e.rows.map((r) => r.row)])).toEqual([['3', 'missing-value', [7]]]);
    expect(d.ids).toEqual(['1', '2']);
    expect(Array.from(d.columns.SII_first.values as Float64Array)).toEqual([400, 300]); // patient 2's first draw has 0 lymphocytes: 150 × 3 / 1.5
    expect(Array.from(d.columns.SII_max.values as Float64Array)).toEqual([1800, 300]);
    const ep = d.endpoints.death;
    if (ep.type !== 'survival') throw new Error();
    expect(Array.from(ep.time)).toEqual([43875 - 43861.25, 43880.5 - 43869]);
    expect(Array.from(ep.event)).toEqual([0, 1]);
    expect(Array.from(d.measurements.day.slice(0, 3))).toEqual([0.25, 0.75, 3.75]);
  });

  test('a patient whose only draws have zero lymphocytes is excluded for that reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-long-'));
    writeFileSync(join(dir, 'l.csv'), 'id,date,N,L,P\na,2020-01-01,4,2,200\nb,2020-01-02,4,0,200\n');
    writeFileSync(join(dir, 's.yaml'), `version: 1
sources: [{ file: l.csv, format: long }]
variables: { patientId: id, drawDate: date, neutrophils: N, lymphocytes: L, platelets: P }
derived: [{ name: SII, index: SII }, { name: SII_first, aggregate: first, of: SII }]
`);
    const { flow } = await loadStudy(join(dir, 's.yaml'));
    expect(flow.steps).toEqual([{ reason: 'zero-lymphocytes', label: 'lymphocyte count 0', n: 1, byVariable: [{ variable: 'SII_first', n: 1 }] }]);
    expect(flow.excluded[0]).toMatchObject({ id: 'b', detail: 'SII_first: lymphocyte count 0 (index undefined) (lymphocytes, l.csv row 3 = 0 10^9/L)' });
  });

  test('a per-patient value that differs between a patient\'s rows: the first is kept, the patients counted, the first such row named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-long-'));
    writeFileSync(join(dir, 'l.csv'), [
      'id,date,N,L,P,sex,stage',
      'a,2020-01-01,4,2,200,F,1',
      'a,2020-01-02,4,2,200,M,1',
      'b,2020-01-01,4,2,200,M,2',
      'b,2020-01-03,4,2,200,,3',
      'c,2020-01-01,4,2,200,F,',
      'c,2020-01-05,4,2,200,M,2',
    ].join('\n') + '\n');
    writeFileSync(join(dir, 's.yaml'), `version: 1
sources: [{ file: l.csv, format: long }]
variables: { patientId: id, drawDate: date, neutrophils: N, lymphocytes: L, platelets: P, sex: { column: sex, type: category } }
covariates: { stage: { column: stage, type: category } }
derived: [{ name: SII, index: SII }, { name: SII_first, aggregate: first, of: SII }]
`);
    const { dataset: d, warnings } = await loadStudy(join(dir, 's.yaml'));
    // a missing cell is no conflict; c's stage is its first non-missing value
    expect(d.columns.sex.values).toEqual(['F', 'M', 'F']);
    expect(d.columns.stage.values).toEqual(['1', '2', '2']);
    expect(warnings).toContain("l.csv, column 'sex': 2 patient(s) have different values on different rows (e.g. patient a); the first value is used.");
    expect(warnings).toContain("l.csv, column 'stage': 1 patient(s) have different values on different rows (e.g. patient b); the first value is used.");
  });
});

describe('dates in columns', () => {
  const table = (cells: (string | number | null)[]): Table => ({ file: 't.csv', sheet: null, columns: ['d'], rows: cells.map((c) => [c]) });
  test('Excel serial numbers and text dates in one column', () => {
    expect(Array.from(dateColumn(table([43861, '2020-02-01', null]), 'd', null))).toEqual([18292, 18293, NaN]);
  });
  test('a text value that is no date names the row', () => {
    expect(() => dateColumn(table(['2020-02-01', 'unknown']), 'd', null)).toThrow(SiilabError);
    expect(() => dateColumn(table(['2020-02-01', 'unknown']), 'd', null)).toThrow("t.csv, row 3, column 'd': 'unknown' is not a date");
  });
  test('inspect: a numeric column named like a date with serials in range is a date', () => {
    const t: Table = { file: 't.csv', sheet: null, columns: ['Admission time', 'size'], rows: [[43861.25, 43861], [43870, 43870]] };
    expect(columnProfile(t, 0)).toMatchObject({ type: 'date', min: '2020-01-31T06:00:00', max: '2020-02-09' });
    expect(columnProfile(t, 1).type).not.toBe('date');
  });
});

describe('covariates of a long file', () => {
  test('constant within patients → a per-patient column too; varying → draws only (aggregate it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-long-'));
    writeFileSync(join(dir, 'l.csv'), 'id,date,bmi,crp\na,2020-01-01,22.5,3\na,2020-01-05,22.5,9\nb,2020-01-02,30.1,1\n');
    writeFileSync(join(dir, 's.yaml'), `version: 1
sources: [{ file: l.csv, format: long }]
variables: { patientId: id, drawDate: date }
covariates: { bmi: bmi, crp: crp }
derived: [{ name: crp_max, aggregate: max, of: crp }]
`);
    const { dataset: d } = await loadStudy(join(dir, 's.yaml'));
    expect(Array.from(d.columns.bmi.values as Float64Array)).toEqual([22.5, 30.1]);
    expect(d.columns.crp).toBeUndefined();
    expect(Array.from(d.columns.crp_max.values as Float64Array)).toEqual([9, 1]);
  });
});
