/**
 * XLSX streamed (issue #14 item 1): readTable reads a workbook through exceljs's streaming
 * WorkbookReader. The table must be the one exceljs's whole-workbook reader gives (the way siilab
 * read workbooks before): on the Tongji export (when ../shared is present) and on generated workbooks
 * with shared and inline strings, rich text, formulas, hyperlinks, dates, booleans, errors, empty
 * rows and cells, several sheets whose file order is not their workbook order, and a sheet by name.
 */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cellValue, parseXlsx, readTable } from '../../src/io/readTable.js';
import type { Cell } from '../../src/io/table.js';
import { REAL, hasReal } from '../helpers/shared.js';

/** The rows of a sheet as the whole-workbook reader gives them (siilab's reader before streaming). */
async function wholeWorkbookRows(path: string, sheet: string | null): Promise<{ name: string; rows: Cell[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = sheet === null ? wb.worksheets[0] : wb.getWorksheet(sheet)!;
  const matrix: Cell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = cellValue(cell.value);
    });
    matrix[n - 1] = cells;
  });
  while (matrix.length && (!matrix[matrix.length - 1] || matrix[matrix.length - 1].every((c) => c === null || c === ''))) matrix.pop();
  const width = (matrix[0] ?? []).length;
  return { name: ws.name, rows: matrix.slice(1).map((r) => Array.from({ length: width }, (_, j) => (r ?? [])[j] ?? null)) };
}

const dir = mkdtempSync(join(tmpdir(), 'siilab-xlsx-'));

async function writeWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Notes');
  notes.addRow(['about', 'this file']);
  notes.addRow(['made by', 'the test']);
  const data = wb.addWorksheet('Draws');
  data.addRow(['id', 'draw_date', 'platelets', 'comment', 'flag', 'ratio']);
  for (let i = 0; i < 300; i++) {
    if (i === 50) data.addRow([]); // an empty row inside
    data.addRow([
      i % 7 === 0 ? null : `P${Math.floor(i / 3)}`,
      new Date(Date.UTC(2020, 0, 1 + i)),
      i % 11 === 0 ? '-1' : 100 + i * 1.5,
      i % 5 === 0 ? { richText: [{ text: 'rich ', font: { bold: true } }, { text: `text ${i}` }] } : i % 13 === 0 ? { text: `link ${i}`, hyperlink: 'http://127.0.0.1/' } : `note ${i}`,
      i % 2 === 0,
      i % 17 === 0 ? { error: '#DIV/0!' } : { formula: `C${i + 2}/2`, result: (100 + i * 1.5) / 2 },
    ]);
  }
  data.getCell('F5').value = { formula: 'A1', result: undefined } as never;
  // A patient's id in one merged cell over its rows (as the Tongji export has), and a block B10:C12.
  data.getCell('A3').value = 'P-merged';
  data.mergeCells('A3:A6');
  data.mergeCells('B10:C12');
  // Draws is the second sheet file but the first sheet in the workbook.
  (notes as unknown as { orderNo: number }).orderNo = 1;
  (data as unknown as { orderNo: number }).orderNo = 0;
  const path = join(dir, 'draws.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

describe('streamed XLSX = the whole-workbook reader', () => {
  test('a generated workbook: first sheet by workbook order, a sheet by name, from a file and from memory', async () => {
    const path = await writeWorkbook();
    for (const sheet of [null, 'Draws', 'Notes']) {
      const ref = await wholeWorkbookRows(path, sheet);
      const t = await readTable(path, { sheet });
      expect(t.sheet).toBe(ref.name);
      expect(t.rows).toEqual(ref.rows);
      const m = await parseXlsx('draws.xlsx', readFileSync(path), sheet);
      expect(m.rows).toEqual(ref.rows);
      expect(m.columns).toEqual(t.columns);
    }
    const first = await readTable(path);
    expect(first.sheet).toBe((await wholeWorkbookRows(path, null)).name);
    expect(first.columns).toEqual(['id', 'draw_date', 'platelets', 'comment', 'flag', 'ratio']);
    // Dates, rich text, booleans, errors and formula results as siilab reads them.
    expect(first.rows[0]).toEqual([null, '2020-01-01T00:00:00', '-1', 'rich text 0', 'true', null]);
    expect(first.rows[50]).toEqual([null, null, null, null, null, null]);
    expect(first.rows.slice(1, 5).map((r) => r[0])).toEqual(['P-merged', 'P-merged', 'P-merged', 'P-merged']);
    expect(first.rows[9].slice(1, 3)).toEqual([first.rows[8][1], first.rows[8][1]]);
    await expect(readTable(path, { sheet: 'Nope' })).rejects.toThrow(/no sheet 'Nope'.*Draws.*Notes|no sheet 'Nope'.*Notes.*Draws/);
  });

  test.skipIf(!hasReal)('the Tongji export (6,120 draws)', async () => {
    const path = join(REAL, 'tongji_covid19_375_timeseries.xlsx');
    const ref = await wholeWorkbookRows(path, null);
    const t = await readTable(path);
    expect(t.rows.length).toBe(6120);
    expect(t.rows).toEqual(ref.rows);
  }, 60_000);

  test('not a workbook: one message naming the file', async () => {
    const path = join(dir, 'bad.xlsx');
    (await import('node:fs')).writeFileSync(path, 'not a zip');
    await expect(readTable(path)).rejects.toThrow(/bad\.xlsx.*not a valid \.xlsx workbook/);
  });
});
