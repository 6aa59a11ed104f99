/**
 * A quantile of a survival curve by the rule R's quantile.survfit documents (survival 3.5):
 * the first time at which the curve is ≤ 1 − q; where the curve equals 1 − q exactly (within
 * sqrt(machine epsilon)) over an interval, the midpoint of that interval — from the time it reaches
 * 1 − q to the time it next drops, or to the curve's last time when it never drops again. The same
 * rule applied to the lower and upper confidence curves gives the lower and upper limits
 * (Brookmeyer & Crowley 1982, Biometrics 38:29–41). Undefined (NaN) points never count as crossing.
 * Returns null when the curve never reaches 1 − q ("not reached").
 *
 * Contract: `time` ascending, same length as `y`; 0 < q < 1. Checks nothing.
 *
 * @example curveQuantile(new Float64Array([1, 2, 4, 6]), new Float64Array([0.75, 0.5, 0.5, 0.25]), 0.5) // 3
 */
const TOL = Math.sqrt(2.220446049250313e-16);

export function curveQuantile(time: Float64Array, y: Float64Array, q: number): number | null {
  const p = 1 - q;
  const m = time.length;
  let i = 0;
  while (i < m && !(y[i] <= p + TOL)) i++;
  if (i === m) return null;
  if (Math.abs(y[i] - p) >= TOL) return time[i];
  let j = i + 1;
  while (j < m && !(y[j] < y[i] - TOL)) j++;
  return j < m ? (time[i] + time[j]) / 2 : (time[i] + time[m - 1]) / 2;
}
