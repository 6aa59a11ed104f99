import { describe, expect, it } from 'vitest';
import { unitPowers } from '../../../src/report/format/unitPowers.js';

describe('unitPowers', () => {
  it('sets powers of units in superscript', () => {
    expect(unitPowers('platelet count, 10^9/L')).toBe('platelet count, 10⁹/L');
    expect(unitPowers('red cells, 10^12/L; BMI, kg/m^2')).toBe('red cells, 10¹²/L; BMI, kg/m²');
    expect(unitPowers('rate, s^-1')).toBe('rate, s⁻¹');
  });
  it('leaves other carets and plain numbers alone', () => {
    expect(unitPowers('SII ≥ 1092.2')).toBe('SII ≥ 1092.2');
    expect(unitPowers('a ^ b')).toBe('a ^ b');
  });
});
