/**
 * Numeric core: Cox partial log-likelihood, score vector and information matrix at β, with
 * Efron's (Efron 1977, JASA 72:557–565) or Breslow's (Breslow 1974, Biometrics 30:89–99)
 * handling of tied death times, for right-censored or counting-process (start, stop] data
 * (Cox 1972, JRSS B 34:187–220; Andersen & Gill 1982, Ann Stat 10:1100–1120).
 *
 * Contract: `d` from coxSortedData (sorted by stratum, stop ascending, deaths first; x centred and
 * scaled); β in the same scaled units; `u` (p) and `imat` (p×p row-major) are overwritten. Returns
 * the log partial likelihood. For counting-process data the work array `risk` (length n) receives
 * exp(x·β) as each row enters the risk set (read back when it leaves); right-censored data do not
 * use it (module scratch holds r·x per row). Risk sets are running sums S0 = Σr, S1 = Σr·x,
 * S2 = Σr·x·xᵀ (packed lower triangle) built by walking time backwards (a death row enters the
 * tied-death sums D0, D1, D2, added to the risk sums once per tied time): a row enters at its stop
 * time and, for counting-process data,
 * leaves at its start time (second order `byStart`); the sums are reset to exactly 0 whenever a risk
 * set empties and at each stratum. Cost O(n·p²) per call; nothing is allocated per row. For
 * right-censored data the sums are formed one at a time (S0 in a pass over the rows, then each S1
 * component, then each S2 pair, each over all rows held in a register), with the same additions in
 * the same order as the row walk, so both paths give the same bits; it is ~3× faster (n 1,000, p 5).
 *
 * With Efron's method a block of m tied deaths with sums D0, D1, D2 contributes, for k = 0..m−1 and
 * f = k/m: −log(S0 − f·D0) to the log-likelihood (summed as the logs of running products of
 * the m denominators, not a log per death: efronLogTerm.ts), −(S1 − f·D1)/(S0 − f·D0) to the score and the
 * weighted covariance (S2 − f·D2)/(S0 − f·D0) − a·aᵀ to the information; Breslow's uses f = 0.
 *
 * Frequency weights (d.weight, right-censored data only): a row of weight w enters every sum as w
 * identical rows would (w·r, w·r·x, w deaths in m, w·η and w·x in the death sums), so Efron's m is
 * the block's total weight — the partial likelihood of the data with each row repeated w times.
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
import { efronLogTerm } from './efronLogTerm.js';

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
  return d.start === null ? rightCensored(d, beta, efron, u, imat, detail) : countingProcess(d, beta, efron, u, imat, risk, detail);
}

/** Scratch reused across calls (grown, never shrunk): r·x per row, and per death block its rows and sums. */
let rxWork = new Float64Array(0);
let blockInt = new Int32Array(0);
let blockNum = new Float64Array(0);
let blockVec = new Float64Array(0);
let pairWork = new Float64Array(0);

/**
 * Right-censored data. The same sums, in the same order of additions, as the row-by-row walk of
 * countingProcess (so the same bits), but computed one quantity at a time: a pass over the rows for
 * S0, D0 and the log-likelihood (which also stores r·x), one per covariate for S1, D1 and the score,
 * one per pair (j, k) for S2, D2 and the information — each sum held in a register instead of a
 * store into S2 per row and pair. Within a death block the deaths come first (coxSortedData), so a
 * block is a run of censored rows (added to the risk sums), then its deaths (summed on their own).
 * Each pass is a function of its own (riskPass, scorePass, pairSums, pairInformation), given the
 * arrays rather than `d` (whose shape differs between a resample and the original data): as one
 * function, V8 compiled the first pass's loop on its own (on-stack replacement) and left that code
 * at the next pass for want of type feedback, then compiled the whole function again — 30 times in
 * one 100,000-patient `analyze`, 40–80 ms each.
 */
function rightCensored(d: CoxSortedData, beta: Float64Array, efron: boolean, u: Float64Array, imat: Float64Array, detail?: CoxTimeDetail): number {
  const { n, p } = d;
  const nb = d.nDeathTimes;
  if (rxWork.length < n * p) rxWork = new Float64Array(n * p);
  // per block: censored rows [fc, cEnd), deaths [j0, fc), 1 if the block opens a stratum
  if (blockInt.length < 4 * nb) blockInt = new Int32Array(4 * nb);
  // per block: S0, m, then Efron's A, B, C, E, F (A = hazard) — Breslow / one death: S0 only
  if (blockNum.length < 7 * nb) blockNum = new Float64Array(7 * nb);
  if (blockVec.length < 2 * nb * p) blockVec = new Float64Array(2 * nb * p);
  const loglik = riskPass(p, d.x, d.stop, d.event, d.strataBounds, d.weight ?? null, beta, efron, rxWork, blockInt, blockNum, detail);
  const b = blocksFilled;
  if (detail) detail.count = b;
  const sums = detail !== undefined && detail.cov.length > 0 ? detail : null;
  for (let j = 0; j < p; j++) u[j] = scorePass(p, d.x, d.weight ?? null, nb * p, j, efron, b, rxWork, blockInt, blockNum, blockVec, sums);
  // per pair k ≤ j: S2 and D2 at each death block, four pairs at a time (four independent sums in
  // flight; the last group repeats its last pair when np is not a multiple of 4), then from them
  // the information (and the summed covariances)
  const np = (p * (p + 1)) / 2;
  if (pairWork.length < 8 * b) pairWork = new Float64Array(8 * b);
  const pj = new Int32Array(4);
  const pk = new Int32Array(4);
  for (let q = 0; q < np; q += 4) {
    for (let g = 0; g < 4; g++) {
      const qg = Math.min(q + g, np - 1);
      let j = 0;
      while (((j + 1) * (j + 2)) / 2 <= qg) j++;
      pj[g] = j;
      pk[g] = qg - (j * (j + 1)) / 2;
    }
    pairSums(p, d.x, b, rxWork, blockInt, pj, pk, pairWork);
    for (let g = 0; g < 4; g++) {
      const info = pairInformation(p, pj[g], pk[g], g, efron, b, pairWork, blockNum, blockVec, nb * p, sums);
      imat[pj[g] * p + pk[g]] = info;
      imat[pk[g] * p + pj[g]] = info;
    }
  }
  return loglik;
}

/** The number of death blocks riskPass found (its second result). */
let blocksFilled = 0;

/**
 * The scalar pass: risk scores (r·x per row into `rx`), each death block's rows (`bi`), S0, m and
 * Efron's sums (`bn`), the hazard (and time, stratum, deaths into `detail`); returns the
 * log-likelihood, the block count in blocksFilled.
 */
function riskPass(
  p: number, x: Float64Array, stop: Float64Array, event: Uint8Array, strataBounds: Int32Array, wt: Int32Array | null,
  beta: Float64Array, efron: boolean, rx: Float64Array, bi: Int32Array, bn: Float64Array, detail?: CoxTimeDetail,
): number {
  // frequency weights `wt`: a row of weight w counts as w rows (w·r in the sums, w deaths); 1 when
  // absent (r·1 and 1·x are exact: the same bits as without). At β = 0 (the first Newton step) every
  // risk score is exp(0) = 1: computed all the same, so that the compiled pass has seen its exp()
  // (skipped, V8 compiled the pass without it and discarded that code at the next step).
  let loglik = 0;
  let b = 0;
  for (let s = 0; s + 1 < strataBounds.length; s++) {
    const begin = strataBounds[s];
    let i = strataBounds[s + 1] - 1;
    let cEnd = i + 1;
    let S0 = 0;
    let opens = 1;
    while (i >= begin) {
      const t = stop[i];
      let D0 = 0;
      let m = 0;
      let etaSum = 0;
      let fc = i + 1;
      while (i >= begin && stop[i] === t) {
        const o = i * p;
        let e = 0;
        for (let j = 0; j < p; j++) e += x[o + j] * beta[j];
        const r = Math.exp(e);
        const w = wt === null ? 1 : wt[i];
        const rw = r * w;
        for (let j = 0; j < p; j++) rx[o + j] = rw * x[o + j];
        if (event[i]) {
          D0 += rw;
          m += w;
          etaSum += w * e;
        } else {
          if (m > 0) throw new Error('coxDerivatives: a censored row sorted before a death at the same time');
          S0 += rw;
          fc = i;
        }
        i--;
      }
      if (m === 0) continue;
      S0 += D0;
      bi[4 * b] = fc;
      bi[4 * b + 1] = cEnd;
      bi[4 * b + 2] = i + 1;
      bi[4 * b + 3] = opens;
      opens = 0;
      cEnd = i + 1;
      loglik += etaSum;
      let hazard: number;
      bn[7 * b] = S0;
      bn[7 * b + 1] = m;
      if (!efron || m === 1) {
        loglik -= m * Math.log(S0);
        hazard = m / S0;
      } else {
        let A = 0;
        let B = 0;
        let C = 0;
        let E = 0;
        let F = 0;
        for (let k0 = 0; k0 < m; k0++) {
          const f = k0 / m;
          const den = S0 - f * D0;
          const inv = 1 / den;
          const inv2 = inv * inv;
          A += inv;
          B += f * inv;
          C += inv2;
          E += f * inv2;
          F += f * f * inv2;
        }
        loglik = efronLogTerm(loglik, S0, D0, m);
        hazard = A;
        bn[7 * b + 2] = A;
        bn[7 * b + 3] = B;
        bn[7 * b + 4] = C;
        bn[7 * b + 5] = E;
        bn[7 * b + 6] = F;
      }
      if (detail) {
        detail.time[b] = t;
        detail.stratum[b] = s;
        detail.deaths[b] = m;
        detail.hazard[b] = hazard;
      }
      b++;
    }
  }
  blocksFilled = b;
  return loglik;
}

/** Covariate j's pass: S1, D1 per block (into S1B), its score (returned) and summed Schoenfeld residuals (into `sums`). */
function scorePass(
  p: number, x: Float64Array, wt: Int32Array | null, D1o: number, j: number, efron: boolean, b: number,
  rx: Float64Array, bi: Int32Array, bn: Float64Array, S1B: Float64Array, sums: CoxTimeDetail | null,
): number {
  // D1 at D1o + c·p
  let S1 = 0;
  let uj = 0;
  for (let c = 0; c < b; c++) {
    const fc = bi[4 * c];
    const j0 = bi[4 * c + 2];
    if (bi[4 * c + 3]) S1 = 0;
    for (let i = bi[4 * c + 1] - 1; i >= fc; i--) S1 += rx[i * p + j];
    let D1 = 0;
    let xs = 0;
    if (wt === null) {
      for (let i = fc - 1; i >= j0; i--) {
        D1 += rx[i * p + j];
        xs += x[i * p + j];
      }
    } else {
      for (let i = fc - 1; i >= j0; i--) {
        D1 += rx[i * p + j];
        xs += wt[i] * x[i * p + j];
      }
    }
    S1 += D1;
    S1B[c * p + j] = S1;
    S1B[D1o + c * p + j] = D1;
    uj += xs;
    const S0 = bn[7 * c];
    const m = bn[7 * c + 1];
    let aj: number;
    if (!efron || m === 1) aj = m * (S1 / S0);
    else aj = S1 * bn[7 * c + 2] - D1 * bn[7 * c + 3];
    uj -= aj;
    if (sums) sums.resid[c * p + j] = xs - aj;
  }
  return uj;
}

/** S2 and D2 of the four pairs (pj[g], pk[g]) at each death block, into T (per block: the four S2, then the four D2). */
function pairSums(p: number, x: Float64Array, b: number, rx: Float64Array, bi: Int32Array, pj: Int32Array, pk: Int32Array, T: Float64Array): void {
  const ja = pj[0];
  const ka = pk[0];
  const jb = pj[1];
  const kb = pk[1];
  const jc = pj[2];
  const kc = pk[2];
  const jd = pj[3];
  const kd = pk[3];
  let Sa = 0;
  let Sb = 0;
  let Sc = 0;
  let Sd = 0;
  for (let c = 0; c < b; c++) {
    const fc = bi[4 * c];
    const j0 = bi[4 * c + 2];
    if (bi[4 * c + 3]) {
      Sa = 0;
      Sb = 0;
      Sc = 0;
      Sd = 0;
    }
    for (let i = bi[4 * c + 1] - 1; i >= fc; i--) {
      const o = i * p;
      Sa += rx[o + ja] * x[o + ka];
      Sb += rx[o + jb] * x[o + kb];
      Sc += rx[o + jc] * x[o + kc];
      Sd += rx[o + jd] * x[o + kd];
    }
    let Da = 0;
    let Db = 0;
    let Dc = 0;
    let Dd = 0;
    for (let i = fc - 1; i >= j0; i--) {
      const o = i * p;
      Da += rx[o + ja] * x[o + ka];
      Db += rx[o + jb] * x[o + kb];
      Dc += rx[o + jc] * x[o + kc];
      Dd += rx[o + jd] * x[o + kd];
    }
    Sa += Da;
    Sb += Db;
    Sc += Dc;
    Sd += Dd;
    const o = 8 * c;
    T[o] = Sa;
    T[o + 1] = Sb;
    T[o + 2] = Sc;
    T[o + 3] = Sd;
    T[o + 4] = Da;
    T[o + 5] = Db;
    T[o + 6] = Dc;
    T[o + 7] = Dd;
  }
}

/**
 * The information of pair (j, k), the g-th of pairSums' four: Breslow, or one death: m·(S2/S0 −
 * a_j·a_k); Efron: the closed form in the header. The summed covariances into `sums`.
 */
function pairInformation(p: number, j: number, k: number, g: number, efron: boolean, b: number, T: Float64Array, bn: Float64Array, S1B: Float64Array, D1o: number, sums: CoxTimeDetail | null): number {
  let info = 0;
  for (let c = 0; c < b; c++) {
    const S2 = T[8 * c + g];
    const D2 = T[8 * c + 4 + g];
    const S0 = bn[7 * c];
    const m = bn[7 * c + 1];
    const S1j = S1B[c * p + j];
    const S1k = S1B[c * p + k];
    let v: number;
    if (!efron || m === 1) {
      v = m * (S2 / S0 - (S1j / S0) * (S1k / S0));
    } else {
      const D1j = S1B[D1o + c * p + j];
      const D1k = S1B[D1o + c * p + k];
      v = S2 * bn[7 * c + 2] - D2 * bn[7 * c + 3] - (S1j * S1k * bn[7 * c + 4] - (S1j * D1k + D1j * S1k) * bn[7 * c + 5] + D1j * D1k * bn[7 * c + 6]);
    }
    info += v;
    if (sums) {
      sums.cov[c * p * p + j * p + k] = v;
      sums.cov[c * p * p + k * p + j] = v;
    }
  }
  return info;
}

/** Counting-process (start, stop] data (also correct for right-censored data): one walk over the rows. */
function countingProcess(
  d: CoxSortedData,
  beta: Float64Array,
  efron: boolean,
  u: Float64Array,
  imat: Float64Array,
  risk: Float64Array,
  detail?: CoxTimeDetail,
): number {
  const { p, x, stop, start, event, strataBounds, byStart } = d;
  if (d.weight) throw new Error('coxDerivatives: frequency weights are for right-censored data');
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
        for (let j = 0; j < p; j++) e += x[o + j] * beta[j];
        const r = Math.exp(e);
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
          const den = S0 - f * D0;
          const inv = 1 / den;
          const inv2 = inv * inv;
          A += inv;
          B += f * inv;
          C += inv2;
          E += f * inv2;
          F += f * f * inv2;
        }
        loglik = efronLogTerm(loglik, S0, D0, m);
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
