/**
 * Bootstrap internal validation against rms::validate (test/reference/validation/validation.R):
 * apparent Dxy and slope equal rms's index.orig (1e-6); Brier at the horizon equals
 * riskRegression::Score (1e-6); the bootstrap optimism of Dxy and of the slope agrees with rms's
 * (both B = 2000, different random draws) within 3 Monte Carlo standard errors of the difference,
 * √(se_siilab² + se_R²) with se_R taken equal to se_siilab (same estimator, same data, same B):
 * a two-sided 0.27% false-alarm rate per comparison for an unbiased implementation.
 */
import { describe, expect, it } from 'vitest';
import { bootstrapValidate } from '../../../src/stats/validation/bootstrapValidate.js';
import { replicateSeeds } from '../../../src/stats/validation/replicateSeeds.js';
import type { CoxValidationData, LogisticValidationData } from '../../../src/stats/validation/types.js';
import { infert, logisticCovariates, lung, lungEvent, coxCovariates, reference } from './referenceData.js';

const coxData: CoxValidationData = {
  kind: 'cox',
  time: lung.time,
  event: lungEvent,
  columns: coxCovariates.map((c) => lung[c]),
  termNames: coxCovariates,
  horizon: reference.horizon,
  ties: 'efron',
};
const logitData: LogisticValidationData = { kind: 'logistic', y: infert.case, columns: logisticCovariates.map((c) => infert[c]), termNames: logisticCovariates };
const B = reference.B as number;

describe('Cox bootstrap validation vs rms::validate.cph', () => {
  const r = bootstrapValidate(coxData, { bootstrap: B, seed: 20260312 });
  it('apparent Dxy, slope and Brier equal R (1e-6)', () => {
    expect(r.dxy.apparent).toBeCloseTo(reference.cox.dxy.apparent, 6);
    expect(Math.abs(r.dxy.apparent - reference.cox.dxy.apparent)).toBeLessThan(1e-6);
    expect(r.c.apparent).toBeCloseTo(reference.cox.concordance, 9);
    expect(r.slope.apparent).toBe(reference.cox.slope.apparent);
    expect(Math.abs(r.brier!.apparent - reference.cox.brier)).toBeLessThan(1e-6);
  });
  it('optimism of Dxy and slope within 3 Monte Carlo SEs of rms (B = 2000 each)', () => {
    expect(r.successful + r.failed).toBe(B);
    expect(r.successful).toBe(B);
    const tolD = 3 * Math.SQRT2 * r.dxy.mcSe;
    const tolS = 3 * Math.SQRT2 * r.slope.mcSe;
    expect(Math.abs(r.dxy.optimism - reference.cox.dxy.optimism)).toBeLessThan(tolD);
    expect(Math.abs(r.slope.optimism - reference.cox.slope.optimism)).toBeLessThan(tolS);
    expect(r.dxy.corrected).toBeCloseTo(r.dxy.apparent - r.dxy.optimism, 12);
    expect(r.c.optimism).toBeCloseTo(r.dxy.optimism / 2, 12);
    // the Brier score is optimistic too (training below test on average)
    expect(r.brier!.optimism).toBeLessThan(0);
  });
});

describe('logistic bootstrap validation vs rms::validate.lrm', () => {
  const r = bootstrapValidate(logitData, { bootstrap: B, seed: 7 });
  it('apparent Dxy and Brier equal R (1e-6)', () => {
    expect(Math.abs(r.dxy.apparent - reference.logistic.dxy.apparent)).toBeLessThan(1e-6);
    expect(Math.abs(r.brier!.apparent - reference.logistic.brier.apparent)).toBeLessThan(1e-6);
    expect(r.slope.apparent).toBe(1);
  });
  it('optimism of Dxy, slope and Brier within 3 Monte Carlo SEs of rms', () => {
    for (const [k, ref] of [
      ['dxy', reference.logistic.dxy],
      ['slope', reference.logistic.slope],
      ['brier', reference.logistic.brier],
    ] as const) {
      const s = r[k]!;
      expect(Math.abs(s.optimism - ref.optimism), k).toBeLessThan(3 * Math.SQRT2 * s.mcSe);
    }
  });
});

describe('reproducibility', () => {
  it('the same seed gives the same result; another seed a different one', () => {
    const a = bootstrapValidate(coxData, { bootstrap: 20, seed: 5 });
    const b = bootstrapValidate(coxData, { bootstrap: 20, seed: 5 });
    const c = bootstrapValidate(coxData, { bootstrap: 20, seed: 6 });
    expect(b).toEqual(a);
    expect(c.dxy.optimism).not.toBe(a.dxy.optimism);
  });
  it('replicate seeds are a prefix-stable sequence (B = 10 starts as B = 20)', () => {
    expect(Array.from(replicateSeeds(9, 10))).toEqual(Array.from(replicateSeeds(9, 20)).slice(0, 10));
  });
});
