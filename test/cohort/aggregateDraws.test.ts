import { describe, expect, test } from 'vitest';
import { aggregateDraws } from '../../src/cohort/aggregateDraws.js';

const s = { day: [-10, -2, 0, 30, 60, NaN], value: [100, 200, 300, 500, 700, 900], cause: [null, null, null, null, null, null] };

describe('aggregateDraws (origin day 0)', () => {
  test('baseline = last draw on or before the origin; no future information', () =>
    expect(aggregateDraws('baseline', s, 0, null, false)).toEqual({ value: 300, cause: null, afterOrigin: false, n: 1 }));
  test('first and last dated draws', () => {
    expect(aggregateDraws('first', s, 0, null, false).value).toBe(100);
    expect(aggregateDraws('last', s, 0, null, false)).toEqual({ value: 700, cause: null, afterOrigin: true, n: 1 });
  });
  test('mean over a window [0, 60] uses follow-up draws and says so', () =>
    expect(aggregateDraws('mean', s, 0, { from: 0, to: 60 }, false)).toEqual({ value: 500, cause: null, afterOrigin: true, n: 3 }));
  test('max and min over all dated draws', () => {
    expect(aggregateDraws('max', s, 0, null, false).value).toBe(700);
    expect(aggregateDraws('min', s, 0, null, false).value).toBe(100);
  });
  test('undated draw of a one-row-per-patient file counts as baseline', () =>
    expect(aggregateDraws('baseline', { day: [NaN], value: [42], cause: [null] }, 0, null, true).value).toBe(42));
  test('causes: no origin, no draw before origin, zero lymphocytes', () => {
    expect(aggregateDraws('baseline', s, NaN, null, false).cause).toBe('no-origin');
    expect(aggregateDraws('baseline', { day: [5], value: [1], cause: [null] }, 0, null, false).cause).toBe('no-baseline-draw');
    expect(aggregateDraws('first', { day: [5], value: [NaN], cause: ['zero-lymphocytes'] }, 0, null, false).cause).toBe('zero-lymphocytes');
  });
});
