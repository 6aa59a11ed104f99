import { describe, expect, test } from 'vitest';
import { drawIndex } from '../../src/cohort/drawIndex.js';

describe('drawIndex (hand-computed)', () => {
  const c = { neutrophils: 4, lymphocytes: 2, platelets: 200, monocytes: 0.5, whiteCells: 7 };
  test('definitions', () => {
    expect(drawIndex('SII', c)).toEqual({ value: 400, cause: null });
    expect(drawIndex('NLR', c).value).toBe(2);
    expect(drawIndex('PLR', c).value).toBe(100);
    expect(drawIndex('LMR', c).value).toBe(4);
    expect(drawIndex('SIRI', c).value).toBe(1);
    expect(drawIndex('PIV', c).value).toBe(200);
    expect(drawIndex('dNLR', c).value).toBe(4 / 3);
  });
  test('SII from an NLR column (Chowell) and from percentages (yu2023)', () => {
    expect(drawIndex('SII', { platelets: 249, nlr: 4.36 }).value).toBeCloseTo(1085.64, 10);
    expect(drawIndex('SII', { platelets: 180, neutrophilPercent: 70, lymphocytePercent: 25 }).value).toBeCloseTo(504, 10);
  });
  test('PLR from lymphocyte % and white cells (lymphocytes = WBC × L% / 100)', () => {
    expect(drawIndex('PLR', { platelets: 180, whiteCells: 8, lymphocytePercent: 25 }).value).toBeCloseTo(90, 10);
    expect(drawIndex('PLR', { platelets: 180, whiteCells: 8, lymphocytePercent: 0 }).cause).toBe('zero-lymphocytes');
    expect(drawIndex('PLR', { platelets: 180, lymphocytePercent: 25 }).cause).toBe('absent');
    // A count, when there, wins over the percentage.
    expect(drawIndex('PLR', { platelets: 180, lymphocytes: 3, whiteCells: 8, lymphocytePercent: 25 }).value).toBe(60);
  });
  test('zero lymphocytes and absent counts carry their cause', () => {
    expect(drawIndex('SII', { ...c, lymphocytes: 0 })).toEqual({ value: NaN, cause: 'zero-lymphocytes' });
    expect(drawIndex('PLR', { platelets: 200, lymphocytes: 0 }).cause).toBe('zero-lymphocytes');
    expect(drawIndex('SII', { neutrophils: 4, lymphocytes: 2 }).cause).toBe('absent');
    expect(drawIndex('LMR', { ...c, monocytes: 0 }).cause).toBe('zero-denominator');
  });
});
