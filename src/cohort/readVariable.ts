/**
 * One mapped variable read from its source table as typed values, following the study file:
 * numbers converted to the canonical unit (after checking that the column's median fits the
 * declared unit), single implausible values set missing and flagged, yes/no values to 0/1,
 * categories checked against declared levels, dates parsed. Every refusal names the file, row
 * and column, or the study-file field and line.
 *
 * @example
 * readVariable(table, 'platelets', { column: 'PLT', unit: '/uL' }, source, loc, ['variables', 'platelets'])
 * // { kind: 'number', values: Float64Array [187, 243, …] (10^9/L), implausible: Uint8Array, unit: '10^9/L' }
 */
import { dataError } from '../errors.js';
import { closestName } from '../io/closestName.js';
import { parseNumberCell } from '../io/columns.js';
import { isMissingCell, rowNumber, type Table } from '../io/table.js';
import { cohortMessages, studyMessages } from '../messages/index.js';
import { CANONICAL, daysPer, isCanonical } from '../study/canonical.js';
import { variableUnits } from './variableUnits.js';
import type { SpecLocator, SpecPath } from '../study/specLocator.js';
import type { ColumnMapping, DataSource, ValueType } from '../study/types.js';
import { columnProfile } from './columnProfile.js';
import { dateColumn } from './dateColumn.js';
import { medianOf, guessUnitOf, medianRangeText, unitFits } from './unitFit.js';

export type VariableValues =
  | { readonly kind: 'number'; readonly values: Float64Array; readonly implausible: Uint8Array; readonly unit: string | null }
  | { readonly kind: 'binary'; readonly values: Float64Array }
  | { readonly kind: 'date'; readonly values: Float64Array }
  | { readonly kind: 'label'; readonly values: (string | null)[]; readonly levels: string[] | null };

export interface VariableRead {
  readonly name: string;
  readonly type: ValueType;
  readonly column: string;
  readonly data: VariableValues;
}

const TRUE_TOKENS = new Set(['1', 'true', 'yes', 'y', 't', 'present', 'positive', '是', '有', '阳性']);
const FALSE_TOKENS = new Set(['0', 'false', 'no', 'n', 'f', 'absent', 'negative', '否', '无', '阴性']);

export function resolveType(table: Table, name: string, mapping: ColumnMapping): ValueType {
  if (mapping.type) return mapping.type;
  if (isCanonical(name)) return CANONICAL[name].type;
  const p = columnProfile(table, table.columns.indexOf(mapping.column));
  return p.type === 'integer' ? 'number' : p.type === 'category' && p.min !== null ? 'number' : p.type;
}

export function readVariable(
  table: Table,
  name: string,
  mapping: ColumnMapping,
  source: DataSource,
  loc: SpecLocator,
  path: SpecPath,
): VariableRead {
  const j = table.columns.indexOf(mapping.column);
  if (j < 0) {
    const ci = table.columns.findIndex((c) => c.toLowerCase() === mapping.column.toLowerCase());
    const suggestion = ci >= 0 ? table.columns[ci] : closestName(mapping.column, table.columns);
    const field = typeof loc.doc.getIn([...path]) === 'string' ? path : [...path, 'column'];
    throw dataError(studyMessages.columnMissing(loc.where(field), table.file, mapping.column, suggestion));
  }
  const type = resolveType(table, name, mapping);
  const column = mapping.column;
  const cells = table.rows.map((r) => r[j]);
  const base = { name, type, column };
  if (type === 'date') return { ...base, data: { kind: 'date', values: dateColumn(table, column, mapping.dateOrder ?? source.dateOrder ?? null) } };
  if (type === 'binary') return { ...base, data: { kind: 'binary', values: binaryValues(table, cells, column, mapping.positive) } };
  if (type === 'category' || type === 'text') {
    const values = cells.map((c) => (isMissingCell(c) ? null : typeof c === 'number' ? String(c) : c!.trim()));
    const levels = mapping.levels ? mapping.levels.map(String) : null;
    if (levels) {
      const i = values.findIndex((v) => v !== null && !levels.includes(v));
      if (i >= 0) throw dataError(cohortMessages.levelNotDeclared(table.file, rowNumber(i), column, values[i]!, levels));
    }
    return { ...base, data: { kind: 'label', values, levels } };
  }
  // number / integer
  const raw = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) raw[i] = parseNumberCell(cells[i], table, i, column);
  let unit: string | null = mapping.unit ?? null;
  let factor = 1;
  let range: readonly [number, number] | null = null;
  let zeroAllowed = true;
  const units = variableUnits(name);
  if (name === 'followUpTime') {
    if (unit !== null && daysPer(unit) === null)
      throw dataError(studyMessages.unitUnknown(loc.where([...path, 'unit']), unit, ['days', 'weeks', 'months', 'years']));
  } else if (units) {
    const written = unit ?? units.canonical;
    const key = units.parse(written);
    if (key === null) throw dataError(studyMessages.unitUnknown(loc.where([...path, 'unit']), written, units.choices.map(units.label)));
    if (!unitFits(name, key, raw)) {
      const field = mapping.unit !== undefined ? [...path, 'unit'] : path;
      const guess = guessUnitOf(name, raw);
      throw dataError(
        studyMessages.unitDoesNotFit(loc.where(field), table.file, column, units.label(key), Number(medianOf(raw).toPrecision(6)),
          medianRangeText(name, key), guess === null ? null : units.label(guess)),
      );
    }
    factor = units.factor(key);
    unit = units.label(units.canonical);
    range = units.plausible;
    zeroAllowed = units.zeroAllowed;
  } else if (isCanonical(name)) range = CANONICAL[name].plausible ?? null;
  const values = new Float64Array(raw.length);
  const implausible = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i] * factor;
    // A zero lymphocyte count is kept: the indices report it as its own exclusion reason.
    const bad = range !== null && !Number.isNaN(v) && (v === 0 ? !zeroAllowed && name !== 'lymphocytes' : v < range[0] || v > range[1]);
    if (bad || (v < 0 && range !== null)) {
      values[i] = NaN;
      implausible[i] = 1;
    } else values[i] = v;
  }
  return { ...base, data: { kind: 'number', values, implausible, unit } };
}

function binaryValues(table: Table, cells: readonly (string | number | null)[], column: string, positive: string | number | undefined): Float64Array {
  const out = new Float64Array(cells.length);
  const pos = positive === undefined ? null : String(positive).trim().toLowerCase();
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (isMissingCell(c)) {
      out[i] = NaN;
      continue;
    }
    let s = String(c).trim().toLowerCase();
    if (/^[+-]?\d+(\.\d+)?$/.test(s)) s = String(Number(s));
    if (pos !== null) {
      const p = /^[+-]?\d+(\.\d+)?$/.test(pos) ? String(Number(pos)) : pos;
      out[i] = s === p ? 1 : 0;
    } else if (TRUE_TOKENS.has(s)) out[i] = 1;
    else if (FALSE_TOKENS.has(s)) out[i] = 0;
    else throw dataError(cohortMessages.notBinary(table.file, rowNumber(i), column, String(c)));
  }
  return out;
}
