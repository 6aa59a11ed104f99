/**
 * Calibration slope of a survival model: the coefficient of a Cox regression (Cox 1972) of the
 * observed outcome on the model's linear predictor (or any strictly increasing linear transform of
 * it, such as the complementary log-log of the predicted risk at a horizon) — van Houwelingen
 * 2000 (Stat Med 19:3401); Harrell, Lee & Mark 1996 (Stat Med 15:361). 1 = predictions spread as
 * they should, < 1 = too extreme (overfitting). Also used for the bootstrap "test" slope of
 * rms::validate.
 *
 * Contract: `time` finite, `event` 0/1 with at least one event, `lp` finite, same length. Returns
 * null when the fit is impossible (lp constant, not converged).
 *
 * @example
 * coxCalibrationSlope(new Float64Array([1, 2, 3, 4, 5]), new Uint8Array([1, 1, 1, 0, 1]), new Float64Array([2, 0, 2, 0, 0]), 'efron')
 * // { slope: 0.71937802…, se: 0.6003…, converged: true }  (R: coef(coxph(Surv(t, e) ~ lp)) = 0.719378023677)
 */
import { coxFit } from '../survival/cox/fit.js';
import { coxSortedData, coxSortedDataWithColumns, type CoxSortedData } from '../survival/cox/sortedData.js';

export interface CalibrationSlope {
  readonly slope: number;
  readonly se: number;
  readonly converged: boolean;
}

/** `sorted` (optional): the same rows already sorted by coxSortedData (any columns), saving the sort. */
export function coxCalibrationSlope(
  time: Float64Array, event: Uint8Array, lp: Float64Array, ties: 'efron' | 'breslow' = 'efron', sorted?: CoxSortedData, eps = 1e-9, init?: number,
): CalibrationSlope | null {
  const d = sorted ? coxSortedDataWithColumns(sorted, [lp]) : coxSortedData({ stop: time, start: null, event, columns: [lp], strata: null, nStrata: 1 });
  if (d.nEvents === 0) return null;
  const f = coxFit(d, { ties, eps, concordance: false, baselineStrata: null, init: init === undefined ? undefined : [init], linearPredictors: false });
  if (f.singular.length > 0 || !Number.isFinite(f.beta[0])) return null;
  return { slope: f.beta[0], se: Math.sqrt(f.variance[0]), converged: f.converged && f.infinite.length === 0 };
}
