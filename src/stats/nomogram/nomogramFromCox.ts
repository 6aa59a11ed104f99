/**
 * The nomogram of a fitted Cox model (src/stats/nomogram/nomogram.ts) with rms's conventions filled in
 * from the fit: the linear predictor centred by β·(column means of the fitted rows) as rms::cph does
 * (= mean of the fit's linear predictors + β·baseline centre), survival axes from the Breslow/Efron
 * baseline cumulative hazard at each horizon, and default axis values (nice ticks over rms's display
 * range of each numeric predictor, plus the knots of a spline; the levels, reference first, of a
 * categorical one).
 *
 * Contract: `covariates` are the CoxInput covariates the fit used (their values at fit.rows give the
 * display ranges); one stratum (a stratified model has one baseline per stratum: refused).
 *
 * @example
 * const nomo = nomogramFromCox(fit, covariates, [{ covariate: 'bili' }, { covariate: 'age' }], [1825, 3650]);
 * nomo.survival[0].ticks // positions of S(1825) = .05 … .95 on the total-points scale
 */
import { analysisError } from '../../errors.js';
import { nomogramMessages } from '../../messages/index.js';
import { displayRange } from '../design/splineCurve.js';
import { baselineCumHazardAt } from '../survival/cox/baseline.js';
import type { CoxCovariateInput, CoxResult } from '../survival/cox/types.js';
import { defaultAxisValues, nomogram, type Nomogram } from './nomogram.js';
import { gather } from '../gather.js';

export interface NomogramPredictorRequest {
  readonly covariate: string;
  readonly values?: readonly (number | string)[];
  readonly label?: string;
}

export function nomogramFromCox(
  fit: CoxResult,
  covariates: readonly CoxCovariateInput[],
  predictors: readonly NomogramPredictorRequest[],
  horizons: readonly number[],
): Nomogram {
  if (fit.strata) throw analysisError(nomogramMessages.stratified());
  if (horizons.length === 0) throw analysisError(nomogramMessages.noHorizons());
  const beta = fit.coefficients.map((c) => c.coef);
  let baselineLp = 0;
  fit.baseline.centre.forEach((c, j) => (baselineLp += c * beta[j]));
  let meanLp = 0;
  for (const v of fit.linearPredictors) meanLp += v;
  meanLp /= fit.linearPredictors.length;
  const byName = new Map(covariates.map((c) => [c.name, c]));
  const preds = predictors.map((p) => {
    if (p.values) return { covariate: p.covariate, values: p.values, label: p.label };
    const c = byName.get(p.covariate);
    if (!c) throw analysisError(nomogramMessages.notInModel(p.covariate));
    if (c.kind === 'categorical') {
      const t = fit.terms.filter((x) => x.covariate === p.covariate);
      return { covariate: p.covariate, values: [t[0].reference!, ...t.map((x) => x.level!)], label: p.label };
    }
    const sorted = gather(c.values, fit.rows).sort();
    const range = displayRange(sorted);
    let values = defaultAxisValues(range);
    // a spline bends between its knots: mark them (2 significant digits) too
    const sp = fit.splines.find((s) => s.covariate === p.covariate);
    if (sp) {
      const step = values.length > 1 ? values[1] - values[0] : 0;
      const extra = sp.knots.map((k) => Number(k.toPrecision(2))).filter((k) => k >= range[0] && k <= range[1] && values.every((v) => Math.abs(v - k) > step / 4));
      values = [...new Set([...values, ...extra])].sort((a, b) => a - b);
    }
    return { covariate: p.covariate, values, label: p.label };
  });
  return nomogram({
    terms: fit.terms,
    splines: fit.splines,
    coef: beta,
    predictors: preds,
    lpCentre: meanLp + baselineLp,
    survival: { horizons, cumHazard: horizons.map((t) => baselineCumHazardAt(fit.baseline, t)), baselineLp },
  });
}
