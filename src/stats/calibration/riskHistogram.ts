/**
 * Counts of predicted risks in equal-width bins on [0, 1] (default 50 bins of 0.02; a value on a
 * boundary goes to the bin above, 1 to the last bin) — the distribution drawn under a calibration plot.
 *
 * @example riskHistogram([0.01, 0.5, 0.99, 1], 4) // { width: 0.25, counts: [1, 0, 1, 2] }
 */
export interface RiskHistogram {
  readonly width: number;
  readonly counts: readonly number[];
}

export function riskHistogram(risk: ArrayLike<number>, bins = 50): RiskHistogram {
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < risk.length; i++) {
    const r = risk[i];
    if (!(r >= 0 && r <= 1)) continue;
    counts[Math.min(bins - 1, Math.floor(r * bins))]++;
  }
  return { width: 1 / bins, counts };
}
