/**
 * An index of each blood draw as SQL over the draw table's value columns (`v_<variable>`, NULL
 * when missing) and cause columns (`c_<variable>`, DRAW_CAUSE codes): the same value, in the same
 * floating-point operations, and the same cause as src/cohort/drawIndex.ts, for the indices whose
 * first set of inputs is measured and no other input is. Null when the index is not compiled here
 * (percentages, an NLR column, white cells): the study then runs in JavaScript.
 *
 * @example
 * drawIndexSql('NLR', new Set(['neutrophils', 'lymphocytes']))
 * // { value: 'CASE WHEN "v_neutrophils" IS NOT NULL AND … THEN "v_neutrophils" / "v_lymphocytes" … END', cause: 'CASE … END' }
 */
import type { IndexName } from '../../study/types.js';
import { INDEX_INPUTS } from '../drawIndex.js';
import { causeCode } from '../missingCause.js';
import { ident } from './sqlText.js';

export interface IndexSql {
  readonly value: string;
  readonly cause: string;
}

/** value expression over the inputs (P, N, L, M), in drawIndex's order of operations. */
const FORMULA: Partial<Record<IndexName, { inputs: string[]; value: (x: Record<string, string>) => string; zero: string; zeroCause: 'zero-lymphocytes' | 'zero-denominator' }>> = {
  SII: { inputs: ['platelets', 'neutrophils', 'lymphocytes'], value: (x) => `(${x.platelets} * ${x.neutrophils}) / ${x.lymphocytes}`, zero: 'lymphocytes', zeroCause: 'zero-lymphocytes' },
  NLR: { inputs: ['neutrophils', 'lymphocytes'], value: (x) => `${x.neutrophils} / ${x.lymphocytes}`, zero: 'lymphocytes', zeroCause: 'zero-lymphocytes' },
  PLR: { inputs: ['platelets', 'lymphocytes'], value: (x) => `${x.platelets} / ${x.lymphocytes}`, zero: 'lymphocytes', zeroCause: 'zero-lymphocytes' },
  LMR: { inputs: ['lymphocytes', 'monocytes'], value: (x) => `${x.lymphocytes} / ${x.monocytes}`, zero: 'monocytes', zeroCause: 'zero-denominator' },
};

export function drawIndexSql(index: IndexName, measured: ReadonlySet<string>): IndexSql | null {
  const f = FORMULA[index];
  if (!f) return null;
  const alts = INDEX_INPUTS[index];
  // drawIndex's inputs in its order: every variable of any alternative that is measured.
  const inputs = [...new Set(alts.flat())].filter((v) => measured.has(v));
  if (inputs.length !== f.inputs.length || !f.inputs.every((v) => inputs.includes(v))) return null;
  const v = Object.fromEntries(f.inputs.map((x) => [x, ident(`v_${x}`)]));
  const c = (x: string) => ident(`c_${x}`);
  const all = f.inputs.map((x) => `${v[x]} IS NOT NULL`).join(' AND ');
  const passOn = `${causeCode('implausible')}, ${causeCode('missing-code')}`;
  const inherited = `CASE ${inputs.map((x) => `WHEN ${c(x)} IN (${passOn}) THEN ${c(x)}`).join(' ')} ELSE ${causeCode('absent')} END`;
  return {
    value: `CASE WHEN ${all} AND ${v[f.zero]} <> 0 THEN ${f.value(v)} END`,
    cause: `CASE WHEN ${all} THEN (CASE WHEN ${v[f.zero]} = 0 THEN ${causeCode(f.zeroCause)} ELSE 0 END) ELSE ${inherited} END`,
  };
}
