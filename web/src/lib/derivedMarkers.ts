/**
 * Which of SII, NLR and PLR a column mapping can give, and how, in words: the engine's own input
 * alternatives (src/cohort/drawIndex.ts INDEX_INPUTS: absolute counts, else an NLR column, else
 * percentages with white cells) are tried in the engine's order, so what the page says is what the
 * run computes. A file with only NLR and platelets (Chowell) gives "SII = NLR × platelets"; one with
 * neutrophil and lymphocyte percentages and white cells gives SII, NLR and PLR from those.
 *
 * @example
 * derivedMarkers({ nlr: 'NLR', platelets: 'Platelets' })
 * // [{ index: 'SII', marker: 'SII', available: true, formula: 'SII = NLR × platelets', columns: ['NLR', 'Platelets'] }, …]
 */
import { INDEX_INPUTS } from '../../../src/cohort/drawIndex.js';

export type OfferedIndex = 'SII' | 'NLR' | 'PLR';

export interface MarkerDerivation {
  index: OfferedIndex;
  /** The marker's name in the spec and on the Analysis page (an NLR column is the marker `nlr`). */
  marker: string;
  available: boolean;
  /** How it is computed ("SII = NLR × platelets"), or what it needs when it cannot be. */
  formula: string;
  /** The file's columns it is computed from (in the formula's order). */
  columns: string[];
  /** Whether it is a value of the file rather than a derived index (an NLR column). */
  recorded?: boolean;
}

/** Formula of each input alternative, in INDEX_INPUTS order (keyed by the alternative's variables). */
const FORMULA: Record<string, string> = {
  'SII:platelets,neutrophils,lymphocytes': 'SII = platelets × neutrophils / lymphocytes',
  'SII:platelets,nlr': 'SII = NLR × platelets',
  'SII:platelets,neutrophilPercent,lymphocytePercent': 'SII = platelets × neutrophils % / lymphocytes %, which equals platelets × neutrophils / lymphocytes',
  'NLR:neutrophils,lymphocytes': 'NLR = neutrophils / lymphocytes',
  'NLR:nlr': 'NLR as recorded in the file',
  'NLR:neutrophilPercent,lymphocytePercent': 'NLR = neutrophils % / lymphocytes %',
  'PLR:platelets,lymphocytes': 'PLR = platelets / lymphocytes',
  'PLR:platelets,lymphocytePercent,whiteCells': 'PLR = platelets / lymphocytes, with lymphocytes = white cells × lymphocytes % / 100',
};

/** The inputs in the order the formula names them, where it differs from INDEX_INPUTS. */
const ORDER: Record<string, string[]> = { 'SII:platelets,nlr': ['nlr', 'platelets'] };

const NEEDS: Record<OfferedIndex, string> = {
  SII: 'SII needs platelets with neutrophil and lymphocyte counts, an NLR column, or neutrophil and lymphocyte percentages',
  NLR: 'NLR needs neutrophil and lymphocyte counts, an NLR column, or neutrophil and lymphocyte percentages',
  PLR: 'PLR needs platelets with a lymphocyte count, or lymphocyte percentages and white cells',
};

/**
 * SII, NLR and PLR for a mapping of canonical variables to their columns (the Cohort page's
 * choices, or a spec's `variables`).
 */
export function derivedMarkers(columnOf: Readonly<Record<string, string>>): MarkerDerivation[] {
  const mapped = (v: string) => typeof columnOf[v] === 'string';
  return (['SII', 'NLR', 'PLR'] as const).map((index): MarkerDerivation => {
    const alt = INDEX_INPUTS[index].find((a) => a.every(mapped));
    if (!alt) return { index, marker: index, available: false, formula: NEEDS[index], columns: [] };
    const formula = FORMULA[`${index}:${alt.join(',')}`] ?? `${index} from ${alt.join(', ')}`;
    // An NLR column is itself the marker (`nlr`), as `siilab init` writes it: no second NLR.
    if (index === 'NLR' && alt.length === 1 && alt[0] === 'nlr') return { index, marker: 'nlr', available: true, formula, columns: [columnOf.nlr], recorded: true };
    const order = ORDER[`${index}:${alt.join(',')}`] ?? alt;
    return { index, marker: index, available: true, formula, columns: order.map((v) => columnOf[v]) };
  });
}

/** "SII = NLR × platelets (columns NLR, Platelets)". */
export const derivationText = (d: MarkerDerivation): string =>
  d.available ? `${d.formula} (column${d.columns.length === 1 ? '' : 's'} ${d.columns.join(', ')})` : `Not available: ${d.formula}.`;

/** Canonical variable → column, from a spec's `variables` (a column name or `{ column, … }`). */
export function columnsOfSpecVariables(variables: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!variables || typeof variables !== 'object') return out;
  for (const [k, v] of Object.entries(variables as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    else if (v && typeof v === 'object' && typeof (v as { column?: unknown }).column === 'string') out[k] = (v as { column: string }).column;
  }
  return out;
}
