/**
 * Reading model covariates from a table: a column whose non-missing cells all read as numbers is
 * numeric; otherwise it is categorical (indicator terms against its reference level).
 * Missing cells are NaN / null; the caller drops incomplete rows (and counts them).
 */
import { usageError } from '../errors.js';
import { columnIndex, isNumberText, parseNumberCell } from './columns.js';
import { isMissingCell, type Table } from './table.js';
import { columnarOf, NOT_FINITE } from './columnarTable.js';
import { sortedLevels } from '../stats/design/modelMatrix.js';

export type RawCovariate =
  | { name: string; kind: 'numeric'; values: Float64Array }
  | { name: string; kind: 'categorical'; values: (string | null)[] };

export function readCovariate(table: Table, name: string, option: string, forceCategorical = false): RawCovariate {
  const j = columnIndex(table, name, option);
  const src = columnarOf(table);
  if (src) {
    const num = forceCategorical ? null : src.numeric(j);
    if (num && num.text === 0) {
      if (num.notFinite) for (let i = 0; i < num.kinds.length; i++) if (num.kinds[i] === NOT_FINITE) parseNumberCell(src.cell(i, j), table, i, name);
      return { name, kind: 'numeric', values: src.takeNumeric(j) };
    }
    return { name, kind: 'categorical', values: src.takeLabels(j) };
  }
  const numeric = !forceCategorical && table.rows.every((r) => isNumberText(r[j]));
  if (numeric) {
    const values = new Float64Array(table.rows.length);
    for (let i = 0; i < table.rows.length; i++) values[i] = parseNumberCell(table.rows[i][j], table, i, name);
    return { name, kind: 'numeric', values };
  }
  const values = table.rows.map((r) => {
    const c = r[j];
    return isMissingCell(c) ? null : typeof c === 'number' ? String(c) : String(c).trim();
  });
  return { name, kind: 'categorical', values };
}

/** Checks that every `--ref COL=LEVEL` names a categorical covariate and one of its levels. */
export function checkReferenceLevels(cmd: string, covs: readonly RawCovariate[], refs: ReadonlyMap<string, string>): void {
  for (const [col, level] of refs) {
    const c = covs.find((x) => x.name === col);
    if (!c) throw usageError(`siilab ${cmd}: --ref names '${col}', which is not among the covariates.`);
    const levels = c.kind === 'categorical' ? sortedLevels(c.values.filter((v): v is string => v !== null)) : [];
    if (c.kind === 'numeric')
      throw usageError(`siilab ${cmd}: --ref ${col}=${level}: '${col}' is numeric; only a text column has levels.`);
    if (!levels.includes(level))
      throw usageError(`siilab ${cmd}: --ref ${col}=${level}: '${col}' has no level '${level}'; its levels are ${levels.join(', ')}.`);
  }
}
