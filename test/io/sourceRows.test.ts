/**
 * Provenance of the data files through the study pipeline: rows are counted as read (an XLSX is
 * a zip, whose newlines are not rows), and the source fields header:, columns: and decimal: reach
 * the reader.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { analyzeStudy } from '../../src/analysis/analyzeStudy.js';
import { hasReal, REAL } from '../helpers/shared.js';

const plan = `variables:
  patientId: id
  followUpTime: { column: time, unit: months }
  death: status
  albumin: { column: alb, unit: g/dL }
endpoints:
  os: { type: survival, events: [death], time: followUpTime }
analyses:
  km: [{ endpoint: os, by: [] }]
`;

function cohort(n: number): (string | number)[][] {
  return Array.from({ length: n }, (_, i) => [1000 + i, 1 + ((i * 7) % 23), i % 3 === 0 ? 1 : 0, 3 + (i % 10) / 10]);
}

describe('input rows in the results bundle', () => {
  it('counts the data rows of an XLSX source (not the newlines of its zip)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-rows-'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['id', 'time', 'status', 'alb']);
    for (const r of cohort(300)) ws.addRow(r);
    await wb.xlsx.writeFile(join(dir, 'cohort.xlsx'));
    writeFileSync(join(dir, 'study.yaml'), `version: 1\nsources: [{ file: cohort.xlsx }]\n${plan}`);
    const { bundle } = await analyzeStudy(join(dir, 'study.yaml'));
    expect(bundle.inputs[0].rows).toBe(300);
    expect(bundle.flow.screened).toBe(300);
  });
  it('reads a headerless, semicolon-separated file with decimal commas as the source declares, counting every row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-rows-'));
    const rows = cohort(40).map((r) => [r[0], String(r[1]).replace('.', ','), r[2], Number(r[3]).toFixed(1).replace('.', ',')].join(';'));
    writeFileSync(join(dir, 'export.txt'), rows.join('\n') + '\n');
    writeFileSync(join(dir, 'study.yaml'), `version: 1\nsources: [{ file: export.txt, header: false, columns: [id, time, status, alb], decimal: "," }]\n${plan}`);
    const { bundle } = await analyzeStudy(join(dir, 'study.yaml'));
    expect(bundle.inputs[0].rows).toBe(40);
    expect(bundle.flow.screened).toBe(40);
    expect(bundle.flow.analysed).toBe(40);
    // Without header: false the first patient's row is refused as a header, naming the study field.
    writeFileSync(join(dir, 'study2.yaml'), `version: 1\nsources: [{ file: export.txt }]\n${plan}`);
    await expect(analyzeStudy(join(dir, 'study2.yaml'))).rejects.toThrow(/field sources\[0\]\.file: .*export\.txt: the first row \(1000, 1, 1, 3,0\) looks like data, not column names\./);
  });
  it.skipIf(!hasReal)('Tongji export: 6,120 rows of 375 patients (today the bundle said 2,632)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-rows-'));
    writeFileSync(join(dir, 'study.yaml'), `version: 1
sources: [{ file: ${JSON.stringify(resolve(REAL, 'tongji_covid19_375_timeseries.xlsx'))}, format: long }]
variables:
  patientId: PATIENT_ID
  drawDate: RE_DATE
  treatmentDate: Admission time
  lastFollowUpDate: Discharge time
  death: outcome
endpoints:
  death: { type: survival, events: [death], unit: days }
analyses:
  km: [{ endpoint: death, by: [] }]
`);
    const { bundle } = await analyzeStudy(join(dir, 'study.yaml'));
    expect(bundle.inputs[0].rows).toBe(6120);
    expect(bundle.flow.screened).toBe(375);
  }, 60_000);
});
