/**
 * Exact two-sided p-value of the Mann–Whitney / Wilcoxon rank-sum statistic without ties (Mann &
 * Whitney 1947): under H0 every choice of the n_a ranks of the first sample among 1..N is equally
 * likely, so P(W = w) = #{subsets of size n_a with rank sum w}/C(N, n_a). The counts are built by
 * the subset-sum recursion over the ranks (additions only, so small tail counts stay exact), and
 *   p = min(1, 2·min(P(W ≤ w), P(W ≥ w)))      (W = rank sum − n_a(n_a+1)/2),
 * which is R's wilcox.test(exact = TRUE) and SPSS's "Exact Sig. [2*(1-tailed Sig.)]".
 *
 * Contract: integer-valued W in [0, n_a·n_b], n_a, n_b ≥ 1; O(N·n_a·n_a·n_b) time — callers use it
 * for n_a, n_b < 50 (R's default rule) and data without ties.
 *
 * @example
 * mannWhitneyExactP(0, 3, 3) // 0.1 (= 2/20)
 */
export function mannWhitneyExactP(w: number, na: number, nb: number): number {
  const m = Math.min(na, nb);
  const total = na * nb;
  // U of the smaller sample: the distribution of U is symmetric and identical for either sample
  const u = na <= nb ? w : total - w;
  const n = na + nb;
  const other = n - m; // size of the sample not chosen
  // counts[j][s]: subsets of size j among the ranks seen so far with Σ(rank) − j(j+1)/2 = s, i.e. the
  // number of (chosen, unchosen) pairs in the wrong order. Adding rank r (r−1 ranks before it, of which
  // r−1−(j−1) unchosen) to a subset of size j−1 adds r − j to s.
  const counts: Float64Array[] = [];
  for (let j = 0; j <= m; j++) counts.push(new Float64Array(total + 1));
  counts[0][0] = 1;
  for (let r = 1; r <= n; r++) {
    for (let j = Math.min(m, r); j >= 1; j--) {
      const add = r - j;
      if (add > other) continue; // more unchosen ranks below than exist: impossible
      const from = counts[j - 1];
      const to = counts[j];
      for (let s = total - add; s >= 0; s--) if (from[s] !== 0) to[s + add] += from[s];
    }
  }
  const f = counts[m];
  let all = 0;
  for (let s = 0; s <= total; s++) all += f[s];
  let lower = 0;
  for (let s = 0; s <= u; s++) lower += f[s];
  let upper = 0;
  for (let s = u; s <= total; s++) upper += f[s];
  return Math.min(1, (2 * Math.min(lower, upper)) / all);
}
