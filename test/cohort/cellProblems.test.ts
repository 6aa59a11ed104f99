/**
 * Typos are reported, never silent (issue 17 item 4): one `2` in an event column, one `high` in a
 * count column, a negative time and a repeated id in a wide file are each a row-level problem with
 * a suggested fix; the column keeps its type and mapping, and the file stays one row per patient.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDelimited } from '../../src/io/readTable.js';
import { inspectTable } from '../../src/cohort/inspectTable.js';
import { numberFromTypo } from '../../src/cohort/cellProblems.js';
import { typoCohort } from '../helpers/typoCohort.js';

describe('row-level problems found by inspect', () => {
  const r = inspectTable(parseDelimited('typos.csv', typoCohort()));
  it('the file stays one row per patient and the columns keep their type and mapping', () => {
    expect(r.format).toBe('wide');
    const col = (n: string) => r.columns.find((c) => c.name === n)!;
    expect(col('platelets').type).toBe('number');
    expect(col('os_event').type).toBe('binary');
    expect(r.suggestions.find((s) => s.variable === 'platelets')?.column).toBe('platelets');
    expect(r.suggestions.find((s) => s.variable === 'death')?.column).toBe('os_event');
  });
  it('each typo is one problem with column, row, value and a suggested fix', () => {
    expect(r.problems.map((p) => [p.row, p.column, p.value, p.kind, p.suggestion])).toEqual([
      [5, 'os_event', '2', 'notBinary', ''],
      [8, 'platelets', 'high', 'notNumber', ''],
      [11, 'os_time', '-3', 'negativeTime', '3'],
      [14, 'id', r.problems[3].value, 'duplicateId', `${r.problems[3].value}-2`],
    ]);
    expect(r.problems[1].message).toBe("typos.csv, row 8, column 'platelets': 'high' is not a number, unlike the rest of the column; correct it or leave the cell empty (missing).");
    expect(r.problems[3].message).toMatch(/already on row 13/);
  });
  it('a clean file has no problems; a real long file is still long', () => {
    const clean = inspectTable(parseDelimited('c.csv', readFileSync(join(process.cwd(), 'examples', 'hong2021', 'cohort.csv'), 'utf8')));
    expect(clean.problems).toEqual([]);
    const long = ['id,draw,plt', ...Array.from({ length: 20 }, (_, i) => `P${i >> 1},${i},${100 + i}`)].join('\n');
    expect(inspectTable(parseDelimited('l.csv', long)).format).toBe('long');
  });
  it('numbers hidden in typos', () => {
    expect(numberFromTypo('1,5')).toBe('1.5');
    expect(numberFromTypo('18o')).toBe('180');
    expect(numberFromTypo('180 x10^9/L')).toBe('180');
    expect(numberFromTypo('high')).toBe('');
  });
});
