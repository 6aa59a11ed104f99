// The scan's row estimate (src/io/delimitedLayout.ts bytesPerRow, rowsIn): it sizes the scan's
// arrays and decides whether numbers are read in the scan (MAX_PREPARSED_CELLS), so it must judge
// an export by its rows, not by its header — a long-format export's names are longer than its values.
import { describe, expect, it } from 'vitest';
import { bytesPerRow, rowsIn, scanDelimited } from '../../src/io/delimitedLayout.js';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('bytesPerRow / rowsIn', () => {
  const header = 'patient_identifier,draw_date,neutrophils,lymphocytes,platelets\n';
  const rows = Array.from({ length: 20000 }, (_, i) => `P${String(i).padStart(6, '0')},2019-01-${String((i % 28) + 1).padStart(2, '0')},4.1,1.2,210\n`);
  const text = header + rows.join('');
  const buf = bytes(text);
  const p = header.length;
  it('judges the rows by the rows after the header: the estimate is within the 5% it adds', () => {
    expect(bytesPerRow(buf, 0, p, 10)).toBeCloseTo(rows[0].length, 6);
    const est = rowsIn(p, buf.length, bytesPerRow(buf, 0, p, 10));
    expect(est).toBeGreaterThanOrEqual(20000);
    expect(est).toBeLessThanOrEqual(20000 * 1.05 + 16);
    // the header alone (63 bytes against rows of 35) would have taken it for 11,700 rows
    expect(rowsIn(p, buf.length, header.length)).toBeLessThan(12000);
  });
  it('a file of fewer than 8 rows in its first 64 KB is judged by its header', () => {
    const small = bytes('a,b\n1,2\n3,4\n');
    expect(bytesPerRow(small, 0, 4, 10)).toBe(4);
  });
  it('the scan gives the same rows whatever the estimate (its arrays grow when it is short)', () => {
    const l = scanDelimited(buf, 0, 0x2c, '\n');
    expect(l!.nRows).toBe(20000);
    expect(l!.header).toEqual(['patient_identifier', 'draw_date', 'neutrophils', 'lymphocytes', 'platelets']);
  });
});
