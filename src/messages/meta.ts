/** User-facing messages of meta-analysis and multi-centre pooling (`siilab meta`, `siilab pool`, `analyze --share`). */
const q = (s: string): string => `'${s}'`;

export const metaMessages = {
  empty: (file: string) => `${file}: no studies; give one row per study (columns: study, and yi with se, or hr/or/rr with lower and upper, or events1,total1,events2,total2).`,
  yamlNoStudies: (file: string) => `${file}: the YAML file needs a list 'studies:' with one entry per study.`,
  yamlNotMap: (file: string, i: number) => `${file}, studies[${i}]: each study must be a mapping (study: …, hr: …, lower: …, upper: …).`,
  yamlSyntax: (file: string, detail: string) => `${file}: not valid YAML (${detail}).`,
  noEffect: (where: string) =>
    `${where}: no effect size: give yi (log ratio) with se or vi, or a ratio (hr, or, rr or ratio) with lower and upper, or events1, total1, events2, total2.`,
  noSeNoCi: (where: string, column: string) =>
    `${where}: ${q(column)} is given but neither a standard error (se, vi) nor a confidence interval (lower and upper); the study's weight cannot be computed without one of them.`,
  halfCi: (where: string, missing: string) => `${where}: the confidence interval has no ${missing} limit; give both lower and upper (or a standard error).`,
  badRatio: (where: string, column: string, v: string) => `${where}, column ${q(column)}: ${v} is not a positive ratio (a hazard, odds or risk ratio is > 0).`,
  badCi: (where: string, lower: string, upper: string) =>
    `${where}: the confidence interval ${lower}–${upper} is not two positive limits with lower < upper.`,
  ratioOutsideCi: (where: string, measure: string, r: string, lower: string, upper: string) =>
    `${where}: the ${measure} ${r} lies outside its own confidence interval ${lower}–${upper}; check the row for a typo.`,
  asymmetricCi: (where: string, measure: string, r: string, lower: string, upper: string, gm: string) =>
    `${where}: the ${measure} ${r} is not in the middle of its confidence interval ${lower}–${upper} on the log scale (√(lower·upper) = ${gm}), as a standard (Wald) interval is. ` +
    `The SE is taken from the interval's width; check the numbers or the kind of interval the paper reports.`,
  badSe: (where: string, column: string, v: string) => `${where}, column ${q(column)}: ${v} is not a positive standard error / variance.`,
  badCiLevel: (where: string, v: string) => `${where}, column 'ci_level': ${v} is not a confidence level between 0 and 1 (e.g. 0.95) or 50–100 (%).`,
  badCounts: (where: string) =>
    `${where}: events and totals must be whole numbers with 0 ≤ events ≤ total, and a study needs events in at least one group (and non-events in at least one).`,
  notNumber: (where: string, column: string, v: string) => `${where}, column ${q(column)}: ${q(v)} is not a number.`,
  missingModerator: (where: string, column: string) => `${where}, column ${q(column)}: no value for the moderator; every study needs one for the meta-regression (or leave out --moderator).`,
  missingSubgroup: (where: string, column: string) => `${where}, column ${q(column)}: no subgroup label; every study needs one (or leave out --by).`,
  noColumn: (file: string, column: string, option: string, columns: readonly string[]) =>
    `${file}: ${option} names column ${q(column)}, which is not there (columns: ${columns.join(', ')}).`,
  singleStudy: (file: string) => `${file}: only one study; a meta-analysis pools two or more (with one study, report that study's own estimate).`,
  moderatorConstant: (file: string, column: string) => `${file}: the moderator ${q(column)} has the same value in every study; a meta-regression needs it to vary.`,
  oneSubgroup: (file: string, column: string) => `${file}: every study is in the same subgroup of ${q(column)}; a subgroup analysis needs two or more.`,
  mixedMeasures: (file: string, measures: readonly string[]) =>
    `${file}: the rows mix ${measures.join(' and ')}; pool one kind of ratio at a time (or give --measure to say they may be pooled).`,
  fitFailed: (file: string) => `${file}: the model could not be fitted to these studies.`,
};
