/**
 * Numeric core: Cox partial log-likelihood, score vector and information matrix at β, with
 * Efron's (Efron 1977, JASA 72:557–565) or Breslow's (Breslow 1974, Biometrics 30:89–99)
 * handling of tied death times, for right-censored or counting-process (start, stop] data
 * (Cox 1972, JRSS B 34:187–220; Andersen & Gill 1982, Ann Stat 10:1100–1120).
 *
 * Contract: `d` from coxSortedData (sorted by stratum, stop ascending, deaths first; x centred and
 * scaled); β in the same scaled units; `u` (p) and `imat` (p×p row-major) are overwritten. Returns
 * the log partial likelihood. For counting-process data the work array `risk` (length n) receives
 * exp(x·β) as each row enters the risk set (read back when it leaves); right-censored data write
 * nothing per row: one read pass over x. Risk sets are running sums S0 = Σr, S1 = Σr·x,
 * S2 = Σr·x·xᵀ (packed lower triangle) built by walking time backwards (a death row enters the
 * tied-death sums D0, D1, D2, added to the risk sums once per tied time): a row enters at its stop
 * time and, for counting-process data,
 * leaves at its start time (second order `byStart`); the sums are reset to exactly 0 whenever a risk
 * set empties and at each stratum. Cost O(n·p²) per call; nothing is allocated per row.
 *
 * With Efron's method a block of m tied deaths with sums D0, D1, D2 contributes, for k = 0..m−1 and
 * f = k/m: −log(S0 − f·D0) to the log-likelihood, −(S1 − f·D1)/(S0 − f·D0) to the score and the
 * weighted covariance (S2 − f·D2)/(S0 − f·D0) − a·aᵀ to the information; Breslow's uses f = 0.
 *
 * `detail`, when given, receives per death time (in the walk order: strata ascending, time
 * descending) the time, stratum, number of deaths, the baseline-hazard increment at x = means
 * (Breslow: m/S0; Efron: Σₖ 1/(S0 − f·D0)), the summed Schoenfeld residual Σ(xᵢ − aₖ) (p) and the
 * summed covariance Σₖ Vₖ (p×p) — what cox.zph and the baseline hazard need (the residual sums only
 * when allocated: allocTimeDetail(…, residuals = false) skips them when only the baseline is wanted).
 *
 * @example
 * // times 1..5, events 1,1,1,0,1, x = 1,0,1,0,0; at β = 0 the log-likelihood is −log(5·4·3·1)
 * const d = coxSortedData({ stop: new Float64Array([1, 2, 3, 4, 5]), start: null, event: new Uint8Array([1, 1, 1, 0, 1]),
 *   columns: [new Float64Array([1, 0, 1, 0, 0])], strata: null, nStrata: 1 });
 * const u = new Float64Array(1), imat = new Float64Array(1);
 * coxDerivatives(d, new Float64Array(1), true, u, imat, new Float64Array(0)) // -4.0943445622221
 * [u[0], imat[0]] // [2.5416666666666665, 4.060763888888889]: 61/60 and 2339/3600 in units scaled by d.scale[0] = 2.5
 */
import type { CoxSortedData } from './sortedData.js';

export interface CoxTimeDetail {
  /** Number of death times filled. */
  count: number;
  readonly time: Float64Array;
  readonly stratum: Int32Array;
  readonly deaths: Int32Array;
  readonly hazard: Float64Array;
  /** count × p */
  readonly resid: Float64Array;
  /** count × p × p */
  readonly cov: Float64Array;
}

/** `residuals` false: only time, stratum, deaths and hazard (the baseline hazard), no Schoenfeld sums (cox.zph). */
export function allocTimeDetail(nTimes: number, p: number, residuals = true): CoxTimeDetail {
  return {
    count: 0,
    time: new Float64Array(nTimes),
    stratum: new Int32Array(nTimes),
    deaths: new Int32Array(nTimes),
    hazard: new Float64Array(nTimes),
    resid: new Float64Array(residuals ? nTimes * p : 0),
    cov: new Float64Array(residuals ? nTimes * p * p : 0),
  };
}

export function coxDerivatives(
  d: CoxSortedData,
  beta: Float64Array,
  efron: boolean,
  u: Float64Array,
  imat: Float64Array,
  risk: Float64Array,
  detail?: CoxTimeDetail,
): number {
  const { p, x, stop, start, event, strataBounds, byStart } = d;
  const np = (p * (p + 1)) / 2;
  u.fill(0);
  imat.fill(0);
  const imatL = new Float64Array(np); // packed lower-triangle accumulator
  const S1 = new Float64Array(p);
  const S2 = new Float64Array(np);
  const D1 = new Float64Array(p);
  const D2 = new Float64Array(np);
  const xs = new Float64Array(p);
  const a = new Float64Array(p);
  const sums = detail !== undefined && detail.cov.length > 0;
  const vsum = sums ? new Float64Array(np) : null;
  const rsum = sums ? new Float64Array(p) : null;
  let loglik = 0;
  if (detail) detail.count = 0;
  let zeroBeta = true; // at β = 0 (the first Newton evaluation) every risk score is 1: no exp()
  for (let j = 0; j < p; j++) if (beta[j] !== 0) zeroBeta = false;

  for (let s = 0; s + 1 < strataBounds.length; s++) {
    const begin = strataBounds[s];
    const end = strataBounds[s + 1];
    let S0 = 0;
    let nRisk = 0;
    S1.fill(0);
    S2.fill(0);
    let sp = end - 1; // pointer into byStart (counting process)
    let i = end - 1;
    while (i >= begin) {
      const t = stop[i];
      let D0 = 0;
      let m = 0;
      let etaSum = 0;
      D1.fill(0);
      D2.fill(0);
      xs.fill(0);
      // add the block of rows with stop == t
      while (i >= begin && stop[i] === t) {
        const o = i * p;
        let e = 0;
        let r = 1;
        if (!zeroBeta) {
          for (let j = 0; j < p; j++) e += x[o + j] * beta[j];
          r = Math.exp(e);
        }
        if (start !== null) risk[i] = r;
        nRisk++;
        let q = 0;
        if (event[i]) {
          // deaths go to the block's death sums only (folded into the risk sums below)
          D0 += r;
          m++;
          etaSum += e;
          for (let j = 0; j < p; j++) {
            const xj = x[o + j];
            const rx = r * xj;
            D1[j] += rx;
            xs[j] += xj;
            for (let k = 0; k <= j; k++, q++) D2[q] += rx * x[o + k];
          }
        } else {
          S0 += r;
          for (let j = 0; j < p; j++) {
            const rx = r * x[o + j];
            S1[j] += rx;
            for (let k = 0; k <= j; k++, q++) S2[q] += rx * x[o + k];
          }
        }
        i--;
      }
      if (m > 0) {
        S0 += D0;
        for (let j = 0; j < p; j++) S1[j] += D1[j];
        for (let q = 0; q < np; q++) S2[q] += D2[q];
      }
      // counting process: rows that enter at or after t are not at risk at t
      if (start !== null && byStart !== null) {
        while (sp >= begin && start[byStart[sp]] >= t) {
          const k0 = byStart[sp];
          const r = risk[k0];
          const o = k0 * p;
          S0 -= r;
          nRisk--;
          let q = 0;
          for (let j = 0; j < p; j++) {
            const rx = r * x[o + j];
            S1[j] -= rx;
            for (let k = 0; k <= j; k++, q++) S2[q] -= rx * x[o + k];
          }
          sp--;
        }
        if (nRisk === 0) {
          S0 = 0;
          S1.fill(0);
          S2.fill(0);
        }
      }
      if (m === 0) continue;
      loglik += etaSum;
      for (let j = 0; j < p; j++) u[j] += xs[j];
      let hazard: number;
      if (vsum) {
        vsum.fill(0);
        rsum!.set(xs);
      }
      if (!efron || m === 1) {
        loglik -= m * Math.log(S0);
        hazard = m / S0;
        let q = 0;
        for (let j = 0; j < p; j++) {
          a[j] = S1[j] / S0;
          u[j] -= m * a[j];
          for (let k = 0; k <= j; k++, q++) {
            const v = S2[q] / S0 - a[j] * a[k];
            imatL[q] += m * v;
            if (vsum) vsum[q] += m * v;
          }
        }
        if (rsum) for (let j = 0; j < p; j++) rsum[j] -= m * a[j];
      } else {
        // Σₖ over the m tied deaths in closed form: with dₖ = S0 − fₖ·D0, fₖ = k/m and the scalar
        // sums A = Σ1/dₖ, B = Σfₖ/dₖ, C = Σ1/dₖ², E = Σfₖ/dₖ², F = Σfₖ²/dₖ², the score term is
        // S1·A − D1·B and the information S2·A − D2·B − (S1S1ᵀ·C − (S1D1ᵀ + D1S1ᵀ)·E + D1D1ᵀ·F):
        // O(m + p²) per tied time instead of O(m·p²)
        let A = 0;
        let B = 0;
        let C = 0;
        let E = 0;
        let F = 0;
        for (let k0 = 0; k0 < m; k0++) {
          const f = k0 / m;
          const inv = 1 / (S0 - f * D0);
          loglik += Math.log(inv);
          const inv2 = inv * inv;
          A += inv;
          B += f * inv;
          C += inv2;
          E += f * inv2;
          F += f * f * inv2;
        }
        hazard = A;
        let q = 0;
        for (let j = 0; j < p; j++) {
          const aj = S1[j] * A - D1[j] * B;
          u[j] -= aj;
          if (rsum) rsum[j] -= aj;
          for (let k = 0; k <= j; k++, q++) {
            const v = S2[q] * A - D2[q] * B - (S1[j] * S1[k] * C - (S1[j] * D1[k] + D1[j] * S1[k]) * E + D1[j] * D1[k] * F);
            imatL[q] += v;
            if (vsum) vsum[q] += v;
          }
        }
      }
      if (detail) {
        const c = detail.count++;
        detail.time[c] = t;
        detail.stratum[c] = s;
        detail.deaths[c] = m;
        detail.hazard[c] = hazard;
        if (vsum && rsum) {
          for (let j = 0; j < p; j++) detail.resid[c * p + j] = rsum[j];
          let q = 0;
          for (let j = 0; j < p; j++)
            for (let k = 0; k <= j; k++, q++) {
              detail.cov[c * p * p + j * p + k] = vsum[q];
              detail.cov[c * p * p + k * p + j] = vsum[q];
            }
        }
      }
    }
  }
  let q = 0;
  for (let j = 0; j < p; j++)
    for (let k = 0; k <= j; k++, q++) {
      imat[j * p + k] = imatL[q];
      imat[k * p + j] = imatL[q];
    }
  return loglik;
}
