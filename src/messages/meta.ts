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
  // multi-centre pooling
  poolNeedsTwo: (n: number) => `siilab pool: give two or more site bundles (got ${n}); each centre makes one with 'siilab analyze study.yaml --share'.`,
  notSiteBundle: (file: string) => `${file}: not a siilab site bundle (field 'format' must be 'siilab-site-bundle'); make one with 'siilab analyze study.yaml --share'.`,
  bundleFormatVersion: (file: string, v: number, want: number) => `${file}: site bundle format version ${v}, this siilab reads version ${want}; re-run 'siilab analyze --share' at that site with this siilab version.`,
  bundleVersionsDiffer: (f1: string, v1: string, f2: string, v2: string) =>
    `${f2} was made by siilab ${v2} but ${f1} by siilab ${v1}; every site must use the same siilab version (re-run 'siilab analyze --share' with one version).`,
  bundleSpecsDiffer: (f1: string, f2: string, h1: string, h2: string) =>
    `${f2} was made from a different study specification than ${f1} (spec hash ${h2.slice(0, 12)}… vs ${h1.slice(0, 12)}…: the variables, endpoints, cut-offs or analyses differ); every site must run the same study.yaml, changing only its data sources and title.`,
  bundleSiteTwice: (site: string, f1: string, f2: string) => `${f1} and ${f2} both call their site '${site}'; give each centre its own name (siilab analyze --share --site NAME).`,
  poolTruncated: (id: string, t: number) => `${id}: a site withheld counts after time ${t} (fewer patients at risk than its minimum cell size); the pooled Kaplan–Meier estimate is exact up to ${t}, and the log-rank tests use the shared follow-up.`,
  poolModelMissing: (id: string, model: string, sites: readonly string[]) => `${id}: the ${model} model is missing at ${sites.join(', ')} (it could not be fitted there); it is not pooled.`,
  poolTermMissing: (id: string, model: string, term: string) => `${id}, ${model}: term '${term}' is not estimable at every site; it is not pooled.`,
  poolCutoffsDiffer: (v: string, values: readonly number[]) => `The sites split ${v} at different cut-offs (${values.join(', ')}): the cut-off was chosen from each site's data, so 'high' does not mean the same everywhere. Fix the cut-off in the study file for a pooled analysis.`,
  badMinCell: (v: string) => `siilab analyze: --min-cell takes a whole number ≥ 1 (got '${v}').`,
  bundleUnreadable: (file: string, detail: string) => `${file}: cannot be read as a site bundle (${detail}).`,
  stepNoAnalysis: (id: string, ids: readonly string[]) => `siilab site-step: the study has no Cox analysis '${id}' (it has: ${ids.join(', ') || 'none'}).`,
  stepNeedsDeclared: (id: string) => `siilab site-step: ${id} needs a survival endpoint and a declared multivariable model (multivariable: { rule: declared, variables: [...] }) so that every centre fits the same terms.`,
  stepBetaLength: (id: string, terms: readonly string[], n: number) => `siilab site-step: ${id} has ${terms.length} terms (${terms.join(', ')}), --beta gives ${n} values.`,
  stepsDiffer: (f1: string, f2: string, what: string) => `${f2} and ${f1} are not steps of the same round: their ${what} differ; every centre must answer the same β of the same study.`,
  notStep: (file: string) => `${file}: not a siilab site step (field 'format' must be 'siilab-site-step'); make one with 'siilab site-step study.yaml --beta …'.`,
};
