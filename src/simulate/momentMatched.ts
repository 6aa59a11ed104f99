/**
 * Draws n values whose sample mean and SD (n − 1 denominator) equal the targets exactly:
 * standard normal deviates are standardised to mean 0 / SD 1, then mapped to a normal or a
 * log-normal with the target moments; the log-normal is finally rescaled linearly to hit the
 * moments exactly (skipped if that would push a value to or below `min`, in which case the
 * moments match only in expectation).
 */
import type { Rng } from './rng.js';

export function meanSd(x: ArrayLike<number>): { mean: number; sd: number } {
  const n = x.length;
  let m = 0;
  for (let i = 0; i < n; i++) m += x[i];
  m /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i] - m) ** 2;
  return { mean: m, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0 };
}

export function momentMatched(rng: Rng, n: number, mean: number, sd: number, type: 'normal' | 'lognormal', min = -Infinity): Float64Array {
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) z[i] = rng.normal();
  if (n > 2) {
    const s = meanSd(z);
    for (let i = 0; i < n; i++) z[i] = s.sd > 0 ? (z[i] - s.mean) / s.sd : 0;
  }
  const out = new Float64Array(n);
  if (type === 'normal') {
    for (let i = 0; i < n; i++) out[i] = mean + sd * z[i];
    return out;
  }
  const s2 = Math.log(1 + (sd * sd) / (mean * mean));
  const mu = Math.log(mean) - s2 / 2;
  for (let i = 0; i < n; i++) out[i] = Math.exp(mu + Math.sqrt(s2) * z[i]);
  if (n > 2) {
    const s = meanSd(out);
    const k = s.sd > 0 ? sd / s.sd : 1;
    const scaled = out.map((v) => mean + (v - s.mean) * k);
    if (scaled.every((v) => v > Math.max(0, min))) return scaled;
  }
  return out;
}
