import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseDelimited, readTable } from '../../src/io/readTable.js';
import { numericColumn } from '../../src/io/columns.js';
import { rowNumber } from '../../src/io/table.js';
import { binaryColumn } from '../../src/io/columns.js';
import { hasReal, REAL } from '../helpers/shared.js';

/** The 50 fields of the UCI HCC survival file, as uci_hcc_survival_description.txt names them. */
export const UCI_COLUMNS = [
  'Gender', 'Symptoms', 'Alcohol', 'HBsAg', 'HBeAg', 'HBcAb', 'HCVAb', 'Cirrhosis', 'Endemic', 'Smoking',
  'Diabetes', 'Obesity', 'Hemochro', 'AHT', 'CRI', 'HIV', 'NASH', 'Varices', 'Spleno', 'PHT',
  'PVT', 'Metastasis', 'Hallmark', 'Age', 'Grams_day', 'Packs_year', 'PS', 'Encephalopathy', 'Ascites', 'INR',
  'AFP', 'Hemoglobin', 'MCV', 'Leucocytes', 'Platelets', 'Albumin', 'Total_Bil', 'ALT', 'AST', 'GGT',
  'ALP', 'TP', 'Creatinine', 'Nodules', 'Major_Dim', 'Dir_Bil', 'Iron', 'Sat', 'Ferritin', 'Class',
];

const uciLike = '1,0,?,67,137\n0,?,0,62,0\n1,1,1,78,50\n';

describe('files without a header row', () => {
  it('refuses a first row that is data, saying how to declare no header (today: it became the header)', () => {
    expect(() => parseDelimited('hcc.txt', uciLike)).toThrow(/^hcc\.txt: the first row \(1, 0, \?, 67, 137\) looks like data, not column names\. .*--no-header.*header: false/);
  });
  it('names the columns V1…Vn without columns:, and every row is data', () => {
    const t = parseDelimited('hcc.txt', uciLike, undefined, { header: false });
    expect(t.columns).toEqual(['V1', 'V2', 'V3', 'V4', 'V5']);
    expect(t.rows.length).toBe(3);
    expect(t.header).toBe(false);
    expect(Array.from(numericColumn(t, 'V4', '--x'))).toEqual([67, 62, 78]);
  });
  it('takes names from columns: and numbers rows from 1', () => {
    const t = parseDelimited('hcc.txt', uciLike, undefined, { columns: ['Gender', 'Symptoms', 'Alcohol', 'Age', 'Grams_day'] });
    expect(t.columns).toEqual(['Gender', 'Symptoms', 'Alcohol', 'Age', 'Grams_day']);
    expect(rowNumber(0, t)).toBe(1);
    const bad = parseDelimited('hcc.txt', '1,x\n2,3\n', undefined, { columns: ['a', 'b'] });
    expect(() => numericColumn(bad, 'b', '--b')).toThrow("hcc.txt, row 1, column 'b': 'x' is not a number.");
  });
  it('refuses a columns: list that does not fit the rows, or with a name twice, or beside header: true', () => {
    expect(() => parseDelimited('h.txt', uciLike, undefined, { columns: ['a', 'b', 'c', 'd'] })).toThrow('h.txt: columns: gives 4 names but row 1 has 5 fields; give one name per field.');
    expect(() => parseDelimited('h.txt', uciLike, undefined, { columns: ['a', 'b', 'c', 'd', 'e', 'f'] })).toThrow('h.txt: columns: gives 6 names but row 1 has 5 fields; give one name per field.');
    expect(() => parseDelimited('h.txt', uciLike, undefined, { columns: ['a', 'b', 'c', 'd', 'a'] })).toThrow("h.txt: columns: gives the name 'a' twice");
    expect(() => parseDelimited('h.txt', uciLike, undefined, { columns: ['a', 'b', 'c', 'd', 'e'], header: true })).toThrow(/remove header: true/);
  });
  it('reads an XLSX sheet without a header', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-nohead-'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow([1, 2.5]);
    ws.addRow([2, 3.5]);
    await wb.xlsx.writeFile(join(dir, 'a.xlsx'));
    const t = await readTable(join(dir, 'a.xlsx'), { columns: ['id', 'x'] });
    expect(t.rows.length).toBe(2);
    expect(Array.from(numericColumn(t, 'x', '--x'))).toEqual([2.5, 3.5]);
    await expect(readTable(join(dir, 'a.xlsx'))).rejects.toThrow(/looks like data/);
  });
  it('keeps a normal header file as it was', () => {
    const t = parseDelimited('x.csv', 'year,2019\n1,2\n');
    expect(t.columns).toEqual(['year', '2019']);
    expect(t.header).toBeUndefined();
    expect(rowNumber(0, t)).toBe(2);
  });
});

describe.skipIf(!hasReal)('the UCI HCC survival file (no header, ? missing; skipped without ../shared/data/real)', () => {
  const file = join(REAL, 'uci_hcc_survival.txt');
  it('is refused as it stands, and read with columns: as 165 patients of 50 fields', async () => {
    await expect(readTable(file)).rejects.toThrow(/looks like data, not column names/);
    const t = await readTable(file, { columns: UCI_COLUMNS });
    expect(t.rows.length).toBe(165);
    expect(t.columns.length).toBe(50);
    const age = Array.from(numericColumn(t, 'Age', '--x'));
    expect(Math.min(...age)).toBe(20);
    expect(Math.max(...age)).toBe(93);
    const alb = Array.from(numericColumn(t, 'Albumin', '--x')).filter((x) => !Number.isNaN(x));
    expect(alb.length).toBe(159); // 3.64% of 165 missing
    const cls = Array.from(binaryColumn(t, 'Class', '--x', null));
    expect(cls.filter((x) => x === 0).length).toBe(63); // dies
    expect(cls.filter((x) => x === 1).length).toBe(102); // lives
  });
});
