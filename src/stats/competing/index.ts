/**
 * Competing risks: cumulative incidence (Aalen–Johansen) with Gray's test, and Fine–Gray
 * subdistribution hazards regression — the public API for the CLI, the report and the pipeline.
 * Cause-specific hazards are the Cox model (../survival/cox) with the other causes censored.
 *
 * @example
 * import { cumulativeIncidence, fineGray } from './index.js';
 * cumulativeIncidence({ time, status, group }, { times: [12, 36] }).gray[0].p;
 * fineGray({ time, status, cause: 1, covariates }).coefficients[0].shr;
 */
export { cumulativeIncidence, type CumulativeIncidenceOptions } from './cumulativeIncidence.js';
export { fineGray, type FineGrayInput } from './fineGray.js';
export { competingData, type CompetingInput, type CompetingData, type CompetingSource } from './competingData.js';
export type { CifAt, CifCurve, CumulativeIncidenceResult, GrayCauseTest, FineGrayCoefficient, FineGrayResult } from './types.js';
export type { CifTable } from './aalenJohansen.js';
