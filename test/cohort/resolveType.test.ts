/**
 * resolveType's shortcut for plain number columns (no text read) against the type columnProfile
 * gives from the cells' text, on columns built to sit on each side of its conditions: few distinct
 * numbers (binary, codes), 0/1 columns with a few stray codes, text and missing codes, date-like
 * names, and plain numbers.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { columnProfile } from '../../src/cohort/columnProfile.js';
import { resolveType } from '../../src/cohort/readVariable.js';
import { columnarOf } from '../../src/io/columnarTable.js';
import { readTable } from '../../src/io/readTable.js';

const fromProfile = (t: Parameters<typeof columnProfile>[0], j: number) => {
  const p = columnProfile(t, j);
  return p.type === 'integer' ? 'number' : p.type === 'category' && p.min !== null ? 'number' : p.type;
};

it('equals the type of the column profile on every kind of column', async () => {
  let s = 5;
  const rnd = () => (s = (s * 48271) % 2147483647) / 2147483647;
  const n = 400;
  const cols: Record<string, (i: number) => string> = {
    plain: () => (rnd() * 300).toFixed(2),
    ints: () => String(Math.floor(rnd() * 90)),
    sevenCodes: () => String(Math.floor(rnd() * 7)),
    sixCodes: () => String(Math.floor(rnd() * 6)),
    binary: () => String(rnd() < 0.5 ? 0 : 1),
    binaryTwoStrays: (i) => (i === 7 ? '2' : i === 9 ? '5' : String(rnd() < 0.5 ? 0 : 1)),
    binarySevenStrays: (i) => (i < 7 ? String(i + 2) : String(rnd() < 0.5 ? 0 : 1)),
    binaryManyOdd: (i) => (i < 40 ? String(i + 2) : String(rnd() < 0.5 ? 0 : 1)),
    withMissing: (i) => (i % 10 === 0 ? (i % 20 ? 'NA' : '') : (rnd() * 9).toFixed(1)),
    withText: (i) => (i === 3 ? 'high' : (rnd() * 9).toFixed(1)),
    oneZeroDecimals: () => (rnd() < 0.5 ? '1' : rnd() < 0.5 ? '1.0' : '0'),
    visit_date: () => String(43000 + Math.floor(rnd() * 900)),
    followup_time: () => (rnd() * 60).toFixed(1),
    spaced: () => ` ${(rnd() * 50).toFixed(1)} `,
    huge: (i) => (i === 5 ? '1e999' : (rnd() * 9).toFixed(1)),
    // a date/time name: dates when every number may be one (serial or yyyymmdd), else numbers
    pfs_time: () => (rnd() * 60).toFixed(2),
    admission_date: () => String(20190101 + Math.floor(rnd() * 27)),
    exam_date: (i) => (i === 11 ? '12' : String(43000 + Math.floor(rnd() * 900))),
    // 0/1 codes: binary without the profile when every cell is exactly 0 or 1 (or missing)
    event: (i) => (i % 13 === 0 ? 'NA' : i % 17 === 0 ? '' : String(rnd() < 0.4 ? 1 : 0)),
    allOnes: () => '1',
    allMissing: () => 'NA',
    oneSpaced: (i) => (i === 4 ? ' 1' : String(rnd() < 0.5 ? 0 : 1)),
    quoted: (i) => (i === 4 ? '"1"' : String(rnd() < 0.5 ? 0 : 1)),
    zeroOneTwo: () => String(Math.floor(rnd() * 3)),
  };
  const names = Object.keys(cols);
  const lines = [names.join(',')];
  for (let i = 0; i < n; i++) lines.push(names.map((c) => cols[c](i)).join(','));
  const file = join(mkdtempSync(join(tmpdir(), 'siilab-type-')), 'cols.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  const shortcut = await readTable(file);
  const text = await readTable(file);
  expect(columnarOf(shortcut)).toBeDefined();
  const got = names.map((c) => resolveType(shortcut, 'x', { column: c }));
  const want = names.map((c, j) => fromProfile(text, j));
  expect(got).toEqual(want);
  // the shortcut was taken for plain numbers (sides of each condition are above)
  expect(Object.fromEntries(names.map((c, k) => [c, got[k]]))).toMatchObject({
    plain: 'number', sevenCodes: 'number', binary: 'binary', binaryTwoStrays: 'binary', visit_date: 'date',
    pfs_time: 'number', admission_date: 'date', exam_date: 'number', event: 'binary', allOnes: 'binary', allMissing: 'text',
  });
});
