import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/runCli.js';

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
});
