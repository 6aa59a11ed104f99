/**
 * Reads CSV, TSV (or .txt, delimiter sniffed) and XLSX files into a Table.
 * CSV/TSV parsing is papaparse's; XLSX is exceljs's (first sheet unless `sheet` is given).
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { dataError } from '../errors.js';
import { ioMessages } from '../messages/index.js';
import type { Cell, Table } from './table.js';

export interface ReadTableOptions {
  sheet?: string | null;
}

export async function readTable(file: string, opts: ReadTableOptions = {}): Promise<Table> {
  try {
    const s = await stat(file);
    if (!s.isFile()) throw dataError(ioMessages.fileUnreadable(file, 'not a regular file'));
  } catch (e) {
    if (e instanceof Error && e.name === 'SiilabError') throw e;
    throw dataError(ioMessages.fileMissing(file));
  }
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return readXlsx(file, opts.sheet ?? null);
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt' || ext === '.tab') {
    const buf = await readFile(file);
    return parseDelimited(file, buf.toString('utf8'), ext === '.tsv' || ext === '.tab' ? '\t' : undefined);
  }
  if (ext === '.xls') throw dataError(ioMessages.fileUnreadable(file, 'old binary .xls is not supported; save it as .xlsx or .csv'));
  throw dataError(ioMessages.unknownFormat(file));
}

/** Parses delimited text (delimiter sniffed when not given). Exported for in-memory uploads. */
export function parseDelimited(file: string, text: string, delimiter?: string): Table {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw dataError(ioMessages.fileEmpty(file));
  const parsed = Papa.parse<string[]>(body, {
    delimiter: delimiter ?? '',
    delimitersToGuess: [',', '\t', ';', '|'],
    skipEmptyLines: 'greedy',
  });
  const all = parsed.data;
  if (all.length === 0) throw dataError(ioMessages.fileEmpty(file));
  const columns = all[0].map((h) => h.trim());
  checkHeader(file, columns);
  if (all.length < 2) throw dataError(ioMessages.noDataRows(file));
  const rows: Cell[][] = [];
  for (let i = 1; i < all.length; i++) {
    const r = all[i];
    const row: Cell[] = new Array(columns.length);
    for (let j = 0; j < columns.length; j++) {
      const v = r[j];
      row[j] = v === undefined ? null : v;
    }
    rows.push(row);
  }
  return { file, sheet: null, columns, rows };
}

function checkHeader(file: string, columns: string[]): void {
  const seen = new Set<string>();
  for (const c of columns) {
    if (c === '') continue;
    if (seen.has(c)) throw dataError(ioMessages.duplicateColumn(file, c));
    seen.add(c);
  }
}

async function readXlsx(file: string, sheet: string | null): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw dataError(ioMessages.fileUnreadable(file, `not a valid .xlsx workbook: ${(e as Error).message}`));
  }
  return workbookToTable(file, wb, sheet);
}

/** Reads an in-memory XLSX (uploads). */
export async function parseXlsx(file: string, data: Buffer, sheet: string | null = null): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw dataError(ioMessages.fileUnreadable(file, `not a valid .xlsx workbook: ${(e as Error).message}`));
  }
  return workbookToTable(file, wb, sheet);
}

function workbookToTable(file: string, wb: ExcelJS.Workbook, sheet: string | null): Table {
  const names = wb.worksheets.map((w) => w.name);
  const ws = sheet === null ? wb.worksheets[0] : wb.getWorksheet(sheet);
  if (!ws) {
    if (sheet !== null) throw dataError(ioMessages.sheetMissing(file, sheet, names));
    throw dataError(ioMessages.fileEmpty(file));
  }
  const matrix: Cell[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNo) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, colNo) => {
      cells[colNo - 1] = cellValue(cell.value);
    });
    matrix[rowNo - 1] = cells;
  });
  // Drop leading/trailing fully empty rows; keep interior ones as rows of nulls.
  const isEmpty = (r: Cell[] | undefined) => !r || r.every((c) => c === null || c === '');
  while (matrix.length && isEmpty(matrix[matrix.length - 1])) matrix.pop();
  if (matrix.length === 0 || isEmpty(matrix[0])) throw dataError(ioMessages.fileEmpty(file));
  const header = matrix[0];
  const columns = Array.from({ length: header.length }, (_, j) => (header[j] === null ? '' : String(header[j]).trim()));
  checkHeader(file, columns);
  if (matrix.length < 2) throw dataError(ioMessages.noDataRows(file));
  const rows: Cell[][] = [];
  for (let i = 1; i < matrix.length; i++) {
    const src = matrix[i] ?? [];
    const row: Cell[] = new Array(columns.length);
    for (let j = 0; j < columns.length; j++) row[j] = src[j] ?? null;
    rows.push(row);
  }
  return { file, sheet: ws.name, columns, rows };
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString().replace(/\.000Z$/, '').replace(/Z$/, '');
  if (typeof v === 'object') {
    if ('result' in v) return cellValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return null;
  }
  return String(v);
}
