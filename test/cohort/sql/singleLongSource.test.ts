/**
 * The SQL path for a long source on its own (the Tongji export's shape): the long source decides the
 * patients (ids in order of first row), and the per-patient values it carries on every row of a
 * patient (dates, outcome, sex, age, BMI) are the first non-missing value in row order, with the
 * JavaScript path's conflict warnings, missing causes and data notes. The whole bundle must be the
 * JavaScript path's text from a CSV file, an XLSX workbook (streamed into DuckDB), a DuckDB table
 * and a PostgreSQL table, and on the Tongji export itself when ../shared is present.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadStudy } from '../../../src/cohort/loadStudy.js';
import { SINGLE_STUDY, singleLongRows } from '../../helpers/longExport.js';
import { hasReal } from '../../helpers/shared.js';
import { tongjiStudy } from '../../helpers/tongji.js';
import { pgSchema, pgTable } from '../../helpers/pgTable.js';
import { sameBundle as sameBundleAt } from '../../helpers/sameBundle.js';

const dir = mkdtempSync(join(tmpdir(), 'siilab-single-'));
const rows = singleLongRows(7, 250);
const csvCell = (c: string | number | null) => (c === null ? '' : String(c));

/** The study text written to a file of its own, then run on both paths (helpers/sameBundle.ts). */
async function sameBundle(spec: string, engine: 'duckdb' | 'postgres') {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, spec);
  return sameBundleAt(path, engine);
}

beforeAll(async () => {
  writeFileSync(join(dir, 'long.csv'), rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('export');
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(join(dir, 'long.xlsx'));
  const inst = await DuckDBInstance.create(join(dir, 'lab.duckdb'));
  const con = await inst.connect();
  await con.run(`CREATE TABLE export AS SELECT * FROM read_csv('${join(dir, 'long.csv')}', all_varchar = true)`);
  con.closeSync();
  inst.closeSync();
});

describe('a long source on its own, with per-patient values: SQL path = JavaScript path, byte for byte', () => {
  test('a CSV file: conflicts warned, an implausible age, ids carried forward', async () => {
    const b = await sameBundle(SINGLE_STUDY('file: long.csv'), 'duckdb');
    // The data are as tricky as meant.
    expect(b.warnings.filter((w) => w.includes('have different values on different rows')).length).toBeGreaterThanOrEqual(2);
    expect(b.flow.screened).toBe(250);
    expect((b.flow.dataNotes ?? []).map((n) => n.kind)).toEqual(expect.arrayContaining(['implausible', 'missing-code', 'zero']));
    expect(b.analyses.length).toBeGreaterThan(1);
  }, 60_000);

  test('an XLSX workbook (numbers as numbers, streamed into DuckDB)', async () => {
    const b = await sameBundle(SINGLE_STUDY('file: long.xlsx'), 'duckdb');
    expect(b.inputs[0].file).toBe('long.xlsx');
  }, 60_000);

  test('a DuckDB table', async () => {
    await sameBundle(SINGLE_STUDY('duckdb: lab.duckdb, table: export'), 'duckdb');
  }, 60_000);

  test.skipIf(!hasReal)('the Tongji export (XLSX, 375 patients, 6,120 draws, ids in merged cells)', async () => {
    const b = await sameBundle(tongjiStudy(`analyses:
  cox: [{ endpoint: death, candidates: [SII_first], timeVarying: [SII] }]
  km: [{ endpoint: death, by: [] }]
`), 'duckdb');
    expect(b.flow.screened).toBe(375);
    expect((b.flow.dataNotes ?? []).length).toBeGreaterThan(0);
  }, 120_000);
});

describe('bad input in a long source on its own: the JavaScript path\'s message, word for word', () => {
  const refusal = (path: string, engine: 'js' | 'duckdb') => loadStudy(path, { engine }).then(() => 'no refusal', (e: Error) => e.message);
  const cases: [string, (r: (string | number | null)[][]) => void, RegExp][] = [
    ['an outcome that is not 0/1', (r) => { r[9][4] = 'maybe'; }, /row 10.*outcome.*maybe/],
    ['an admission date that is not a date', (r) => { r[4][2] = 'yesterday'; }, /row 5.*admission.*yesterday/],
    ['text in a count', (r) => { r[7][10] = 'lots'; }, /row 8.*plt.*lots/],
    ['no id on the first row', (r) => { r[1][0] = null; }, /row 2.*first row has no patient id/],
  ];
  for (const [what, spoil, says] of cases) {
    test(what, async () => {
      const spoilt = rows.map((r) => [...r]);
      spoil(spoilt);
      const name = what.replace(/\W+/g, '-');
      writeFileSync(join(dir, `${name}.csv`), spoilt.map((r) => r.map(csvCell).join(',')).join('\n') + '\n');
      const path = join(dir, `${name}.yaml`);
      writeFileSync(path, SINGLE_STUDY(`file: ${name}.csv`));
      const js = await refusal(path, 'js');
      expect(js).toMatch(says);
      expect(await refusal(path, 'duckdb')).toBe(js);
    });
  }
});

const PG = process.env.SIILAB_TEST_PG_URL || null;
if (PG) {
  describe('a long source on its own in PostgreSQL', () => {
    const { schema } = pgSchema(PG, 'siilab_single', (c, sc) => pgTable(c, `${sc}.export`, rows));
    test('a text table', async () => {
      await sameBundle(SINGLE_STUDY(`postgres: "$SIILAB_TEST_PG_URL", table: ${schema}.export`), 'postgres');
    }, 60_000);
  });
}
