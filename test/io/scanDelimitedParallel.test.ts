// The parallel scan (src/io/scanDelimitedParallel.ts) against the one-thread scan on the same bytes:
// the same rows, cell offsets and numbers read during the scan, on files large enough to be cut
// (≥ 8 MB) with blank rows, short and long rows, text and non-plain numbers, every newline form and
// a last row without a newline; and a file with a quote is left to one thread.
import { describe, expect, it } from 'vitest';
import { preparsedColumn, scanDelimited } from '../../src/io/delimitedLayout.js';
import { MIN_PARALLEL_BYTES, scanDelimitedParallel, scanWorkerUrl } from '../../src/io/scanDelimitedParallel.js';
import { xoshiro128ss } from '../../src/stats/roc/prng.js';
import { DelimitedColumns } from '../../src/io/columnarTable.js';

function shared(text: string): Uint8Array {
  const b = Buffer.from(text, 'utf8');
  const u = new Uint8Array(new SharedArrayBuffer(b.length));
  u.set(b);
  return u;
}

function generate(seed: number, nl: string, endWithNewline: boolean): string {
  const rng = xoshiro128ss(seed);
  const u = () => rng.next();
  const cells = () => {
    const r = u();
    if (r < 0.6) return (u() * 1000 - 300).toFixed(Math.floor(u() * 5));
    if (r < 0.7) return String(Math.floor(u() * 1e6));
    if (r < 0.75) return '';
    if (r < 0.8) return ['NA', 'x', ' 12 ', '1e400', '12345678901234567', '.5', '-0', '3.', '1e-30', 'é'][Math.floor(u() * 10)];
    return ['A', 'B', 'C'][Math.floor(u() * 3)];
  };
  const rows: string[] = ['a,b,c,d,e'];
  let size = 0;
  while (size < MIN_PARALLEL_BYTES * 1.3) {
    const r = u();
    let row: string;
    if (r < 0.01) row = '';
    else if (r < 0.015) row = ' , ,';
    else {
      const k = r < 0.03 ? 3 : r < 0.04 ? 7 : 5;
      row = Array.from({ length: k }, cells).join(',');
    }
    rows.push(row);
    size += row.length + nl.length;
  }
  return rows.join(nl) + (endWithNewline ? nl : '');
}

describe('parallel scan of a delimited file', () => {
  const haveWorker = scanWorkerUrl() !== null; // the compiled worker (npm test builds dist/ first)
  for (const [nl, name] of [['\n', 'LF'], ['\r\n', 'CRLF'], ['\r', 'CR']] as const)
    for (const threads of [2, 3])
      it.skipIf(!haveWorker)(`${name}, ${threads} threads: the same layout as one thread`, async () => {
        const buf = shared(generate(threads * 10 + nl.length, nl, threads === 2));
        const one = scanDelimited(buf, 0, 0x2c, nl)!;
        const par = (await scanDelimitedParallel(buf, 0, 0x2c, nl, threads))!;
        expect(par.chunks!.length).toBe(threads); // it was cut
        expect(par.header).toEqual(one.header);
        expect(par.nRows).toBe(one.nRows);
        expect(Buffer.from(par.cellStart.buffer, par.cellStart.byteOffset, par.cellStart.byteLength).equals(Buffer.from(one.cellStart.buffer, one.cellStart.byteOffset, one.cellStart.byteLength))).toBe(true);
        for (let j = 0; j < one.nCols; j++) {
          const a = preparsedColumn(one, j)!;
          const b = preparsedColumn(par, j)!;
          expect(Buffer.from(b.kinds).equals(Buffer.from(a.kinds)), `kinds of column ${j}`).toBe(true);
          expect(Buffer.from(b.values.buffer).equals(Buffer.from(a.values.buffer)), `values of column ${j}`).toBe(true);
        }
      });
  it.skipIf(!haveWorker)('numbers read for some columns only (numbersOf): the same as one thread, the others left to the bytes', async () => {
    const buf = shared(generate(41, '\n', true));
    const one = scanDelimited(buf, 0, 0x2c, '\n', undefined, ['b', 'e'])!;
    const par = (await scanDelimitedParallel(buf, 0, 0x2c, '\n', 2, undefined, ['b', 'e']))!;
    expect(par.chunks!.length).toBe(2);
    for (let j = 0; j < 5; j++) {
      const a = preparsedColumn(one, j);
      const b = preparsedColumn(par, j);
      if (j !== 1 && j !== 4) {
        expect([a, b]).toEqual([null, null]);
        continue;
      }
      expect(Buffer.from(b!.kinds).equals(Buffer.from(a!.kinds))).toBe(true);
      expect(Buffer.from(b!.values.buffer).equals(Buffer.from(a!.values.buffer))).toBe(true);
      // and the same as the scan of every column
      expect(Buffer.from(b!.values.buffer).equals(Buffer.from(preparsedColumn(scanDelimited(buf, 0, 0x2c, '\n')!, j)!.values.buffer))).toBe(true);
    }
    const all = new DelimitedColumns(scanDelimited(buf, 0, 0x2c, '\n')!);
    const some = new DelimitedColumns(par);
    for (let j = 0; j < 5; j++) {
      expect(Buffer.from(some.numeric(j).values.buffer).equals(Buffer.from(all.numeric(j).values.buffer)), `column ${j}`).toBe(true);
      expect(Buffer.from(some.numeric(j).kinds).equals(Buffer.from(all.numeric(j).kinds))).toBe(true);
    }
  });
  it('a file with a double quote anywhere is scanned by one thread', async () => {
    const buf = shared(generate(7, '\n', true).replace('\nA,', '\n"A",'));
    const par = (await scanDelimitedParallel(buf, 0, 0x2c, '\n', 2))!;
    expect(par.chunks!.length).toBe(1);
    expect(par.nRows).toBe(scanDelimited(buf, 0, 0x2c, '\n')!.nRows);
  });
});

describe('DelimitedColumns.release', () => {
  it('forgets the columns and the numbers read during the scan; asked again, they are the same', () => {
    const buf = shared(generate(3, '\n', true));
    const src = new DelimitedColumns(scanDelimited(buf, 0, 0x2c, '\n')!);
    const before = Array.from({ length: 5 }, (_, j) => ({ num: src.numeric(j), raw: src.rawCells(j), lab: src.labels(j) }));
    src.release();
    for (let j = 0; j < 5; j++) {
      const num = src.numeric(j);
      expect(num).not.toBe(before[j].num); // made again, from the bytes (no preparsed numbers left)
      expect(Buffer.from(num.values.buffer).equals(Buffer.from(before[j].num.values.buffer)), `values of column ${j}`).toBe(true);
      expect(Buffer.from(num.kinds).equals(Buffer.from(before[j].num.kinds))).toBe(true);
      expect([num.text, num.notFinite]).toEqual([before[j].num.text, before[j].num.notFinite]);
      expect(src.rawCells(j)).toEqual(before[j].raw);
      expect(src.labels(j)).toEqual(before[j].lab);
    }
  });
});
