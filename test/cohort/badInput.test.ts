/** Each bad input is one clear message naming the file, column and row, or the study field and line; exit code 3. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadStudy } from '../../src/cohort/loadStudy.js';
import { SiilabError } from '../../src/errors.js';
import { generateCohort } from './fixtures.js';

async function refusal(spec: string): Promise<string> {
  try {
    await loadStudy(spec);
  } catch (e) {
    expect(e).toBeInstanceOf(SiilabError);
    expect((e as SiilabError).exitCode).toBe(3);
    return (e as Error).message;
  }
  throw new Error('expected a refusal');
}

function edit(file: string, from: string | RegExp, to: string): void {
  const s = readFileSync(file, 'utf8');
  const t = s.replace(from, to);
  if (s === t) throw new Error(`fixture edit did not apply: ${from}`);
  writeFileSync(file, t);
}

const lineOf = (file: string, text: string) => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;

describe('bad input', () => {
  test('misspelt column in the spec: field, line, file and the likely column', async () => {
    const g = generateCohort();
    edit(g.spec, 'afp: { column: AFP (ng/ml)', 'afp: { column: AFP (ng/mL)');
    expect(await refusal(g.spec)).toBe(
      `${g.spec}, line ${lineOf(g.spec, 'afp:')}, field variables.afp.column: patients.csv has no column 'AFP (ng/mL)'. Did you mean 'AFP (ng/ml)'?`,
    );
  });
  test('missing column given as a bare name', async () => {
    const g = generateCohort();
    edit(g.spec, 'vascularInvasion: Vascular invasion', 'vascularInvasion: VI');
    expect(await refusal(g.spec)).toMatch(`${g.spec}, line ${lineOf(g.spec, 'vascularInvasion:')}, field variables.vascularInvasion: patients.csv has no column 'VI'.`);
  });
  test('a unit that does not fit the values names the unit that does', async () => {
    const g = generateCohort();
    edit(g.spec, 'platelets: { column: PLT, unit: 10^9/L', 'platelets: { column: PLT, unit: /uL');
    const m = await refusal(g.spec);
    expect(m).toContain(`line ${lineOf(g.spec, 'platelets:')}, field variables.platelets.unit: column 'PLT' of labs.csv has median`);
    expect(m).toContain("has median 202.5, which does not fit the unit 'cells/µL' (plausible median 20000–1000000 cells/µL)");
    expect(m).toContain("The values look like '10^9/L'.");
  });
  test('text in a number column: file, row and column', async () => {
    const g = generateCohort();
    const f = join(g.dir, 'labs.csv');
    const lines = readFileSync(f, 'utf8').split('\n');
    lines[5] = lines[5].replace(/,(\d+)$/, ',>500');
    writeFileSync(f, lines.join('\n'));
    expect(await refusal(g.spec)).toBe("labs.csv, row 6, column 'PLT': '>500' is not a number.");
  });
  test('an empty file', async () => {
    const g = generateCohort();
    writeFileSync(join(g.dir, 'labs.csv'), '');
    expect(await refusal(g.spec)).toBe(`${g.spec}, line ${lineOf(g.spec, 'id: labs')}, field sources[1].file: ${join(g.dir, 'labs.csv')}: the file is empty (no header row and no data rows).`);
  });
  test('a sheet that does not exist', async () => {
    const g = generateCohort();
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Labs');
    for (const l of readFileSync(join(g.dir, 'labs.csv'), 'utf8').trim().split('\n')) ws.addRow(l.split(',').map((x, j) => (j >= 2 ? Number(x) : x)));
    await wb.xlsx.writeFile(join(g.dir, 'labs.xlsx'));
    edit(g.spec, '{ id: labs, file: labs.csv,', '{ id: labs, file: labs.xlsx, sheet: Lab,');
    expect(await refusal(g.spec)).toBe(`${g.spec}, line ${lineOf(g.spec, 'id: labs')}, field sources[1].sheet: ${join(g.dir, 'labs.xlsx')}: no sheet 'Lab'; the workbook has 'Labs'.`);
  });
  test('all patients excluded', async () => {
    const g = generateCohort(14, 'covariates:\n  tnm: { column: Tumor size, type: number }\n');
    edit(g.spec, 'population:\n', 'population:\n  include: [{ variable: tnm, min: 100 }]\n');
    const m = await refusal(g.spec);
    expect(m).toMatch(/^all 14 patients were excluded \(14 not eligible: tnm < 100/);
  });
  test('ambiguous day/month order is refused unless declared', async () => {
    const g = generateCohort();
    const f = join(g.dir, 'patients.csv');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/(\d{4})\/(\d{2})\/(\d{2})/g, (_, y, m) => `${m}/01/${y}`));
    edit(g.spec, ', dateOrder: DMY', '');
    expect(await refusal(g.spec)).toMatch(/^patients\.csv, column 'Recurrence date': dates like '\d\d\/01\/\d{4}' could be day\/month or month\/day/);
  });
  test('a data file that does not exist', async () => {
    const g = generateCohort();
    edit(g.spec, 'file: patients.csv', 'file: patient.csv');
    expect(await refusal(g.spec)).toBe(`${g.spec}, line ${lineOf(g.spec, 'id: patients')}, field sources[0].file: ${join(g.dir, 'patient.csv')}: no such file.`);
  });
  test('a binary column with an unknown value', async () => {
    const g = generateCohort();
    const f = join(g.dir, 'patients.csv');
    const lines = readFileSync(f, 'utf8').split('\n');
    lines[3] = lines[3].replace(/,(yes|no),/, ',maybe,');
    writeFileSync(f, lines.join('\n'));
    expect(await refusal(g.spec)).toMatch(/^patients\.csv, row 4, column 'Vascular invasion': 'maybe' is not yes\/no/);
  });
  test('an index whose counts are not mapped', async () => {
    const g = generateCohort();
    edit(g.spec, /\n {2}lymphocytes: .*\n/, '\n');
    expect(await refusal(g.spec)).toContain("field derived[0].index: SII needs 'platelets' + 'neutrophils' + 'lymphocytes', or 'platelets' + 'nlr'");
  });
});

describe('population rules on repeated measurements', () => {
  test('require and include name per-patient variables; a measured-only one is refused with its field', async () => {
    const g = generateCohort();
    edit(g.spec, 'require: [SII_baseline, SII_mean, afp]', 'require: [SII, afp]');
    expect(await refusal(g.spec)).toBe(
      `${g.spec}, line ${lineOf(g.spec, 'require:')}, field population.require[0]: 'SII' is measured repeatedly (long data); aggregate it first (derived: aggregate baseline/first/mean…) and use that name.`,
    );
  });
});
