/**
 * Fits the (mixed-effects) meta-analytic model yᵢ = xᵢᵀβ + uᵢ + εᵢ, εᵢ ~ N(0, vᵢ), uᵢ ~ N(0, τ²),
 * with an intercept and at most one moderator, as metafor's rma(yi, vi, mods, method, test):
 * τ² by the chosen estimator (0 for 'FE', the inverse-variance fixed-effect model), β̂ by weighted
 * least squares with weights 1/(vᵢ + τ²̂), Wald z tests and intervals, or under 'knha' the
 * Hartung–Knapp–Sidik–Jonkman scaled covariance with t on k − p df; Cochran's Q, I², H².
 *
 * Contract: yi, vi (vᵢ > 0, finite) of length k ≥ p + 0 (k ≥ 1; with k = p there is no
 * heterogeneity information: τ² = 0, Q df = 0); x null or of length k. Returns null when the
 * moderator does not vary. Pure; results are frozen.
 *
 * @example
 * // metafor: rma(yi, vi, data = escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg))
 * // estimate −0.71453234215814, se 0.179781516105207, τ² 0.313243258136486, I² 92.2213845212691
 * fitMetaModel(bcg.yi, bcg.vi, null, { method: 'REML', test: 'z' }).b[0] // −0.714532342158…
 */
import { pNormTwoSided, pTTwoSided, qnorm, qt } from '../dist/index.js';
import { hartungKnappScale } from './hartungKnapp.js';
import { heterogeneity } from './heterogeneity.js';
import { tau2DerSimonianLaird } from './tau2DerSimonianLaird.js';
import { tau2PauleMandel } from './tau2PauleMandel.js';
import { tau2Reml } from './tau2Reml.js';
import type { MetaFit, MetaOptions } from './types.js';
import { weightedLeastSquares } from './weightedLeastSquares.js';

export function fitMetaModel(yi: Float64Array, vi: Float64Array, x: Float64Array | null, options: MetaOptions): MetaFit | null {
  const k = yi.length;
  const level = options.level ?? 0.95;
  const het = heterogeneity(yi, vi, x);
  if (!het) return null;
  const p = x ? 2 : 1;
  let tau2 = 0;
  let seTau2: number | null = null;
  let iterations = 0;
  if (k > p) {
    if (options.method === 'DL') tau2 = tau2DerSimonianLaird(yi, vi, x);
    else if (options.method === 'PM') ({ tau2, iterations } = tau2PauleMandel(yi, vi, x));
    else if (options.method === 'REML') {
      const r = tau2Reml(yi, vi, x);
      tau2 = r.tau2;
      seTau2 = r.se;
      iterations = r.iterations;
    }
  }
  const w = new Float64Array(k);
  let sw = 0;
  for (let i = 0; i < k; i++) {
    w[i] = 1 / (vi[i] + tau2);
    sw += w[i];
  }
  const f = weightedLeastSquares(yi, w, x);
  if (!f) return null;
  const knha = options.test === 'knha' && k > p;
  const scale = knha ? hartungKnappScale(f.residuals, w, p) : 1;
  const df = knha ? k - p : null;
  const crit = df === null ? qnorm(1 - (1 - level) / 2) : qt(1 - (1 - level) / 2, df);
  const b: number[] = [], se: number[] = [], stat: number[] = [], pv: number[] = [], lo: number[] = [], hi: number[] = [];
  for (let j = 0; j < p; j++) {
    const s = Math.sqrt(f.vb[j * p + j] * scale);
    const z = f.b[j] / s;
    b.push(f.b[j]);
    se.push(s);
    stat.push(z);
    pv.push(df === null ? pNormTwoSided(z) : pTTwoSided(z, df));
    lo.push(f.b[j] - crit * s);
    hi.push(f.b[j] + crit * s);
  }
  const ih = options.method === 'FE' ? het.fromQ : het.fromTau2(tau2);
  const weightPercent = new Float64Array(k);
  for (let i = 0; i < k; i++) weightPercent[i] = (100 * w[i]) / sw;
  return Object.freeze({
    method: options.method,
    test: options.test,
    level,
    k,
    p,
    b,
    se,
    stat,
    pValue: pv,
    ciLower: lo,
    ciUpper: hi,
    df,
    tau2,
    seTau2,
    iterations,
    Q: het.Q,
    Qdf: het.df,
    Qp: het.p,
    I2: ih.I2,
    H2: ih.H2,
    typicalVariance: het.typicalVariance,
    weights: w,
    weightPercent,
    knhaScale: scale,
  });
}
