// The columnar reading path (src/io/readDelimited.ts) against the row reader (papaparse) on the same
// bytes: 600 generated files mixing numbers in every form NUMBER_RE takes, missing codes, text,
// quoted fields with delimiters, quotes and newlines, blank rows, short and long rows, CRLF, BOM,
// and ',', ';', tab and '|' delimiters. Every column read every way (numericColumn with and without
// nonNegative, binaryColumn, labelColumn, isNumericColumn, readCovariate) must give the same values
// or the same message, and `rows` the same cells.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDelimited, readTable } from '../../src/io/readTable.js';
import { binaryColumn, isNumericColumn, labelColumn, numericColumn } from '../../src/io/columns.js';
import { readCovariate } from '../../src/io/covariates.js';
import { columnarOf, withFile } from '../../src/io/columnarTable.js';
import type { Table } from '../../src/io/table.js';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NUMBERS = ['0', '1', '-0', '+5', '12', '3.25', '-7.125', '.5', '5.', '1e3', '1.5E-3', '2e+2', ' 3 ', '\t4', '1e999', '-1e400', '1e-400',
  '0.1', '0.30000000000000004', '123456789012345678', '9007199254740993', '0.000000000000000000000001234', '1.7976931348623157e308', '4.9e-324', '00012', '1'];
const MISSING = ['', 'NA', 'na', 'N/A', '#N/A', 'NaN', 'null', '?', 'none', '.', ' ', ' NA '];
const TEXT = ['abc', 'TRUE', 'false', 'yes', 'No', 'é', 'Ünïcödé', '\u00a0', '1,5', '1.2.3', '--1', '1e', '+', 'e5', 'Infinity', '0x10', '1_000', 'a b'];
const QUOTED = ['"a,b"', '"x""y"', '"line\nbreak"', '""', '"5"', '" 7 "', '"NA"', '";"', '"\t"', '"é"'];

function cell(u: () => number, numericBias: number): string {
  const r = u();
  const pick = (a: string[]) => a[Math.floor(u() * a.length)];
  if (r < numericBias) return pick(NUMBERS);
  if (r < numericBias + 0.12) return pick(MISSING);
  if (r < numericBias + 0.2) return pick(QUOTED);
  return pick(TEXT);
}

function makeFile(u: () => number): { text: string; ext: string } {
  const delim = [',', ',', ';', '\t', '|'][Math.floor(u() * 5)];
  const nl = u() < 0.25 ? '\r\n' : '\n';
  const nCols = 1 + Math.floor(u() * 4);
  const nRows = 1 + Math.floor(u() * 12);
  const lines: string[] = [];
  const header = Array.from({ length: nCols }, (_, j) => (u() < 0.15 ? `"c${j}"` : u() < 0.1 ? ` c${j} ` : `c${j}`));
  lines.push(header.join(delim));
  const bias = Array.from({ length: nCols }, () => (u() < 0.6 ? 0.97 : 0.5));
  for (let i = 0; i < nRows; i++) {
    const r = u();
    if (r < 0.06) lines.push('');
    else if (r < 0.08) lines.push(Array(nCols).fill(' ').join(delim));
    const width = u() < 0.1 ? Math.max(1, nCols - 1) : u() < 0.05 ? nCols + 1 : nCols;
    lines.push(Array.from({ length: width }, (_, j) => {
      const c = cell(u, bias[Math.min(j, nCols - 1)]);
      // A delimiter or newline only inside quotes.
      return /^".*"$/s.test(c) ? c : c.includes(delim) || c.includes('\n') ? `"${c}"` : c;
    }).join(delim));
  }
  let text = lines.join(nl) + (u() < 0.7 ? nl : '');
  if (u() < 0.1) text = '\ufeff' + text;
  return { text, ext: delim === '\t' && u() < 0.5 ? '.tsv' : u() < 0.2 ? '.txt' : '.csv' };
}

const outcome = (f: () => unknown): unknown => {
  try {
    const v = f();
    return v instanceof Float64Array ? { ok: Array.from(v, (x) => (Number.isNaN(x) ? 'NaN' : Object.is(x, -0) ? '-0' : x)) } : { ok: v };
  } catch (e) {
    return { error: (e as Error).message, code: (e as { exitCode?: number }).exitCode };
  }
};

function everyReading(t: Table): unknown[] {
  const out: unknown[] = [t.columns, t.delimiter, t.header, t.decimal];
  for (const c of t.columns) {
    if (c === '') continue;
    out.push(
      outcome(() => numericColumn(t, c, '--x')),
      outcome(() => numericColumn(t, c, '--x', { nonNegative: true })),
      outcome(() => binaryColumn(t, c, '--event', null, 'event')),
      outcome(() => binaryColumn(t, c, '--outcome', 'yes', 'outcome')),
      outcome(() => binaryColumn(t, c, '--outcome', '1', 'outcome')),
      outcome(() => labelColumn(t, c, '--group')),
      outcome(() => isNumericColumn(t, c, '--vars')),
      outcome(() => {
        const r = readCovariate(t, c, '--covariates');
        return r.kind === 'numeric' ? { kind: r.kind, values: Array.from(r.values, String) } : r;
      }),
      outcome(() => readCovariate(t, c, '--covariates', true)),
    );
  }
  return out;
}

describe('columnar reading path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'siilab-columnar-'));
  it('reads 600 generated files exactly as the row reader does', async () => {
    const u = rng(14);
    let columnar = 0;
    let compared = 0;
    for (let k = 0; k < 600; k++) {
      const { text, ext } = makeFile(u);
      const file = join(dir, `f${k}${ext}`);
      writeFileSync(file, text);
      const expected = outcome(() => parseDelimited(file, text, ext === '.tsv' ? '\t' : undefined)) as { ok?: Table; error?: string };
      let got: Table | null = null;
      let gotError: string | null = null;
      try {
        got = await readTable(file);
      } catch (e) {
        gotError = (e as Error).message;
      }
      if (expected.error !== undefined) {
        expect(gotError, `file ${k}: ${JSON.stringify(text)}`).toBe(expected.error);
        continue;
      }
      expect(gotError, `file ${k}: ${JSON.stringify(text)}`).toBeNull();
      if (columnarOf(got!)) columnar++;
      const old = expected.ok!;
      const shown = withFile(got!, 'shown.csv');
      expect(everyReading(shown), `file ${k}: ${JSON.stringify(text)}`).toEqual(everyReading({ ...old, file: 'shown.csv' }));
      expect(got!.rows, `file ${k}: ${JSON.stringify(text)}`).toEqual(old.rows);
      compared++;
    }
    // Most generated files are plain enough for the columnar path; the rest fall back to papaparse.
    expect(compared).toBeGreaterThan(400);
    expect(columnar).toBeGreaterThan(300);
  });

  it('parses numbers from the bytes as Number() does', async () => {
    const u = rng(7);
    const values: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const digits = Math.floor(u() * 20) + 1;
      let s = '';
      for (let d = 0; d < digits; d++) s += String(Math.floor(u() * 10));
      const point = Math.floor(u() * (digits + 1));
      s = s.slice(0, point) + (u() < 0.8 ? '.' : '') + s.slice(point);
      if (u() < 0.3) s += `e${u() < 0.5 ? '-' : ''}${Math.floor(u() * 40)}`;
      values.push((u() < 0.3 ? '-' : '') + s);
    }
    const file = join(dir, 'numbers.csv');
    writeFileSync(file, 'x\n' + values.join('\n') + '\n');
    const t = await readTable(file);
    expect(columnarOf(t)).toBeDefined();
    const x = numericColumn(t, 'x', '--x');
    const want = values.map((s) => (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : NaN));
    let same = 0;
    for (let i = 0; i < values.length; i++) if (Object.is(x[i], want[i])) same++;
    expect(same).toBe(values.length);
  });

  it('names file, row and column as the row reader does, and keeps the columnar source under the shown name', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'time,status\n1,0\n2,1\n3,x\n4.5,2\n-1,1\nabc,1\n');
    const t = withFile(await readTable(file), 'bad.csv');
    expect(columnarOf(t)).toBeDefined();
    expect(() => numericColumn(t, 'time', '--time')).toThrow("bad.csv, row 7, column 'time': 'abc' is not a number.");
    expect(() => numericColumn(t, 'time', '--time', { nonNegative: true })).toThrow("bad.csv, row 6, column 'time': -1 is negative, which this column cannot be.");
    expect(() => binaryColumn(t, 'status', '--event', null)).toThrow("bad.csv, row 4, column 'status': event value 'x' is not 0/1 or true/false");
  });

  it('hands each column over: a caller writing into it changes nobody else\'s column', async () => {
    const file = join(dir, 'handover.csv');
    writeFileSync(file, 'x,g\n1.5,a\n2,b\nNA,a\n');
    const t = await readTable(file);
    const a = numericColumn(t, 'x', '--x');
    a[0] = 99;
    expect(Array.from(numericColumn(t, 'x', '--x'))).toEqual([1.5, 2, NaN]);
    const c = readCovariate(t, 'x', '--covariates');
    expect(c.kind === 'numeric' && Array.from(c.values)).toEqual([1.5, 2, NaN]);
    const l = labelColumn(t, 'g', '--group');
    l[1] = 'z';
    expect(labelColumn(t, 'g', '--group')).toEqual(['a', 'b', 'a']);
    expect(isNumericColumn(t, 'x', '--x')).toBe(true);
  });

  it('numbersOf: the scan reads only the columns named, and every column still reads the same', async () => {
    const file = join(dir, 'numbersOf.csv');
    const rowsOf = (k: number) => `${k},${k % 3 ? 'x' : ''},${k * 0.5},${k % 2},"q${k}",${-k}e-2`;
    writeFileSync(file, 'id, t ,x,e,g,z\n' + Array.from({ length: 300 }, (_, k) => rowsOf(k)).join('\n') + '\n');
    const all = await readTable(file);
    for (const names of [['x', 'e'], ['t', 'z', 'nope'], ['nope'], []]) {
      const t = await readTable(file, { numbersOf: names });
      for (const c of ['id', 'x', 'e', 'z']) expect(Array.from(numericColumn(t, c, '--c'))).toEqual(Array.from(numericColumn(all, c, '--c')));
      expect(isNumericColumn(t, 't', '--t')).toBe(false);
      expect(labelColumn(t, 'g', '--g')).toEqual(labelColumn(all, 'g', '--g'));
      expect(() => numericColumn(t, 't', '--t')).toThrow("column 't': 'x' is not a number");
      expect(binaryColumn(t, 'e', '--event', null)).toEqual(binaryColumn(all, 'e', '--event', null));
    }
  });
});
