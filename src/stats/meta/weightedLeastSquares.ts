/**
 * Weighted least squares for a meta-analytic model with an intercept and at most one moderator
 * (p = 1 or 2): b = (XᵀWX)⁻¹XᵀWy, Var(b) = (XᵀWX)⁻¹, residuals e = y − Xb, the weighted residual
 * sum of squares Σ wᵢeᵢ², and the traces that the τ² estimators need for
 * P = W − WX(XᵀWX)⁻¹XᵀW: tr(P) = Σwᵢ − tr(A·XᵀW²X) and
 * tr(P²) = Σwᵢ² − 2·tr(A·XᵀW³X) + tr(A·XᵀW²X·A·XᵀW²X), A = (XᵀWX)⁻¹ (closed forms, O(k)).
 *
 * Contract: y, w, x of length k; x null for the intercept-only model. Returns null when XᵀWX is
 * singular (a moderator that does not vary). Pure.
 *
 * @example
 * const r = weightedLeastSquares(new Float64Array([1, 2, 4]), new Float64Array([1, 1, 2]), null);
 * [r.b[0], r.vb[0], r.rss] // [2.75, 0.25, 6.75]
 */
export interface WlsResult {
  readonly p: number;
  readonly b: Float64Array;
  /** Var(b), row-major p×p. */
  readonly vb: Float64Array;
  readonly residuals: Float64Array;
  readonly rss: number;
  readonly traceP: number;
  readonly tracePP: number;
  /** yᵀP²y = Σ (wᵢeᵢ)². */
  readonly yPPy: number;
}

export function weightedLeastSquares(y: Float64Array, w: Float64Array, x: Float64Array | null): WlsResult | null {
  const k = y.length;
  let s0 = 0, s1 = 0, s2 = 0, t0 = 0, t1 = 0;
  // second and third weight moments for the traces
  let q0 = 0, q1 = 0, q2 = 0, c0 = 0, c1 = 0, c2 = 0, sumW2 = 0;
  for (let i = 0; i < k; i++) {
    const wi = w[i];
    const xi = x ? x[i] : 0;
    s0 += wi; s1 += wi * xi; s2 += wi * xi * xi;
    t0 += wi * y[i]; t1 += wi * xi * y[i];
    const w2 = wi * wi, w3 = w2 * wi;
    sumW2 += w2;
    q0 += w2; q1 += w2 * xi; q2 += w2 * xi * xi;
    c0 += w3; c1 += w3 * xi; c2 += w3 * xi * xi;
  }
  let p: number, b: Float64Array, vb: Float64Array;
  let trAB: number, trAC: number, trABAB: number;
  if (!x) {
    if (!(s0 > 0)) return null;
    p = 1;
    b = new Float64Array([t0 / s0]);
    vb = new Float64Array([1 / s0]);
    trAB = q0 / s0;
    trAC = c0 / s0;
    trABAB = trAB * trAB;
  } else {
    const det = s0 * s2 - s1 * s1;
    if (!(det > 1e-12 * s0 * s2) || !Number.isFinite(det)) return null;
    p = 2;
    const a00 = s2 / det, a01 = -s1 / det, a11 = s0 / det;
    b = new Float64Array([a00 * t0 + a01 * t1, a01 * t0 + a11 * t1]);
    vb = new Float64Array([a00, a01, a01, a11]);
    // M = A·B with B = [[q0, q1], [q1, q2]]
    const m00 = a00 * q0 + a01 * q1, m01 = a00 * q1 + a01 * q2, m10 = a01 * q0 + a11 * q1, m11 = a01 * q1 + a11 * q2;
    trAB = m00 + m11;
    trAC = a00 * c0 + 2 * a01 * c1 + a11 * c2;
    trABAB = m00 * m00 + 2 * m01 * m10 + m11 * m11;
  }
  const residuals = new Float64Array(k);
  let rss = 0, yPPy = 0;
  for (let i = 0; i < k; i++) {
    const fit = x ? b[0] + b[1] * x[i] : b[0];
    const e = y[i] - fit;
    residuals[i] = e;
    rss += w[i] * e * e;
    yPPy += w[i] * w[i] * e * e;
  }
  return { p, b, vb, residuals, rss, traceP: s0 - trAB, tracePP: sumW2 - 2 * trAC + trABAB, yPPy };
}
