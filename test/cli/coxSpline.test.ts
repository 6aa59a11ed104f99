/**
 * `siilab cox --spline COL:K` and `--predict FILE --horizons` against R (test/reference/splines/splines.R):
 * rms-named spline terms, coefficients, the anova() nonlinearity and association tests, and
 * summary(survfit(coxph, newdata), times) for the rows of a prediction file. Tolerance 1e-6.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/runCli.js';
import { arr, close, closeAll, ref, SPLINE_DIR } from '../stats/design/splineReference.js';

const dir = mkdtempSync(join(tmpdir(), 'siilab-cox-spline-'));
const write = (name: string, text: string): string => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};

describe('siilab cox --spline', () => {
  for (const c of (ref.cox as any[]).filter((x) => x.data !== 'pbc80')) {
    it(c.id, async () => {
      const res = await runCli([
        'cox', join(SPLINE_DIR, `${c.data}.csv`), '--time', c.time, '--event', c.event,
        '--covariates', [c.spline, ...arr<string>(c.adjust)].join(','), '--spline', `${c.spline}:${c.k}`, '--ties', c.ties, '--json',
      ]);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      const j = res.json();
      const names = Array.from({ length: c.k - 1 }, (_, i) => c.spline + "'".repeat(i));
      expect(j.coefficients.map((x: any) => x.term)).toEqual([...names, ...arr<string>(c.adjust)]);
      closeAll(j.coefficients.map((x: any) => x.coef), c.coef, 'coef');
      closeAll(j.coefficients.map((x: any) => x.se), c.se, 'se');
      closeAll(j.splines[0].knots, c.knots, 'knots');
      close(j.nonlinearity[c.spline].chisq, c.nonlinear.chisq, 'nonlinearity chisq');
      expect(j.nonlinearity[c.spline].df).toBe(c.k - 2);
      if (c.nonlinear.p > 1e-10) close(j.nonlinearity[c.spline].p, c.nonlinear.p, 'nonlinearity p');
      close(j.association[c.spline].chisq, c.overall.chisq, 'association chisq');
      expect(j.association[c.spline].df).toBe(c.k - 1);
      // one cox.zph test for the spline's terms together (R terms = TRUE)
      expect(j.proportionalHazards.terms[0]).toMatchObject({ term: c.spline, df: c.k - 1 });
    });
  }
  it('explicit knots COL:t1/t2/t3 and the text table', async () => {
    const res = await runCli(['cox', join(SPLINE_DIR, 'pbc.csv'), '--time', 'time', '--event', 'death', '--covariates', 'bili,age', '--spline', 'bili:0.5/1/2.3/14']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Restricted cubic splines');
    expect(res.stdout).toContain("bili''");
    const j = (await runCli(['cox', join(SPLINE_DIR, 'pbc.csv'), '--time', 'time', '--event', 'death', '--covariates', 'bili,age', '--spline', 'bili:0.5/1/2.3/14', '--json'])).json();
    const r = ref.cox[0];
    closeAll(j.coefficients.map((x: any) => x.coef), r.coef, 'coef (same knots as rcs(bili, 4))');
    expect(j.splines[0].defaultKnots).toBe(false);
  });
  it('refuses a bad spec, a column not in the model and a categorical column', async () => {
    const base = ['cox', join(SPLINE_DIR, 'pbc.csv'), '--time', 'time', '--event', 'death', '--covariates', 'bili,age,sex'];
    const bad = await runCli([...base, '--spline', 'bili:9']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/COL:K/);
    expect((await runCli([...base, '--spline', 'albumin:4'])).stderr).toMatch(/not among the covariates/);
    const cat = await runCli([...base, '--spline', 'sex:3']);
    expect(cat.code).toBe(2);
    expect(cat.stderr).toMatch(/must be numeric/);
  });
});

describe('siilab cox --predict --horizons', () => {
  for (const c of ref.predictions as any[]) {
    it(c.id, async () => {
      const cols = [...c.covariates, ...(c.strata ? [c.strata] : [])];
      const file = write(`${c.id}.csv`, [cols.join(','), ...c.rows.map((r: any) => cols.map((k: string) => r.values[k]).join(','))].join('\n') + '\n');
      const res = await runCli([
        'cox', join(SPLINE_DIR, `${c.data}.csv`), '--time', c.time, '--event', c.event, '--covariates', c.covariates.join(','),
        '--ties', c.ties, ...(c.strata ? ['--strata', c.strata] : []), '--predict', file, '--horizons', c.times.join(','), '--json',
      ]);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      const j = res.json();
      expect(j.predictions.length).toBe(c.rows.length);
      j.predictions.forEach((p: any, i: number) => {
        const R = c.rows[i];
        expect(p.row).toBe(i + 1);
        expect(p.at.map((a: any) => a.time)).toEqual(c.times);
        closeAll(p.at.map((a: any) => a.surv), R.surv, `row ${i + 1} surv`);
        closeAll(p.at.map((a: any) => a.lower), R.lower, `row ${i + 1} lower`);
        closeAll(p.at.map((a: any) => a.upper), R.upper, `row ${i + 1} upper`);
        closeAll(p.at.map((a: any) => a.stdErr), R.stdErr, `row ${i + 1} std.err`);
      });
    });
  }
  it('predicts with a spline and a --per scale coded as the model was', async () => {
    // bili per 1 mg/dL with rcs(bili, 4) + age per 10 years: predictions equal those without --per
    const f = write('nd.csv', 'bili,age\n0.8,45\n3.2,60\n');
    const args = ['cox', join(SPLINE_DIR, 'pbc.csv'), '--time', 'time', '--event', 'death', '--covariates', 'bili,age', '--spline', 'bili:4', '--predict', f, '--horizons', '1000,2000', '--json'];
    const a = (await runCli(args)).json();
    const b = (await runCli([...args, '--per', 'age=10'])).json();
    expect(b.coefficients[3].term).toBe('age (per 10)');
    a.predictions.forEach((p: any, i: number) => p.at.forEach((x: any, k: number) => close(b.predictions[i].at[k].surv, x.surv, 'per-scaled prediction', 1e-9)));
    expect(a.predictions[1].at[0].surv).toBeLessThan(a.predictions[0].at[0].surv);
  });
  it('names the file, row and column of an empty cell; needs both options', async () => {
    const f = write('bad.csv', 'bili,age,albumin\n0.8,45,3.8\n1.2,,3.1\n');
    const base = ['cox', join(SPLINE_DIR, 'pbc.csv'), '--time', 'time', '--event', 'death', '--covariates', 'bili,age,albumin'];
    const res = await runCli([...base, '--predict', f, '--horizons', '365']);
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/bad\.csv, row 3: column 'age'/);
    expect((await runCli([...base, '--horizons', '365'])).code).toBe(2);
    expect((await runCli([...base, '--predict', f])).code).toBe(2);
    expect((await runCli([...base, '--predict', f, '--horizons', '0,x'])).stderr).toMatch(/--horizons/);
  });
});
