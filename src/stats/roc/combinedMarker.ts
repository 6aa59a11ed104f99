/**
 * A combined marker ("jointed AUC", as deng2025 combines SII and AFP): a logistic regression of the
 * outcome on the markers (src/stats/regression/logistic.ts), whose in-sample predicted
 * probabilities are then analysed as one more marker — the ROC curve, the AUC with its DeLong SE
 * and CI — and compared with each single marker by the paired DeLong test (DeLong, DeLong &
 * Clarke-Pearson 1988; placement values as Sun & Xu 2014). This equals, in R,
 *   f <- glm(y ~ a + b, family = binomial); roc(y, fitted(f)); roc.test(roc(y, fitted(f)), roc(y, a), method = "delong", paired = TRUE).
 * The AUC is optimistic (the model is fitted and assessed on the same subjects); the DeLong CI does
 * not include the uncertainty of the fitted coefficients.
 */
import { analysisError } from '../../errors.js';
import { rocMessages } from '../../messages/index.js';
import { logisticRegression } from '../regression/logistic.js';
import { compareAucs, type RocComparison } from './compareAucs.js';
import { rocAnalysis, type RocOptions, type RocResult } from './rocAnalysis.js';

export interface CombinedMarker {
  readonly markers: readonly string[];
  /** '(Intercept)' then the markers, as R's glm. */
  readonly terms: readonly string[];
  readonly coefficients: readonly number[];
  readonly se: readonly (number | null)[];
  readonly converged: boolean;
  /** True when the logistic fit shows (quasi-)separation: coefficients are then not finite estimates. */
  readonly separation: boolean;
  /** ROC analysis of the predicted probabilities (direction `auto`, as pROC). */
  readonly roc: RocResult;
  /** Paired DeLong test combined − marker, for each marker in order. */
  readonly vsMarkers: readonly RocComparison[];
}

/**
 * Contract: `columns[k]` are the markers (complete cases, same subjects as `singles[k]`), `y` 0/1.
 *
 * @example
 * const y = Float64Array.of(0, 0, 1, 0, 1, 1, 0, 1, 0, 1);
 * const a = Float64Array.of(1, 2, 3, 4, 5, 6, 2, 3, 5, 4), b = Float64Array.of(3, 1, 2, 2, 5, 4, 4, 6, 1, 3);
 * const c = combinedMarker([a, b], y, [rocAnalysis(a, y, { marker: 'a' }), rocAnalysis(b, y, { marker: 'b' })], ['a', 'b']);
 * c.roc.auc // 0.88 (a alone 0.76, b alone 0.82; R: glm + pROC::roc give 0.88)
 */
export function combinedMarker(
  columns: readonly Float64Array[],
  y: Float64Array,
  singles: readonly RocResult[],
  names: readonly string[],
  opts: RocOptions = {},
): CombinedMarker {
  const fit = logisticRegression(columns, y);
  const p = fit.fitted;
  for (let i = 0; i < p.length; i++) {
    if (!Number.isFinite(p[i])) throw analysisError(rocMessages.combinedNotFitted('the predicted probabilities are not finite'));
  }
  const roc = rocAnalysis(Float64Array.from(p), y, { ...opts, direction: 'auto', marker: 'combined' });
  const level = opts.level ?? 0.95;
  const se = Array.from(fit.se as ArrayLike<number>, (s) => (Number.isFinite(s) ? s : null));
  return Object.freeze({
    markers: Object.freeze([...names]),
    terms: Object.freeze(['(Intercept)', ...names]),
    coefficients: Object.freeze(Array.from(fit.coefficients as ArrayLike<number>)),
    se: Object.freeze(se),
    converged: Boolean(fit.converged),
    separation: Boolean(fit.separation),
    roc,
    vsMarkers: Object.freeze(singles.map((s) => compareAucs(roc, s, level))),
  });
}
