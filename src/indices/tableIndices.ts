/**
 * The indices for every row of a table: SII, NLR, PLR, dNLR, SIRI and PIV from the mapped count
 * columns (declared in one count unit), with a per-row reason where an index cannot be computed
 * (an empty cell, text in a number column, an implausible value such as zero lymphocytes or
 * platelets of 180000 declared as 10^9/L). Never throws for a bad row; never yields NaN/Infinity.
 * Also a per-column warning when the column's values suggest another unit (via guessUnit).
 *
 * @example
 * tableIndices({ file: 'f.csv', sheet: null, columns: ['N', 'L', 'P'], rows: [['4', '2', '200'], ['4', '0', '200']] },
 *   { neutrophils: 'N', lymphocytes: 'L', platelets: 'P' }, '10^9/L').rows.map((r) => [r.sii, r.reason])
 * // [[400, null], [null, "lymphocytes = 0 10^9/L: the ratios (SII, NLR, PLR, SIRI, PIV) divide by …"]]
 */
import { SiilabError } from '../errors.js';
import { indicesMessages as M } from '../messages/indices.js';
import { columnIndex, parseNumberCell } from '../io/columns.js';
import { rowNumber, type Table } from '../io/table.js';
import { plausibilityProblem } from '../units/plausibility.js';
import { LAB_VARIABLES } from '../units/labVariables.js';
import { guessUnit } from '../units/guessUnit.js';
import { UNITS, unitLabel } from '../units/units.js';
import { dnlr } from './dnlr.js';
import { nlr } from './nlr.js';
import { piv } from './piv.js';
import { plr } from './plr.js';
import { sii } from './sii.js';
import { siri } from './siri.js';

export type CountVariable = 'neutrophils' | 'lymphocytes' | 'platelets' | 'monocytes' | 'wbc';
export type CountMapping = Partial<Record<CountVariable, string>> & { neutrophils: string; lymphocytes: string; platelets: string };

export interface RowIndices {
  /** Spreadsheet row number (header = 1). */
  readonly row: number;
  readonly sii: number | null;
  readonly nlr: number | null;
  readonly plr: number | null;
  readonly dnlr: number | null;
  readonly siri: number | null;
  readonly piv: number | null;
  /** Why one or more indices are missing (null when every mapped index was computed). */
  readonly reason: string | null;
}

export interface TableIndicesResult {
  readonly rows: readonly RowIndices[];
  /** Rows with SII computed. */
  readonly computed: number;
  readonly warnings: readonly string[];
}

export const INDEX_NAMES = ['sii', 'nlr', 'plr', 'dnlr', 'siri', 'piv'] as const;

const NEEDS: Readonly<Record<(typeof INDEX_NAMES)[number], readonly CountVariable[]>> = {
  sii: ['neutrophils', 'lymphocytes', 'platelets'],
  nlr: ['neutrophils', 'lymphocytes'],
  plr: ['platelets', 'lymphocytes'],
  dnlr: ['neutrophils', 'wbc'],
  siri: ['neutrophils', 'monocytes', 'lymphocytes'],
  piv: ['neutrophils', 'platelets', 'monocytes', 'lymphocytes'],
};

export function tableIndices(table: Table, mapping: CountMapping, countUnit: string, unitOption = '--count-unit'): TableIndicesResult {
  const vars = (Object.keys(mapping) as CountVariable[]).filter((v) => mapping[v]);
  const cols = new Map<CountVariable, number>(vars.map((v) => [v, columnIndex(table, mapping[v] as string, `--${v}`)]));
  const factor = UNITS.count.units[countUnit].factor;
  const warnings: string[] = [];
  // A column whose values point to another unit: say so once, with the fix.
  for (const v of vars) {
    const j = cols.get(v)!;
    const values: number[] = [];
    for (const r of table.rows) {
      const c = r[j];
      const x = typeof c === 'number' ? c : typeof c === 'string' ? Number(c.trim()) : NaN;
      if (Number.isFinite(x)) values.push(x);
    }
    const g = guessUnit(v, values);
    if (g.unit !== null && !g.ambiguous && g.unit !== countUnit) {
      warnings.push(`column '${mapping[v]}' (${v}): ${g.reason} Declared ${unitLabel('count', countUnit)}; pass ${unitOption} ${g.unit} if that is the unit.`);
    }
  }
  // A column that mixes units (some values fit only another unit, others the declared one): say how many and where.
  for (const v of vars) {
    const j = cols.get(v)!;
    const [lo, hi] = LAB_VARIABLES[v].plausible;
    const other = Object.entries(UNITS.count.units).filter(([u]) => u !== countUnit);
    let fits = 0;
    const misfit: number[] = [];
    let otherUnit = '';
    for (let i = 0; i < table.rows.length; i++) {
      const c = table.rows[i][j];
      const x = typeof c === 'number' ? c : typeof c === 'string' && c.trim() !== '' ? Number(c.trim()) : NaN;
      if (!(x > 0)) continue;
      if (x * factor >= lo && x * factor <= hi) fits++;
      else {
        const o = other.find(([, u]) => x * u.factor >= lo && x * u.factor <= hi);
        if (o) {
          misfit.push(rowNumber(i));
          otherUnit = o[0];
        }
      }
    }
    if (fits > 0 && misfit.length > 0) warnings.push(M.mixedUnits(mapping[v] as string, misfit.length, fits + misfit.length, unitLabel('count', otherUnit), unitLabel('count', countUnit), misfit.slice(0, 5)));
  }
  const rows: RowIndices[] = [];
  let computed = 0;
  for (let i = 0; i < table.rows.length; i++) {
    const reasons: string[] = [];
    const val: Partial<Record<CountVariable, number>> = {};
    for (const v of vars) {
      const name = mapping[v] as string;
      let x: number;
      try {
        x = parseNumberCell(table.rows[i][cols.get(v)!], table, i, name);
      } catch (e) {
        if (e instanceof SiilabError) {
          reasons.push(e.message.replace(/^.*?, row \d+, /, ''));
          continue;
        }
        throw e;
      }
      if (Number.isNaN(x)) {
        reasons.push(M.missingCell(name));
        continue;
      }
      const problem = plausibilityProblem(v, x, countUnit, unitOption);
      if (problem !== null) {
        reasons.push(problem);
        continue;
      }
      val[v] = x * factor;
    }
    const out: Record<string, number | null> = {};
    for (const k of INDEX_NAMES) {
      const needs = NEEDS[k];
      if (!needs.every((v) => vars.includes(v))) {
        out[k] = null; // not mapped: not a per-row problem
        continue;
      }
      if (!needs.every((v) => val[v] !== undefined)) {
        out[k] = null;
        continue;
      }
      const [N, L, P, Mo, W] = [val.neutrophils!, val.lymphocytes!, val.platelets!, val.monocytes!, val.wbc!];
      try {
        out[k] = k === 'sii' ? sii(N, L, P) : k === 'nlr' ? nlr(N, L) : k === 'plr' ? plr(P, L) : k === 'dnlr' ? dnlr(N, W) : k === 'siri' ? siri(N, Mo, L) : piv(N, P, Mo, L);
      } catch (e) {
        if (!(e instanceof SiilabError)) throw e;
        out[k] = null;
        reasons.push(e.message);
      }
    }
    if (out.sii !== null) computed++;
    rows.push({
      row: rowNumber(i), sii: out.sii, nlr: out.nlr, plr: out.plr, dnlr: out.dnlr, siri: out.siri, piv: out.piv,
      reason: reasons.length ? reasons.join(' ') : null,
    });
  }
  return { rows, computed, warnings };
}
