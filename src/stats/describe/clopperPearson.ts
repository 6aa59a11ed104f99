/**
 * Exact (Clopper & Pearson 1934, Biometrika 26:404) confidence interval of a binomial proportion:
 * lower = B⁻¹(α/2; x, n − x + 1), upper = B⁻¹(1 − α/2; x + 1, n − x), with 0 and 1 at the edges.
 * Equals R's binom.test(x, n)$conf.int.
 * @example clopperPearson(100, 186) // { estimate: 0.5376..., lower: 0.4632..., upper: 0.6107... }
 */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';

export interface ProportionCi {
  readonly x: number;
  readonly n: number;
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}

export function clopperPearson(x: number, n: number, level = 0.95): ProportionCi {
  const a = 1 - level;
  const lower = x === 0 ? 0 : betaQuantile(a / 2, x, n - x + 1);
  const upper = x === n ? 1 : betaQuantile(1 - a / 2, x + 1, n - x);
  return { x, n, estimate: x / n, lower, upper, level };
}
