/**
 * Results bundle → journal tables (ReportTable), laid out as the seed papers print them:
 * Cox (deng2025 Table 4 / hong2021 Table 2: β, SE, Wald, P, HR (95% CI), univariable and
 * multivariable side by side), ROC (deng2025 Table 5: AUC (95% CI), P, sensitivity, specificity,
 * cut-off, Youden), Kaplan–Meier summaries (median with R's CI and SPSS's symmetric CI, survival at
 * 1/3/5 years, log-rank), cut-offs with their corrected P, and response rates.
 */
import type { Plain } from '../../analysis/plain.js';
import type { CoxAnalysisResult } from '../../analysis/coxAnalysis.js';
import type { RocStudyResult } from '../../analysis/rocStudyAnalysis.js';
import type { TimeRocAnalysisResult } from '../../analysis/timeRocAnalysis.js';
import type { KmAnalysisResult } from '../../analysis/kmAnalysis.js';
import { cutoffText, type CutoffResult } from '../../analysis/cutoffs.js';
import { printedLevel } from '../../analysis/termLabels.js';
import type { ResponseRatesResult } from '../../analysis/responseRates.js';
import type { ReportRow, ReportTable } from '../tables/reportTable.js';
import { estimateCi, fixed, formatP, meanSd, medianIqr, pPhrase } from '../format/numbers.js';

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const R = 'right' as const;
/** "52" when every model has the same n, else "48–52". */
const nRange = (ns: readonly number[]): string => (Math.min(...ns) === Math.max(...ns) ? String(Math.min(...ns)) : `${Math.min(...ns)}–${Math.max(...ns)}`);
const L = 'left' as const;

export function coxTable(a: Plain<CoxAnalysisResult>, n: number, title: string, wald: 'chisq' | 'z' = 'chisq'): ReportTable {
  const rows: ReportRow[] = [];
  const multi = new Map((a.multivariable?.result.coefficients ?? []).map((c) => [c.term, c]));
  for (const u of a.univariable) {
    if (!u.result) {
      rows.push({ cells: [u.variable, '—', '—', '—', '—', 'not estimable', '', ''] });
      continue;
    }
    for (const c of u.result.coefficients) {
      const m = multi.get(c.term);
      rows.push({
        cells: [
          c.term,
          fixed(c.coef, 3),
          fixed(c.se, 3),
          wald === 'chisq' ? fixed(c.waldChisq, 3) : fixed(c.z, 3),
          formatP(c.p),
          estimateCi(c.hr, c.lower, c.upper),
          m ? estimateCi(m.hr, m.lower, m.upper) : '',
          m ? formatP(m.p) : '',
        ],
      });
    }
  }
  const uniN = a.univariable.map((u) => u.result?.n ?? 0);
  const footnotes = [
    `Cox proportional hazards regression, ${a.ties === 'efron' ? 'Efron' : 'Breslow'} method for tied event times; Wald ${wald === 'chisq' ? 'χ² = (β/SE)² on 1 df, as SPSS prints' : 'z = β/SE, as R prints'}; HR, hazard ratio; 95% CI, Wald interval exp(β ± 1.96·SE).`,
    `Univariable models on ${nRange(uniN)} of ${n} patients (complete cases per model)` +
      (a.multivariable ? `; multivariable model of ${a.multivariable.variables.length} factors on ${a.multivariable.result.n} patients with ${a.multivariable.result.events} events, ${a.multivariable.rule.rule === 'p-threshold' ? `entering factors with univariable P < ${a.multivariable.rule.threshold}` : 'factors declared in advance'}.` : (a.multivariableRule ? '; no multivariable model (no factor qualified).' : '; univariable models only (no multivariable model was requested in the study file).')),
  ];
  if (a.timeVarying) {
    const tv = a.timeVarying.result;
    for (const c of tv.coefficients)
      footnotes.push(`Time-varying Cox model (${tv.n} of ${a.timeVarying.rows} (start, stop] intervals have a value; each draw's value holds until the next draw, as R's tmerge): ${c.term} HR ${estimateCi(c.hr, c.lower, c.upper, 4)} per unit, ${pPhrase(c.p)} — the use of repeated measurements that does not look into the future.`);
  }
  if (a.multivariable?.result.proportionalHazards) {
    const g = a.multivariable.result.proportionalHazards.global;
    footnotes.push(`Proportional-hazards check of the multivariable model (Grambsch–Therneau test on Kaplan–Meier-transformed time): global χ² = ${fixed(g.chisq, 2)}, df = ${g.df}, ${pPhrase(g.p)}.`);
  }
  const table: ReportTable = {
    id: `table-${a.id}`,
    title,
    columns: [
      { label: 'Factor', align: L }, { label: 'β', align: R }, { label: 'SE', align: R }, { label: wald === 'chisq' ? 'Wald χ²' : 'z', align: R },
      { label: 'P', align: R }, { label: 'HR (95% CI)', align: R }, { label: 'HR (95% CI)', align: R }, { label: 'P', align: R },
    ],
    headerGroups: [{ label: '', span: 1 }, { label: 'Univariable', span: 5 }, { label: 'Multivariable', span: 2 }],
    rows,
    footnotes,
  };
  // No multivariable model was asked for: no empty "Multivariable" columns.
  if (a.multivariable || a.multivariableRule) return table;
  return { ...table, columns: table.columns.slice(0, 6), headerGroups: undefined, rows: rows.map((r) => ({ ...r, cells: r.cells.slice(0, 6) })) };
}

export function rocTable(a: Plain<RocStudyResult>, title: string): ReportTable {
  const endpoint = a.endpoint;
  const row = (label: string, r: Plain<RocStudyResult>['markers'][number], cutoff: boolean): ReportRow => {
    const b = r.youden.best;
    return {
      cells: [
        label,
        r.direction === 'higher' ? `higher → ${endpoint}` : `lower → ${endpoint}`,
        estimateCi(r.auc, r.lower, r.upper),
        fixed(r.se, 3),
        formatP(r.p),
        cutoff && Number.isFinite(b.threshold) ? cutoffText(b.threshold) : '/',
        fixed(100 * b.sensitivity, 2),
        fixed(100 * b.specificity, 2),
        fixed(b.sensitivity + b.specificity - 1, 3),
      ],
    };
  };
  const rows = [...a.markers.map((r) => row(r.marker, r, true)), ...a.combined.map((c) => row(`Combined (${c.markers.join(' + ')})`, c.roc, false))];
  const footnotes = [
    `ROC analysis of ${a.n} patients (${a.endpoint}: ${a.markers[0]?.nCases ?? 0} yes, ${a.markers[0]?.nControls ?? 0} no); AUC with DeLong standard error and normal 95% CI (as pROC); P for AUC = 0.5 by the Mann–Whitney normal approximation with tie correction (as SPSS's asymptotic significance).`,
    `Direction: which values indicate ${a.endpoint} (e.g. "higher → ${a.endpoint}": patients with ${a.endpoint} have higher values; pROC's direction "<"), chosen as pROC does by comparing the medians of patients with and without ${a.endpoint}.`,
    'Cut-off by Youden\'s index (maximal sensitivity + specificity − 1), at the midpoint between adjacent observed values (as pROC); sensitivity and specificity in %.',
  ];
  for (const c of a.comparisons) footnotes.push(`Paired DeLong test ${c.a} vs ${c.b}: difference ${fixed(c.diff, 3)} (95% CI ${fixed(c.lower, 3)} to ${fixed(c.upper, 3)}), ${pPhrase(c.p)}.`);
  for (const c of a.combined)
    for (const v of c.vsMarkers) footnotes.push(`Combined vs ${v.b}: difference ${fixed(v.diff, 3)}, ${pPhrase(v.p)} (paired DeLong).`);
  if (a.combined.length) footnotes.push('The combined marker is the predicted probability of a logistic model fitted on the same patients; its AUC is optimistic until validated.');
  return {
    id: `table-${a.id}`,
    title,
    columns: [
      { label: 'Marker', align: L }, { label: 'Direction', align: L }, { label: 'AUC (95% CI)', align: R }, { label: 'SE', align: R }, { label: 'P', align: R },
      { label: 'Cut-off', align: R }, { label: 'Sensitivity (%)', align: R }, { label: 'Specificity (%)', align: R }, { label: "Youden's index", align: R },
    ],
    rows,
    footnotes,
  };
}

/** Time-dependent ROC: AUC(t) (95% CI) per marker and horizon, the paired comparison P, Harrell's and Uno's C. */
export function timeRocTable(a: Plain<TimeRocAnalysisResult>, title: string, unit: string): ReportTable {
  const times = a.times;
  const t0 = a.markers[0]?.at ?? [];
  const tt = (t: number) => fixed(t, Number.isInteger(t) ? 0 : 2);
  const rows: ReportRow[] = a.markers.map((m) => ({
    cells: [
      m.direction === 'lower' ? `${m.marker} (lower = higher risk)` : m.marker,
      ...m.at.map((p) => (p.auc === null ? 'not estimable' : estimateCi(p.auc, p.lower, p.upper))),
      m.harrell.c === null ? '—' : `${fixed(m.harrell.c, 3)} (${fixed(m.harrell.se, 3)})`,
      m.uno.c === null ? '—' : `${fixed(m.uno.c, 3)} (${fixed(m.uno.se, 3)})`,
    ],
  }));
  for (const c of a.comparisons)
    rows.push({ cells: [`P, ${c.a} vs ${c.b}`, ...c.at.map((x) => (x.p === null ? '—' : formatP(x.p))), '', ''] });
  const footnotes = [
    `${a.n} patients, ${a.events} events${a.nDropped ? ` (${a.nDropped} excluded for a missing value)` : ''}. Cases and controls at each horizon: ${t0.map((p) => `${tt(p.time)} ${unit}: ${p.cases} / ${p.controls}`).join('; ')}.`,
    'Cumulative/dynamic AUC(t): cases had the event by t, controls were event-free beyond t; inverse-probability-of-censoring weights from the Kaplan–Meier estimate of censoring (Uno 2007; Blanche 2013); 95% CI from the influence-function standard error (as R riskRegression::Score, cens.model = "marginal"). Markers are read as risk scores (higher = event more likely).',
    `P: paired comparison of two markers' AUC(t) (difference of their influence functions). Harrell's C and Uno's C (truncated at ${tt(a.tau)} ${unit}; Uno 2011) with their standard errors in brackets.`,
  ];
  for (const c of a.comparisons) {
    const parts = c.at.filter((x) => x.diff !== null && x.lower !== null && x.upper !== null).map((x) => `${fixed(x.diff, 3)} (${fixed(x.lower, 3)} to ${fixed(x.upper, 3)}) at ${tt(x.time)} ${unit}`);
    if (parts.length) footnotes.push(`Difference in AUC(t), ${c.a} − ${c.b} (95% CI): ${parts.join('; ')}.`);
  }
  return {
    id: `table-${a.id}`,
    title,
    columns: [
      { label: 'Marker', align: L },
      ...times.map((t) => ({ label: `AUC at ${tt(t)} ${unit} (95% CI)`, align: R })),
      { label: "Harrell's C (SE)", align: R },
      { label: "Uno's C (SE)", align: R },
    ],
    rows,
    footnotes,
  };
}

export function kmTable(a: Plain<KmAnalysisResult>, title: string, unit: string): ReportTable {
  const times = a.survivalTimes;
  const rows: ReportRow[] = a.km.groups.map((g) => {
    const sym = g.medianCISymmetric;
    return {
      cells: [
        g.group,
        String(g.n),
        String(g.events),
        g.median === null ? 'not reached' : `${fixed(g.median, 2)} (${g.medianLower === null ? 'NR' : fixed(g.medianLower, 2)}–${g.medianUpper === null ? 'NR' : fixed(g.medianUpper, 2)})`,
        sym && sym.lower !== null ? `${fixed(sym.median, 2)} (${sym.lower < 0 ? '0*' : fixed(sym.lower, 2)}–${fixed(sym.upper, 2)})` : '—',
        ...times.map((t) => {
          const s = g.at.find((x) => x.time === t);
          return s ? (s.beyondFollowUp ? '—' : `${fixed(100 * s.surv, 1)}`) : '—';
        }),
      ],
    };
  });
  const footnotes = [
    `Kaplan–Meier estimates; median with the 95% CI of R's survfit (log transformation, Brookmeyer–Crowley) and, beside it, the symmetric CI SPSS prints (median ± 1.96·SE, SE of the median as in Collett). NR, not reached; — at a time beyond the group's follow-up.`,
  ];
  if (a.km.groups.some((g) => g.medianCISymmetric?.lower !== null && g.medianCISymmetric !== null && (g.medianCISymmetric.lower as number) < 0))
    footnotes.push('* The symmetric (SPSS) interval median − 1.96·SE falls below 0 and is clipped at 0: a survival time cannot be negative; R\'s interval beside it needs no clipping.');
  if (a.logrank) footnotes.push(`Log-rank test: χ² = ${fixed(a.logrank.chisq, 3)}, df = ${a.logrank.df}, ${pPhrase(a.logrank.p)}.`);
  if (a.trend) footnotes.push(`Log-rank test for trend across the ordered groups: χ² = ${fixed(a.trend.chisq, 3)}, ${pPhrase(a.trend.p)}.`);
  for (const w of a.warnings) footnotes.push(w);
  return {
    id: `table-${a.id}`,
    title,
    columns: [
      { label: 'Group', align: L }, { label: 'n', align: R }, { label: 'Events', align: R }, { label: `Median, ${unit} (95% CI, R)`, align: R },
      { label: 'Median (95% CI, SPSS)', align: R }, ...times.map((t) => ({ label: `${timeLabel(t, unit)} survival (%)`, align: R })),
    ],
    rows,
    footnotes,
  };
}

export function timeLabel(t: number, unit: string): string {
  if (unit === 'months' && t % 12 === 0) return `${t / 12}-year`;
  if (unit === 'days' && Math.abs(t / 365.25 - Math.round(t / 365.25)) < 1e-9) return `${Math.round(t / 365.25)}-year`;
  return `${Number(t.toPrecision(4))}-${unit.replace(/s$/, '')}`;
}

export function cutoffTable(cuts: readonly Plain<CutoffResult>[]): ReportTable {
  return {
    id: 'table-cutoffs',
    title: 'Cut-offs used to split markers',
    columns: [
      { label: 'Marker', align: L }, { label: 'Method', align: L }, { label: 'Cut-off', align: R }, { label: 'Low / high (n)', align: R },
      { label: 'Max. selected log-rank P (corrected)', align: R }, { label: 'Naive P at that cut-off', align: R },
    ],
    rows: cuts.map((c) => ({
      cells: [
        c.variable,
        c.method === 'fixed' ? 'fixed (declared)' : c.method === 'youden' ? `Youden, ${c.endpoint}` : c.method === 'maxstat' ? `max. selected log-rank, ${c.endpoint}` : c.method,
        `${c.direction === '>=' ? '≥' : '>'} ${cutoffText(c.value)}`,
        `${c.nLow} / ${c.nHigh}`,
        c.maxstat ? formatP(c.maxstat.p) : '—',
        c.maxstat ? formatP(c.maxstat.naiveLogRankP) : '—',
      ],
    })),
    footnotes: [
      'A cut-off chosen from the same data inflates any P value computed at it. The corrected P is the maximally selected log-rank test (Lausen & Schumacher 1992; Lausen, Sauerbrei & Schumacher 1994 improved Bonferroni bound, minimum group share 10%), as R maxstat; the naive P is the log-rank P at the selected cut-off as if it had been fixed in advance.',
    ],
  };
}

export function responseTable(a: Plain<ResponseRatesResult>): ReportTable {
  return {
    id: 'table-response',
    title: 'Tumour response',
    columns: [
      { label: 'Group', align: L }, { label: 'Evaluable', align: R }, ...a.levels.map((l) => ({ label: l, align: R })),
      { label: 'ORR, % (95% CI)', align: R }, { label: 'DCR, % (95% CI)', align: R },
    ],
    rows: a.rows.map((r) => ({
      cells: [
        r.group,
        String(r.evaluable),
        ...a.levels.map((l) => `${r.counts[l] ?? 0} (${fixed((100 * (r.counts[l] ?? 0)) / Math.max(1, r.evaluable), 1)})`),
        `${fixed(100 * r.objective.estimate, 2)} (${fixed(100 * r.objective.lower, 1)}–${fixed(100 * r.objective.upper, 1)})`,
        `${fixed(100 * r.control.estimate, 2)} (${fixed(100 * r.control.lower, 1)}–${fixed(100 * r.control.upper, 1)})`,
      ],
    })),
    footnotes: [`ORR, objective response rate (${a.objectiveLevels.join(' + ')}); DCR, disease control rate (${a.controlLevels.join(' + ')}); exact Clopper–Pearson 95% CIs.`],
  };
}

const BASELINE_TESTS: Readonly<Record<string, { symbol: string; text: string }>> = {
  t: { symbol: 't', text: "t, Student's two-sample t test (|t| shown)" },
  anova: { symbol: 'F', text: 'F, one-way ANOVA' },
  mannWhitney: { symbol: 'Z', text: 'Z, Mann–Whitney U test (normal approximation with tie correction, |Z| shown)' },
  kruskalWallis: { symbol: 'H', text: 'H, Kruskal–Wallis test' },
  chisq: { symbol: 'χ²', text: "χ², Pearson's χ² test without continuity correction, as SPSS prints" },
};

export function baselineTable(a: Plain<import('../../analysis/baselineAnalysis.js').BaselineResult>, title: string): ReportTable {
  const rows: ReportRow[] = [];
  const two = a.groups.length >= 2;
  const fisherNotes: string[] = [];
  for (const v of a.variables) {
    if (v.type === 'categorical' && v.minExpected !== null && v.minExpected < 5 && v.fisherP !== null) fisherNotes.push(`${v.label}: an expected count is below 5; Fisher's exact ${pPhrase(v.fisherP)}.`);
    const p = v.p === null ? '' : formatP(v.p);
    const stat = v.statistic === null ? '' : fixed(v.statistic, 3);
    if (v.type === 'numeric') {
      const median = v.summary === 'median';
      const cell = (s: (typeof v.summaries)[number]) => (median ? (s.median === null ? '—' : medianIqr(s.median, s.q1, s.q3)) : s.mean === null ? '—' : meanSd(s.mean, s.sd));
      rows.push({ cells: [median ? `${v.label}, median (IQR)` : v.label, ...v.summaries.map(cell), ...(two ? [stat, p] : [])] });
    } else {
      rows.push({ cells: [v.label, ...a.groups.map(() => ''), ...(two ? [stat, p] : [])] });
      v.levels.forEach((lv, k) => {
        rows.push({ cells: [printedLevel(lv), ...a.groups.map((_, j) => `${v.counts[k][j]} (${fixed((100 * v.counts[k][j]) / Math.max(1, v.counts.reduce((s, r) => s + r[j], 0)), 2)})`), ...(two ? ['', ''] : [])], indent: 1 });
      });
    }
  }
  const numeric = a.variables.filter((v) => v.type === 'numeric');
  const medians = numeric.filter((v) => v.summary === 'median');
  const shown = [numeric.length > medians.length ? 'mean ± SD' : '', medians.length ? 'median (IQR, type-7 quartiles)' : '', a.variables.some((v) => v.type === 'categorical') ? "n (%) (percentages of the group's patients with a value)" : ''].filter(Boolean);
  const tests = [...new Set(a.variables.map((v) => v.test))].filter((t) => t in BASELINE_TESTS);
  const foot = [`${cap(shown.join(', ').replace(/, ([^,]*)$/, ' or $1'))}.${tests.length ? ' ' + tests.map((t) => BASELINE_TESTS[t].text).join('; ') + '.' : ''}`];
  if (medians.length || numeric.length) {
    const bySkew = medians.filter((v) => v.summaryBy === 'skewness').map((v) => v.label);
    const bySpec = medians.filter((v) => v.summaryBy === 'spec').map((v) => v.label);
    const parts = [
      bySkew.length ? `${bySkew.join(', ')} ${bySkew.length > 1 ? 'are' : 'is'} skewed (|sample skewness| > 1)` : '',
      bySpec.length ? `${bySpec.join(', ')} as declared in the study file` : '',
    ].filter(Boolean);
    foot.push(medians.length
      ? `Median (IQR) with ${a.groups.length > 2 ? 'the Kruskal–Wallis' : 'the Mann–Whitney'} test where a variable is skewed: ${parts.join('; ')}; other continuous variables as mean ± SD.`
      : 'Continuous variables as mean ± SD: none is skewed (|sample skewness| ≤ 1 for each).');
  }
  foot.push(...fisherNotes);
  const miss = a.variables.filter((v) => v.missing > 0).map((v) => `${v.label} (${v.missing})`);
  if (miss.length) foot.push(`Missing values: ${miss.join(', ')}.`);
  return {
    id: `table-${a.id}`,
    title,
    columns: [{ label: a.markers ? 'Marker' : 'Characteristic', align: L }, ...a.groups.map((g, j) => ({ label: `${g} (n = ${a.n[j]})`, align: R })), ...(two ? [{ label: tests.map((t) => BASELINE_TESTS[t].symbol).join(' / ') || 'Statistic', align: R }, { label: 'P', align: R }] : [])],
    rows,
    footnotes: foot,
  };
}

export function logisticTable(a: Plain<import('../../analysis/logisticAnalysis.js').LogisticAnalysisResult>, title: string): ReportTable {
  const m = a.multivariable?.model;
  const multi = new Map((m?.terms ?? []).map((t) => [t.term, t]));
  const rows: ReportRow[] = [];
  for (const u of a.univariable) {
    if (!u.model) {
      rows.push({ cells: [u.variable, 'not estimable', '', '', '', '', '', ''] });
      continue;
    }
    for (const t of u.model.terms.slice(1)) {
      const mt = multi.get(t.term);
      rows.push({
        cells: [t.term, estimateCi(t.or, t.lower, t.upper), formatP(t.p), mt ? fixed(mt.coef, 3) : '', mt ? fixed(mt.se, 3) : '', mt ? fixed(mt.wald, 3) : '', mt ? formatP(mt.p) : '', mt ? estimateCi(mt.or, mt.lower, mt.upper) : ''],
      });
    }
  }
  const c = multi.get('(Intercept)');
  if (c) rows.push({ cells: ['Constant', '', '', fixed(c.coef, 3), fixed(c.se, 3), fixed(c.wald, 3), formatP(c.p), fixed(c.or, 3)] });
  const uniN = a.univariable.map((u) => u.model?.n ?? 0);
  return {
    id: `table-${a.id}`,
    title,
    columns: [
      { label: 'Factor', align: L }, { label: 'OR (95% CI)', align: R }, { label: 'P', align: R },
      { label: 'B', align: R }, { label: 'SE', align: R }, { label: 'Wald χ²', align: R }, { label: 'P', align: R }, { label: 'OR (95% CI)', align: R },
    ],
    headerGroups: [{ label: '', span: 1 }, { label: 'Univariable', span: 2 }, { label: 'Multivariable', span: 5 }],
    rows: rows.length ? rows : [{ cells: ['No model could be fitted', '', '', '', '', '', '', ''] }],
    footnotes: [
      `Binary logistic regression of ${a.endpoint}: univariable models on ${nRange(uniN)} patients (complete cases per model)${m ? `; multivariable model on ${m.n} patients with ${m.events} events, ${a.multivariable?.rule.rule === 'p-threshold' ? `entering factors with univariable P < ${a.multivariable.rule.threshold}` : 'factors declared in advance'}` : a.multivariableRule ? '; no multivariable model (no factor qualified)' : '; univariable models only (no multivariable model was requested in the study file)'}. Wald χ² = (B/SE)² as SPSS prints; OR, odds ratio with Wald 95% CI. An odds ratio is not a relative risk (yu2023 Table 4 labels its odds ratios "relative risk").`,
      ...(m?.hosmerLemeshow ? [`Hosmer–Lemeshow goodness of fit: χ² = ${fixed(m.hosmerLemeshow.chisq, 3)}, df = ${m.hosmerLemeshow.df}, ${pPhrase(m.hosmerLemeshow.p)}; Nagelkerke R² = ${fixed(m.nagelkerkeR2, 3)}.`] : []),
      ...a.warnings,
    ],
  };
}
