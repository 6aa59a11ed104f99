import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/runCli.js';
import { hasReal, REAL } from '../helpers/shared.js';
import { readTable } from '../../src/io/readTable.js';
import { inspectTable } from '../../src/cohort/inspectTable.js';

const dir = mkdtempSync(join(tmpdir(), 'siilab-inspect-'));
const csv = join(dir, 'cohort.csv');
writeFileSync(csv, [
  '住院号,TACE date,中性粒细胞计数,LYMPH#,PLT (/uL),AFP (IU/mL),Albumin,Tumor size (mm),血管侵犯,Recurrence,PFS_months,Child-Pugh,Notes',
  '1001,03/04/2020,4.1,1.2,180000,12,3.9,45,是,1,14.2,A,first',
  '1002,15/05/2020,3.3,0.9,220000,,4.1,32,否,0,30.5,B,',
  '1003,20/06/2020,5.0,1.5,150000,800,3.5,61,否,1,8.1,A,note three',
  '1004,01/07/2020,NA,1.1,199000,40,3.8,25,是,0,22.0,A,four',
].join('\n'));

describe('siilab inspect', () => {
  test('text: columns, types, missing share and suggestions with units guessed from names and values', async () => {
    const r = await runCli(['inspect', csv]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 rows, 13 columns, wide format');
    expect(r.stdout).toMatch(/TACE date\s+date/);
    expect(r.stdout).toContain('Suggested mapping:');
  });
  test('--json: profiles and the mapping', async () => {
    const r = await runCli(['inspect', csv, '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    const col = (n: string) => j.columns.find((c: { name: string }) => c.name === n);
    expect(col('TACE date')).toMatchObject({ type: 'date', min: '2020-04-03', max: '2020-07-01' });
    expect(col('中性粒细胞计数')).toMatchObject({ type: 'number', missing: 1, missingShare: 0.25, min: 3.3, max: 5 });
    expect(col('Child-Pugh')).toMatchObject({ type: 'binary', levels: [{ level: 'A', n: 3 }, { level: 'B', n: 1 }] });
    expect(col('Notes').type).toBe('text');
    const m = Object.fromEntries(j.suggestions.map((s: { variable: string }) => [s.variable, s]));
    expect(m.patientId.column).toBe('住院号');
    expect(m.treatmentDate.column).toBe('TACE date');
    expect(m.neutrophils).toMatchObject({ column: '中性粒细胞计数', unit: '10^9/L', unitFrom: 'values' });
    expect(m.lymphocytes.column).toBe('LYMPH#');
    expect(m.platelets).toMatchObject({ column: 'PLT (/uL)', unit: '/uL', unitFrom: 'name' });
    expect(m.afp).toMatchObject({ column: 'AFP (IU/mL)', unit: 'IU/mL' });
    expect(m.albumin).toMatchObject({ unit: 'g/dL', unitFrom: 'values' });
    expect(m.tumourSize).toMatchObject({ column: 'Tumor size (mm)', unit: 'mm' });
    expect(m.vascularInvasion.column).toBe('血管侵犯');
    expect(m.followUpTime).toMatchObject({ column: 'PFS_months', unit: 'months' });
    expect(m.childPugh.column).toBe('Child-Pugh');
    expect(m.recurrence.column).toBe('Recurrence');
  });
  test('bad input: missing file, empty file, missing sheet (exit 3), no file argument (exit 2)', async () => {
    expect((await runCli(['inspect', join(dir, 'nope.csv')])).code).toBe(3);
    writeFileSync(join(dir, 'empty.csv'), '');
    const e = await runCli(['inspect', join(dir, 'empty.csv')]);
    expect(e.code).toBe(3);
    expect(e.stderr).toContain('empty.csv: the file is empty');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Data').addRow(['id', 'PLT']);
    wb.getWorksheet('Data')!.addRow([1, 200]);
    await wb.xlsx.writeFile(join(dir, 'book.xlsx'));
    const s = await runCli(['inspect', join(dir, 'book.xlsx'), '--sheet', 'Dat']);
    expect(s.code).toBe(3);
    expect(s.stderr).toContain("no sheet 'Dat'; the workbook has 'Data'.");
    expect((await runCli(['inspect', join(dir, 'book.xlsx'), '--sheet', 'Data', '--json'])).json().sheet).toBe('Data');
    expect((await runCli(['inspect'])).code).toBe(2);
  });
  test('long file with ids on first rows only: the id column is carried forward (not 60% missing) and levels count patients', async () => {
    const long = join(dir, 'labs.csv');
    writeFileSync(long, [
      'PATIENT_ID,RE_DATE,gender,outcome,PLT',
      '7,2020-01-01,1,0,200', ',2020-01-02,1,0,210', ',2020-01-03,1,0,',
      '9,2020-01-01,2,1,150', ',2020-01-04,2,1,140',
      '12,2020-01-02,1,1,', ',2020-01-05,1,1,',
      '15,2020-01-03,2,0,300', ',2020-01-06,2,0,310', ',2020-01-07,2,0,320',
    ].join('\n'));
    const j = (await runCli(['inspect', long, '--json'])).json();
    expect(j).toMatchObject({ format: 'long', patients: 4, idsCarriedForward: true, rows: 10 });
    const col = (n: string) => j.columns.find((c: { name: string }) => c.name === n);
    expect(col('PATIENT_ID')).toMatchObject({ missing: 0, missingShare: 0, carriedForward: true, distinct: 4 });
    expect(col('outcome')).toMatchObject({ levels: [{ level: '0', n: 6 }, { level: '1', n: 4 }], patientLevels: [{ level: '0', n: 2 }, { level: '1', n: 2 }], constantWithinPatient: true });
    expect(col('PLT')).toMatchObject({ missing: 3, patientsMissing: 1 });
    const t = await runCli(['inspect', long]);
    expect(t.stdout).toMatch(/PATIENT_ID\s+\S+\s+0% \(carried forward\)/);
    expect(t.stdout).toContain('0 (2 pts), 1 (2 pts)');
    expect(t.stdout).toMatch(/PLT\s+\S+\s+30% \(1 pts\)/);
  });
  test('a wide file with a few empty ids stays wide (one row per patient)', async () => {
    const w = join(dir, 'wide.csv');
    writeFileSync(w, ['id,PLT', ...Array.from({ length: 20 }, (_, i) => `${i === 5 ? '' : i + 1},${100 + i}`)].join('\n'));
    expect((await runCli(['inspect', w, '--json'])).json()).toMatchObject({ format: 'wide', idsCarriedForward: false });
  });
  test('--no-header and --columns: a file without a header row (today its first row was the header)', async () => {
    const f = join(dir, 'nohead.txt');
    writeFileSync(f, '1,0,67,137\n0,?,62,0\n1,1,78,50\n');
    const bad = await runCli(['inspect', f]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('looks like data, not column names');
    const v = (await runCli(['inspect', f, '--no-header', '--json'])).json();
    expect(v).toMatchObject({ rows: 3, header: false });
    expect(v.columns.map((c: { name: string }) => c.name)).toEqual(['V1', 'V2', 'V3', 'V4']);
    const named = await runCli(['inspect', f, '--columns', 'sex,symptoms,age,grams', '--json']);
    expect(named.json().columns.map((c: { name: string }) => c.name)).toEqual(['sex', 'symptoms', 'age', 'grams']);
    expect((await runCli(['inspect', f, '--no-header'])).stdout).toContain('no header row');
    const d = await runCli(['inspect', f, '--decimal', ';']);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain("--decimal must be '.' or ','");
  });
  test('--decimal and sniffing: a semicolon export with decimal commas is read as numbers', async () => {
    const f = join(dir, 'eu.csv');
    writeFileSync(f, 'id;Albumin;PLT\n1;3,9;180\n2;4,1;220\n3;3,5;150\n');
    const j = (await runCli(['inspect', f, '--json'])).json();
    expect(j.decimal).toBe(',');
    expect(j.columns.find((c: { name: string }) => c.name === 'Albumin')).toMatchObject({ type: 'number', min: 3.5, max: 4.1 });
  });
  test.skipIf(!hasReal)('Tongji export saved with ids on first rows only: 375 patients, id 0% missing, outcome per patient', async () => {
    const t = await readTable(join(REAL, 'tongji_covid19_375_timeseries.xlsx'));
    const j = t.columns.indexOf('PATIENT_ID');
    // The workbook merges each patient's id cells; a CSV export keeps the id on the first row only.
    const firstOnly = { ...t, rows: t.rows.map((r, i) => (i > 0 && r[j] === t.rows[i - 1][j] ? r.map((c, k) => (k === j ? null : c)) : r)) };
    for (const table of [t, firstOnly]) {
      const r = inspectTable(table);
      expect(r).toMatchObject({ rows: 6120, patients: 375, format: 'long' });
      const id = r.columns.find((c) => c.name === 'PATIENT_ID')!;
      expect(id.missing).toBe(0);
      const outcome = r.columns.find((c) => c.name === 'outcome')!;
      expect(outcome.constantWithinPatient).toBe(true);
      expect(outcome.patientLevels!.reduce((a, l) => a + l.n, 0)).toBe(375);
    }
    expect(inspectTable(firstOnly).idsCarriedForward).toBe(true);
  }, 60_000);
});
