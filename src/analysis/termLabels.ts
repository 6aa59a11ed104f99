/**
 * Table names of a model's categorical terms as journals print them: "Sex: male vs female",
 * "Number of lesions: 1 vs 0" — never the engine's R-style "sex=1" or "ageGroup=>=60". Numeric and
 * split terms keep their names. The engine's own names stay in the CLI (they are R's).
 *
 * @example
 * journalTerm({ term: 'sex=1', covariate: 'Sex', level: '1', reference: '0' }) // 'Sex: 1 vs 0'
 * journalTerm({ term: 'ageGroup=>=60', covariate: 'Age', level: '>=60', reference: '<60' }) // 'Age: ≥ 60 vs < 60'
 */
export interface NamedTerm {
  readonly term: string;
  readonly covariate: string | null;
  readonly level: string | null;
  readonly reference: string | null;
}

export function journalTerm(t: NamedTerm): string {
  if (t.level === null || t.covariate === null) return t.term;
  const level = printedLevel(t.level);
  return t.reference === null ? `${t.covariate}: ${level}` : `${t.covariate}: ${level} vs ${printedLevel(t.reference)}`;
}

/** A level that is a comparison as a journal sets it: ">=60" → "≥ 60", "<1000" → "< 1000". */
export function printedLevel(level: string): string {
  const m = /^\s*(>=|<=|=>|=<|≥|≤|>|<)\s*(\S.*)$/.exec(level);
  if (!m) return level;
  const sign = ({ '>=': '≥', '=>': '≥', '<=': '≤', '=<': '≤' } as Record<string, string>)[m[1]] ?? m[1];
  return `${sign} ${m[2]}`;
}

/** The same coefficients with journal term names. */
export function withJournalTerms<T extends NamedTerm>(terms: readonly T[]): T[] {
  return terms.map((t) => (t.level === null ? t : { ...t, term: journalTerm(t) }));
}
