// `siilab logit` end to end (in-process): the JSON contract, R parity through the CLI, and refusals.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

const ref = JSON.parse(readFileSync('test/reference/logit/logit_reference.json', 'utf8'));
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const tmp = mkdtempSync(join(tmpdir(), 'siilab-logit-'));
function csv(name: string, text: string): string {
  const f = join(tmp, name);
  writeFileSync(f, text);
  return f;
}

describe('siilab logit', () => {
  for (const c of ref.cases) {
    it(`${c.name}: every field of --json equals R`, async () => {
      const r = await runCli(['logit', `test/reference/${c.file}`, ...c.args, '--json']);
      expect(r.code).toBe(0);
      const j = r.json();
      expect([j.n, j.nDropped, j.events]).toEqual([c.n, c.nDropped, c.events]);
      expect(j.coefficients.map((x: any) => x.term)).toEqual(c.terms);
      j.coefficients.forEach((x: any, k: number) => {
        for (const [mine, theirs] of [[x.coef, c.coef[k]], [x.se, c.se[k]], [x.z, c.z[k]], [x.wald, c.z[k] ** 2], [x.p, c.p[k]], [x.or, c.or[k]], [x.lower, c.lower[k]], [x.upper, c.upper[k]]])
          expect(rel(mine, theirs)).toBeLessThan(1e-6);
      });
      expect(rel(j.deviance.null, c.deviance.null)).toBeLessThan(1e-9);
      expect(rel(j.deviance.residual, c.deviance.residual)).toBeLessThan(1e-9);
      expect(rel(j.aic, c.aic)).toBeLessThan(1e-9);
      expect(rel(j.likelihoodRatio.chisq, c.lr.chisq)).toBeLessThan(1e-9);
      expect(rel(j.hosmerLemeshow.chisq, c.hosmerLemeshow.chisq)).toBeLessThan(1e-6);
      expect(j.hosmerLemeshow.df).toBe(c.hosmerLemeshow.df);
      expect(rel(j.hosmerLemeshow.p, c.hosmerLemeshow.p)).toBeLessThan(1e-6);
      expect(rel(j.nagelkerkeR2, c.nagelkerkeR2)).toBeLessThan(1e-9);
      expect(rel(j.coxSnellR2, c.coxSnellR2)).toBeLessThan(1e-9);
      expect(j.converged).toBe(true);
      expect(Array.isArray(j.warnings)).toBe(true);
    });
  }

  it('prints a readable table with the SPSS Wald column and the notes', async () => {
    const r = await runCli(['logit', 'test/reference/compare/mtcars.csv', '--outcome', 'am', '--covariates', 'hp,wt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\(Intercept\)/);
    expect(r.stdout).toMatch(/Wald/);
    expect(r.stdout).toMatch(/Nagelkerke R² = /);
    expect(r.stdout).toMatch(/Hosmer–Lemeshow: chi-square = /);
  });

  it('prints the joint Wald test of a categorical covariate with several terms (SPSS covariate row)', async () => {
    const r = await runCli(['logit', 'test/reference/logit/infert.csv', '--outcome', 'case', '--covariates', 'spontaneous,induced,education']);
    expect(r.stdout).toMatch(/Covariates with several terms/);
    expect(r.stdout).toMatch(/education\s+0\.2034\d*\s+2\s+0\.903/);
    const j = (await runCli(['logit', 'test/reference/logit/infert.csv', '--outcome', 'case', '--covariates', 'spontaneous,induced,education', '--json'])).json();
    expect(j.covariateTests.map((t: any) => [t.covariate, t.df])).toEqual([['spontaneous', 1], ['induced', 1], ['education', 2]]);
  });

  it('refuses separation with exit 4 naming the covariate', async () => {
    let r = await runCli(['logit', 'test/reference/logit/separation_complete.csv', '--outcome', 'y', '--covariates', 'x,z']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/complete separation: covariate 'x'/);
    r = await runCli(['logit', 'test/reference/logit/separation_quasi.csv', '--outcome', 'y', '--covariates', 'stage,age', '--json']);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/quasi-complete separation: covariate 'stage'.*'stage=III'/);
  });

  it('refuses: one outcome class (4), no variance (4), collinear terms (4), --positive absent (3), non-binary outcome (3), bad options (2)', async () => {
    const f = csv('d.csv', 'y,x,c,x2,s\n0,1,5,2,a\n1,2,5,4,b\n0,3,5,6,a\n1,4,5,8,b\n1,2.5,5,5,a\n0,3.5,5,7,b\n');
    let r = await runCli(['logit', f, '--outcome', 'y', '--covariates', 'x', '--positive', 'z']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/--positive z: no row of 'y' has this value/);
    const one = csv('one.csv', 'y,x\n1,1\n1,2\n1,3\n');
    r = await runCli(['logit', one, '--outcome', 'y', '--covariates', 'x']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/outcome 'y' is positive in all 3 complete row/);
    r = await runCli(['logit', f, '--outcome', 'y', '--covariates', 'x,c']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/covariate 'c' has the same value \(5\)/);
    r = await runCli(['logit', f, '--outcome', 'y', '--covariates', 'x,x2']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/'x2' is a linear combination/);
    const bad = csv('bad.csv', 'y,x\n0,1\n2,2\n1,3\n');
    r = await runCli(['logit', bad, '--outcome', 'y', '--covariates', 'x']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/row 3/);
    r = await runCli(['logit', f, '--outcome', 'y', '--covariates', 'x,y']);
    expect(r.code).toBe(2);
    r = await runCli(['logit', f, '--outcome', 'y', '--covariates', 'x,s', '--ref', 's=q']);
    expect(r.code).toBe(2);
    r = await runCli(['logit', f, '--outcome', 'y']);
    expect(r.code).toBe(2);
    r = await runCli(['logit', f, '--outcome', 'y', '--covariates', 'x', '--conf-level', '95']);
    expect(r.code).toBe(2);
  });

  it('--positive picks the event among text values; --ref changes the reference level', async () => {
    const r = await runCli(['logit', 'test/reference/compare/asah.csv', '--outcome', 'outcome', '--positive', 'Good', '--covariates', 'age,gender', '--ref', 'gender=Male', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.events).toBe(72);
    expect(j.coefficients.map((x: any) => x.term)).toEqual(['(Intercept)', 'age', 'gender=Female']);
    expect(j.coefficients[2].reference).toBe('Male');
  });
});
