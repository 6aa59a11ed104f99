/**
 * Heterogeneity statistics as metafor reports them: Cochran's Q of the fixed-effect fit
 * (weights 1/vᵢ) with k − p df and its χ² P value (Cochran 1954); the typical within-study
 * variance s² = (k − p) / tr(P_FE) (Higgins & Thompson 2002, Stat Med 21:1539–1558, eq. 9, in
 * its meta-regression form); and I², H²: for the fixed-effect model from Q,
 * I² = max(0, 100·(Q − df)/Q), H² = Q/df; for a random-effects model from the estimated τ²,
 * I² = 100·τ²/(τ² + s²), H² = (τ² + s²)/s².
 *
 * @example
 * // metafor dat.bcg (log RR), DL: Q = 152.233008082373 on 12 df, I² = 92.1173468545621 %, H² = 12.6860840068644
 * const h = heterogeneity(bcg.yi, bcg.vi, null); h.fromTau2(0.30876026286237) // { I2: 92.117…, H2: 12.686… }
 */
import { pChisqUpper } from '../dist/index.js';
import { weightedLeastSquares } from './weightedLeastSquares.js';

export interface Heterogeneity {
  readonly Q: number;
  readonly df: number;
  readonly p: number;
  readonly typicalVariance: number;
  /** I² and H² for the fixed-effect model (from Q). */
  readonly fromQ: { readonly I2: number; readonly H2: number };
  /** I² (%) and H² at a given τ². */
  fromTau2(tau2: number): { I2: number; H2: number };
}

export function heterogeneity(yi: Float64Array, vi: Float64Array, x: Float64Array | null): Heterogeneity | null {
  const w = new Float64Array(vi.length);
  for (let i = 0; i < vi.length; i++) w[i] = 1 / vi[i];
  const f = weightedLeastSquares(yi, w, x);
  if (!f) return null;
  const df = yi.length - f.p;
  const Q = f.rss;
  const s2 = df / f.traceP;
  return {
    Q,
    df,
    p: df > 0 ? pChisqUpper(Q, df) : NaN,
    typicalVariance: s2,
    fromQ: { I2: Q > 0 ? Math.max(0, (100 * (Q - df)) / Q) : 0, H2: df > 0 ? Q / df : NaN },
    fromTau2: (tau2: number) => ({ I2: (100 * tau2) / (tau2 + s2), H2: (tau2 + s2) / s2 }),
  };
}
