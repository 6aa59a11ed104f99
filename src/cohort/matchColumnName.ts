/**
 * How well a column name matches a canonical variable's synonyms: 1 for an exact match after
 * normalising (case, punctuation, `%` as a word), 0.8 when the column holds a synonym plus only
 * filler words or a unit ('Platelet count (10^9/L)', 'baseline AFP'), 0 otherwise — so 'Mean
 * platelet volume' and 'Direct bilirubin' do not pass for platelets or total bilirubin.
 *
 * @example
 * matchColumnName('NEUT#', 'neutrophils')                // 1
 * matchColumnName('neutrophils(%)', 'neutrophils')       // 0
 * matchColumnName('PLT distribution width', 'platelets') // 0
 */
import { CANONICAL } from '../study/canonical.js';
import type { CanonicalVariable } from '../study/types.js';
import { variableUnits } from './variableUnits.js';

/** Lower case, unit in brackets removed, punctuation to spaces, `%` a word of its own. */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[×x]?\s*10\s*[\^*e]?\s*[369]\s*\/\s*[lµu]l?/g, ' ')
    .replace(/\((?:[^()%]*\/[^()]*|cm|mm|years?|months?|days?|%)\)/g, (m) => (m.includes('%') ? ' % ' : ' '))
    .replace(/[()[\]{}_\-.,:;/\\'"’]+/g, ' ')
    .replace(/%/g, ' % ')
    .replace(/\s+/g, ' ')
    .trim();
}

const FILLER = new Set([
  'count', 'counts', 'abs', 'absolute', 'total', 'value', 'values', 'level', 'levels', 'serum', 'blood', 'plasma', 'baseline', 'pre',
  'preop', 'preoperative', 'pretreatment', 'initial', 'the', 'of', 'result', 'no', 'number', 'ng', 'ml', 'g', 'l', 'dl', 'cm', 'mm',
  'umol', 'µmol', 'iu', 'x', 'yrs', 'years', '#', 'at', 'diagnosis',
]);
const CJK = /[\u3400-\u9fff]/;
const CJK_FILLER = /计数|绝对值|值|水平|数|基线|术前|治疗前|\s|[a-z0-9#^*×µ]/g;

export function matchColumnName(column: string, variable: CanonicalVariable): number {
  const norm = normaliseName(column);
  const compact = norm.replace(/ /g, '');
  let best = 0;
  for (const syn of CANONICAL[variable].synonyms) {
    if (norm === syn || compact === syn.replace(/ /g, '')) return 1;
    if (CJK.test(syn)) {
      if (norm.includes(syn) && norm.replace(syn, '').replace(CJK_FILLER, '') === '') best = Math.max(best, 0.8);
      continue;
    }
    const want = syn.split(' ');
    const have = norm.split(' ');
    if (want.every((w) => have.includes(w)) && have.every((h) => want.includes(h) || FILLER.has(h))) best = Math.max(best, 0.8);
  }
  return best;
}

/** The unit written in a column name, among the variable's accepted units ('AFP (IU/mL)' → 'IU/mL'). */
export function unitInName(column: string, variable: CanonicalVariable): string | null {
  const units = variableUnits(variable);
  if (!units) return null;
  const raw = column.toLowerCase().replace(/\s+/g, '').replace(/μ/g, 'µ');
  // The text in brackets (or after the last comma) is the unit when it parses as one.
  const m = /[(（[]([^()（）[\]]+)[)）\]]\s*$/.exec(column) ?? /,\s*([^,]+)$/.exec(column);
  if (m) {
    const key = units.parse(m[1]) ?? units.parse(m[1].replace(/^[×x]\s*/, ''));
    if (key !== null) return key;
  }
  if (/10\^?[*]?9\/l|10e9\/l/.test(raw)) return units.parse('10^9/L');
  return null;
}
