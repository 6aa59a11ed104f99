/**
 * Net benefit at a horizon t for a survival outcome, Kaplan–Meier version (Vickers, Cronin, Elkin &
 * Gonen 2008, BMC Med Inform Decis Mak 8:53): with "treated" = predicted risk ≥ pt,
 *   TP = (1 − S_KM(t | treated)) · P(treated) · n,  FP = S_KM(t | treated) · P(treated) · n,
 *   NB(pt) = TP/n − FP/n · pt/(1 − pt),
 * S_KM(t | treated) the Kaplan–Meier survival at t among the treated (kmRiskAt.ts). 0 when no one is
 * treated; null when the treated group's follow-up ends in a censoring before t (S(t) undefined).
 * Treat-all uses the KM risk of everyone (treatAllNetBenefit with π = 1 − S_KM(t)).
 *
 * @example
 * // 4 patients, all followed past t except one death at 1: risk of the treated {0.9, 0.6} is 1/2
 * survivalNetBenefit(new Float64Array([1, 5, 5, 5]), new Uint8Array([1, 0, 0, 0]), new Float64Array([0.9, 0.6, 0.4, 0.1]), 3, [0.5])
 * // [0]  (TP = ½·½·4 = 1, FP = 1: 1/4 − 1/4)
 */
import { kmRiskAt } from '../calibration/kmRiskAt.js';

export function survivalNetBenefit(time: Float64Array, event: Uint8Array, risk: ArrayLike<number>, horizon: number, thresholds: readonly number[]): (number | null)[] {
  const n = time.length;
  return thresholds.map((pt) => {
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (risk[i] >= pt) rows.push(i);
    if (rows.length === 0) return 0;
    const km = kmRiskAt(time, event, horizon, rows);
    if (km.risk === null) return null;
    const pTreated = rows.length / n;
    return km.risk * pTreated - (1 - km.risk) * pTreated * (pt / (1 - pt));
  });
}
