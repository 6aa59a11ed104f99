/**
 * The methods paragraph, written from what actually ran (the bundle), not from a template of what
 * might have: tests, tie handling, CI types, cut-off methods and their correction, software.
 */
import type { ResultsBundle } from '../../analysis/bundle.js';

export function methodsText(b: ResultsBundle): string[] {
  const kinds = new Set(b.analyses.map((a) => a.kind));
  const out: string[] = [];
  const first: string[] = [];
  if (kinds.has('baseline'))
    first.push(
      `Continuous variables are summarised as mean ± standard deviation and compared between groups with Student's t test (Welch's t test and Levene's test reported alongside); categorical variables as n (%) and compared with Pearson's χ² test ${b.methods.chiSquare === 'yates' ? 'with' : 'without'} continuity correction (Fisher's exact test where an expected count was below 5).`,
    );
  if (kinds.has('roc'))
    first.push(
      `Discrimination was assessed with receiver operating characteristic (ROC) curves: the area under the curve (AUC) with the DeLong standard error and normal 95% confidence interval, the P value for AUC = 0.5 from the Mann–Whitney normal approximation with tie correction, and the optimal cut-off by Youden's index taken midway between adjacent observed values. Markers were combined by logistic regression and the combined predicted probability analysed as one more marker; correlated AUCs were compared with the paired DeLong test.`,
    );
  if (kinds.has('cox'))
    first.push(
      `Factors associated with the time to event were analysed with Cox proportional hazards regression (${b.methods.ties === 'efron' ? 'Efron' : 'Breslow'} approximation for tied event times), first one factor at a time and then in a multivariable model; hazard ratios are given with Wald 95% confidence intervals, and the proportional-hazards assumption was checked with the Grambsch–Therneau test of scaled Schoenfeld residuals.`,
    );
  if (kinds.has('logistic'))
    first.push('Binary outcomes were analysed by logistic regression (odds ratios with Wald 95% confidence intervals; Hosmer–Lemeshow goodness of fit, Nagelkerke R²).');
  if (kinds.has('km'))
    first.push(
      `Survival curves were estimated by the Kaplan–Meier method with Greenwood standard errors and ${b.methods.kmConfType}-transformed pointwise 95% confidence intervals, and compared with the log-rank test. Median survival is given with the confidence interval of R's survfit and, for comparison with SPSS output, the symmetric interval median ± 1.96·SE.`,
    );
  if (kinds.has('response')) first.push('Response rates are given with exact Clopper–Pearson 95% confidence intervals.');
  if (b.cutoffs.some((c) => c.dataDriven))
    first.push(
      'Where a marker cut-off was chosen from the data, the maximally selected log-rank statistic with the Lausen–Schumacher corrected P value is reported beside the naive P value, which is optimistic.',
    );
  out.push(first.join(' '));
  out.push(
    `Patients with a missing value in a variable an analysis used were excluded from that analysis only; the number analysed is given with each table. All tests were two-sided at α = 0.05. Analyses were run with ${b.methods.software}, whose estimates are checked against R (survival, pROC, stats, maxstat) to six significant digits.`,
  );
  return out;
}
