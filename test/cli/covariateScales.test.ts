/** `--per`, `--transform` and `--standardise` on siilab cox and logit: exact relations to the raw fit, names, refusals. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

const lung = 'test/reference/survival/cox_lung.csv';
const base = ['--time', 'time', '--event', 'status', '--event-value', '2', '--json'];
const coefOf = (j: any, k = 0) => (j.coefficients ?? j.terms ?? j.model?.coefficients ?? [])[k];

describe('siilab cox / logit: covariate scales', () => {
  it('--per meal.cal=100 gives 100 × β and the same P, named "meal.cal (per 100)"', async () => {
    const raw = (await runCli(['cox', lung, ...base, '--covariates', 'meal.cal'])).json();
    const r = await runCli(['cox', lung, ...base, '--covariates', 'meal.cal', '--per', 'meal.cal=100']);
    expect(r.code).toBe(0);
    const a = coefOf(raw), b = coefOf(r.json());
    expect(b.term).toBe('meal.cal (per 100)');
    expect(b.coef / a.coef).toBeCloseTo(100, 8);
    expect(b.p).toBeCloseTo(a.p, 12);
  });
  it('--transform age=log2 and --standardise wt.loss are named and fitted', async () => {
    const r = await runCli(['cox', lung, ...base, '--covariates', 'age,wt.loss', '--transform', 'age=log2', '--standardise', 'wt.loss']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(coefOf(j, 0).term).toBe('log₂ age');
    expect(coefOf(j, 1).term).toMatch(/^wt\.loss \(per SD = \d+(\.\d+)?\)$/);
  });
  it('logit --per works the same way', async () => {
    const args = ['--outcome', 'status', '--positive', '2', '--json', '--covariates', 'meal.cal'];
    const raw = (await runCli(['logit', lung, ...args])).json();
    const j = (await runCli(['logit', lung, ...args, '--per', 'meal.cal=100'])).json();
    const find = (x: any) => JSON.stringify(x).match(/"term":"meal\.cal[^"]*","coef":(-?[\d.e-]+)/);
    expect(find(j)?.[0]).toContain('meal.cal (per 100)');
    expect(Number(find(j)?.[1]) / Number(find(raw)?.[1])).toBeCloseTo(100, 6);
  });
  it('refusals name the option (exit 2)', async () => {
    const bad = await runCli(['cox', lung, ...base, '--covariates', 'age', '--transform', 'age=exp']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--transform age=exp: the transform must be log, log2, log10 or sqrt.');
    const other = await runCli(['cox', lung, ...base, '--covariates', 'age', '--per', 'sex=10']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("--per names 'sex', which is not among the covariates.");
  });
});
