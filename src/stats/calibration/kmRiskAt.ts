/**
 * Observed risk at a horizon from the Kaplan–Meier estimate (Kaplan & Meier 1958): 1 − S(t) for a
 * subset of patients, with the pointwise log-scale ("log", R survfit's default) Greenwood interval
 * turned into an interval of the risk, [1 − S·e^{+z·se}, 1 − S·e^{−z·se}] clipped to [0, 1].
 * Used by calibration groups, calibration-in-the-large and survival decision curves.
 *
 * Contract: `time` finite ≥ 0, `event` 0/1, `rows` (input indices of the subset; all rows when
 * omitted). S(t) is the value of the step function at t (R's summary(survfit, times = t)); when t
 * lies after the subset's last time and that time is a censoring, S(t) is not defined: null.
 *
 * @example
 * kmRiskAt(new Float64Array([1, 2, 2, 3, 5]), new Uint8Array([1, 1, 0, 1, 0]), 2.5)
 * // { risk: 0.4, lower: 0.0503…, upper: 0.7333…, surv: 0.6, nRisk: 2, n: 5 }  (R: 1 − summary(survfit)$surv at 2.5)
 */
import { qnorm } from '../dist/index.js';
import { kaplanMeierCore } from '../survival/kaplanMeierCore.js';

export interface KmRisk {
  /** 1 − S(t), null when not estimable. */
  readonly risk: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly surv: number | null;
  /** Number still at risk after t (time > t). */
  readonly nRisk: number;
  readonly n: number;
}

export function kmRiskAt(time: ArrayLike<number>, event: ArrayLike<number>, t: number, rows?: ArrayLike<number> | null, confLevel = 0.95): KmRisk {
  const m = rows ? rows.length : time.length;
  if (m === 0) return { risk: null, lower: null, upper: null, surv: null, nRisk: 0, n: 0 };
  // Sorted by time, deaths before censorings at a tied time: the event times and the censoring
  // times are sorted apart (typed-array sorts) and merged, which gives the same sequence of
  // (time, event) as one sort of the rows with that comparison and no comparator call per pair.
  let nEvents = 0;
  for (let k = 0; k < m; k++) if (event[rows ? rows[k] : k] === 1) nEvents++;
  const dt = new Float64Array(nEvents);
  const ct = new Float64Array(m - nEvents);
  let nRisk = 0;
  for (let k = 0, a = 0, c = 0; k < m; k++) {
    const i = rows ? rows[k] : k;
    const x = time[i];
    if (x > t) nRisk++;
    if (event[i] === 1) dt[a++] = x;
    else ct[c++] = x;
  }
  dt.sort();
  ct.sort();
  const tt = new Float64Array(m);
  const ee = new Uint8Array(m);
  for (let k = 0, a = 0, c = 0; k < m; k++) {
    if (c >= ct.length || (a < dt.length && dt[a] <= ct[c])) {
      tt[k] = dt[a++];
      ee[k] = 1;
    } else tt[k] = ct[c++];
  }
  const km = kaplanMeierCore(tt, ee);
  let j = -1;
  for (let r = 0; r < km.time.length && km.time[r] <= t; r++) j = r;
  if (j === -1) return { risk: 0, lower: 0, upper: 0, surv: 1, nRisk, n: m };
  const last = km.time.length - 1;
  if (t > km.time[last] && km.nEvent[last] === 0 && km.surv[last] > 0) return { risk: null, lower: null, upper: null, surv: null, nRisk, n: m };
  const s = km.surv[j];
  const se = km.stdErrLog[j];
  const z = qnorm(1 - (1 - confLevel) / 2);
  if (!(s > 0) || !Number.isFinite(se)) return { risk: 1 - s, lower: null, upper: null, surv: s, nRisk, n: m };
  const sHi = Math.min(1, s * Math.exp(z * se));
  const sLo = s * Math.exp(-z * se);
  return { risk: 1 - s, lower: Math.max(0, 1 - sHi), upper: Math.min(1, 1 - sLo), surv: s, nRisk, n: m };
}
