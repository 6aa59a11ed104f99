/**
 * Restricted mean survival time μ(τ) = ∫₀^τ S(t) dt of a Kaplan–Meier curve and its standard error
 * (Klein & Moeschberger 2003, §4.5, eq. 4.5.2; Irwin 1949):
 *   Var μ̂(τ) = Σ_{tj ≤ τ} A_j² dj / (nj (nj − dj)),  A_j = ∫_{tj}^τ S(t) dt.
 * Beyond the last time the curve is carried at its last value up to τ (as R's print(survfit, rmean = τ)).
 * A term with nj = dj has A_j = 0 (the curve is 0 afterwards) and contributes nothing.
 *
 * Contract: core of one curve; τ ≥ 0. Checks nothing.
 *
 * @example // times 1,2,3 all events, τ = 5: μ = 1 + 2/3 + 1/3 = 2, se = sqrt(1/6 + 1/18) = 0.471405
 * restrictedMean(kaplanMeierCore(new Float64Array([1, 2, 3]), new Float64Array([1, 1, 1])), 5) // { tau: 5, estimate: 2, se: 0.4714045… }
 */
import type { KaplanMeierCoreResult } from './kaplanMeierCore.js';
import type { RestrictedMean } from './types.js';

export function restrictedMean(core: KaplanMeierCoreResult, tau: number): RestrictedMean {
  const { time, nRisk, nEvent, surv } = core;
  // Rows with events at or before τ; cumulative area up to each of them.
  const m = time.length;
  let total = 0;
  let prevT = 0;
  let prevS = 1;
  const cum = new Float64Array(m);
  let last = -1;
  for (let i = 0; i < m && time[i] <= tau; i++) {
    total += prevS * (time[i] - prevT);
    cum[i] = total;
    prevT = time[i];
    prevS = surv[i];
    last = i;
  }
  total += prevS * (tau - prevT);
  let v = 0;
  for (let i = 0; i <= last; i++) {
    const d = nEvent[i];
    const n = nRisk[i];
    if (d === 0 || n === d) continue;
    const a = total - cum[i];
    v += (a * a * d) / (n * (n - d));
  }
  return { tau, estimate: total, se: Math.sqrt(v) };
}
