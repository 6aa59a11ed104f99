/**
 * Calibration of a multivariable model (study spec `analyses.calibration`): survival endpoint —
 * Cox model, predicted risk of an event by the horizon (default 3 years), groups with 1 − KM,
 * the smooth curve of Austin, Harrell & van Klaveren 2020, ICI/E50/E90, slope and
 * calibration-in-the-large (src/stats/calibration/survivalCalibration.ts); binary endpoint —
 * logistic model, observed proportions, logistic recalibration slope and intercept
 * (binaryCalibration.ts). Apparent calibration: on the data the model was fitted on.
 */
import type { Candidate } from '../study/types.js';
import { binaryCalibration } from '../stats/calibration/binaryCalibration.js';
import { survivalCalibration, type CalibrationResult } from '../stats/calibration/survivalCalibration.js';
import type { AnalysisDataset } from './dataset.js';
import type { Cutoffs } from './modelEntry.js';
import { prognosticModel } from './prognosticModel.js';

export interface CalibrationAnalysisResult {
  readonly kind: 'calibration';
  readonly id: string;
  readonly endpoint: string;
  readonly unit: string | null;
  readonly terms: readonly string[];
  readonly nDropped: number;
  readonly calibration: CalibrationResult;
  readonly warnings: readonly string[];
}

export function calibrationAnalysis(ds: AnalysisDataset, id: string, endpoint: string, predictors: readonly Candidate[], cutoffs: Cutoffs, horizon: number | null, groups: number, ties?: 'efron' | 'breslow'): CalibrationAnalysisResult {
  const m = prognosticModel(ds, `analyses.calibration (${id})`, endpoint, predictors, cutoffs, horizon, ties);
  const calibration =
    m.outcome === 'survival'
      ? survivalCalibration({ time: m.time!, event: m.event!, risk: m.risk, horizon: m.horizon!, groups, ties })
      : binaryCalibration({ y: m.y!, p: m.risk, groups });
  return Object.freeze({ kind: 'calibration', id, endpoint, unit: m.unit, terms: m.terms, nDropped: m.nDropped, calibration, warnings: [] });
}
