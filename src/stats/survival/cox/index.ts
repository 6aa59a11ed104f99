/**
 * Cox proportional hazards regression: the public API for the CLI, the report and the study
 * pipeline.
 *
 * @example
 * import { coxph, coxSurvival } from './index.js';
 * const fit = coxph({ time, event, covariates: [{ name: 'sii', kind: 'numeric', values: sii }] });
 * fit.coefficients[0].hr;                                            // hazard ratio per unit of SII
 * coxSurvival(fit.baseline, fit.coefficients.map((c) => c.coef), [900], [12, 36]); // S(12), S(36) at SII = 900
 */
export { coxph } from './coxph.js';
export { coxSurvival, baselineCumHazardAt, baselineSurvivalAt, type CoxBaseline, type CoxBaselineStratum } from './baseline.js';
export type {
  CoxInput,
  CoxResult,
  CoxCoefficient,
  CoxTest,
  CoxPhTest,
  CoxConcordance,
  CoxCovariateInput,
  CoxSource,
  CoxTies,
} from './types.js';
