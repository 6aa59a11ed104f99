import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDelimited, readTable } from '../../src/io/readTable.js';
import { numericColumn, labelColumn } from '../../src/io/columns.js';
import { sniffDecimalComma, withDecimalComma } from '../../src/io/decimalMark.js';

const europe = 'id;albumin;platelets;visit\n1;3,5;1.234,0;03.04.2020\n2;4,25;187;05.04.2020\n3;;2.005,5;06.04.2020\n';

describe('decimal commas', () => {
  it('reads a semicolon file with decimal commas when sniffed (today: \'3,5\' is not a number)', () => {
    const t = parseDelimited('eu.csv', europe);
    expect(t.decimal).toBe(',');
    expect(t.delimiter).toBe(';');
    expect(Array.from(numericColumn(t, 'albumin', '--x'))).toEqual([3.5, 4.25, NaN]);
    // Dot thousands beside the decimal comma: 1.234,0 is 1234.
    expect(Array.from(numericColumn(t, 'platelets', '--x'))).toEqual([1234, 187, 2005.5]);
    // Dates with dots are left alone.
    expect(labelColumn(t, 'visit', '--x')).toEqual(['03.04.2020', '05.04.2020', '06.04.2020']);
  });
  it('reads decimal commas when declared, also in a spreadsheet-free text file with tabs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-dec-'));
    writeFileSync(join(dir, 'a.tsv'), 'x\ty\n1,5\t2\n-0,25\t3\n');
    const t = await readTable(join(dir, 'a.tsv'), { decimal: ',' });
    expect(Array.from(numericColumn(t, 'x', '--x'))).toEqual([1.5, -0.25]);
  });
  it('keeps decimal points when declared, and says how to declare commas', () => {
    const t = parseDelimited('eu.csv', europe, undefined, { decimal: '.' });
    expect(t.decimal).toBeUndefined();
    expect(() => numericColumn(t, 'albumin', '--albumin')).toThrow(
      /^eu\.csv, row 2, column 'albumin': '3,5' is not a number with a decimal point; .*--decimal ,.*decimal: ","/,
    );
  });
  it('does not sniff commas in a comma-separated file (quoted "1,234" is not 1.234)', () => {
    const t = parseDelimited('us.csv', 'a,b\n"1,234",2\n');
    expect(t.decimal).toBeUndefined();
    expect(() => numericColumn(t, 'a', '--a')).toThrow(/'1,234' is not a number/);
  });
  it('refuses a file whose only commas could be thousands separators, naming file, row and column', () => {
    expect(() => parseDelimited('amb.csv', 'a;b\n1,234;x\n2,500;y\n')).toThrow(
      "amb.csv, row 2, column 'a': '1,234' could be 1.234 (decimal comma) or 1234 (thousands separator); declare the decimal mark (--decimal , or --decimal . on the command line; decimal: on the source in the study file).",
    );
    // Declared, it is read.
    const t = parseDelimited('amb.csv', 'a;b\n1,234;x\n2,500;y\n', undefined, { decimal: ',' });
    expect(Array.from(numericColumn(t, 'a', '--a'))).toEqual([1.234, 2.5]);
  });
  it('refuses 1.234 beside decimal commas in the same column (1.234 or 1234?)', () => {
    expect(() => parseDelimited('mix.csv', 'a;b\n1,5;x\n1.234;y\n')).toThrow(/^mix\.csv, row 3, column 'a': '1\.234' could be 1\.234 \(decimal point\) or 1234/);
  });
  it('reads space-grouped thousands and leaves text alone', () => {
    const rows = withDecimalComma('f.csv', ['n', 'txt'], [['1 234,5', 'a,b'], ['12 345', '5,2 mg']], 2);
    expect(rows).toEqual([['1234.5', 'a,b'], ['12345', '5,2 mg']]);
  });
  it('sniffs only columns of numbers', () => {
    expect(sniffDecimalComma('f.csv', ['t'], [['a,5'], ['b,2']], 2)).toBe(false);
    expect(sniffDecimalComma('f.csv', ['t'], [['1'], ['2,5']], 2)).toBe(true);
  });
});
