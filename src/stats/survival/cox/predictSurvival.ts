/**
 * Predicted survival for new patients from a fitted Cox model, with the variance R's
 * survfit.coxph(fit, newdata) reports (Tsiatis 1981, Scand. J. Stat. 8:93–108; Andersen, Borgan, Gill &
 * Keiding 1993, §VII.2.2; Therneau & Grambsch 2000, §10.2). For a patient with centred term values z
 * (x − centre), r = exp(z·β) and death times tᵢ ≤ t in the patient's stratum:
 *   H(t | x) = r·Σ dΛ₀(tᵢ),  Var H = r²·[Σ dV(tᵢ) + q(t)ᵀ V_β q(t)],  q(t) = Σ (z − x̄(tᵢ)) dΛ₀(tᵢ),
 * Breslow: dΛ₀ = d/S₀, dV = d/S₀², x̄ = S₁/S₀; Efron (as the fit used): the d tied deaths contribute
 * Σₖ 1/Sₖ, Σₖ 1/Sₖ² and Σₖ (S₁ − (k/d)·D₁)/Sₖ² with Sₖ = S₀ − (k/d)·D₀, k = 0 … d − 1
 * (S₀, S₁: risk-set sums of r and r·x; D₀, D₁: the same over the tied deaths). The second term is
 * the uncertainty of β. S = exp(−H); summary.survfit's std.err = S·√Var H; the "log" interval
 * exp(−H ± z·√Var H) with the upper limit capped at 1 (R's conf.type = "log"). Before the first death
 * time S = 1 with SE 0; after the last one S stays at its last value (R: extend = TRUE).
 *
 * Contract: right-censored data (no counting-process rows); `design` is the fitted data's term matrix
 * (row-major n×p) in the order of time/event, `beta`, `variance` and `centre` from the fit. One sort,
 * one pass over the risk sets: O(n log n + n·p), then O(log m + p²) per patient and horizon.
 *
 * @example
 * // survival::lung, coxph(Surv(time, status) ~ age + sex + ph.karno); a 65-year-old man, Karnofsky 70:
 * const c = coxSurvivalCurve({ time, event, design, p: 3, beta, variance, centre, ties: 'efron' });
 * predictAt(c, [65, 1, 70], [365]) // [{ time: 365, surv: 0.354…, stdErr: 0.04…, lower: …, upper: … }] (R summary(survfit(fit, nd), 365))
 */
import { analysisError } from '../../../errors.js';
import { predictMessages } from '../../../messages/index.js';
import { qnorm } from '../../dist/index.js';
import { termRow } from '../../design/termRow.js';
import { radixOrder } from './radixOrder.js';
import type { CoxInput, CoxResult } from './types.js';

export interface CoxCurveInput {
  readonly time: Float64Array;
  /** 1 = event, 0 = censored. */
  readonly event: ArrayLike<number>;
  /** Row-major n×p term values of the fitted rows. */
  readonly design: Float64Array;
  readonly p: number;
  /** Stratum code (0 … nStrata − 1) per row; null for one stratum. */
  readonly strata?: Int32Array | null;
  readonly nStrata?: number;
  readonly beta: ArrayLike<number>;
  /** p×p covariance of β (rows or row-major). */
  readonly variance: readonly (readonly number[])[] | Float64Array;
  readonly centre: ArrayLike<number>;
  readonly ties: 'efron' | 'breslow';
}

/** The cumulative sums over death times, per stratum. */
export interface CoxSurvivalCurve {
  readonly p: number;
  readonly beta: Float64Array;
  readonly variance: Float64Array;
  readonly centre: Float64Array;
  readonly strata: readonly {
    readonly time: Float64Array;
    readonly cumHazard: Float64Array;
    readonly cumVar: Float64Array;
    /** Row-major m×p: Σ x̄(tᵢ)·dΛ₀(tᵢ) (centred x̄). */
    readonly cumXbar: Float64Array;
  }[];
}

export interface PredictedSurvival {
  readonly time: number;
  readonly surv: number;
  readonly cumHazard: number;
  /** Standard error of S (summary.survfit's std.err). */
  readonly stdErr: number;
  /** Standard error of H (= of log S). */
  readonly seCumHazard: number;
  readonly lower: number;
  readonly upper: number;
}

export function coxSurvivalCurve(input: CoxCurveInput): CoxSurvivalCurve {
  const { time, event, design, p, ties } = input;
  const n = time.length;
  const nStrata = input.nStrata ?? 1;
  const beta = Float64Array.from(input.beta);
  const centre = Float64Array.from(input.centre);
  const variance = new Float64Array(p * p);
  for (let j = 0; j < p; j++)
    for (let k = 0; k < p; k++) variance[j * p + k] = input.variance instanceof Float64Array ? input.variance[j * p + k] : input.variance[j][k];
  // risk scores r = exp((x − centre)·β) and centred x
  const xc = new Float64Array(n * p);
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let lp = 0;
    for (let j = 0; j < p; j++) {
      const v = design[i * p + j] - centre[j];
      xc[i * p + j] = v;
      lp += v * beta[j];
    }
    r[i] = Math.exp(lp);
  }
  // order by stratum, then time descending, deaths first within a time (they are all in the risk set anyway)
  const order = radixOrder(time);
  const strata = [];
  const s1 = new Float64Array(p);
  const d1 = new Float64Array(p);
  const a = new Float64Array(p);
  for (let s = 0; s < nStrata; s++) {
    const idx: number[] = [];
    for (let k = n - 1; k >= 0; k--) {
      const i = order[k];
      if (!input.strata || input.strata[i] === s) idx.push(i);
    }
    const times: number[] = [];
    const dH: number[] = [];
    const dV: number[] = [];
    const dA: number[] = [];
    let s0 = 0;
    s1.fill(0);
    let k = 0;
    while (k < idx.length) {
      const t = time[idx[k]];
      let d0 = 0;
      let m = 0;
      d1.fill(0);
      for (; k < idx.length && time[idx[k]] === t; k++) {
        const i = idx[k];
        s0 += r[i];
        for (let j = 0; j < p; j++) s1[j] += r[i] * xc[i * p + j];
        if (event[i] === 1) {
          m++;
          d0 += r[i];
          for (let j = 0; j < p; j++) d1[j] += r[i] * xc[i * p + j];
        }
      }
      if (m === 0) continue;
      let h = 0;
      let v = 0;
      a.fill(0);
      if (ties === 'breslow') {
        h = m / s0;
        v = m / (s0 * s0);
        for (let j = 0; j < p; j++) a[j] = (m * s1[j]) / (s0 * s0);
      } else {
        for (let e = 0; e < m; e++) {
          const f = e / m;
          const den = s0 - f * d0;
          h += 1 / den;
          v += 1 / (den * den);
          for (let j = 0; j < p; j++) a[j] += (s1[j] - f * d1[j]) / (den * den);
        }
      }
      times.push(t);
      dH.push(h);
      dV.push(v);
      for (let j = 0; j < p; j++) dA.push(a[j]);
    }
    // idx walked time descending: reverse into ascending cumulative sums
    const mT = times.length;
    const st = { time: new Float64Array(mT), cumHazard: new Float64Array(mT), cumVar: new Float64Array(mT), cumXbar: new Float64Array(mT * p) };
    let ch = 0;
    let cv = 0;
    const ca = new Float64Array(p);
    for (let q = 0; q < mT; q++) {
      const src = mT - 1 - q;
      ch += dH[src];
      cv += dV[src];
      st.time[q] = times[src];
      st.cumHazard[q] = ch;
      st.cumVar[q] = cv;
      for (let j = 0; j < p; j++) {
        ca[j] += dA[src * p + j];
        st.cumXbar[q * p + j] = ca[j];
      }
    }
    strata.push(st);
  }
  return { p, beta, variance, centre, strata };
}

/** S(t | x), its SE and the log-type interval at each horizon, for term values x in stratum s. */
export function predictAt(curve: CoxSurvivalCurve, x: ArrayLike<number>, horizons: readonly number[], s = 0, confLevel = 0.95): PredictedSurvival[] {
  const { p, beta, variance, centre } = curve;
  const st = curve.strata[s];
  const z = new Float64Array(p);
  let lp = 0;
  for (let j = 0; j < p; j++) {
    z[j] = x[j] - centre[j];
    lp += z[j] * beta[j];
  }
  const rr = Math.exp(lp);
  const zq = qnorm(1 - (1 - confLevel) / 2);
  const q = new Float64Array(p);
  return horizons.map((t) => {
    let lo = 0;
    let hi = st.time.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (st.time[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return Object.freeze({ time: t, surv: 1, cumHazard: 0, stdErr: 0, seCumHazard: 0, lower: 1, upper: 1 });
    const c = lo - 1;
    const h0 = st.cumHazard[c];
    for (let j = 0; j < p; j++) q[j] = z[j] * h0 - st.cumXbar[c * p + j];
    let qvq = 0;
    for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) qvq += q[j] * variance[j * p + k] * q[k];
    const H = rr * h0;
    const seH = rr * Math.sqrt(st.cumVar[c] + qvq);
    const surv = Math.exp(-H);
    return Object.freeze({
      time: t,
      surv,
      cumHazard: H,
      stdErr: surv * seH,
      seCumHazard: seH,
      lower: Math.exp(-H - zq * seH),
      upper: Math.min(1, Math.exp(-H + zq * seH)),
    });
  });
}

/**
 * The prediction curve of a fitted Cox model from its input (coxph.ts): rebuilds the term matrix of
 * the fitted rows (fit.rows) with the fit's coding (src/stats/design/termRow.ts) and takes β, its
 * covariance and the centre from the fit. Refuses counting-process fits.
 */
export function coxPredictor(input: CoxInput, fit: CoxResult): CoxSurvivalCurve {
  if (fit.countingProcess) throw analysisError(predictMessages.countingProcess());
  const p = fit.terms.length;
  const n = fit.rows.length;
  const design = new Float64Array(n * p);
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  const byName = new Map(input.covariates.map((c) => [c.name, c]));
  const strataIndex = fit.strata ? new Map(fit.strata.map((l, s) => [l, s])) : null;
  const strata = strataIndex ? new Int32Array(n) : null;
  for (let k = 0; k < n; k++) {
    const i = fit.rows[k];
    time[k] = input.time[i];
    event[k] = input.event[i];
    if (strata) strata[k] = strataIndex!.get(input.strata![i] as string)!;
    const r = termRow(fit.terms, fit.splines, (c) => byName.get(c)!.values[i]);
    if (!('values' in r)) throw new Error(`coxPredictor: row ${i} of the fitted data has no value of ${JSON.stringify(r)}`);
    design.set(r.values, k * p);
  }
  return coxSurvivalCurve({
    time,
    event,
    design,
    p,
    strata,
    nStrata: fit.strata?.length ?? 1,
    beta: fit.coefficients.map((c) => c.coef),
    variance: fit.variance,
    centre: fit.baseline.centre,
    ties: fit.ties,
  });
}
