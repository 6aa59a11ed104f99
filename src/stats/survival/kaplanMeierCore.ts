/**
 * Numeric core of the Kaplan–Meier estimator (Kaplan & Meier 1958, JASA 53:457–481) with
 * Greenwood's variance (Greenwood 1926): S(t) = Π_{tj ≤ t} (1 − dj/nj) and
 * Var(−log S(t)) = Σ_{tj ≤ t} dj / (nj (nj − dj)); se(S) = S · sqrt(that sum).
 *
 * Contract: `time` is sorted ascending, finite, ≥ 0; `event` holds 0/1; both of length m ≥ 1.
 * Checks nothing. One row per distinct time (event or censoring), as R's summary(survfit, censored = TRUE).
 * Where nj = dj the log-scale variance is +Infinity (S = 0) and stdErr is NaN, as R.
 *
 * @example kaplanMeierCore(new Float64Array([1, 2, 2, 3, 5]), new Float64Array([1, 1, 0, 1, 0]))
 * // { time: [1, 2, 3, 5], nRisk: [5, 4, 2, 1], nEvent: [1, 1, 1, 0], nCensor: [0, 1, 0, 1],
 * //   surv: [0.8, 0.6, 0.3, 0.3], stdErr: [0.178885…, 0.219089…, 0.238746…, 0.238746…], … }
 */
export interface KaplanMeierCoreResult {
  readonly time: Float64Array;
  readonly nRisk: Float64Array;
  readonly nEvent: Float64Array;
  readonly nCensor: Float64Array;
  readonly surv: Float64Array;
  /** sqrt(Σ d/(n(n−d))): Greenwood SE of −log S. */
  readonly stdErrLog: Float64Array;
  /** S · stdErrLog (NaN when S = 0). */
  readonly stdErr: Float64Array;
}

export function kaplanMeierCore(time: Float64Array, event: ArrayLike<number>): KaplanMeierCoreResult {
  const m = time.length;
  let k = 0;
  for (let i = 0; i < m; i++) if (i === 0 || time[i] !== time[i - 1]) k++;
  const t = new Float64Array(k);
  const nRisk = new Float64Array(k);
  const nEvent = new Float64Array(k);
  const nCensor = new Float64Array(k);
  const surv = new Float64Array(k);
  const seLog = new Float64Array(k);
  const se = new Float64Array(k);
  let s = 1;
  let v = 0;
  let i = 0;
  for (let r = 0; r < k; r++) {
    const ti = time[i];
    const atRisk = m - i;
    let d = 0;
    let c = 0;
    while (i < m && time[i] === ti) {
      if (event[i] === 1) d++;
      else c++;
      i++;
    }
    if (d > 0) {
      s *= (atRisk - d) / atRisk;
      v += atRisk === d ? Infinity : d / (atRisk * (atRisk - d));
    }
    t[r] = ti;
    nRisk[r] = atRisk;
    nEvent[r] = d;
    nCensor[r] = c;
    surv[r] = s;
    seLog[r] = Math.sqrt(v);
    se[r] = s * seLog[r];
  }
  return { time: t, nRisk, nEvent, nCensor, surv, stdErrLog: seLog, stdErr: se };
}
