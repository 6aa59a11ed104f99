/**
 * Gray's K-sample test for equality of the cumulative incidence of one cause across groups
 * (Gray 1988, Ann Stat 16:1141–1154), ρ = 0 (cmprsk's default weight).
 *
 * Score (as Gray §2): with R_k(t) = Y_k(t)(1 − F̂_k(t−))/Ŝ_k(t−) the estimated subdistribution risk
 * set of group k (Y at risk, Ŝ all-cause Kaplan–Meier, F̂ the Aalen–Johansen CIF of the cause) and
 * dΓ̂⁰ = Σ_k d_k / Σ_k R_k the pooled subdistribution hazard,
 *   z_k = Σ_t [ d_k(t) − R_k(t) dΓ̂⁰(t) ],   k = 1..K−1.
 * Variance: the martingale representation of z under H0 (Gray §3) — with w_kr = δ_kr − R_k/R.,
 *   c_kr(u) = Σ_{t>u} w_kr(t) Y_r(t) dΓ̂⁰(t)/Ŝ_r(t−),
 *   α_kr(u) = w_kr(u) + c_kr(u)[Ŝ_r(u−) − (1 − F̂_r(u))]/Y_r(u),   β_kr(u) = −c_kr(u)(1 − F̂_r(u))/Y_r(u),
 *   V_kk' = Σ_r Σ_u α_kr α_k'r R_r(u) dΓ̂⁰(u) + β_kr β_k'r d°_r(u)   (d° = events of the other causes),
 * derived here from the influence functions of Ŝ and F̂ (first-order expansion of R̂_r). The events
 * of the cause enter through their compensator under H0, R_r·dΓ̂⁰ (as the log-rank variance uses
 * expected, not observed, deaths): with the observed d_r instead, V grows with the very difference
 * being tested and χ² fell to half of cmprsk's on strongly different groups. The score equals
 * cmprsk's crstm to rounding; the variance is not cmprsk's finite-sample form: measured against
 * cuminc's $Tests, χ² agrees within 2% on survival::mgus2, cmprsk's example and the liver cohorts
 * and within 4% on deng2025 (test/stats/competing/cumulativeIncidence.test.ts states each), so
 * P values agree to about two significant digits, not to R's six.
 * χ² = zᵀV⁻z (generalised inverse), df = rank V.
 *
 * Contract: rows sorted by (group, time) with group slices `start[g]..start[g+1]`; `cause[i]` is 0,
 * the cause of interest `c`, or another cause. O(T·K²) after the sort (T distinct event times).
 *
 * @example // two groups of three
 * grayTest(new Float64Array([1, 2, 3, 1.5, 2.5, 3.5]), new Uint16Array([1, 2, 1, 2, 0, 1]), new Uint32Array([0, 3, 6]), 1)
 * // { score: [0.928571…], variance: [[0.537796…]], chisq: 1.603291…, df: 1, p: 0.205437… }  (cmprsk: χ² 1.625027)
 */
import { pChisqUpper } from '../dist/index.js';
import { ginvQuadraticForm } from '../survival/ginvQuadraticForm.js';

export interface GrayTestResult {
  readonly score: readonly number[];
  readonly variance: readonly (readonly number[])[];
  readonly chisq: number;
  readonly df: number;
  readonly p: number;
}

export function grayTest(time: Float64Array, cause: ArrayLike<number>, start: Uint32Array, c: number): GrayTestResult {
  const K = start.length - 1;
  const ptr = new Float64Array(K);
  for (let g = 0; g < K; g++) ptr[g] = start[g];
  // forward pass over the distinct times with an event (any cause), merging the group slices
  const Yg = new Float64Array(K);
  for (let g = 0; g < K; g++) Yg[g] = start[g + 1] - start[g];
  const S = new Float64Array(K).fill(1);
  const F = new Float64Array(K);
  let nEv = 0;
  for (let i = 0; i < time.length; i++) if (cause[i] !== 0) nEv++;
  // per event time j and group g (flat j·K + g): at risk, events of c, other events, Ŝ(t−), F̂(t), R
  const rY = new Float64Array(nEv * K);
  const rD1 = new Float64Array(nEv * K);
  const rD2 = new Float64Array(nEv * K);
  const rSm = new Float64Array(nEv * K);
  const rFp = new Float64Array(nEv * K);
  const rR = new Float64Array(nEv * K);
  const rDG = new Float64Array(nEv);
  const rRdot = new Float64Array(nEv);
  const z = new Float64Array(K);
  let T = 0;
  for (;;) {
    let t = Infinity;
    for (let g = 0; g < K; g++) if (ptr[g] < start[g + 1] && time[ptr[g]] < t) t = time[ptr[g]];
    if (t === Infinity) break;
    const o = T * K;
    let any = false;
    for (let g = 0; g < K; g++) {
      let i = ptr[g];
      const end = start[g + 1];
      let e1 = 0;
      let e2 = 0;
      while (i < end && time[i] === t) {
        const k = cause[i];
        if (k === c) e1++;
        else if (k !== 0) e2++;
        i++;
      }
      rY[o + g] = Yg[g];
      rD1[o + g] = e1;
      rD2[o + g] = e2;
      Yg[g] -= i - ptr[g];
      ptr[g] = i;
      if (e1 + e2 > 0) any = true;
    }
    if (!any) continue;
    let Rdot = 0;
    let D1 = 0;
    for (let g = 0; g < K; g++) {
      const Y = rY[o + g];
      rSm[o + g] = S[g];
      const R = Y > 0 ? (Y * (1 - F[g])) / S[g] : 0;
      rR[o + g] = R;
      Rdot += R;
      D1 += rD1[o + g];
    }
    const dG = Rdot > 0 ? D1 / Rdot : 0;
    for (let g = 0; g < K; g++) {
      const Y = rY[o + g];
      z[g] += rD1[o + g] - rR[o + g] * dG;
      if (Y > 0) {
        F[g] += (S[g] * rD1[o + g]) / Y;
        S[g] *= 1 - (rD1[o + g] + rD2[o + g]) / Y;
      }
      rFp[o + g] = F[g];
    }
    rDG[T] = dG;
    rRdot[T] = Rdot;
    T++;
  }
  const k1 = K - 1;
  const V = new Float64Array(k1 * k1);
  const ck = new Float64Array(k1 * K); // c_kr: sums over later times
  const a = new Float64Array(k1);
  const b = new Float64Array(k1);
  for (let j = T - 1; j >= 0; j--) {
    const o = j * K;
    const dG = rDG[j];
    const Rdot = rRdot[j];
    for (let r = 0; r < K; r++) {
      const Y = rY[o + r];
      if (Y === 0) continue;
      const d2 = rD2[o + r];
      const e1 = rR[o + r] * dG; // cause-c events of group r expected under H0 (pooled subdistribution hazard)
      if (e1 > 0 || d2 > 0) {
        const Sm = rSm[o + r];
        const Fp = rFp[o + r];
        for (let k = 0; k < k1; k++) {
          const w = Rdot > 0 ? (k === r ? 1 : 0) - rR[o + k] / Rdot : 0;
          const cc = ck[k * K + r];
          a[k] = w + (cc * (Sm - (1 - Fp))) / Y;
          b[k] = (-cc * (1 - Fp)) / Y;
        }
        for (let k = 0; k < k1; k++)
          for (let l = 0; l < k1; l++) V[k * k1 + l] += a[k] * a[l] * e1 + b[k] * b[l] * d2;
      }
      if (dG > 0)
        for (let k = 0; k < k1; k++) {
          const w = (k === r ? 1 : 0) - rR[o + k] / Rdot;
          ck[k * K + r] += (w * Y * dG) / rSm[o + r];
        }
    }
  }
  const Vm = Array.from({ length: k1 }, (_, k) => Array.from(V.subarray(k * k1, (k + 1) * k1)));
  const score = Array.from(z.subarray(0, k1));
  const { q, rank } = ginvQuadraticForm(Vm, score);
  return { score, variance: Vm, chisq: q, df: rank, p: rank > 0 ? pChisqUpper(q, rank) : 1 };
}
