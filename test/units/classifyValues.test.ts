import { expect, test } from 'vitest';
import { classAt, classifyValues, unitAt, type UnitSystem } from '../../src/units/classifyValues.js';

const classes = (values: number[], sys: UnitSystem) => {
  const c = classifyValues(values, sys);
  return { ...c, kind: values.map((_, i) => classAt(c, i)), unit: values.map((_, i) => unitAt(c, i)), unusual: Array.from(c.unusual, Boolean) };
};

const platelets = { units: { '10^9/L': 1, '/uL': 0.001 }, plausible: [1, 3000] as const, zeroAllowed: false, usualMax: 1500 };

test('each value: declared unit, the one other unit it fits, missing code, zero, implausible everywhere', () => {
  const c = classes([180000, 210, -1, 0, NaN, 0.0001, 2100], { ...platelets, declared: '/uL' });
  expect(c.kind).toEqual(['declared', 'other', 'missing-code', 'zero', 'missing', 'implausible', 'declared']);
  expect(c.unit).toEqual([null, '10^9/L', null, null, null, null, null]);
  expect(c.declared).toBe(2);
  expect(c.other).toEqual({ '10^9/L': 1 });
});

test('a value possible but above the usual maximum is flagged, in whichever unit it was read', () => {
  const c = classes([1600, 200, 2_000_000], { ...platelets, declared: '10^9/L' });
  expect(c.kind).toEqual(['declared', 'declared', 'other']);
  expect(c.unusual).toEqual([true, false, true]);
});

test('negative values are missing codes only where the quantity cannot be negative; zero allowed stays a value', () => {
  expect(classes([-1, 0], { units: { '': 1 }, declared: '', plausible: [-10, 10], zeroAllowed: true }).kind).toEqual(['declared', 'declared']);
  expect(classes([-1, 0], { units: { '': 1 }, declared: '', plausible: [0, 10], zeroAllowed: true }).kind).toEqual(['missing-code', 'declared']);
});
