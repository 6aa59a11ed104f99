import { describe, expect, test } from 'vitest';
import { daysToIso, excelSerialToDays, inferDateOrder, parseDateNumber, parseDateText } from '../../src/cohort/parseDate.js';

const D = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000;

describe('parseDateText', () => {
  test('ISO, with time of day', () => {
    expect(parseDateText('2020-01-31', null)).toBe(D(2020, 1, 31));
    expect(parseDateText('2020-01-31T12:00:00', null)).toBe(D(2020, 1, 31) + 0.5);
    expect(parseDateText('2020-01-31 06:00', null)).toBe(D(2020, 1, 31) + 0.25);
  });
  test('YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD, Chinese', () => {
    for (const s of ['2020/01/31', '2020.1.31', '20200131', '2020年1月31日']) expect(parseDateText(s, null)).toBe(D(2020, 1, 31));
  });
  test('DD.MM.YYYY is day first', () => expect(parseDateText('03.04.2020', null)).toBe(D(2020, 4, 3)));
  test('A/B/YYYY: unambiguous without order, ambiguous needs one', () => {
    expect(parseDateText('31/01/2020', null)).toBe(D(2020, 1, 31));
    expect(parseDateText('01/31/2020', null)).toBe(D(2020, 1, 31));
    expect(parseDateText('03/04/2020', null)).toBeNaN();
    expect(parseDateText('03/04/2020', 'DMY')).toBe(D(2020, 4, 3));
    expect(parseDateText('03/04/2020', 'MDY')).toBe(D(2020, 3, 4));
    expect(parseDateText('31/01/2020', 'MDY')).toBeNaN();
  });
  test('impossible dates and text are NaN', () => {
    for (const s of ['2020-02-30', '2021-02-29', '31/04/2020', 'soon', '20/20/2020', '2020-13-01']) expect(parseDateText(s, 'DMY')).toBeNaN();
    expect(parseDateText('2020-02-29', null)).toBe(D(2020, 2, 29));
  });
});

describe('numbers as dates', () => {
  test("Excel serials (1900 system, day 0 = 1899-12-30) and YYYYMMDD numbers", () => {
    expect(excelSerialToDays(43861)).toBe(D(2020, 1, 31));
    expect(parseDateNumber(43861.75)).toBe(D(2020, 1, 31) + 0.75);
    expect(parseDateNumber(61)).toBe(D(1900, 3, 1));
    expect(parseDateNumber(20200131)).toBe(D(2020, 1, 31));
  });
  test('daysToIso round-trips', () => {
    expect(daysToIso(D(2020, 1, 31))).toBe('2020-01-31');
    expect(daysToIso(D(2020, 1, 31) + 0.5)).toBe('2020-01-31T12:00:00');
  });
});

describe('inferDateOrder', () => {
  test('decided by a value over 12, ambiguous, conflicting, not applicable', () => {
    expect(inferDateOrder(['03/04/2020', '15/04/2020'])).toBe('DMY');
    expect(inferDateOrder(['03/04/2020', '04/15/2020'])).toBe('MDY');
    expect(inferDateOrder(['03/04/2020', '05/06/2020'])).toBeNull();
    expect(inferDateOrder(['13/04/2020', '04/15/2020'])).toBe('conflict');
    expect(inferDateOrder(['2020-01-01'])).toBe('none');
  });
});
