import { describe, expect, it } from 'vitest';
import { normalise, normaliseInputs, plausibilityProblem, guessUnit, parseUnit, countFromPercent, differentialProblem, UNITS } from '../../src/units/index.js';
import { SiilabError } from '../../src/errors.js';

function refusal(f: () => unknown): SiilabError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SiilabError);
    return e as SiilabError;
  }
  throw new Error('expected a refusal');
}

describe('unit conversion factors', () => {
  it('counts: 10^9/L = 10^3/µL; cells/µL = /mm³ = 0.001 × 10^9/L', () => {
    expect(normalise('platelets', 180000, '/uL')).toEqual({ variable: 'platelets', value: 180, unit: '10^9/L', given: { value: 180000, unit: 'cells/µL' } });
    expect(normalise('neutrophils', 4.2, '10^9/L').value).toBe(4.2);
    expect(parseUnit('count', '10^3/µL')).toBe('10^9/L');
    expect(parseUnit('count', 'cells/mm3')).toBe('/uL');
    expect(parseUnit('count', '/mm³')).toBe('/uL');
    expect(parseUnit('count', 'x10^9/L')).toBe('10^9/L');
    expect(parseUnit('count', 'mg')).toBeNull();
  });
  it('AFP: 1 IU/mL = 1.21 ng/mL', () => {
    expect(normalise('afp', 100, 'IU/mL')).toMatchObject({ value: 121, unit: 'ng/mL', given: { value: 100, unit: 'IU/mL' } });
    expect(normalise('afp', 400, 'ng/mL').value).toBe(400);
    expect(parseUnit('afp', 'µg/L')).toBe('ng/mL');
  });
  it('albumin: 1 g/dL = 10 g/L', () => {
    expect(normalise('albumin', 3.9, 'g/dL')).toMatchObject({ value: 39, unit: 'g/L' });
    expect(normalise('albumin', 39, 'g/L').value).toBe(39);
  });
  it('bilirubin: 1 mg/dL = 17.1 µmol/L', () => {
    expect(normalise('bilirubin', 1.2, 'mg/dL')).toMatchObject({ value: 20.52, unit: 'µmol/L', given: { value: 1.2, unit: 'mg/dL' } });
    expect(normalise('bilirubin', 17, 'umol/L').value).toBe(17);
    expect(parseUnit('bilirubin', 'µmol/L')).toBe('umol/L');
    expect(UNITS.bilirubin.units['mg/dL'].factor).toBe(17.1);
  });
  it('percentages and fractions', () => {
    expect(normalise('neutrophilPct', 0.64, 'fraction').value).toBe(64);
    expect(countFromPercent(6.5, 62)).toBe(4.03);
  });
});

describe('plausibility', () => {
  it('accepts ordinary values', () => {
    expect(plausibilityProblem('platelets', 210, '10^9/L')).toBeNull();
    expect(plausibilityProblem('monocytes', 0, '10^9/L')).toBeNull();
  });
  it('platelets 180000 declared as 10^9/L: names value, unit and fix', () => {
    const m = plausibilityProblem('platelets', 180000, '10^9/L', '--count-unit')!;
    expect(m).toBe('platelets = 180000 10^9/L is outside the physiological range 1–3000 10^9/L. ' +
      'It looks like cells/µL (180000 cells/µL = 180 10^9/L): pass --count-unit /uL, or give 180 10^9/L.');
  });
  it('counts declared as cells/µL that are in 10^9/L', () => {
    const m = plausibilityProblem('platelets', 180, '/uL', '--count-unit')!;
    expect(m).toContain('platelets = 180 cells/µL is outside the physiological range 1000–3000000 cells/µL');
    expect(m).toContain('It looks like 10^9/L');
    expect(m).toContain('pass --count-unit 10^9/L, or give 180000 cells/µL');
  });
  it('albumin in g/dL declared as g/L and the reverse; bilirubin in mg/dL declared as µmol/L', () => {
    expect(plausibilityProblem('albumin', 3.8, 'g/L', '--albumin-unit')).toContain('It looks like g/dL (3.8 g/dL = 38 g/L): pass --albumin-unit g/dL, or give 38 g/L.');
    expect(plausibilityProblem('albumin', 38, 'g/dL', '--albumin-unit')).toContain('pass --albumin-unit g/L');
    expect(plausibilityProblem('bilirubin', 0.8, 'umol/L', '--bilirubin-unit')).toContain('pass --bilirubin-unit mg/dL');
  });
  it('without an option to name, the fix says which unit to declare', () => {
    expect(plausibilityProblem('platelets', 180000, '10^9/L')).toContain('declare the unit as cells/µL');
  });
  it('zero and negative lymphocytes, negative counts, NaN', () => {
    expect(plausibilityProblem('lymphocytes', 0, '10^9/L')).toContain('lymphocytes = 0 10^9/L: the ratios');
    expect(plausibilityProblem('lymphocytes', -0.5, '10^9/L')).toBe('lymphocytes = -0.5 10^9/L is negative; a measured value cannot be below zero. Check the sign.');
    expect(plausibilityProblem('neutrophils', Number.NaN, '10^9/L')).toContain('not a finite number');
    expect(plausibilityProblem('platelets', 0, '10^9/L')).toContain('platelets = 0 10^9/L: zero is not a possible result for platelets; check the value.');
  });
  it('a value implausible in every unit', () => {
    expect(plausibilityProblem('neutrophils', 5e6, '10^9/L')).toBe('neutrophils = 5000000 10^9/L is outside the physiological range 0.01–100 10^9/L. Check the value and its unit.');
  });
  it('normalise throws a data error (exit 3)', () => {
    const e = refusal(() => normalise('platelets', 180000, '10^9/L', '--count-unit'));
    expect(e.exitCode).toBe(3);
  });
  it('unknown unit', () => {
    expect(plausibilityProblem('platelets', 200, 'mg', '--count-unit')).toBe("--count-unit 'mg' is not a unit siilab knows; use one of '10^9/L', '/uL'.");
  });
});

describe('differential percentages', () => {
  it('fractions given as percentages, and sums above 100 %', () => {
    expect(differentialProblem(62, 28)).toBeNull();
    expect(differentialProblem(0.7, 0.25)).toContain('these look like fractions (0.70 = 70 %). Give percentages: 70 and 25.');
    expect(differentialProblem(80, 30)).toContain('add up to 110 %, more than 100 %');
  });
  it('normaliseInputs derives counts from white cells × %', () => {
    const r = normaliseInputs({ wbc: 6.5, neutrophilPct: 62, lymphocytePct: 28, platelets: 200 });
    expect(r.values.neutrophils).toMatchObject({ value: 4.03, source: 'white cells × %' });
    expect(r.values.lymphocytes).toMatchObject({ value: 1.82, source: 'white cells × %' });
    expect(r.warnings).toEqual([]);
  });
  it('prefers the absolute count and warns when the two disagree', () => {
    const r = normaliseInputs({ wbc: 6.5, neutrophilPct: 62, neutrophils: 2, lymphocytes: 1.8, platelets: 200 });
    expect(r.values.neutrophils).toMatchObject({ value: 2, source: 'given' });
    expect(r.warnings[0]).toContain('neutrophils: the absolute count 2 × 10^9/L and white cells × percentage (4.03 × 10^9/L) differ');
  });
  it('a percentage without white cells is refused', () => {
    expect(refusal(() => normaliseInputs({ lymphocytePct: 28, neutrophils: 4, platelets: 200 })).message)
      .toBe('lymphocytes (%) is given as a percentage; the white-cell count (--wbc) is needed to turn it into a count.');
  });
  it('normaliseInputs converts every unit and refuses the first implausible value', () => {
    const r = normaliseInputs({ neutrophils: 4200, lymphocytes: 1400, platelets: 210000, afp: 10, albumin: 4, bilirubin: 1 },
      { count: '/uL', afp: 'IU/mL', albumin: 'g/dL', bilirubin: 'mg/dL' });
    expect(r.values.platelets).toEqual({ variable: 'platelets', value: 210, unit: '10^9/L', given: { value: 210000, unit: 'cells/µL' }, source: 'given' });
    expect(r.values.afp?.value).toBe(12.1);
    expect(r.values.albumin?.value).toBe(40);
    expect(r.values.bilirubin?.value).toBe(17.1);
    expect(refusal(() => normaliseInputs({ neutrophils: 4, lymphocytes: 1.4, platelets: 180000 }, {}, { count: '--count-unit' })).message)
      .toContain('pass --count-unit /uL');
  });
});

describe('guessUnit', () => {
  it('the @examples', () => {
    expect(guessUnit('platelets', [150000, 210000, 180000]).unit).toBe('/uL');
    expect(guessUnit('albumin', [3.9, 4.2, 3.1]).unit).toBe('g/dL');
    expect(guessUnit('lymphocytePct', [0.25, 0.31, 0.2]).unit).toBe('fraction');
    expect(guessUnit('afp', [12, 400, 35]).ambiguous).toBe(true);
  });
  it('canonical units when the values fit them; ignores missing values', () => {
    expect(guessUnit('platelets', [150, 210, NaN, 180])).toMatchObject({ unit: '10^9/L', ambiguous: false, median: 180 });
    expect(guessUnit('neutrophils', [3500, 4200])).toMatchObject({ unit: '/uL', label: 'cells/µL', median: 3850 });
    expect(guessUnit('bilirubin', [0.8, 1.1, 2.3]).unit).toBe('mg/dL');
    expect(guessUnit('bilirubin', [12, 15, 30]).unit).toBe('umol/L');
    expect(guessUnit('neutrophilPercent', [64, 70]).unit).toBe('%');
    expect(guessUnit('whiteCells', [6.1, 7]).unit).toBe('10^9/L');
  });
  it('no values, and values no unit fits', () => {
    expect(guessUnit('platelets', [])).toMatchObject({ unit: null, reason: 'the column has no numeric values.' });
    const g = guessUnit('platelets', [5e9, 6e9]);
    expect(g.unit).toBeNull();
    expect(g.reason).toContain('fits no unit of platelets');
  });
  it('throws on an unknown variable (a programming error)', () => {
    expect(() => guessUnit('height', [1])).toThrow(TypeError);
  });
});
