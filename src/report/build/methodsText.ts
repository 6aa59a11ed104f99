/**
 * The methods paragraph, written only from what ran (the bundle), never from a template of what
 * might have: a test, an interval or a model is named only when its result is in the report. It
 * also states how each index was derived, each cut-off and how it was chosen, and each endpoint's
 * time origin and censoring (from the spec as run).
 */
import type { ResultsBundle } from '../../analysis/bundle.js';
import type { Plain } from '../../analysis/plain.js';
import type { AnalysisResult } from '../../analysis/runAnalyses.js';
import type { ColumnMapping, StudySpec } from '../../study/types.js';
import { cutoffText } from '../../analysis/cutoffs.js';
import { endpointLabel } from './reportLabels.js';

type Of<K extends AnalysisResult['kind']> = Extract<Plain<AnalysisResult>, { kind: K }>;

const INDEX_FORMULA: Readonly<Record<string, string>> = {
  SII: 'platelets × neutrophils / lymphocytes',
  NLR: 'neutrophils / lymphocytes',
  PLR: 'platelets / lymphocytes',
  LMR: 'lymphocytes / monocytes',
  SIRI: 'neutrophils × monocytes / lymphocytes',
  PIV: 'neutrophils × platelets × monocytes / lymphocytes',
  dNLR: 'neutrophils / (white cells − neutrophils)',
};

const AGGREGATE: Readonly<Record<string, string>> = {
  baseline: 'the last draw on or before the time origin',
  first: 'the first draw',
  last: 'the last draw',
  mean: 'the mean of the draws',
  max: 'the highest draw',
  min: 'the lowest draw',
};

/** How each derived variable was computed, e.g. "SII = platelets × NLR (NLR as recorded)". */
export function derivationSentences(spec: StudySpec | null): string[] {
  if (!spec) return [];
  const vars = spec.variables ?? {};
  const out: string[] = [];
  for (const d of spec.derived ?? []) {
    if ('index' in d) {
      let formula = INDEX_FORMULA[d.index] ?? d.index;
      if (d.index === 'SII' && vars.nlr && !vars.neutrophils) formula = 'platelets × NLR (the recorded neutrophil-to-lymphocyte ratio)';
      if ((d.index === 'SII' || d.index === 'NLR' || d.index === 'SIRI' || d.index === 'PIV') && !vars.neutrophils && vars.neutrophilPercent && vars.whiteCells)
        formula += ', with neutrophils = white cells × neutrophil %';
      if (d.index === 'PLR' && !vars.lymphocytes && vars.lymphocytePercent && vars.whiteCells) formula += ', with lymphocytes = white cells × lymphocyte % / 100';
      out.push(`${d.label ?? d.name} = ${formula}, computed from each blood count`);
    } else if ('aggregate' in d) {
      out.push(`${d.label ?? d.name}: ${AGGREGATE[d.aggregate] ?? d.aggregate} of ${d.of}${d.window ? ` from ${d.window.from ?? '−∞'} to ${d.window.to ?? '∞'} ${d.window.unit} after the origin` : ''}`);
    } else {
      out.push(`${d.label ?? d.name}: ${d.of} ${d.direction === '>' ? '>' : '≥'} ${d.threshold}`);
    }
  }
  return out.length ? [`Derived variables: ${out.join('; ')}.`] : [];
}

function cutoffSentence(b: ResultsBundle): string | null {
  if (!b.cutoffs.length) return null;
  const spec = (b.spec ?? null) as StudySpec | null;
  const how = (c: ResultsBundle['cutoffs'][number]): string => {
    const at = `${c.direction === '>=' ? '≥' : '>'} ${cutoffText(c.value)}`;
    switch (c.method) {
      case 'fixed': return `${c.variable} ${at} (declared in advance)`;
      case 'median': return `${c.variable} ${at} (the sample median)`;
      case 'quantile': return `${c.variable} ${at} (a sample quantile)`;
      case 'youden': return `${c.variable} ${at} (Youden-optimal for ${endpointLabel(spec, c.endpoint ?? '')})`;
      case 'maxstat': return `${c.variable} ${at} (maximally selected log-rank statistic for ${endpointLabel(spec, c.endpoint ?? '')})`;
    }
  };
  let s = `Markers were split into high and low at ${b.cutoffs.map(how).join('; ')}.`;
  if (b.cutoffs.some((c) => c.dataDriven))
    s += ' Where a cut-off was chosen from the outcome, the maximally selected log-rank statistic with the Lausen–Schumacher corrected P value is reported beside the naive P value, which is optimistic.';
  return s;
}

/** The data column a follow-up time variable reads, as a reader of the methods knows it: "the column 'os_time' (months)". */
function timeColumnText(spec: StudySpec, variable: string): string {
  const m = (spec.covariates?.[variable] ?? (spec.variables as Record<string, string | ColumnMapping | undefined>)[variable]) as string | ColumnMapping | undefined;
  if (m === undefined) return variable;
  const column = typeof m === 'string' ? m : m.column;
  const unit = typeof m === 'string' ? null : (m.unit ?? null);
  return `the column '${column}'${unit ? ` (${unit})` : ''}`;
}

function endpointSentences(spec: StudySpec | null, used: ReadonlySet<string>): string[] {
  if (!spec) return [];
  const out: string[] = [];
  for (const [name, e] of Object.entries(spec.endpoints ?? {})) {
    if (!used.has(name)) continue;
    const l = endpointLabel(spec, name);
    const label = l.charAt(0).toUpperCase() + l.slice(1);
    const events = e.events.join(' or ');
    if (e.type === 'survival') {
      const origin = e.time ? `as recorded in ${timeColumnText(spec, e.time)}` : `from ${e.origin ?? 'the treatment date'}`;
      const end = e.time ? 'at the end of follow-up' : `at ${e.endDate ?? 'the last follow-up date'}`;
      out.push(`${label}: time ${origin} to ${events}${e.events.length > 1 ? ', whichever came first' : ''}; patients without the event were censored ${end}${e.horizon ? ` and at ${e.horizon.value} ${e.horizon.unit} (administrative censoring)` : ''}.`);
    } else if (e.type === 'competing') {
      const competing = e.competing.join(' or ');
      const origin = e.time ? `as recorded in ${timeColumnText(spec, e.time)}` : `from ${e.origin ?? 'the treatment date'}`;
      const ctime = e.time ? ` (time ${e.competingTime ? `as recorded in ${timeColumnText(spec, e.competingTime)}` : 'from the same column'})` : '';
      out.push(
        `${label}${/compet/i.test(label) ? '' : ' (competing risks)'}: time ${origin} to ${events}${e.events.length > 1 ? ', whichever came first' : ''}; ${competing} without ${events}${ctime} was a competing event, not censoring; ` +
          `patients with neither were censored ${e.time ? 'at the end of follow-up' : `at ${e.endDate ?? 'the last follow-up date'}`}${e.horizon ? ` and at ${e.horizon.value} ${e.horizon.unit} (administrative censoring)` : ''}.`,
      );
    } else {
      out.push(`${label}: ${events}${e.within ? ` within ${e.within.value} ${e.within.unit}; patients followed for less without the event were excluded` : ''}.`);
    }
  }
  return out;
}

export function methodsText(b: ResultsBundle): string[] {
  const spec = (b.spec ?? null) as StudySpec | null;
  const of = <K extends AnalysisResult['kind']>(k: K): Of<K>[] => b.analyses.filter((a): a is Of<K> => a.kind === k);
  const out: string[] = [];
  const first: string[] = [...derivationSentences(spec)];
  const cut = cutoffSentence(b);
  if (cut) first.push(cut);

  const baseline = of('baseline');
  if (baseline.length) {
    const vars = baseline.flatMap((a) => a.variables);
    const numeric = vars.some((v) => v.type === 'numeric');
    const categorical = vars.some((v) => v.type === 'categorical');
    const k3 = baseline.some((a) => a.groups.length > 2);
    const k2 = baseline.some((a) => a.groups.length === 2);
    const parts: string[] = [];
    const num = vars.filter((v) => v.type === 'numeric');
    const used = (t: string) => num.some((v) => v.test === t);
    const means = num.some((v) => v.summary !== 'median');
    const medians = num.some((v) => v.summary === 'median');
    if (numeric && means) parts.push(`continuous variables as mean ± standard deviation${[used('t') ? "Student's t test" : '', used('anova') ? 'one-way ANOVA' : ''].filter(Boolean).length ? `, compared with ${[used('t') ? "Student's t test" : '', used('anova') ? 'one-way ANOVA' : ''].filter(Boolean).join(' or ')}` : k2 || k3 ? '' : ' (one group, no test)'}`);
    if (numeric && medians) parts.push(`${means ? 'skewed ones (absolute sample skewness above 1, unless the study file declared the summary)' : 'continuous variables'} as median (interquartile range)${used('mannWhitney') || used('kruskalWallis') ? `, compared with the ${[used('mannWhitney') ? 'Mann–Whitney U test' : '', used('kruskalWallis') ? 'Kruskal–Wallis test' : ''].filter(Boolean).join(' or ')}` : ''}`);
    if (categorical) {
      const fisher = vars.some((v) => v.type === 'categorical' && v.minExpected !== null && v.minExpected < 5 && v.fisherP !== null);
      parts.push(`categorical variables as n (%), compared with Pearson's χ² test ${b.methods.chiSquare === 'yates' ? 'with' : 'without'} continuity correction${fisher ? " (Fisher's exact test is given where an expected count was below 5)" : ''}`);
    }
    if (parts.length) first.push(`Patient characteristics are summarised as ${parts.join('; ')}.`);
  }
  const roc = of('roc');
  if (roc.length) {
    let s = 'Discrimination was assessed with receiver operating characteristic (ROC) curves: the area under the curve (AUC) with the DeLong standard error and normal 95% confidence interval, the P value for AUC = 0.5 from the Mann–Whitney normal approximation with tie correction, and the optimal cut-off by Youden\'s index taken midway between adjacent observed values.';
    if (roc.some((a) => a.combined.length)) s += ' Markers were combined by logistic regression and the combined predicted probability analysed as one more marker.';
    if (roc.some((a) => a.comparisons.length || a.combined.some((c) => c.vsMarkers.length))) s += ' Correlated AUCs were compared with the paired DeLong test.';
    first.push(s);
  }
  const cox = of('cox');
  if (cox.length) {
    const multi = cox.some((a) => a.multivariable);
    let s = `Factors associated with the time to event were analysed with Cox proportional hazards regression (${b.methods.ties === 'efron' ? 'Efron' : 'Breslow'} approximation for tied event times), one factor at a time${multi ? ' and then in a multivariable model' : ''}; hazard ratios are given with Wald 95% confidence intervals.`;
    if (cox.some((a) => a.multivariable?.result.proportionalHazards)) s += ' The proportional-hazards assumption of the multivariable model was checked with the Grambsch–Therneau test of scaled Schoenfeld residuals.';
    if (cox.some((a) => a.timeVarying)) s += ' Repeated measurements entered a Cox model as time-varying covariates, each value holding until the next draw.';
    first.push(s);
  }
  const logistic = of('logistic');
  if (logistic.length) {
    const multi = logistic.filter((a) => a.multivariable);
    let s = `Binary outcomes were analysed by logistic regression, one factor at a time${multi.length ? ' and then in a multivariable model' : ''} (odds ratios with Wald 95% confidence intervals)`;
    if (multi.some((a) => a.multivariable?.model.hosmerLemeshow)) s += '; the multivariable model\'s fit is given by the Hosmer–Lemeshow test and Nagelkerke R²';
    first.push(s + '.');
  }
  const km = [...of('km')];
  if (km.length) {
    let s = `Survival curves were estimated by the Kaplan–Meier method with Greenwood standard errors and ${b.methods.kmConfType}-transformed pointwise 95% confidence intervals`;
    if (km.some((a) => a.logrank)) s += ', and compared with the log-rank test';
    if (km.some((a) => a.trend)) s += ' (with the log-rank test for trend across ordered groups)';
    s += ". Median survival is given with the confidence interval of R's survfit and, for comparison with SPSS output, the symmetric interval median ± 1.96·SE.";
    first.push(s);
  }
  const timeRoc = of('timeRoc');
  if (timeRoc.length) {
    let s = 'Time-dependent discrimination was assessed by the cumulative/dynamic area under the ROC curve at each horizon t, AUC(t) (cases: patients with the event by t; controls: patients event-free beyond t), with inverse-probability-of-censoring weights from the Kaplan–Meier estimate of the censoring distribution (Uno et al., 2007; Blanche et al., 2013); standard errors come from the influence function and the 95% confidence intervals are normal (as R riskRegression::Score).';
    if (timeRoc.some((a) => a.comparisons.length)) s += ' AUC(t) of two markers on the same patients were compared with the paired difference of their influence functions (Blanche et al., 2013).';
    s += ` Harrell's C and Uno's C truncated at ${timeRoc.every((a) => a.tau === Math.max(...a.times)) ? 'the largest horizon' : 'a time τ given with the table'} (Uno et al., 2011) are given with infinitesimal-jackknife standard errors.`;
    first.push(s);
  }
  const splines = of('spline');
  if (splines.length) {
    const cox = splines.some((a) => a.model === 'cox');
    const logit = splines.some((a) => a.model === 'logistic');
    const dflt = splines.some((a) => a.defaultKnots);
    first.push(
      `The shape of the association of ${[...new Set(splines.map((a) => a.markerLabel))].join(', ')} with the outcome was examined with restricted cubic splines (Stone & Koo, 1985; Harrell, 2015)${dflt ? " with knots at Harrell's default quantiles of the marker" : ''} in ${cox && logit ? 'Cox and logistic' : cox ? 'Cox' : 'logistic'} regression; ` +
        `the overall association and the departure from linearity were tested with Wald χ² tests of all spline terms and of the nonlinear terms (as R rms anova), and the ${cox && logit ? 'hazard (odds)' : cox ? 'hazard' : 'odds'} ratio is drawn relative to the median with a pointwise 95% confidence band.`,
    );
  }
  const nomograms = of('nomogram');
  if (nomograms.length)
    first.push(
      "A nomogram was built from the multivariable Cox model (Iasonos et al., 2008; Harrell, 2015): each predictor value is scored so that the predictor with the widest range of contribution to the linear predictor spans 0–100 points, and the total points map to the linear predictor and to the predicted survival at each horizon, S(t) = S₀(t)^exp(linear predictor), from the fitted model's baseline cumulative hazard (Breslow's estimator, in its Efron form when tied times are handled by Efron's method), as R rms::nomogram.",
    );
  const calibrations = of('calibration');
  if (calibrations.length) {
    const surv = calibrations.some((a) => a.calibration.outcome === 'survival');
    const bin = calibrations.some((a) => a.calibration.outcome === 'binary');
    const parts: string[] = [];
    if (surv)
      parts.push(
        'Calibration of the Cox model at the horizon was assessed by comparing the mean predicted risk with the observed risk (1 − Kaplan–Meier) in groups at quantiles of the predicted risk, by a smooth calibration curve from a Cox model of the outcome on a restricted cubic spline (3 knots) of the complementary log-log of the predicted risk with the integrated calibration index (ICI), E50 and E90 (Austin, Harrell & van Klaveren, 2020), by the calibration slope (the coefficient of a Cox model of the outcome on the linear predictor; van Houwelingen, 2000) and by calibration-in-the-large (observed against mean predicted risk)',
      );
    if (bin)
      parts.push(
        'calibration of the logistic model by observed proportions in groups at quantiles of the predicted probability, a smooth curve from a logistic model on a restricted cubic spline of logit(p) with ICI, E50 and E90 (Austin & Steyerberg, 2019), and the calibration slope and intercept by logistic recalibration (Cox, 1958)',
      );
    first.push(`${parts.join('; ')}.`.replace(/^c/, 'C'));
  }
  const validations = of('validation');
  if (validations.length) {
    const bs = [...new Set(validations.map((a) => a.validation.requested))].join(', ');
    const brier = validations.some((a) => a.validation.model === 'cox' && a.validation.brier);
    first.push(
      `Internal validity was assessed by the optimism bootstrap (Efron & Tibshirani, 1993; Harrell, Lee & Mark, 1996), as R rms::validate: the model was refitted in each of ${bs} bootstrap samples (seeded; failed fits are counted and reported), its C index, calibration slope and Brier score${brier ? ' at the horizon (with inverse-probability-of-censoring weights; Graf et al., 1999)' : ''} were computed on the bootstrap sample and on the original data, and the mean difference (the optimism) was subtracted from the apparent values.`,
    );
  }
  const curves = of('decisionCurve');
  if (curves.length) {
    const surv = curves.some((a) => a.curve.outcome === 'survival');
    first.push(
      `Clinical usefulness was assessed by decision curve analysis (Vickers & Elkin, 2006): the net benefit TP/n − FP/n · pt/(1 − pt) of treating patients whose predicted risk is at least the threshold probability pt, against treating all and treating none${surv ? ', for survival at the horizon with true and false positives from the Kaplan–Meier risk among those treated (Vickers, Cronin, Elkin & Gonen, 2008)' : ''}.`,
    );
  }
  const cif = of('cif');
  if (cif.length)
    first.push(
      `The cumulative incidence of each cause was estimated by the Aalen–Johansen estimator (Aalen & Johansen, 1978), which counts a competing event as ending the risk of the event of interest rather than as censoring, with the variance of R's cmprsk::cuminc and log(−log)-transformed pointwise 95% confidence intervals${cif.some((a) => a.cif.gray.length) ? "; groups were compared for each cause with Gray's test (Gray, 1988)" : ''}.`,
    );
  const fineGray = of('fineGray');
  if (fineGray.length)
    first.push(
      `The association of factors with the cumulative incidence of the event of interest was estimated by Fine–Gray proportional subdistribution hazards regression (Fine & Gray, 1999), with inverse-probability-of-censoring weights from the Kaplan–Meier estimate of the censoring distribution and robust (sandwich) standard errors, as R cmprsk::crr; subdistribution hazard ratios (sHR) are given with Wald 95% confidence intervals. ` +
        `Beside it, cause-specific Cox models (${b.methods.ties === 'efron' ? 'Efron' : 'Breslow'} ties) of each cause, the other cause censored, give cause-specific hazard ratios. All models of one analysis were fitted on the same complete cases.`,
    );
  if (km.some((a) => (a.deathsWithoutEvent ?? 0) > 0))
    first.push('Where a Kaplan–Meier analysis of an event was run while patients died without it, those deaths were censored (see Warnings); 1 − Kaplan–Meier then overstates the cumulative incidence of the event.');
  if (of('maxstat').length && !b.cutoffs.some((c) => c.dataDriven))
    first.push('Maximally selected log-rank cut-offs are reported with the Lausen–Schumacher corrected P value beside the naive P value.');
  if (of('response').length) first.push('Response rates are given with exact Clopper–Pearson 95% confidence intervals.');
  const used = new Set<string>();
  for (const a of b.analyses) if ('endpoint' in a && typeof a.endpoint === 'string') used.add(a.endpoint);
  for (const c of b.cutoffs) if (c.endpoint) used.add(c.endpoint);
  first.push(...endpointSentences(spec, used));
  out.push(first.join(' '));
  out.push(
    `Patients with a missing value in a variable an analysis used were excluded from that analysis only; the number analysed is given with each table. All tests were two-sided at α = 0.05. Analyses were run with ${b.methods.software}, whose estimates are checked against R (survival, pROC, stats, maxstat) to six significant digits.`,
  );
  return out;
}
