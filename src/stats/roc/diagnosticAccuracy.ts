/**
 * Diagnostic accuracy at one threshold, from the 2 × 2 counts: sensitivity TP/(TP+FN),
 * specificity TN/(TN+FP), predictive values PPV = TP/(TP+FP) and NPV = TN/(TN+FN) (at the sample's
 * prevalence, as pROC's coords), likelihood ratios LR+ = se/(1 − sp) and LR− = (1 − se)/sp, and
 * Youden's J = se + sp − 1 (Youden WJ, Cancer 1950;3:32–35). A ratio whose denominator is zero is null.
 * Note pROC's coords(ret = "youden") reports se + sp, i.e. J + 1.
 */
export interface DiagnosticAccuracy {
  /** Threshold in the marker's units (±Infinity at the ends of the curve). */
  readonly threshold: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly trueNegatives: number;
  readonly falseNegatives: number;
  readonly sensitivity: number;
  readonly specificity: number;
  readonly ppv: number | null;
  readonly npv: number | null;
  readonly lrPositive: number | null;
  readonly lrNegative: number | null;
  /** Youden's J = sensitivity + specificity − 1. */
  readonly youden: number;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/**
 * @example
 * diagnosticAccuracy(0.5, 8, 2, 10, 10).ppv // 0.8
 */
export function diagnosticAccuracy(threshold: number, tp: number, fp: number, nCases: number, nControls: number): DiagnosticAccuracy {
  const fn = nCases - tp;
  const tn = nControls - fp;
  const se = tp / nCases;
  const sp = tn / nControls;
  return Object.freeze({
    threshold,
    truePositives: tp,
    falsePositives: fp,
    trueNegatives: tn,
    falseNegatives: fn,
    sensitivity: se,
    specificity: sp,
    ppv: ratio(tp, tp + fp),
    npv: ratio(tn, tn + fn),
    lrPositive: ratio(se, 1 - sp),
    lrNegative: ratio(1 - se, sp),
    youden: se + sp - 1,
  });
}
