/**
 * Net benefit of treating patients whose predicted risk is at least the threshold probability pt
 * (Vickers & Elkin 2006, Med Decis Making 26:565–574):
 *   NB(pt) = TP/n − FP/n · pt/(1 − pt),
 * and of treating everyone, NB_all(pt) = π − (1 − π)·pt/(1 − pt) with π the prevalence (treating
 * no one: 0). Binary outcome y (0/1), risk p; "treated" = p ≥ pt.
 *
 * @example
 * binaryNetBenefit(new Float64Array([1, 0, 1, 0]), new Float64Array([0.9, 0.6, 0.4, 0.1]), [0.5])
 * // [0.125]  (TP = 1, FP = 1: 1/4 − 1/4 · 1)
 */
export function binaryNetBenefit(y: ArrayLike<number>, p: ArrayLike<number>, thresholds: readonly number[]): number[] {
  const n = y.length;
  return thresholds.map((pt) => {
    let tp = 0;
    let fp = 0;
    for (let i = 0; i < n; i++)
      if (p[i] >= pt) {
        if (y[i] === 1) tp++;
        else fp++;
      }
    return tp / n - (fp / n) * (pt / (1 - pt));
  });
}

/** Net benefit of treating everyone, for an event proportion (or risk) π. */
export function treatAllNetBenefit(prevalence: number, thresholds: readonly number[]): number[] {
  return thresholds.map((pt) => prevalence - (1 - prevalence) * (pt / (1 - pt)));
}
