import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli } from '../helpers/runCli.js';
import { analysisWorkerUrl } from '../../src/analysis/parallel/workerPool.js';
import { reference } from '../stats/validation/referenceData.js';

const lung = join(process.cwd(), 'test/reference/validation/validation_lung.csv');
const infert = join(process.cwd(), 'test/reference/validation/validation_infert.csv');
const base = ['validate', lung, '--time', 'time', '--event', 'status', '--covariates', 'age,sex,ph.ecog,ph.karno,wt.loss'];

describe('siilab validate', () => {
  it('Cox: apparent values equal rms/riskRegression, calibration groups at the horizon, contract fields', async () => {
    const r = await runCli([...base, '--horizon', '365', '--bootstrap', '50', '--seed', '11', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['apparent', 'optimism', 'corrected', 'bootstrap', 'seed', 'calibration']));
    expect(Math.abs(j.apparent.dxy - reference.cox.dxy.apparent)).toBeLessThan(1e-6);
    expect(j.apparent.slope).toBe(1);
    expect(Math.abs(j.apparent.brier - reference.cox.brier)).toBeLessThan(1e-6);
    expect(j.bootstrap).toEqual({ requested: 50, successful: 50, failed: 0, failures: [] });
    expect(j.seed).toBe(11);
    expect(j.corrected.c).toBeCloseTo(j.apparent.c - j.optimism.c, 12);
    expect(j.calibration.groups).toHaveLength(10);
    expect(Math.abs(j.calibration.smooth.ici - reference.calibration.ici)).toBeLessThan(1e-6);
  });
  it('the same seed gives the same numbers with 1 or 2 threads', async () => {
    const one = (await runCli([...base, '--horizon', '365', '--bootstrap', '60', '--seed', '4', '--threads', '1', '--json'])).json();
    const two = (await runCli([...base, '--horizon', '365', '--bootstrap', '60', '--seed', '4', '--threads', '2', '--json'])).json();
    expect(one.threads).toBe(1);
    // the worker runs from dist/ (npm test builds first); without it the command falls back to one thread
    expect(two.threads).toBe(analysisWorkerUrl() ? 2 : 1);
    expect({ ...two, threads: 1 }).toEqual(one);
  });
  it('logistic model with --outcome', async () => {
    const r = await runCli(['validate', infert, '--outcome', 'case', '--covariates', 'age,parity,spontaneous,induced', '--bootstrap', '30', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.model).toBe('logistic');
    expect(Math.abs(j.apparent.dxy - reference.logistic.dxy.apparent)).toBeLessThan(1e-6);
    expect(Math.abs(j.apparent.brier - reference.logistic.brier.apparent)).toBeLessThan(1e-6);
    expect(Math.abs(j.calibration.inTheLarge.intercept - reference.logistic.recalIntercept)).toBeLessThan(1e-6);
  });
  it('text output names the indexes; progress bar only when asked', async () => {
    const r = await runCli([...base, '--bootstrap', '20', '--progress']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Calibration slope/);
    expect(r.stdout).not.toMatch(/Brier/);
    expect(r.stderr).toMatch(/bootstrap \[#+\] 20\/20/);
    expect((await runCli([...base, '--bootstrap', '20'])).stderr).toBe('');
  });
  it('usage errors exit 2 with one clear message', async () => {
    for (const extra of [['--bootstrap', '0'], ['--bootstrap', '2.5'], ['--threads', '0'], ['--horizon', '-1'], ['--seed', '-3']]) {
      const r = await runCli([...base, ...extra]);
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/at .*\.ts|NaN/);
    }
    expect((await runCli(['validate', lung, '--covariates', 'age'])).code).toBe(2);
    expect((await runCli(['validate', lung, '--time', 'time', '--event', 'status', '--covariates', 'time'])).code).toBe(2);
  });
});
