/**
 * Hosmer–Lemeshow goodness-of-fit test for a binary model (Hosmer & Lemeshow 1980, Commun. Stat.
 * A9:1043–1069; Applied Logistic Regression, 3rd ed., 2013, §5.2.2), "deciles of risk":
 *
 * Grouping rule (the one of R's ResourceSelection::hoslem.test, documented here because SPSS's
 * differs): break points are the type-7 quantiles of the fitted probabilities at 0, 1/g, …, 1;
 * duplicate break points are merged; group j holds the fitted values in (b_{j−1}, b_j], the first
 * group also its lower end. Tied fitted values therefore always fall in the same group. SPSS instead
 * sorts the cases and cuts them into about g groups of equal size (keeping ties together), which can
 * give different groups and a different statistic when n is small or fitted values are tied.
 *
 *   Ĉ = Σ_j [(O1_j − E1_j)²/E1_j + (O0_j − E0_j)²/E0_j],  E1_j = Σ π̂_i,  df = G − 2,
 * with G the number of non-empty groups (= g unless break points coincide).
 *
 * Contract: y 0/1 and fitted in (0, 1), same length n ≥ g; g ≥ 3.
 *
 * @example
 * // R: hoslem.test(mtcars$am, fitted(glm(am ~ hp + wt, binomial, mtcars))) → X-squared, df = 8
 * hosmerLemeshow(y, fit.fitted).df // 8
 */
import { pChisqUpper } from '../dist/index.js';
import { quantileSorted } from '../describe/quantile.js';

export interface HosmerLemeshowGroup {
  readonly upper: number;
  readonly n: number;
  readonly observed: number;
  readonly expected: number;
}

export interface HosmerLemeshowResult {
  readonly chisq: number;
  readonly df: number;
  readonly p: number;
  readonly groups: readonly HosmerLemeshowGroup[];
  readonly rule: 'quantile breaks (type 7), right-closed, as ResourceSelection::hoslem.test';
}

export function hosmerLemeshow(y: ArrayLike<number>, fitted: ArrayLike<number>, g = 10): HosmerLemeshowResult {
  const n = y.length;
  const sorted = Float64Array.from(fitted as ArrayLike<number>).sort();
  const breaks: number[] = [];
  for (let k = 0; k <= g; k++) {
    const b = quantileSorted(sorted, k / g, 7);
    if (breaks.length === 0 || b > breaks[breaks.length - 1]) breaks.push(b);
  }
  // interval j (1-based) is (b_{j−1}, b_j]; the first also holds b_0. One pass, binary search per row.
  const m = Math.max(breaks.length - 1, 1);
  const cnt = new Float64Array(m);
  const obs = new Float64Array(m);
  const exp = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const v = fitted[i];
    let lo = 1;
    let hi = m; // answer in [1, m]: first j with v ≤ b_j
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v <= breaks[mid]) hi = mid;
      else lo = mid + 1;
    }
    const j = lo - 1;
    cnt[j]++;
    obs[j] += y[i];
    exp[j] += v;
  }
  const groups: HosmerLemeshowGroup[] = [];
  for (let j = 0; j < m; j++)
    if (cnt[j] > 0) groups.push(Object.freeze({ upper: breaks[Math.min(j + 1, breaks.length - 1)], n: cnt[j], observed: obs[j], expected: exp[j] }));
  let chisq = 0;
  for (const gr of groups) {
    const e0 = gr.n - gr.expected;
    const o0 = gr.n - gr.observed;
    chisq += ((gr.observed - gr.expected) ** 2) / gr.expected + ((o0 - e0) ** 2) / e0;
  }
  const df = groups.length - 2;
  return Object.freeze({
    chisq,
    df,
    p: df > 0 ? pChisqUpper(chisq, df) : NaN,
    groups: Object.freeze(groups),
    rule: 'quantile breaks (type 7), right-closed, as ResourceSelection::hoslem.test',
  });
}
