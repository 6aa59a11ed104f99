/**
 * Net benefit at a horizon t for a survival outcome, Kaplan–Meier version (Vickers, Cronin, Elkin &
 * Gonen 2008, BMC Med Inform Decis Mak 8:53): with "treated" = predicted risk ≥ pt,
 *   TP = (1 − S_KM(t | treated)) · P(treated) · n,  FP = S_KM(t | treated) · P(treated) · n,
 *   NB(pt) = TP/n − FP/n · pt/(1 − pt),
 * S_KM(t | treated) the Kaplan–Meier survival at t among the treated. 0 when no one is treated; null
 * when the treated group's follow-up ends in a censoring before t (S(t) undefined).
 * Treat-all uses the KM risk of everyone (treatAllNetBenefit with π = 1 − S_KM(t)).
 *
 * The patients are sorted once (by time, deaths before censorings at a tied time); each threshold's
 * estimate is one pass over that order, skipping the untreated and stopping at t, with the
 * arithmetic of kaplanMeierCore.ts (S ·= (n − d)/n at each time) — the value kmRiskAt gives for the
 * treated rows, without a sort per threshold: 99 thresholds on 100,000 patients are 99 passes.
 *
 * @example
 * // 4 patients, all followed past t except one death at 1: risk of the treated {0.9, 0.6} is 1/2
 * survivalNetBenefit(new Float64Array([1, 5, 5, 5]), new Uint8Array([1, 0, 0, 0]), new Float64Array([0.9, 0.6, 0.4, 0.1]), 3, [0.5])
 * // [0]  (TP = ½·½·4 = 1, FP = 1: 1/4 − 1/4)
 */
/** The rows by time ascending, deaths before censorings at a tied time: one order for every model of an outcome. */
export function survivalOrder(time: Float64Array, event: Uint8Array): Int32Array {
  const order = new Int32Array(time.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => time[a] - time[b] || event[b] - event[a]);
}

export function survivalNetBenefit(
  time: Float64Array, event: Uint8Array, risk: ArrayLike<number>, horizon: number, thresholds: readonly number[],
  /** survivalOrder(time, event), when the caller has it (decisionCurve: once for all models). */
  order: Int32Array = survivalOrder(time, event),
): (number | null)[] {
  const n = time.length;
  return thresholds.map((pt) => {
    const m = countAtLeast(risk, pt, n);
    if (m === 0) return 0;
    const surv = survivalAmong(time, event, order, risk, pt, m, horizon);
    if (surv === null) return null;
    const kmRisk = 1 - surv;
    const pTreated = m / n;
    return kmRisk * pTreated - (1 - kmRisk) * pTreated * (pt / (1 - pt));
  });
}

/**
 * The number of the first n risks ≥ pt (a function of its own: as a loop of the threshold's closure, V8 compiled
 * it on its own and left that code after it at every threshold — 198 deoptimizations in one analyze).
 */
function countAtLeast(risk: ArrayLike<number>, pt: number, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) if (risk[i] >= pt) m++;
  return m;
}

/**
 * S_KM(t) of the m rows with risk ≥ pt, walking `order` (time ascending, deaths first); 1 when no
 * time of theirs is ≤ t; null when all their times are < t and the last is a censoring with S > 0.
 */
function survivalAmong(time: Float64Array, event: Uint8Array, order: Int32Array, risk: ArrayLike<number>, pt: number, m: number, t: number): number | null {
  const n = order.length;
  let s = 1;
  let passed = 0; // treated rows before the current time
  let p = 0;
  let seen = false;
  let lastTime = NaN;
  let lastDeaths = 0;
  for (;;) {
    while (p < n && !(risk[order[p]] >= pt)) p++;
    if (p >= n) break;
    const ti = time[order[p]];
    if (ti > t) return seen ? s : 1;
    const atRisk = m - passed;
    let d = 0;
    let c = 0;
    for (; p < n && time[order[p]] === ti; p++) {
      const i = order[p];
      if (!(risk[i] >= pt)) continue;
      if (event[i] === 1) d++;
      else c++;
    }
    if (d > 0) s *= (atRisk - d) / atRisk;
    passed += d + c;
    seen = true;
    lastTime = ti;
    lastDeaths = d;
  }
  if (!seen) return 1;
  if (t > lastTime && lastDeaths === 0 && s > 0) return null;
  return s;
}
