/**
 * P-value approximations for a maximally selected standardized two-sample statistic
 * M = max_i |Z_i| over cutpoints i = 1..k, where the low group of cutpoint i holds a share ε_i
 * of the patients.
 *
 * pLausen94 — improved Bonferroni bound (Worsley 1982, Biometrika 69:297–302) as used by
 * Lausen, Sauerbrei & Schumacher (1994, in Dirschedl & Ostermann (eds), Computational Statistics,
 * 483–496): with neighbouring correlations ρ_i = sqrt(ε_i(1 − ε_{i+1}) / ((1 − ε_i) ε_{i+1})) and
 * t_i = sqrt(1 − ρ_i²),
 *   P(M ≥ b) ≈ 2(1 − Φ(b)) + (exp(−b²/2)/π) Σ_{i=1}^{k−1} ( t_i − (b²/4 − 1) t_i³ / 6 ),
 * the second term being 2·Σ P(Z_i < b ≤ Z_{i+1}) expanded in t_i. It is a bound: it can exceed 1
 * and, far in the tail, round below 0 (callers clip).
 *
 * pLausen92 — the Brownian-bridge asymptotics of Miller & Siegmund (1982, Biometrics 38:1011–1016)
 * as given by Lausen & Schumacher (1992, Biometrics 48:73–85) for minprop ε₁ and maxprop ε₂:
 *   P(M ≥ b) ≈ φ(b)(b − 1/b) log(ε₂(1 − ε₁) / ((1 − ε₂)ε₁)) + 4φ(b)/b.
 *
 * @example pLausen94(2.5, [0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75]) // 0.0733212 (Lausen et al. 1994, p. 489: 0.073)
 * @example pLausen92(2.5, 0.1, 0.9) // 0.189802
 */
import { pnorm } from '../dist/index.js';

export function pLausen94(b: number, shares: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i + 1 < shares.length; i++) {
    const e1 = shares[i];
    const e2 = shares[i + 1];
    const t = Math.sqrt(1 - (e1 * (1 - e2)) / ((1 - e1) * e2));
    sum += t - ((b * b) / 4 - 1) * (t * t * t) / 6;
  }
  return 2 * pnorm(-b) + (Math.exp((-b * b) / 2) / Math.PI) * sum;
}

/** Group shares m/n for a continuous marker: m = floor(n·minprop) … floor(n·maxprop). */
export function continuousShares(n: number, minprop: number, maxprop: number): Float64Array {
  const lo = Math.floor(n * minprop);
  const hi = Math.floor(n * maxprop);
  const out = new Float64Array(Math.max(0, hi - lo + 1));
  for (let m = lo; m <= hi; m++) out[m - lo] = m / n;
  return out;
}

export function pLausen92(b: number, minprop: number, maxprop: number): number {
  const phi = Math.exp((-b * b) / 2) / Math.sqrt(2 * Math.PI);
  return phi * (b - 1 / b) * Math.log((maxprop * (1 - minprop)) / ((1 - maxprop) * minprop)) + (4 * phi) / b;
}
