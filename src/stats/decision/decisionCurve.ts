/**
 * Decision curve analysis (Vickers & Elkin 2006; survival: Vickers, Cronin, Elkin & Gonen 2008):
 * the net benefit of each model's predicted risks over a grid of threshold probabilities, beside
 * treat-all and treat-none (0). Default grid 0.01, 0.02, …, 0.99.
 *
 * @example
 * decisionCurve({ kind: 'binary', y }, [{ name: 'SII', risk }]).thresholds[9]
 * // { pt: 0.1, treatAll: …, treatNone: 0, models: [{ name: 'SII', netBenefit: … }] }
 */
import { usageError } from '../../errors.js';
import { validationMessages } from '../../messages/index.js';
import { kmRiskAt } from '../calibration/kmRiskAt.js';
import { binaryNetBenefit, treatAllNetBenefit } from './netBenefit.js';
import { survivalNetBenefit, survivalOrder } from './survivalNetBenefit.js';

export type DecisionOutcome =
  | { readonly kind: 'binary'; readonly y: Float64Array }
  | { readonly kind: 'survival'; readonly time: Float64Array; readonly event: Uint8Array; readonly horizon: number };

export interface DecisionModel {
  readonly name: string;
  /** Predicted risk (binary: probability of the outcome; survival: of an event by the horizon). */
  readonly risk: Float64Array;
}

export interface DecisionCurveRow {
  readonly pt: number;
  readonly treatAll: number;
  readonly treatNone: 0;
  readonly models: readonly { readonly name: string; readonly netBenefit: number | null }[];
}

export interface DecisionCurveResult {
  readonly outcome: 'binary' | 'survival';
  readonly horizon: number | null;
  readonly n: number;
  /** Prevalence (binary) or 1 − S_KM(horizon) (survival). */
  readonly eventRisk: number;
  readonly thresholds: readonly DecisionCurveRow[];
}

export function defaultThresholds(): number[] {
  return Array.from({ length: 99 }, (_, k) => (k + 1) / 100);
}

export function decisionCurve(outcome: DecisionOutcome, models: readonly DecisionModel[], thresholds: readonly number[] = defaultThresholds()): DecisionCurveResult {
  for (const pt of thresholds) if (!(pt > 0 && pt < 1)) throw usageError(validationMessages.badThresholds(String(pt)));
  let n: number;
  let eventRisk: number;
  let nb: (number | null)[][];
  if (outcome.kind === 'binary') {
    n = outcome.y.length;
    let ev = 0;
    for (let i = 0; i < n; i++) ev += outcome.y[i];
    eventRisk = ev / n;
    nb = models.map((m) => binaryNetBenefit(outcome.y, m.risk, thresholds));
  } else {
    n = outcome.time.length;
    eventRisk = kmRiskAt(outcome.time, outcome.event, outcome.horizon).risk ?? NaN;
    const order = survivalOrder(outcome.time, outcome.event);
    nb = models.map((m) => survivalNetBenefit(outcome.time, outcome.event, m.risk, outcome.horizon, thresholds, order));
  }
  const all = treatAllNetBenefit(eventRisk, thresholds);
  return Object.freeze({
    outcome: outcome.kind,
    horizon: outcome.kind === 'survival' ? outcome.horizon : null,
    n,
    eventRisk,
    thresholds: thresholds.map((pt, k) => ({ pt, treatAll: all[k], treatNone: 0 as const, models: models.map((m, j) => ({ name: m.name, netBenefit: nb[j][k] })) })),
  });
}
