/**
 * Events and sample size for a two-group log-rank test / Cox model with one binary covariate
 * (Schoenfeld 1983, Biometrics 39:499–503): d = (z₁₋α/₂ + z₁₋β)² / (p(1 − p)·(log HR)²) events,
 * n = d / P(event). Inverted for power given n: z₁₋β = √(d·p(1 − p))·|log HR| − z₁₋α/₂.
 *
 * @example schoenfeldEvents({ hazardRatio: 2, alpha: 0.05, power: 0.8, allocation: 0.5 }).events // 65.3...
 */
import { pnorm, qnorm } from '../dist/index.js';

export interface SchoenfeldInput {
  readonly hazardRatio: number;
  readonly alpha: number;
  readonly power: number;
  /** Share of patients in the exposed (e.g. high-SII) group. */
  readonly allocation: number;
  /** Probability that a patient has the event during the study (to turn events into patients). */
  readonly eventProbability?: number;
}

export interface SchoenfeldResult {
  /** Required events, unrounded, and rounded up. */
  readonly events: number;
  readonly eventsRequired: number;
  /** Patients required (null without an event probability). */
  readonly patientsRequired: number | null;
}

export function schoenfeldEvents(x: SchoenfeldInput): SchoenfeldResult {
  const z = qnorm(1 - x.alpha / 2) + qnorm(x.power);
  const lhr = Math.log(x.hazardRatio);
  const d = (z * z) / (x.allocation * (1 - x.allocation) * lhr * lhr);
  const eventsRequired = Math.ceil(d - 1e-9);
  return { events: d, eventsRequired, patientsRequired: x.eventProbability ? Math.ceil(eventsRequired / x.eventProbability - 1e-9) : null };
}

/** Power of the two-sided log-rank test with `events` events (Schoenfeld's approximation). */
export function schoenfeldPower(hazardRatio: number, events: number, alpha: number, allocation: number): number {
  const zb = Math.sqrt(events * allocation * (1 - allocation)) * Math.abs(Math.log(hazardRatio)) - qnorm(1 - alpha / 2);
  return pnorm(zb);
}
