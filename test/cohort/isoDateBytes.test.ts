import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dateColumn } from '../../src/cohort/dateColumn.js';
import { isoDateBytes } from '../../src/cohort/isoDateBytes.js';
import { parseDateText } from '../../src/cohort/parseDate.js';
import { columnarOf } from '../../src/io/columnarTable.js';
import { readTable } from '../../src/io/readTable.js';
import type { Table } from '../../src/io/table.js';

const bytes = (s: string) => isoDateBytes(Buffer.from(s), 0, Buffer.byteLength(s));

describe('isoDateBytes', () => {
  it('YYYY-MM-DD as parseDateText reads it; anything else, or a day that does not exist, undefined', () => {
    expect(bytes('2020-01-31')).toBe(18292);
    expect(bytes('1970-01-01')).toBe(0);
    for (const s of ['31/01/2020', '2020-1-31', '2020-01-31T08:00', ' 2020-01-31', '2020/01/31', '2020-02-30', '2019-02-29', '1799-12-31', '2201-01-01', '2020-13-01', '2020-00-10', 'abcd-ef-gh', ''])
      expect(bytes(s), s).toBeUndefined();
    expect(bytes('2020-02-29')).toBe(parseDateText('2020-02-29', null));
  });
  it('equals parseDateText on every day of 1800–2200 it accepts (sampled), twice (the table of days)', () => {
    for (let t = Date.UTC(1800, 0, 1); t <= Date.UTC(2200, 11, 31); t += 86400000 * 37) {
      const s = new Date(t).toISOString().slice(0, 10);
      expect(bytes(s)).toBe(parseDateText(s, null));
      expect(bytes(s)).toBe(t / 86400000);
    }
  });
});

describe('dateColumn on a delimited file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'siilab-iso-'));
  const rowsOf = (t: Table): Table => ({ file: t.file, sheet: t.sheet, columns: t.columns, rows: t.rows, delimiter: t.delimiter });
  it('reads ISO dates from the bytes as the general reader does (missing cells NaN)', async () => {
    const file = join(dir, 'd.csv');
    writeFileSync(file, 'id,d,e\n1,2019-02-06,31/01/2020\n2,,01/02/2020\n3,NA,13/03/2020\n4,2020-02-29,NA\n');
    const t = await readTable(file);
    expect(columnarOf(t)).toBeDefined();
    const fast = dateColumn(t, 'd', null);
    expect(Array.from(fast)).toEqual(Array.from(dateColumn(rowsOf(t), 'd', null)));
    expect(Array.from(fast)).toEqual([parseDateText('2019-02-06', null), NaN, NaN, parseDateText('2020-02-29', null)]);
    // a column of other forms is read the general way
    expect(Array.from(dateColumn(t, 'e', null))).toEqual(Array.from(dateColumn(rowsOf(t), 'e', null)));
  });
  it('a day that does not exist is refused with its row, as before', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'id,d\n1,2019-02-06\n2,2019-02-30\n');
    const t = await readTable(file);
    expect(() => dateColumn(t, 'd', null)).toThrow(/row 3.*'d'.*2019-02-30/);
  });
});
