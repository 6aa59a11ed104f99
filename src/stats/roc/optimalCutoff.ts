/**
 * Optimal cutoffs on the empirical ROC curve, as pROC 1.18's coords(x = "best"):
 *  - `youden`: maximise sensitivity + specificity (Youden's J + 1);
 *  - `closest.topleft`: minimise (1 − sensitivity)² + (1 − specificity)².
 * Candidates are the curve's thresholds (midpoints between adjacent observed values, and ±∞).
 * Criteria are computed in floating point exactly as written above and compared for equality, as
 * pROC does. Ties: pROC returns every threshold that attains the optimum; siilab keeps them all
 * (`ties`) and reports as *the* cutoff the first in pROC's listing order (ascending thresholds for
 * direction `higher`, descending for `lower`), which is the tied cutoff with the highest
 * sensitivity (and lowest specificity).
 */
import { diagnosticAccuracy, type DiagnosticAccuracy } from './diagnosticAccuracy.js';
import type { RocCurve } from './rocCurve.js';

export type CutoffMethod = 'youden' | 'closest.topleft';

export interface OptimalCutoff {
  readonly method: CutoffMethod;
  /** The reported cutoff: the first of `ties`. */
  readonly best: DiagnosticAccuracy;
  /** Every threshold attaining the optimum, in pROC's order (length ≥ 1). */
  readonly ties: readonly DiagnosticAccuracy[];
}

/**
 * @example
 * const g = orientedGroups(Float64Array.of(1, 2, 3, 4), Float64Array.of(0, 1, 0, 1), 'higher');
 * optimalCutoff(rocCurve(g), 'youden').ties.map((c) => c.threshold) // [1.5, 3.5]
 */
export function optimalCutoff(curve: RocCurve, method: CutoffMethod): OptimalCutoff {
  const se = curve.sensitivity, sp = curve.specificity;
  const len = se.length;
  const crit = new Float64Array(len);
  let best = method === 'youden' ? -Infinity : Infinity;
  for (let k = 0; k < len; k++) {
    const c = method === 'youden' ? se[k] + sp[k] : (1 - se[k]) * (1 - se[k]) + (1 - sp[k]) * (1 - sp[k]);
    crit[k] = c;
    if (method === 'youden' ? c > best : c < best) best = c;
  }
  const ties: DiagnosticAccuracy[] = [];
  for (let k = 0; k < len; k++) {
    if (crit[k] === best) {
      ties.push(diagnosticAccuracy(curve.threshold[k], curve.truePositives[k], curve.falsePositives[k], curve.nCases, curve.nControls));
    }
  }
  return Object.freeze({ method, best: ties[0], ties: Object.freeze(ties) });
}
