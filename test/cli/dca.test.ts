import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli } from '../helpers/runCli.js';
import { parseThresholds } from '../../src/cli/dca.js';

const lung = join(process.cwd(), 'test/reference/validation/validation_lung.csv');
const infert = join(process.cwd(), 'test/reference/validation/validation_infert.csv');

describe('siilab dca', () => {
  it('binary: contract shape, treat-all from the prevalence, markers turned into risks', async () => {
    const r = await runCli(['dca', infert, '--outcome', 'case', '--predictors', 'spontaneous,age', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.thresholds).toHaveLength(99);
    const t = j.thresholds[19];
    expect(t.pt).toBeCloseTo(0.2, 12);
    expect(t.models.map((m: any) => m.name)).toEqual(['spontaneous', 'age']);
    const prev = 83 / 248;
    expect(t.treatAll).toBeCloseTo(prev - (1 - prev) * 0.25, 12);
    expect(j.models[0].source).toMatch(/univariable logistic/);
  });
  it('survival at a horizon, thresholds as a range', async () => {
    const r = await runCli(['dca', lung, '--time', 'time', '--event', 'status', '--horizon', '365', '--predictors', 'ph.ecog', '--thresholds', '0.1:0.9:0.1', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.thresholds.map((x: any) => x.pt)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(j.eventRisk).toBeGreaterThan(0.5);
    // the lowest threshold treats everyone: the model's net benefit equals treat-all
    expect(j.thresholds[0].models[0].netBenefit).toBeCloseTo(j.thresholds[0].treatAll, 12);
  });
  it('refusals exit 2', async () => {
    expect((await runCli(['dca', lung, '--time', 'time', '--event', 'status', '--predictors', 'age'])).code).toBe(2);
    expect((await runCli(['dca', infert, '--outcome', 'case', '--predictors', 'age', '--thresholds', '0,0.5'])).code).toBe(2);
    expect(() => parseThresholds('dca', '1.5')).toThrow();
    expect(parseThresholds('dca', '0.05,0.1')).toEqual([0.05, 0.1]);
  });
});
