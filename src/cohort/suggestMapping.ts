/**
 * A suggested mapping of a file's columns to canonical variables, for `siilab inspect` and
 * `siilab init`: by column name (synonyms in English, abbreviations and Chinese), checked against
 * the column's inferred type and values (a 'PLT' column of yes/no is not a platelet count), with
 * a unit guess from the name or from the values' median. Each canonical variable gets at most one
 * column and each column at most one variable (best matches first).
 *
 * @example
 * suggestMapping(profiles)[0] // { variable: 'patientId', column: 'PATIENT_ID', score: 1, unit: null, ... }
 */
import { CANONICAL, CANONICAL_NAMES } from '../study/canonical.js';
import type { CanonicalVariable, ValueType } from '../study/types.js';
import type { ColumnProfile } from './columnProfile.js';
import { matchColumnName, unitInName } from './matchColumnName.js';
import { guessUnitOf, unitFits } from './unitFit.js';
import { variableUnits } from './variableUnits.js';

export interface MappingSuggestion {
  readonly variable: CanonicalVariable;
  readonly column: string;
  /** 1 exact name, 0.8 name with filler words; halved when the values do not fit any unit. */
  readonly score: number;
  /** Unit guess (from the name, else from the values), null when the variable has none or nothing fits. */
  readonly unit: string | null;
  readonly unitFrom: 'name' | 'values' | null;
  readonly type: ValueType;
  /** Why the suggestion is doubtful, when it is. */
  readonly note: string | null;
}

function typeCompatible(want: ValueType, have: ValueType): boolean {
  if (want === 'text') return true;
  if (want === 'date') return have === 'date';
  if (want === 'number') return have === 'number' || have === 'integer' || have === 'category' || have === 'binary';
  if (want === 'integer') return have === 'integer' || have === 'category' || have === 'binary';
  if (want === 'binary') return have === 'binary';
  if (want === 'category') return have === 'category' || have === 'binary' || have === 'integer' || have === 'text';
  return true;
}

export function suggestMapping(profiles: readonly ColumnProfile[], values: (column: string) => number[]): MappingSuggestion[] {
  const candidates: MappingSuggestion[] = [];
  for (const p of profiles) {
    for (const v of CANONICAL_NAMES) {
      const s = matchColumnName(p.name, v);
      if (s === 0) continue;
      const info = CANONICAL[v];
      const textual = p.min === null && (p.type === 'binary' || p.type === 'category');
      let type: ValueType = info.type;
      if ((info.type === 'number' || info.type === 'integer') && textual) {
        // A count written as words ('single'/'multiple' lesions) is kept as a category; a lab value never is.
        if (info.measurement) continue;
        type = 'category';
      } else if (!typeCompatible(info.type, p.type)) continue;
      let score = s;
      let unit: string | null = null;
      let unitFrom: MappingSuggestion['unitFrom'] = null;
      let note: string | null = null;
      const units = type === info.type ? variableUnits(v) : null;
      if (units && v !== 'followUpTime') {
        const nums = values(p.name);
        const named = unitInName(p.name, v);
        if (named && unitFits(v, named, nums)) {
          unit = named;
          unitFrom = 'name';
        } else {
          unit = guessUnitOf(v, nums);
          unitFrom = unit === null ? null : 'values';
          if (named) note = `the name says ${named} but the values do not fit it`;
          if (unit === null) {
            score /= 2;
            note = `values (median ${p.median}) fit none of the units of ${info.label}`;
          }
        }
      } else if (v === 'followUpTime') {
        const n = p.name.toLowerCase();
        unit = /day|天/.test(n) ? 'days' : /week|周/.test(n) ? 'weeks' : /year|年/.test(n) ? 'years' : /month|月/.test(n) ? 'months' : null;
        unitFrom = unit ? 'name' : null;
        if (!unit) note = 'time unit unknown: set unit (days, weeks, months or years)';
      }
      if (type !== info.type) note = `text levels (${(p.levels ?? []).slice(0, 3).map((l) => l.level).join(', ')}): kept as a category`;
      candidates.push({ variable: v, column: p.name, score, unit, unitFrom, type, note });
    }
  }
  candidates.sort((a, b) => b.score - a.score || CANONICAL_NAMES.indexOf(a.variable) - CANONICAL_NAMES.indexOf(b.variable));
  const usedVar = new Set<string>();
  const usedCol = new Set<string>();
  const out: MappingSuggestion[] = [];
  for (const c of candidates) {
    if (usedVar.has(c.variable) || usedCol.has(c.column)) continue;
    usedVar.add(c.variable);
    usedCol.add(c.column);
    out.push(c);
  }
  return out.sort((a, b) => CANONICAL_NAMES.indexOf(a.variable) - CANONICAL_NAMES.indexOf(b.variable));
}
