import { expect, test } from 'vitest';
import { buildFlow } from '../../src/cohort/participantFlow.js';

test('each patient counted once under the first reason in flow order; other reasons kept', () => {
  const f = buildFlow(5, [
    { id: 'a', rows: [], reasons: [] },
    { id: 'b', rows: [{ file: 'x.csv', row: 3 }], reasons: [
      { reason: 'missing-value', variable: 'AFP', detail: 'AFP: missing' },
      { reason: 'duplicate-id', variable: null, detail: 'patient id b is on 2 rows' },
    ] },
    { id: 'c', rows: [], reasons: [{ reason: 'missing-value', variable: 'SII', detail: 'SII: missing' }] },
    { id: 'd', rows: [], reasons: [{ reason: 'not-eligible', variable: 'stage', detail: 'stage = IV', label: 'stage IV' }] },
    { id: 'e', rows: [], reasons: [] },
  ]);
  expect(f.screened).toBe(5);
  expect(f.analysed).toBe(2);
  expect(f.steps).toEqual([
    { reason: 'not-eligible', label: 'stage IV', n: 1, byVariable: [{ variable: 'stage', n: 1 }] },
    { reason: 'duplicate-id', label: 'duplicate patient id', n: 1, byVariable: [{ variable: null, n: 1 }] },
    { reason: 'missing-value', label: 'missing value', n: 1, byVariable: [{ variable: 'SII', n: 1 }] },
  ]);
  expect(f.excluded.find((e) => e.id === 'b')).toMatchObject({ reason: 'duplicate-id', alsoApplies: ['AFP: missing'], rows: [{ file: 'x.csv', row: 3 }] });
});

test('a step counts its patients by the variable that excluded them; each excluded patient keeps the value', () => {
  const miss = (id: string, variable: string) => ({ id, rows: [], reasons: [{ reason: 'missing-value' as const, variable, value: null, detail: `${variable}: missing` }] });
  const f = buildFlow(6, [
    miss('a', 'albumin'), miss('b', 'SII'), miss('c', 'albumin'),
    { id: 'd', rows: [{ file: 'x.csv', row: 5 }], reasons: [{ reason: 'not-eligible', variable: 'cancer', value: 'Melanoma', detail: 'cancer = Melanoma', label: 'not hepatobiliary' }] },
    { id: 'e', rows: [], reasons: [] }, { id: 'f', rows: [], reasons: [] },
  ]);
  expect(f.steps.find((s) => s.reason === 'missing-value')).toEqual({
    reason: 'missing-value', label: 'missing value', n: 3, byVariable: [{ variable: 'albumin', n: 2 }, { variable: 'SII', n: 1 }],
  });
  expect(f.excluded.find((e) => e.id === 'd')).toMatchObject({ variable: 'cancer', value: 'Melanoma', rows: [{ file: 'x.csv', row: 5 }] });
  expect(f.excluded.find((e) => e.id === 'a')).toMatchObject({ variable: 'albumin', value: null });
  expect(f.dataNotes).toEqual([]);
});
