/**
 * Kaplan–Meier estimate of the censoring distribution just before each row's time, G(T_i−):
 * censoring is the "event" (Fine & Gray 1999, §2, the weights w_i(t) = G(t−)/G(T_i−) of competing
 * failures). A censoring tied with a failure stays in the risk set Y(t) = #{T ≥ t}.
 *
 * Contract: `time` sorted ascending; `censored[i]` is 1 for a censored row. Returns G(T_i−) per row
 * (equal for tied rows) and, per row, the number at risk Y(T_i).
 *
 * @example censoringSurvival(new Float64Array([1, 2, 3]), new Uint8Array([0, 1, 0])).before // [1, 1, 0.5]
 */
export function censoringSurvival(time: Float64Array, censored: ArrayLike<number>): { before: Float64Array; atRisk: Float64Array } {
  const n = time.length;
  const before = new Float64Array(n);
  const atRisk = new Float64Array(n);
  let G = 1;
  let i = 0;
  while (i < n) {
    const t = time[i];
    const Y = n - i;
    let c = 0;
    let j = i;
    while (j < n && time[j] === t) {
      c += censored[j] ? 1 : 0;
      before[j] = G;
      atRisk[j] = Y;
      j++;
    }
    G *= 1 - c / Y;
    i = j;
  }
  return { before, atRisk };
}
