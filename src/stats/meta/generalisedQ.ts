/**
 * The generalised Q statistic Q(τ²) = Σ (yᵢ − xᵢᵀb̂(τ²))² / (vᵢ + τ²), with b̂(τ²) the weighted
 * least-squares fit at weights 1/(vᵢ + τ²). It decreases in τ² (DerSimonian & Kacker 2007,
 * Contemp Clin Trials 28:105–114); Paule–Mandel sets it to k − p and the Q-profile interval
 * (Viechtbauer 2007) to the χ²_{k−p} quantiles. Also returns its τ² derivative −Σ wᵢ²eᵢ²
 * (the fit is stationary in b, so only the weights' derivative enters).
 *
 * @example
 * generalisedQ(new Float64Array([0, 1]), new Float64Array([1, 1]), null, 1).q // 0.25
 */
import { weightedLeastSquares } from './weightedLeastSquares.js';

export function generalisedQ(yi: Float64Array, vi: Float64Array, x: Float64Array | null, tau2: number): { q: number; dq: number } {
  const w = new Float64Array(vi.length);
  for (let i = 0; i < vi.length; i++) w[i] = 1 / (vi[i] + tau2);
  const f = weightedLeastSquares(yi, w, x);
  if (!f) return { q: NaN, dq: NaN };
  return { q: f.rss, dq: -f.yPPy };
}

/**
 * The τ² ≥ 0 where the decreasing Q(τ²) equals `target`: bracketed (upper end doubled until Q
 * falls below the target), then Newton steps kept inside the bracket, bisection otherwise, to a
 * relative width of 1e-15. Returns 0 when Q(0) ≤ target. Used by Paule–Mandel and the Q-profile CI.
 */
export function solveGeneralisedQ(yi: Float64Array, vi: Float64Array, x: Float64Array | null, target: number): { tau2: number; iterations: number } {
  const q0 = generalisedQ(yi, vi, x, 0).q;
  if (!(q0 > target)) return { tau2: 0, iterations: 0 };
  let lo = 0;
  let maxV = 0;
  for (const v of vi) maxV = Math.max(maxV, v);
  let hi = Math.max(1, 10 * maxV);
  let it = 0;
  while (generalisedQ(yi, vi, x, hi).q > target && it < 2000) {
    lo = hi;
    hi *= 2;
    it++;
  }
  let t = (lo + hi) / 2;
  for (let i = 0; i < 500; i++) {
    it++;
    const { q, dq } = generalisedQ(yi, vi, x, t);
    const g = q - target;
    if (g === 0) return { tau2: t, iterations: it };
    if (g > 0) lo = t;
    else hi = t;
    let next = dq < 0 ? t - g / dq : NaN;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 * Math.max(1e-300, Math.abs(t)) || hi - lo <= 1e-15 * hi) return { tau2: next, iterations: it };
    t = next;
  }
  return { tau2: t, iterations: it };
}
