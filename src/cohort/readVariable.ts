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
import { numericColumn } from '../io/columns.js';
import { columnCells } from '../io/columnCells.js';
import { isMissingCell, rowNumber, type Table } from '../io/table.js';
import { cohortMessages, studyMessages } from '../messages/index.js';
import { CANONICAL, daysPer, isCanonical } from '../study/canonical.js';
import { variableUnits } from './variableUnits.js';
import type { SpecLocator, SpecPath } from '../study/specLocator.js';
import type { ColumnMapping, DataSource, ValueType } from '../study/types.js';
import { columnProfile, DATE_NAME, serialOrCompactDate } from './columnProfile.js';
import { maxStray } from './strayCells.js';
import { columnarOf, NUMBER } from '../io/columnarTable.js';
import { dateColumn } from './dateColumn.js';
import { medianOf, guessUnitOf, medianRangeText, unitFits } from './unitFit.js';
import { classAt, classifyValues, unitAt, VALUE_CLASS, type UnitSystem, type ValueClass, type ValueClasses } from '../units/classifyValues.js';
import type { DataNote } from './dataNote.js';

export type VariableValues =
  | {
      readonly kind: 'number';
      /** Values in the canonical unit (what the indices are computed from). */
      readonly values: Float64Array;
      /** Set missing because implausible in every unit (or a zero that cannot be). */
      readonly implausible: Uint8Array;
      /** Set missing because a negative missing-value code (platelets −1). */
      readonly missingCode: Uint8Array;
      /** The canonical unit (label) of `values`. */
      readonly unit: string | null;
      /** Values as analysed: in the declared unit with `keepUnit`, else `values`. */
      readonly analysed: Float64Array;
      readonly analysedUnit: string | null;
      /** The declared unit when siilab converted the analysed values from it, else null. */
      readonly convertedFrom: string | null;
      /** Factor from `values` to `analysed` (1 / the declared unit's factor with keepUnit, else 1). */
      readonly toAnalysed: number;
      /** Mixed units converted, missing codes, implausible, zero and unusual values, with rows. */
      readonly notes: readonly DataNote[];
    }
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

/** A column mixes units when at least this many values, and this share of its values, fit only another unit. */
const MIXED_MIN_VALUES = 3;
const MIXED_MIN_SHARE = 0.02;

export function resolveType(table: Table, name: string, mapping: ColumnMapping): ValueType {
  if (mapping.type) return mapping.type;
  if (isCanonical(name)) return CANONICAL[name].type;
  const j = table.columns.indexOf(mapping.column);
  if (plainNumbers(table, j)) return 'number';
  if (binaryCodes(table, j)) return 'binary';
  const p = columnProfile(table, j);
  return p.type === 'integer' ? 'number' : p.type === 'category' && p.min !== null ? 'number' : p.type;
}

/**
 * True when the column is one columnProfile types as numbers without reading its cells as text: a
 * columnar table whose scan found only numbers and missing cells, more than 6 distinct numbers (so
 * neither binary nor a category of codes), no 0/1 column with a few stray codes (strayCells), and,
 * when its name says date or time, numbers that are not all Excel serial or compact (yyyymmdd)
 * dates (columnProfile would type those as dates). False: ask columnProfile. (Its type is then
 * 'integer' or 'number': both read as 'number'.)
 */
function plainNumbers(table: Table, j: number): boolean {
  const src = columnarOf(table);
  if (!src || j < 0) return false;
  const { values, kinds, text, notFinite } = src.numeric(j);
  if (text > 0 || notFinite > 0) return false;
  const seen = new Set<number>();
  let filled = 0;
  let odd = 0;
  let has0 = false;
  let has1 = false;
  let allDates = true;
  for (let i = 0; i < values.length; i++) {
    if (kinds[i] !== NUMBER) continue;
    const v = values[i];
    filled++;
    if (v === 0) has0 = true;
    else if (v === 1) has1 = true;
    else odd++;
    if (seen.size <= 6) seen.add(v);
    if (allDates && !serialOrCompactDate(v)) allDates = false;
  }
  if (seen.size <= 6) return false;
  if (allDates && DATE_NAME.test(table.columns[j])) return false;
  const strayCodes = odd > 0 && odd <= maxStray(filled) && filled - odd >= 10 && has0 && has1;
  return !strayCodes;
}

/**
 * True when the column is one columnProfile types as binary without reading its cells as text: a
 * columnar table whose every cell is exactly 0 or 1 (one byte) or missing, with at least one of
 * them. False: ask columnProfile (a 0/1 column written otherwise, such as 1.0 or " 1", may be typed
 * otherwise there).
 */
function binaryCodes(table: Table, j: number): boolean {
  const src = columnarOf(table);
  if (!src || j < 0) return false;
  let filled = 0;
  const codes = src.mapBytes(
    j,
    (buf, start, end) => (end - start === 1 && (buf[start] === 0x30 || buf[start] === 0x31) ? (filled++, buf[start] - 0x30) : undefined),
    (s) => (s === null || isMissingCell(s) ? NaN : undefined),
  );
  return codes !== null && filled > 0;
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
  const base = { name, type, column };
  if (type === 'date') return { ...base, data: { kind: 'date', values: dateColumn(table, column, mapping.dateOrder ?? source.dateOrder ?? null) } };
  // the cells as text only for the types read from text (a number column is typed from the bytes)
  if (type === 'binary') return { ...base, data: { kind: 'binary', values: binaryValues(table, columnCells(table, j), column, mapping.positive) } };
  if (type === 'category' || type === 'text') {
    const values = columnCells(table, j).map((c) => (isMissingCell(c) ? null : typeof c === 'number' ? String(c) : c!.trim()));
    const levels = mapping.levels ? mapping.levels.map(String) : null;
    if (levels) {
      const vl = mapping.valueLabels ?? {};
      const i = values.findIndex((v) => v !== null && !levels.includes(v) && !(v in vl && levels.includes(vl[v])));
      if (i >= 0) throw dataError(cohortMessages.levelNotDeclared(table.file, rowNumber(i, table), column, values[i]!, levels));
    }
    if (mapping.valueLabels) return { ...base, data: labelledValues(values, levels, mapping.valueLabels) };
    return { ...base, data: { kind: 'label', values, levels } };
  }
  // number / integer
  // (numericColumn: typed from the bytes on the columnar path, the same message per cell as parseNumberCell)
  const raw = numericColumn(table, column, column);
  const unit: string | null = mapping.unit ?? null;
  const units = variableUnits(name);
  let sys: UnitSystem | null = null;
  let declaredLabel: string | null = unit;
  let canonicalLabel: string | null = unit;
  let unitLabelOf = (k: string) => k;
  if (name === 'followUpTime') {
    if (unit !== null && daysPer(unit) === null)
      throw dataError(studyMessages.unitUnknown(loc.where([...path, 'unit']), unit, ['days', 'weeks', 'months', 'years']));
  } else if (units) {
    const written = unit ?? units.canonical;
    const key = units.parse(written);
    if (key === null) throw dataError(studyMessages.unitUnknown(loc.where([...path, 'unit']), written, units.choices.map(units.label)));
    if (!unitFits(name, key, raw, table.counts)) {
      const field = mapping.unit !== undefined ? [...path, 'unit'] : path;
      const guess = guessUnitOf(name, table.counts ? writtenOut(raw, table.counts) : raw);
      throw dataError(
        studyMessages.unitDoesNotFit(loc.where(field), table.file, column, units.label(key), Number(medianOf(raw, table.counts).toPrecision(6)),
          medianRangeText(name, key), guess === null ? null : units.label(guess)),
      );
    }
    sys = {
      units: Object.fromEntries(units.choices.map((u) => [u, units.factor(u)])),
      declared: key,
      plausible: units.plausible,
      zeroAllowed: units.zeroAllowed,
      usualMax: units.usualMax,
    };
    declaredLabel = units.label(key);
    canonicalLabel = units.label(units.canonical);
    unitLabelOf = units.label;
  } else if (isCanonical(name) && CANONICAL[name].plausible) {
    sys = { units: { '': 1 }, declared: '', plausible: CANONICAL[name].plausible!, zeroAllowed: true };
  }
  if (sys === null) {
    const implausible = new Uint8Array(raw.length);
    return { ...base, data: { kind: 'number', values: raw, implausible, missingCode: implausible, unit, analysed: raw, analysedUnit: unit, convertedFrom: null, toAnalysed: 1, notes: [] } };
  }
  const cls = weighted(classifyValues(raw, sys), table.counts);
  const f = sys.units[sys.declared];
  const w = table.counts;
  let present = 0;
  for (let i = 0; i < cls.kind.length; i++) if (cls.kind[i] !== 0) present += w ? w[i] : 1; // 0: 'missing'
  const otherCount = Object.values(cls.other).reduce((a, b) => a + b, 0);
  const convertMixed = mapping.mixedUnits === 'convert';
  const where = (k: ValueClass) => {
    const code = VALUE_CLASS.indexOf(k);
    return indicesWhere(cls.kind.length, (i) => cls.kind[i] === code);
  };
  // A column mixes units when enough values fit only another unit; one or two such values among
  // many are typing errors: set missing and listed per row with the unit they would fit.
  const isMixed = otherCount >= MIXED_MIN_VALUES && otherCount >= MIXED_MIN_SHARE * present;
  if (isMixed && !convertMixed) {
    const byUnit = Object.entries(cls.other).map(([u, c]) => `${c} fit only ${unitLabelOf(u)}`);
    const rows = where('other').slice(0, 5).map((i) => `row ${rowNumber(i, table)}: ${raw[i]}`);
    throw dataError(cohortMessages.mixedUnitsRefused(loc.where(path), table.file, column, name, present, cls.declared, declaredLabel ?? '', byUnit, rows, otherCount));
  }
  const values = new Float64Array(raw.length);
  // Without keepUnit the analysed values are the canonical ones: one array, not two equal ones.
  const analysed = mapping.keepUnit ? new Float64Array(raw.length) : values;
  const implausible = new Uint8Array(raw.length);
  const missingCode = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const k = classAt(cls, i);
    const v = raw[i];
    if (k === 'declared' || (k === 'zero' && name === 'lymphocytes')) {
      // A zero lymphocyte count is kept: the indices report it as its own exclusion reason.
      values[i] = v * f;
      if (mapping.keepUnit) analysed[i] = v;
    } else if (k === 'other' && (isMixed || convertMixed)) {
      values[i] = Number((v * sys.units[unitAt(cls, i)!]).toPrecision(12));
      if (mapping.keepUnit) analysed[i] = Number((values[i] / f).toPrecision(12));
    } else {
      values[i] = NaN;
      analysed[i] = NaN;
      if (k === 'missing-code') missingCode[i] = 1;
      else if (k !== 'missing') implausible[i] = 1;
    }
  }
  const noted = (kind: DataNote['kind'], idx: number[], extra: Partial<DataNote> = {}): DataNote[] =>
    idx.length === 0 ? [] : [{
      kind, variable: name, file: table.file, column, n: w ? idx.reduce((a, i) => a + w[i], 0) : idx.length, of: present, unit: declaredLabel, ...extra,
      rows: idx.map((i) => ({
        row: rowNumber(i, table), value: raw[i], patient: null,
        ...(kind === 'mixed-units-converted' ? { unit: unitLabelOf(unitAt(cls, i)!) } : kind === 'implausible' && unitAt(cls, i) ? { fits: unitLabelOf(unitAt(cls, i)!) } : {}),
      })),
    }];
  const lo = sys.plausible ? sys.plausible[0] / f : NaN;
  const hi = sys.plausible ? sys.plausible[1] / f : NaN;
  const fmt = (x: number) => String(Number(x.toPrecision(4)));
  const notes: DataNote[] = [
    ...noted('mixed-units-converted', isMixed || convertMixed ? where('other') : [], {
      counts: { [declaredLabel ?? '']: cls.declared, ...Object.fromEntries(Object.entries(cls.other).map(([u, c]) => [unitLabelOf(u), c])) },
    }),
    ...noted('missing-code', where('missing-code')),
    // A zero lymphocyte count is kept (the ratios report it); a zero that cannot be is implausible.
    ...noted('zero', name === 'lymphocytes' ? where('zero') : []),
    ...noted('implausible', indicesWhere(implausible.length, (i) => implausible[i] === 1), { range: `${fmt(lo)}–${fmt(hi)}${declaredLabel ? ' ' + declaredLabel : ''}` }),
    ...noted('unusual', indicesWhere(cls.unusual.length, (i) => cls.unusual[i] === 1), { range: `above ${fmt((sys.usualMax ?? NaN) / f)}${declaredLabel ? ' ' + declaredLabel : ''}` }),
  ];
  const keep = mapping.keepUnit === true;
  const converted = !keep && f !== 1 && declaredLabel !== null && declaredLabel !== canonicalLabel;
  return {
    ...base,
    data: {
      kind: 'number', values, implausible, missingCode, unit: canonicalLabel,
      analysed, analysedUnit: keep ? declaredLabel : canonicalLabel, convertedFrom: converted ? declaredLabel : null, toAnalysed: keep ? 1 / f : 1, notes,
    },
  };
}

/** Class counts of a table of distinct cells: each row counts as many values as it stands for. */
function weighted(cls: ValueClasses, counts: ArrayLike<number> | undefined): ValueClasses {
  if (!counts) return cls;
  let declared = 0;
  const other: Record<string, number> = Object.fromEntries(Object.keys(cls.other).map((u) => [u, 0]));
  for (let i = 0; i < cls.kind.length; i++) {
    if (VALUE_CLASS[cls.kind[i]] === 'declared') declared += counts[i];
    else if (VALUE_CLASS[cls.kind[i]] === 'other') other[unitAt(cls, i)!] += counts[i];
  }
  return { ...cls, declared, other };
}

/** Distinct values written out as many times as they occur (only for a refusal's unit guess). */
function writtenOut(values: ArrayLike<number>, counts: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) n += counts[i];
  const out = new Float64Array(n);
  let q = 0;
  for (let i = 0; i < values.length; i++) out.fill(values[i], q, (q += counts[i]));
  return out;
}

/** The positions i < n where `test(i)` holds, in order. */
function indicesWhere(n: number, test: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (test(i)) out.push(i);
  return out;
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
    else throw dataError(cohortMessages.notBinary(table.file, rowNumber(i, table), column, String(c)));
  }
  return out;
}

/**
 * Coded categories printed by name: `valueLabels: { 0: '≤ 5 cm', 1: '> 5 cm' }` turns each code into
 * its label (codes without a label stay as they are; two codes with one label merge into one level).
 * Declared `levels` may be given as codes or as labels; their order is kept.
 */
function labelledValues(values: readonly (string | null)[], levels: readonly string[] | null, labels: Readonly<Record<string, string>>) {
  const name = (v: string): string => labels[v] ?? v;
  const named = values.map((v) => (v === null ? null : name(v)));
  if (levels) return { kind: 'label' as const, values: named, levels: [...new Set(levels.map(name))] };
  // without declared levels: the order the labels were written in (codes ascending), then unlabelled codes
  const present = new Set(named.filter((v): v is string => v !== null));
  const order = [...new Set(Object.values(labels))].filter((l) => present.has(l));
  const rest = [...present].filter((l) => !order.includes(l)).sort();
  return { kind: 'label' as const, values: named, levels: [...order, ...rest] };
}
