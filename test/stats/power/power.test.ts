import { describe, expect, it } from 'vitest';
import { schoenfeldEvents, schoenfeldPower } from '../../../src/stats/power/schoenfeld.js';
import { aucPower, aucSampleSize, hanleyMcNeilVariance } from '../../../src/stats/power/aucSampleSize.js';
import { eventsPerVariable } from '../../../src/stats/power/eventsPerVariable.js';
import { createRng } from '../../../src/simulate/rng.js';
import { qnorm, pnorm } from '../../../src/stats/dist/index.js';

describe('Schoenfeld events', () => {
  it('matches the hand computation for HR 2, 1:1, α 0.05, 80% power', () => {
    // (1.959964 + 0.841621)² / (0.25 · log(2)²) = 7.848880 / 0.120113 = 65.345
    const r = schoenfeldEvents({ hazardRatio: 2, alpha: 0.05, power: 0.8, allocation: 0.5, eventProbability: 0.5 });
    expect(r.events).toBeCloseTo(7.848879734349086 / (0.25 * Math.log(2) ** 2), 10);
    expect(r.eventsRequired).toBe(66);
    expect(r.patientsRequired).toBe(132);
    expect(schoenfeldPower(2, r.events, 0.05, 0.5)).toBeCloseTo(0.8, 10);
  });
  it('gives hong2021-sized power: HR 2.211 with ~45 deaths', () => {
    const p = schoenfeldPower(2.211, 45, 0.05, 0.5);
    expect(p).toBeGreaterThan(0.7);
    expect(p).toBeLessThan(0.85);
  });
});

describe('AUC sample size (Hanley–McNeil / Obuchowski)', () => {
  it('variance at A = 0.5 equals (n1 + n0 + 1) / (12 n1 n0)', () => {
    expect(hanleyMcNeilVariance(0.5, 30, 40)).toBeCloseTo(71 / (12 * 30 * 40), 14);
  });
  it('finds the smallest n reaching the power', () => {
    const r = aucSampleSize(0.7, 0.5, 0.05, 0.8, 1);
    expect(r.power).toBeGreaterThanOrEqual(0.8);
    expect(aucPower({ auc: 0.7, auc0: 0.5, nCases: r.nCases - 1, nControls: r.nCases - 1, alpha: 0.05 })).toBeLessThan(0.8);
  });
  it('agrees with a simulation of binormal data (Mann–Whitney AUC, Hanley–McNeil null variance)', () => {
    // Binormal: AUC = Φ(δ/√2). For AUC 0.7, δ = √2·Φ⁻¹(0.7).
    const { nCases, nControls, power } = aucSampleSize(0.7, 0.5, 0.05, 0.8, 1);
    const delta = Math.SQRT2 * qnorm(0.7);
    const rng = createRng(11);
    const reps = 2000;
    let reject = 0;
    const v0 = (nCases + nControls + 1) / (12 * nCases * nControls);
    for (let r = 0; r < reps; r++) {
      const x = Array.from({ length: nCases }, () => rng.normal() + delta);
      const y = Array.from({ length: nControls }, () => rng.normal());
      let u = 0;
      for (const a of x) for (const b of y) u += a > b ? 1 : a === b ? 0.5 : 0;
      const auc = u / (nCases * nControls);
      if (2 * (1 - pnorm(Math.abs(auc - 0.5) / Math.sqrt(v0))) < 0.05) reject++;
    }
    // Monte Carlo SE of a power near 0.8 with 2000 replicates is ≈ 0.009.
    expect(Math.abs(reject / reps - power)).toBeLessThan(0.04);
  });
});

describe('events per variable', () => {
  it("reproduces yu2023's planning: 10 EPV, 10 variables, 50% recurrence → 200 patients", () => {
    expect(eventsPerVariable({ variables: 10, eventsPerVariable: 10, eventRate: 0.5 })).toEqual({ events: 100, patients: 200 });
    expect(eventsPerVariable({ variables: 5, eventsPerVariable: 10, eventRate: 0.5 })).toEqual({ events: 50, patients: 100 });
  });
});
