/**
 * The baseline cumulative hazard of a Cox fit and survival predictions from it.
 *
 * H₀(t) is the Breslow estimator (Breslow 1974) — or, when the fit used Efron's ties, its Efron
 * form Σₖ 1/(S0 − (k/m)·D0) over the m deaths of a tied time — evaluated at the CENTRE of the
 * covariates (`centre`: their means in the fitted data, except 0 for a 0/1 indicator column, as
 * R survival ≥ 3.0's fit$means), i.e. R's basehaz(fit, centered = TRUE) and survfit(fit)$cumhaz. For a patient with term values x, H(t | x) = H₀(t)·exp((x − centre)·β) and
 * S(t | x) = exp(−H(t | x)). One step function per stratum, with a step at each death time.
 *
 * @example
 * const fit = coxph({ time: new Float64Array([1, 2, 3, 4, 5]), event: new Float64Array([1, 1, 1, 0, 1]),
 *   covariates: [{ name: 'x', kind: 'numeric', values: new Float64Array([1, 0, 1, 0, 0]) }] });
 * baselineCumHazardAt(fit.baseline, 3) // 0.3869631431054681 (R basehaz: 0.386963143105)
 * coxSurvival(fit.baseline, [fit.coefficients[0].coef], [1], [2, 5]) // [0.38558170962173216, 0.0028894993481494687]
 */
import type { CoxTimeDetail } from './partialLikelihood.js';

export interface CoxBaselineStratum {
  /** The stratum label (null without strata). */
  readonly stratum: string | null;
  /** Death times, ascending. */
  readonly time: Float64Array;
  /** Cumulative hazard at `time` for covariates equal to `centre`. */
  readonly cumHazard: Float64Array;
}

export interface CoxBaseline {
  /** The covariate values (per model term) the cumulative hazard refers to: means, 0 for 0/1 terms. */
  readonly centre: Float64Array;
  readonly strata: readonly CoxBaselineStratum[];
}

/** Builds the per-stratum step functions from the per-death-time detail of the fit. */
export function coxBaseline(detail: CoxTimeDetail, nStrata: number, labels: readonly (string | null)[], centre: Float64Array): CoxBaseline {
  // the detail lists strata in ascending order, times descending within each: one pass
  const strata: CoxBaselineStratum[] = [];
  let c = 0;
  for (let s = 0; s < nStrata; s++) {
    const c0 = c;
    while (c < detail.count && detail.stratum[c] === s) c++;
    const m = c - c0;
    const time = new Float64Array(m);
    const cumHazard = new Float64Array(m);
    let h = 0;
    for (let k = 0; k < m; k++) {
      const e = c - 1 - k;
      h += detail.hazard[e];
      time[k] = detail.time[e];
      cumHazard[k] = h;
    }
    strata.push({ stratum: labels[s] ?? null, time, cumHazard });
  }
  return { centre, strata };
}

/** H₀(t) at the centre for stratum index `s` (0 before the first death time). */
export function baselineCumHazardAt(b: CoxBaseline, t: number, s = 0): number {
  const st = b.strata[s];
  let lo = 0;
  let hi = st.time.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (st.time[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : st.cumHazard[lo - 1];
}

/** S(t | x) at each horizon for term values x (same order as the coefficients), stratum index s. */
export function coxSurvival(b: CoxBaseline, beta: ArrayLike<number>, x: ArrayLike<number>, horizons: readonly number[], s = 0): number[] {
  let lp = 0;
  for (let j = 0; j < b.centre.length; j++) lp += (x[j] - b.centre[j]) * beta[j];
  const r = Math.exp(lp);
  return horizons.map((t) => Math.exp(-baselineCumHazardAt(b, t, s) * r));
}

/**
 * Baseline survival S₀(t) = exp(−H₀(t)) at the centre, per stratum, at chosen horizons — what a
 * model file needs to predict S(t | x) = S₀(t)^exp((x − centre)·β) later.
 * @example
 * // with the fit of the example above (R: exp(-basehaz) = exp(-0.386963143105)):
 * baselineSurvivalAt(fit.baseline, [3]) // [{ stratum: null, horizons: [3], survival: [0.6791161245767549] }]
 */
export function baselineSurvivalAt(b: CoxBaseline, horizons: readonly number[]): { stratum: string | null; horizons: number[]; survival: number[] }[] {
  return b.strata.map((st, s) => ({ stratum: st.stratum, horizons: [...horizons], survival: horizons.map((t) => Math.exp(-baselineCumHazardAt(b, t, s))) }));
}
