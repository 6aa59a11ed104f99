/**
 * Numeric core of the k-sample log-rank test (Mantel 1966; Peto & Peto 1972), stratified when
 * the data come in several strata (sums over strata; Kalbfleisch & Prentice 2002, §7.3):
 * at each distinct event time with D deaths among N at risk (n_g, d_g per group),
 *   E_g += D·n_g/N,   V_gh += D(N − D)/(N − 1) · (n_g/N)(δ_gh − n_h/N)   (N > 1).
 *
 * Contract: `order` lists the observations stratum after stratum (`start[s]..start[s+1]`), each
 * stratum's part sorted by time ascending; `group[i]` ∈ 0..k−1; `event[i]` ∈ {0, 1}. Checks nothing.
 * O(n + T·k²) for T distinct event times.
 *
 * @example // a: 1, 2, 2+, 3, 5+  b: 2, 4, 4, 6+, 7 (one stratum)
 * logRankCore(time, event, group, 2, order, start) // { observed: [3, 4], expected: [2.12222…, 4.87778…], variance: [1.14432…, −1.14432…, −1.14432…, 1.14432…] }
 */
export interface LogRankCoreResult {
  readonly n: Float64Array;
  readonly observed: Float64Array;
  readonly expected: Float64Array;
  /** k×k, row-major. */
  readonly variance: Float64Array;
}

export function logRankCore(
  time: Float64Array,
  event: ArrayLike<number>,
  group: Int32Array,
  k: number,
  order: Uint32Array,
  start: Uint32Array,
): LogRankCoreResult {
  const nG = new Float64Array(k);
  const O = new Float64Array(k);
  const E = new Float64Array(k);
  const V = new Float64Array(k * k);
  const risk = new Float64Array(k);
  const d = new Float64Array(k);
  const leave = new Float64Array(k);
  for (let s = 0; s + 1 < start.length; s++) {
    const from = start[s];
    const to = start[s + 1];
    risk.fill(0);
    for (let i = from; i < to; i++) risk[group[order[i]]]++;
    let N = to - from;
    let i = from;
    while (i < to) {
      const t = time[order[i]];
      d.fill(0);
      leave.fill(0);
      let D = 0;
      let c = 0;
      while (i < to && time[order[i]] === t) {
        const j = order[i];
        const g = group[j];
        leave[g]++;
        if (event[j] === 1) {
          d[g]++;
          D++;
        }
        c++;
        i++;
      }
      if (D > 0) {
        const f = N > 1 ? (D * (N - D)) / (N - 1) : 0;
        for (let g = 0; g < k; g++) {
          const pg = risk[g] / N;
          O[g] += d[g];
          E[g] += D * pg;
          if (f === 0 || pg === 0) continue;
          for (let h = 0; h < k; h++) V[g * k + h] += f * pg * ((g === h ? 1 : 0) - risk[h] / N);
        }
      }
      for (let g = 0; g < k; g++) risk[g] -= leave[g];
      N -= c;
    }
    for (let i2 = from; i2 < to; i2++) nG[group[order[i2]]]++;
  }
  return { n: nG, observed: O, expected: E, variance: V };
}
