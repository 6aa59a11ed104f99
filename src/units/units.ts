/**
 * The units siilab accepts for each laboratory quantity, the factor that converts a value in that
 * unit to the canonical unit, and the spellings that mean the same unit.
 *
 * - blood counts: canonical 10^9/L (= 10^3/µL); also cells/µL (= /mm³), factor 0.001
 * - AFP: canonical ng/mL (= µg/L); IU/mL with 1 IU = 1.21 ng (WHO standard 72/225)
 * - albumin: canonical g/L; g/dL × 10
 * - bilirubin: canonical µmol/L; mg/dL × 17.1 (molar mass 584.66 g/mol)
 * - percentages: canonical % (0–100); also fractions (0–1, factor 100) as some exports write them
 *
 * @example
 * parseUnit('count', 'cells/µL') // '/uL'
 * UNITS.bilirubin.units['mg/dL'].factor // 17.1
 */
export type Quantity = 'count' | 'percent' | 'afp' | 'albumin' | 'bilirubin' | 'ratio';

export interface UnitInfo {
  /** Factor that converts a value in this unit to the canonical unit. */
  readonly factor: number;
  /** How the unit is printed. */
  readonly label: string;
}

export interface QuantityUnits {
  /** The canonical unit key (a key of `units`). */
  readonly canonical: string;
  readonly units: Readonly<Record<string, UnitInfo>>;
  /** Other spellings (lower case, no spaces) → unit key. */
  readonly aliases: Readonly<Record<string, string>>;
}

export const UNITS: Readonly<Record<Quantity, QuantityUnits>> = {
  count: {
    canonical: '10^9/L',
    units: { '10^9/L': { factor: 1, label: '10^9/L' }, '/uL': { factor: 0.001, label: 'cells/µL' } },
    aliases: {
      '10^9/l': '10^9/L', 'x10^9/l': '10^9/L', '×10^9/l': '10^9/L', '10*9/l': '10^9/L', '10e9/l': '10^9/L', 'g/l': '10^9/L',
      '10^3/ul': '10^9/L', '10^3/µl': '10^9/L', 'k/ul': '10^9/L', 'k/µl': '10^9/L', '/nl': '10^9/L', '10^9': '10^9/L',
      '/ul': '/uL', '/µl': '/uL', 'cells/ul': '/uL', 'cells/µl': '/uL', '/mm3': '/uL', '/mm³': '/uL', 'cells/mm3': '/uL',
      'cells/mm³': '/uL', '10^6/l': '/uL', 'ul': '/uL', 'µl': '/uL',
    },
  },
  percent: {
    canonical: '%',
    units: { '%': { factor: 1, label: '%' }, fraction: { factor: 100, label: 'fraction (0–1)' } },
    aliases: { '%': '%', percent: '%', pct: '%', fraction: 'fraction', proportion: 'fraction', ratio: 'fraction' },
  },
  afp: {
    canonical: 'ng/mL',
    units: { 'ng/mL': { factor: 1, label: 'ng/mL' }, 'IU/mL': { factor: 1.21, label: 'IU/mL' } },
    aliases: { 'ng/ml': 'ng/mL', 'µg/l': 'ng/mL', 'ug/l': 'ng/mL', 'iu/ml': 'IU/mL', 'u/ml': 'IU/mL', 'kiu/l': 'IU/mL', 'ku/l': 'IU/mL' },
  },
  albumin: {
    canonical: 'g/L',
    units: { 'g/L': { factor: 1, label: 'g/L' }, 'g/dL': { factor: 10, label: 'g/dL' } },
    aliases: { 'g/l': 'g/L', 'g/dl': 'g/dL', 'gm/dl': 'g/dL' },
  },
  bilirubin: {
    canonical: 'umol/L',
    units: { 'umol/L': { factor: 1, label: 'µmol/L' }, 'mg/dL': { factor: 17.1, label: 'mg/dL' } },
    aliases: { 'umol/l': 'umol/L', 'µmol/l': 'umol/L', 'μmol/l': 'umol/L', 'mmol/m3': 'umol/L', 'mg/dl': 'mg/dL', 'mg%': 'mg/dL' },
  },
  ratio: {
    canonical: '',
    units: { '': { factor: 1, label: '' } },
    aliases: { '': '', ratio: '' },
  },
};

/** The unit key that `text` names for `quantity`, or null when it is not one siilab accepts. */
export function parseUnit(quantity: Quantity, text: string): string | null {
  const q = UNITS[quantity];
  if (Object.prototype.hasOwnProperty.call(q.units, text)) return text;
  const key = text.trim().replace(/\s+/g, '').toLowerCase();
  return q.aliases[key] ?? null;
}

/** The printed label of a unit key ('/uL' → 'cells/µL'). */
export function unitLabel(quantity: Quantity, unit: string): string {
  return UNITS[quantity].units[unit]?.label ?? unit;
}

/** The accepted unit keys of a quantity, canonical first. */
export function unitChoices(quantity: Quantity): string[] {
  const q = UNITS[quantity];
  return [q.canonical, ...Object.keys(q.units).filter((u) => u !== q.canonical)];
}
