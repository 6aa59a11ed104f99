import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDelimited, readTable } from '../../src/io/readTable.js';
import { binaryColumn, numericColumn, labelColumn } from '../../src/io/columns.js';
import { SiilabError } from '../../src/errors.js';

const t = parseDelimited('x.csv', 'time,status,grp\n5,1,a\n3,0,b\nNA,1,\n7,true,a\n');

describe('readTable', () => {
  it('parses CSV with missing tokens', () => {
    expect(t.columns).toEqual(['time', 'status', 'grp']);
    const time = numericColumn(t, 'time', '--time');
    expect(Array.from(time.slice(0, 2))).toEqual([5, 3]);
    expect(Number.isNaN(time[2])).toBe(true);
    expect(Array.from(binaryColumn(t, 'status', '--event', null))).toEqual([1, 0, 1, 1]);
    expect(labelColumn(t, 'grp', '--group')).toEqual(['a', 'b', null, 'a']);
  });
  it('names file, row and column for text in a numeric column', () => {
    const bad = parseDelimited('bad.csv', 'time\n1\nabc\n');
    expect(() => numericColumn(bad, 'time', '--time')).toThrow("bad.csv, row 3, column 'time': 'abc' is not a number.");
  });
  it('suggests a close column name', () => {
    try {
      numericColumn(t, 'tmie', '--time');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SiilabError);
      expect((e as SiilabError).exitCode).toBe(3);
      expect((e as Error).message).toContain("Did you mean 'time'?");
    }
  });
  it('refuses a non-binary event', () => {
    const bad = parseDelimited('e.csv', 'status\n1\n2\n');
    expect(() => binaryColumn(bad, 'status', '--event', null)).toThrow(/row 3, column 'status'.*--event-value/);
    expect(Array.from(binaryColumn(bad, 'status', '--event', '2'))).toEqual([0, 1]);
  });
  it('reads TSV by sniffing and refuses an empty or missing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-'));
    writeFileSync(join(dir, 'a.txt'), 'a\tb\n1\t2\n');
    const tsv = await readTable(join(dir, 'a.txt'));
    expect(tsv.columns).toEqual(['a', 'b']);
    writeFileSync(join(dir, 'e.csv'), '');
    await expect(readTable(join(dir, 'e.csv'))).rejects.toThrow(/empty/);
    await expect(readTable(join(dir, 'none.csv'))).rejects.toThrow(/no such file/);
  });
});
