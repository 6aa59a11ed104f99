/**
 * Thin wrappers over @stdlib distributions: the one place special functions come from.
 * Upper tails are computed directly (regularised incomplete gamma / beta), never as 1 − cdf,
 * so that p-values keep their relative accuracy far into the tail (as R's lower.tail = FALSE).
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import chisqQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import gammainc from '@stdlib/math-base-special-gammainc';
import betainc from '@stdlib/math-base-special-betainc';
import gammaln from '@stdlib/math-base-special-gammaln';

/** Standard normal CDF Φ(z). @example pnorm(1.959963984540054) // 0.975 */
export function pnorm(z: number): number {
  return normalCdf(z, 0, 1);
}

/** Standard normal quantile Φ⁻¹(p). @example qnorm(0.975) // 1.959963984540054 */
export function qnorm(p: number): number {
  return normalQuantile(p, 0, 1);
}

/** Two-sided normal p-value 2·Φ(−|z|). @example pNormTwoSided(1.959963984540054) // 0.05 */
export function pNormTwoSided(z: number): number {
  return 2 * normalCdf(-Math.abs(z), 0, 1);
}

/** Upper tail P(X² ≥ x) of the chi-square distribution with df degrees of freedom. */
export function pChisqUpper(x: number, df: number): number {
  if (x <= 0) return 1;
  return gammainc(x / 2, df / 2, true, true);
}

/** Chi-square quantile. @example qchisq(0.95, 1) // 3.841458820694124 */
export function qchisq(p: number, df: number): number {
  return chisqQuantile(p, df);
}

/** Student t CDF. */
export function pt(t: number, df: number): number {
  return tCdf(t, df);
}

/** Two-sided t p-value 2·P(T ≥ |t|). */
export function pTTwoSided(t: number, df: number): number {
  return 2 * tCdf(-Math.abs(t), df);
}

/** Student t quantile. */
export function qt(p: number, df: number): number {
  return tQuantile(p, df);
}

/** Upper tail P(F ≥ f) of the F distribution, via the regularised incomplete beta function. */
export function pFUpper(f: number, df1: number, df2: number): number {
  if (f <= 0) return 1;
  return betainc(df2 / (df2 + df1 * f), df2 / 2, df1 / 2, true, false);
}

/** log Γ(x) (for log binomial coefficients, hypergeometric probabilities). @example lgamma(5) // 3.1780538303479458 */
export function lgamma(x: number): number {
  return gammaln(x);
}
