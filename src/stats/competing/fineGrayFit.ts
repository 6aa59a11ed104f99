/**
 * Numeric core of Fine–Gray proportional subdistribution hazards regression (Fine & Gray 1999,
 * JASA 94:496–509), the weighted estimating equation cmprsk::crr fits: at each failure time t of the
 * cause of interest the risk set holds everyone still under follow-up (T ≥ t, weight 1) and everyone
 * who failed from a competing cause before t, with weight w_j(t) = G(t−)/G(T_j−) (G: Kaplan–Meier of
 * censoring). Breslow ties. Pseudo-log-likelihood ℓ(β) = Σ_k [Σ_{i∈D_k} x_iβ − d_k log S0(t_k)],
 * maximised by Newton–Raphson (../survival/cox/newton.ts). The variance is Fine & Gray's robust
 * sandwich Ω⁻¹ Σ (η_i + ψ_i)^{⊗2} Ω⁻¹ (their §3): η_i the weighted score residual and ψ_i the term
 * for the estimated censoring distribution,
 *   η_i = ∫ (x_i − Ē(u)) w_i(u) dM̂_i(u),
 *   ψ_i = ∫ q(u)/Y(u) dM̂ᶜ_i(u),   q(u) = Σ_{j competing, T_j < u} ∫_{s ≥ u} (x_j − Ē(s)) w_j(s) e^{x_jβ} dΛ̂(s),
 * with dM̂ᶜ_i the censoring martingale; every piece is a prefix or suffix sum over the one sort, so an
 * evaluation is O(n p²).
 *
 * Contract: rows sorted by time ascending; `code[i]` is 1 (cause of interest), 2 (competing) or 0
 * (censored); `x` row-major n×p (centred by the caller: results are invariant to it). Checks nothing.
 *
 * @example // see fineGray.ts for the public entry; this core returns β, ℓ and both variances.
 */
import { choleskyInverse } from '../linalg/choleskyInverse.js';
import { newtonRaphson } from '../survival/cox/newton.js';
import { censoringSurvival } from './censoringSurvival.js';

export interface FineGrayFit {
  readonly beta: Float64Array;
  readonly loglikNull: number;
  readonly loglik: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Columns singular in the information at the start. */
  readonly singular: readonly number[];
  /** p×p row-major robust variance. */
  readonly robust: Float64Array;
  /** p×p row-major inverse information. */
  readonly naive: Float64Array;
}

export interface FineGrayFitOptions {
  readonly eps?: number;
  readonly maxIter?: number;
}

export function fineGrayFit(time: Float64Array, code: Uint8Array, x: Float64Array, p: number, opts: FineGrayFitOptions = {}): FineGrayFit {
  const n = time.length;
  const cens = new Uint8Array(n);
  for (let i = 0; i < n; i++) cens[i] = code[i] === 0 ? 1 : 0;
  const { before: Gm, atRisk } = censoringSurvival(time, cens);
  // distinct-time blocks
  const blockStart: number[] = [];
  for (let i = 0; i < n; i++) if (i === 0 || time[i] !== time[i - 1]) blockStart.push(i);
  blockStart.push(n);
  const nb = blockStart.length - 1;
  const failBlocks: number[] = [];
  for (let b = 0; b < nb; b++) {
    for (let i = blockStart[b]; i < blockStart[b + 1]; i++)
      if (code[i] === 1) {
        failBlocks.push(b);
        break;
      }
  }
  const K = failBlocks.length;
  const pp = p * p;
  const eta = new Float64Array(n);
  const er = new Float64Array(n);
  const S0 = new Float64Array(K);
  const S1 = new Float64Array(K * p);
  const S2 = new Float64Array(K * pp);
  const dK = new Float64Array(K);
  const xsum = new Float64Array(K * p); // Σ x over the failures at t_k
  const etasum = new Float64Array(K);
  const GK = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const b = failBlocks[k];
    GK[k] = Gm[blockStart[b]];
    for (let i = blockStart[b]; i < blockStart[b + 1]; i++)
      if (code[i] === 1) {
        dK[k]++;
        for (let a = 0; a < p; a++) xsum[k * p + a] += x[i * p + a];
      }
  }

  const sums = (beta: Float64Array) => {
    for (let i = 0; i < n; i++) {
      let e = 0;
      for (let a = 0; a < p; a++) e += x[i * p + a] * beta[a];
      eta[i] = e;
      er[i] = Math.exp(e);
    }
    // competing part, ascending: C sums over competing rows with T_j < t_k, weight 1/G(T_j−)
    const c0 = { v: 0 };
    const c1 = new Float64Array(p);
    const c2 = new Float64Array(pp);
    let k = 0;
    for (let b = 0; b < nb && k < K; b++) {
      if (failBlocks[k] === b) {
        const G = GK[k];
        S0[k] = G * c0.v;
        for (let a = 0; a < p; a++) S1[k * p + a] = G * c1[a];
        for (let a = 0; a < pp; a++) S2[k * pp + a] = G * c2[a];
        k++;
      }
      for (let i = blockStart[b]; i < blockStart[b + 1]; i++)
        if (code[i] === 2) {
          const w = er[i] / Gm[i];
          c0.v += w;
          for (let a = 0; a < p; a++) {
            const xa = x[i * p + a] * w;
            c1[a] += xa;
            for (let bb = 0; bb <= a; bb++) c2[a * p + bb] += xa * x[i * p + bb];
          }
        }
    }
    // at-risk part, descending: T_j ≥ t_k
    let r0 = 0;
    const r1 = new Float64Array(p);
    const r2 = new Float64Array(pp);
    k = K - 1;
    for (let b = nb - 1; b >= 0 && k >= 0; b--) {
      for (let i = blockStart[b]; i < blockStart[b + 1]; i++) {
        const w = er[i];
        r0 += w;
        for (let a = 0; a < p; a++) {
          const xa = x[i * p + a] * w;
          r1[a] += xa;
          for (let bb = 0; bb <= a; bb++) r2[a * p + bb] += xa * x[i * p + bb];
        }
      }
      if (failBlocks[k] === b) {
        S0[k] += r0;
        for (let a = 0; a < p; a++) S1[k * p + a] += r1[a];
        for (let a = 0; a < pp; a++) S2[k * pp + a] += r2[a];
        k--;
      }
    }
    for (let kk = 0; kk < K; kk++) {
      const b = failBlocks[kk];
      let s = 0;
      for (let i = blockStart[b]; i < blockStart[b + 1]; i++) if (code[i] === 1) s += eta[i];
      etasum[kk] = s;
    }
  };

  const evaluate = (beta: Float64Array, u: Float64Array, imat: Float64Array): number => {
    sums(beta);
    u.fill(0);
    imat.fill(0);
    let ll = 0;
    for (let k = 0; k < K; k++) {
      const s0 = S0[k];
      const d = dK[k];
      ll += etasum[k] - d * Math.log(s0);
      for (let a = 0; a < p; a++) {
        const ea = S1[k * p + a] / s0;
        u[a] += xsum[k * p + a] - d * ea;
        for (let bb = 0; bb <= a; bb++) imat[a * p + bb] += d * (S2[k * pp + a * p + bb] / s0 - ea * (S1[k * p + bb] / s0));
      }
    }
    for (let a = 0; a < p; a++) for (let bb = 0; bb < a; bb++) imat[bb * p + a] = imat[a * p + bb];
    return ll;
  };

  const nr = newtonRaphson(evaluate, p, { eps: opts.eps ?? 1e-12, maxIter: opts.maxIter ?? 50, tolerChol: 1e-12 });
  const beta = nr.beta;
  // sums at the final β (newtonRaphson's last evaluation was at β, but recompute for clarity)
  const u = new Float64Array(p);
  const imat = new Float64Array(pp);
  const loglik = evaluate(beta, u, imat);
  const naive = choleskyInverse(nr.factor);

  // sandwich
  const dL = new Float64Array(K);
  const Eb = new Float64Array(K * p);
  for (let k = 0; k < K; k++) {
    dL[k] = dK[k] / S0[k];
    for (let a = 0; a < p; a++) Eb[k * p + a] = S1[k * p + a] / S0[k];
  }
  // suffix sums over failure times of G dΛ and G Ē dΛ: B(≥k)
  const B0 = new Float64Array(K + 1);
  const B1 = new Float64Array((K + 1) * p);
  for (let k = K - 1; k >= 0; k--) {
    B0[k] = B0[k + 1] + GK[k] * dL[k];
    for (let a = 0; a < p; a++) B1[k * p + a] = B1[(k + 1) * p + a] + GK[k] * Eb[k * p + a] * dL[k];
  }
  const resid = new Float64Array(n * p);
  // η_i: ascending pass with prefix A0 = Σ_{t_k ≤ T} dΛ, A1 = Σ_{t_k ≤ T} Ē dΛ
  let A0 = 0;
  const A1 = new Float64Array(p);
  // ψ: running Q0, Q1 over competing rows with T_j < u; Σ_{u ≤ T} q(u) c(u)/Y(u)² as a prefix
  let Q0 = 0;
  const Q1 = new Float64Array(p);
  const psiPrefix = new Float64Array(p);
  const q = new Float64Array(p);
  let k = 0;
  for (let b = 0; b < nb; b++) {
    const from = blockStart[b];
    const to = blockStart[b + 1];
    const isFail = k < K && failBlocks[k] === b;
    if (isFail) {
      A0 += dL[k];
      for (let a = 0; a < p; a++) A1[a] += Eb[k * p + a] * dL[k];
    }
    const kNext = isFail ? k + 1 : k; // first failure index with t_k > this time
    // censorings at this time u: q(u) uses failures with t ≥ u (index k onwards)
    let c = 0;
    for (let i = from; i < to; i++) if (code[i] === 0) c++;
    if (c > 0) {
      const Y = atRisk[from];
      for (let a = 0; a < p; a++) q[a] = Q1[a] * B0[k] - Q0 * B1[k * p + a];
      for (let a = 0; a < p; a++) psiPrefix[a] += (q[a] * c) / (Y * Y);
    }
    for (let i = from; i < to; i++) {
      const e = er[i];
      for (let a = 0; a < p; a++) {
        const xa = x[i * p + a];
        let r = -e * (xa * A0 - A1[a]);
        if (code[i] === 1) r += xa - Eb[k * p + a];
        else if (code[i] === 2) r -= (e / Gm[i]) * (xa * B0[kNext] - B1[kNext * p + a]);
        else r += q[a] / atRisk[from];
        r -= psiPrefix[a];
        resid[i * p + a] = r;
      }
    }
    // competing rows at this time join Q for later censoring times (T_j < u strictly)
    for (let i = from; i < to; i++)
      if (code[i] === 2) {
        const w = er[i] / Gm[i];
        Q0 += w;
        for (let a = 0; a < p; a++) Q1[a] += w * x[i * p + a];
      }
    k = kNext;
  }
  const meat = new Float64Array(pp);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < p; a++) {
      const ra = resid[i * p + a];
      for (let bb = 0; bb <= a; bb++) meat[a * p + bb] += ra * resid[i * p + bb];
    }
  for (let a = 0; a < p; a++) for (let bb = 0; bb < a; bb++) meat[bb * p + a] = meat[a * p + bb];
  const robust = sandwich(naive, meat, p);
  return {
    beta: Float64Array.from(beta),
    loglikNull: nr.loglikNull,
    loglik,
    iterations: nr.iterations,
    converged: nr.converged,
    singular: nr.singularAtStart,
    robust,
    naive,
  };
}

function sandwich(A: Float64Array, M: Float64Array, p: number): Float64Array {
  const t = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let l = 0; l < p; l++) s += A[i * p + l] * M[l * p + j];
      t[i * p + j] = s;
    }
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let l = 0; l < p; l++) s += t[i * p + l] * A[l * p + j];
      out[i * p + j] = s;
    }
  return out;
}
