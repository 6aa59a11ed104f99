/**
 * An index of each blood draw as SQL over the draw table's value columns (`v_<variable>`, NULL
 * when missing) and cause columns (`c_<variable>`, DRAW_CAUSE codes): the same value, in the same
 * floating-point operations, and the same cause as src/cohort/drawIndex.ts, for every index from
 * counts (SII, NLR, PLR, LMR, SIRI, PIV, dNLR) when no other set of its inputs is measured. Null when
 * the index is not compiled here (from percentages or an NLR column): the study then runs in
 * JavaScript.
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

/**
 * Value expression over the inputs, in drawIndex's (and src/indices') order of operations; `bad` is
 * the condition under which drawIndex gives `badCause` instead of a value (a zero denominator).
 */
interface Formula {
  readonly inputs: string[];
  readonly value: (x: Record<string, string>) => string;
  readonly bad: (x: Record<string, string>) => string;
  readonly badCause: 'zero-lymphocytes' | 'zero-denominator';
}
const FORMULA: Partial<Record<IndexName, Formula>> = {
  SII: { inputs: ['platelets', 'neutrophils', 'lymphocytes'], value: (x) => `(${x.platelets} * ${x.neutrophils}) / ${x.lymphocytes}`, bad: (x) => `${x.lymphocytes} = 0`, badCause: 'zero-lymphocytes' },
  NLR: { inputs: ['neutrophils', 'lymphocytes'], value: (x) => `${x.neutrophils} / ${x.lymphocytes}`, bad: (x) => `${x.lymphocytes} = 0`, badCause: 'zero-lymphocytes' },
  PLR: { inputs: ['platelets', 'lymphocytes'], value: (x) => `${x.platelets} / ${x.lymphocytes}`, bad: (x) => `${x.lymphocytes} = 0`, badCause: 'zero-lymphocytes' },
  LMR: { inputs: ['lymphocytes', 'monocytes'], value: (x) => `${x.lymphocytes} / ${x.monocytes}`, bad: (x) => `${x.monocytes} = 0`, badCause: 'zero-denominator' },
  // SIRI = N × M / L (Qi et al. 2016); PIV = N × P × M / L (Fucà et al. 2020); dNLR = N / (WBC − N) (Proctor et al. 2012).
  SIRI: { inputs: ['neutrophils', 'monocytes', 'lymphocytes'], value: (x) => `(${x.neutrophils} * ${x.monocytes}) / ${x.lymphocytes}`, bad: (x) => `${x.lymphocytes} = 0`, badCause: 'zero-lymphocytes' },
  PIV: { inputs: ['neutrophils', 'platelets', 'monocytes', 'lymphocytes'], value: (x) => `((${x.neutrophils} * ${x.platelets}) * ${x.monocytes}) / ${x.lymphocytes}`, bad: (x) => `${x.lymphocytes} = 0`, badCause: 'zero-lymphocytes' },
  dNLR: { inputs: ['neutrophils', 'whiteCells'], value: (x) => `${x.neutrophils} / (${x.whiteCells} - ${x.neutrophils})`, bad: (x) => `${x.whiteCells} - ${x.neutrophils} <= 0`, badCause: 'zero-denominator' },
};

export function drawIndexSql(index: IndexName, measured: ReadonlySet<string>): IndexSql | null {
  const f = FORMULA[index];
  if (!f) return null;
  const alts = INDEX_INPUTS[index];
  // drawIndex's inputs in its order: every variable of any alternative that is measured.
  const inputs = [...new Set(alts.flat())].filter((v) => measured.has(v));
  // The value only from the first alternative (the counts): compiled when it is measured and no other
  // alternative is (drawIndex would fall back to it); a missing value's cause is the first
  // implausible or missing-code input among all of them, as loadStudy takes it.
  if (!f.inputs.every((v) => measured.has(v)) || alts.slice(1).some((alt) => alt.every((v) => measured.has(v)))) return null;
  const v = Object.fromEntries(f.inputs.map((x) => [x, ident(`v_${x}`)]));
  const c = (x: string) => ident(`c_${x}`);
  const all = f.inputs.map((x) => `${v[x]} IS NOT NULL`).join(' AND ');
  const passOn = `${causeCode('implausible')}, ${causeCode('missing-code')}`;
  const inherited = `CASE ${inputs.map((x) => `WHEN ${c(x)} IN (${passOn}) THEN ${c(x)}`).join(' ')} ELSE ${causeCode('absent')} END`;
  return {
    value: `CASE WHEN ${all} AND NOT (${f.bad(v)}) THEN ${f.value(v)} END`,
    cause: `CASE WHEN ${all} THEN (CASE WHEN ${f.bad(v)} THEN ${causeCode(f.badCause)} ELSE 0 END) ELSE ${inherited} END`,
  };
}
