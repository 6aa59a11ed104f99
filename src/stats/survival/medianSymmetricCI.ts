/**
 * The symmetric confidence interval of the median survival time that SPSS prints
 * (Kaplan–Meier "Means and Medians for Survival Time": Estimate, Std. Error, 95% CI = estimate ± z·se),
 * and that the seed papers report (hong2021: median OS 8 months, 95% CI 5.761–10.239).
 *
 * Standard error of a percentile t(p) of the Kaplan–Meier curve (Collett, Modelling Survival Data
 * in Medical Research, 3rd ed., 2015, §2.4.2, eqs. 2.19–2.21 — the textbook rule behind SPSS's
 * "Std. Error" of the median; not checked against SPSS output, which is not available here):
 *   se{t(p)} = se{Ŝ(t(p))} / f̂{t(p)},   f̂{t(p)} = (Ŝ(û) − Ŝ(l̂)) / (l̂ − û),
 *   û = max{ t(j) : Ŝ(t(j)) ≥ 1 − p + ε },  l̂ = min{ t(j) : Ŝ(t(j)) ≤ 1 − p − ε },  ε = 0.05,
 * t(j) the event times (û = 0 with Ŝ = 1 when no event time qualifies), se{Ŝ} Greenwood's.
 * The median here is SPSS's: the first event time with Ŝ ≤ 0.5 (no midpoint rule).
 * The interval is not clipped at 0, as SPSS prints it. null se/limits when l̂ does not exist.
 *
 * Contract: table columns of one curve (kaplanMeierCore); 0 < z. Checks nothing.
 *
 * @example // 5 patients, times 1,2,2+,3,5+: Ŝ = 0.8, 0.6, 0.3; median 3, û = 2 (Ŝ 0.6), l̂ = 3 (Ŝ 0.3)
 * medianSymmetricCI(core, 1.959964) // { median: 3, se: 0.795822, lower: 1.440217, upper: 4.559783, method: … }
 */
import type { KaplanMeierCoreResult } from './kaplanMeierCore.js';
import type { MedianSymmetricCI } from './types.js';

export const MEDIAN_SYMMETRIC_METHOD =
  "SPSS-style: median ± z·se, se = se(S(median)) / f, f = (S(u) − S(l)) / (l − u), u = last event time with S ≥ 0.55, " +
  'l = first event time with S ≤ 0.45 (Collett 2015, §2.4.2; Greenwood se); median = first time with S ≤ 0.5';

const EPS = 0.05;

export function medianSymmetricCI(core: KaplanMeierCoreResult, z: number, p = 0.5): MedianSymmetricCI | null {
  const { time, nEvent, surv, stdErr } = core;
  const target = 1 - p;
  let im = -1;
  for (let i = 0; i < time.length; i++) {
    if (nEvent[i] > 0 && surv[i] <= target) {
      im = i;
      break;
    }
  }
  if (im < 0) return null;
  const median = time[im];
  let u = 0;
  let su = 1;
  let l = NaN;
  let sl = NaN;
  for (let i = 0; i < time.length; i++) {
    if (nEvent[i] === 0) continue;
    if (surv[i] >= target + EPS) {
      u = time[i];
      su = surv[i];
    }
    if (Number.isNaN(l) && surv[i] <= target - EPS) {
      l = time[i];
      sl = surv[i];
    }
  }
  const seS = stdErr[im];
  if (Number.isNaN(l) || !(l > u) || !Number.isFinite(seS)) {
    return { median, lower: null, upper: null, se: null, method: MEDIAN_SYMMETRIC_METHOD };
  }
  const f = (su - sl) / (l - u);
  const se = seS / f;
  return { median, lower: median - z * se, upper: median + z * se, se, method: MEDIAN_SYMMETRIC_METHOD };
}
