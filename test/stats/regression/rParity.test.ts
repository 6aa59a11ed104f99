// Binary logistic regression against R 4.2.2 glm(family = binomial) run to the exact MLE
// (glm.control(epsilon = 1e-16)), on datasets::mtcars, pROC::aSAH, survival::lung and datasets::infert,
// including categorical terms and a non-default reference level. Produced by test/reference/logit/logit.R.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/io/readTable.js';
import { binaryColumn } from '../../../src/io/columns.js';
import { readCovariate } from '../../../src/io/covariates.js';
import { logitModel } from '../../../src/stats/regression/logitModel.js';
import { logisticRegression } from '../../../src/stats/regression/logistic.js';
import { hosmerLemeshow } from '../../../src/stats/regression/hosmerLemeshow.js';

const ref = JSON.parse(readFileSync('test/reference/logit/logit_reference.json', 'utf8'));
const TOL = 1e-6;
let checked = 0;
let maxErr = 0;
let worst = '';
function track(actual: number, expected: number, tol = TOL) {
  const err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-12);
  if (!(err <= tol)) throw new Error(`got ${actual}, R ${expected} (rel. error ${err.toExponential(2)})`);
  if (err > maxErr) worst = `${actual} vs R ${expected}`;
  maxErr = Math.max(maxErr, err);
  checked++;
}

function opt(args: string[], name: string): string | null {
  const k = args.indexOf(`--${name}`);
  return k >= 0 ? args[k + 1] : null;
}

async function model(c: any) {
  const t = await readTable(`test/reference/${c.file}`);
  const args: string[] = c.args;
  const positive = opt(args, 'positive');
  const cats = (opt(args, 'categorical') ?? '').split(',').filter(Boolean);
  const refArg = opt(args, 'ref');
  const reference = new Map<string, string>(refArg ? [refArg.split('=') as [string, string]] : []);
  const y = binaryColumn(t, opt(args, 'outcome')!, '--outcome', positive, 'outcome');
  const covs = opt(args, 'covariates')!.split(',').map((n) => readCovariate(t, n, '--covariates', cats.includes(n)));
  return logitModel({ outcome: y, covariates: covs, reference });
}

describe('logitModel equals R glm(binomial)', () => {
  for (const c of ref.cases) {
    it(c.name, async () => {
      const m = await model(c);
      expect(m.n).toBe(c.n);
      expect(m.nDropped).toBe(c.nDropped);
      expect(m.events).toBe(c.events);
      expect(m.coefficients.map((x) => x.term)).toEqual(c.terms);
      m.coefficients.forEach((x, j) => {
        track(x.coef, c.coef[j]);
        track(x.se, c.se[j]);
        track(x.z, c.z[j]);
        track(x.wald, c.z[j] * c.z[j]);
        track(x.p, c.p[j]);
        track(x.or, c.or[j]);
        track(x.lower, c.lower[j]);
        track(x.upper, c.upper[j]);
      });
      track(m.deviance.null, c.deviance.null);
      track(m.deviance.residual, c.deviance.residual);
      expect(m.deviance.dfNull).toBe(c.deviance.dfNull);
      expect(m.deviance.dfResidual).toBe(c.deviance.dfResidual);
      track(m.aic, c.aic);
      track(m.logLik, c.logLik);
      track(m.likelihoodRatio.chisq, c.lr.chisq);
      expect(m.likelihoodRatio.df).toBe(c.lr.df);
      track(m.likelihoodRatio.p, c.lr.p);
      track(m.hosmerLemeshow.chisq, c.hosmerLemeshow.chisq);
      expect(m.hosmerLemeshow.df).toBe(c.hosmerLemeshow.df);
      track(m.hosmerLemeshow.p, c.hosmerLemeshow.p);
      expect(m.hosmerLemeshow.groups.map((g) => g.n)).toEqual(c.hosmerLemeshow.n);
      m.hosmerLemeshow.groups.forEach((g, j) => {
        expect(g.observed).toBe(c.hosmerLemeshow.observed[j]);
        track(g.expected, c.hosmerLemeshow.expected[j]);
      });
      expect(m.covariateTests.map((t) => t.covariate)).toEqual(c.covariateTests.map((t: any) => t.covariate));
      m.covariateTests.forEach((t, k) => {
        expect(t.df).toBe(c.covariateTests[k].df);
        track(t.wald, c.covariateTests[k].wald);
        track(t.p, c.covariateTests[k].p);
      });
      track(m.coxSnellR2, c.coxSnellR2);
      track(m.nagelkerkeR2, c.nagelkerkeR2);
      expect(m.fitted.length).toBe(c.fitted.length);
      m.fitted.forEach((p, i) => track(p, c.fitted[i]));
      expect(m.converged).toBe(true);
      // R's default glm stops earlier (epsilon 1e-8): still within 1e-6 of the exact MLE for the coefficients
      m.coefficients.forEach((x, j) => expect(Math.abs(x.coef - c.default.coef[j]) / Math.abs(c.default.coef[j])).toBeLessThan(1e-5));
    });
  }
});

describe('separation is detected where R only warns (or says nothing)', () => {
  it('complete separation on x: R warns "fitted probabilities numerically 0 or 1"; siilab names x', async () => {
    expect(ref.separation.complete.rWarnings).toMatch(/numerically 0 or 1/);
    const t = await readTable(`test/reference/${ref.separation.complete.file}`);
    const y = binaryColumn(t, 'y', '--outcome', null, 'outcome');
    const x = readCovariate(t, 'x', 'c');
    const z = readCovariate(t, 'z', 'c');
    const f = logisticRegression([x.values as Float64Array, z.values as Float64Array], y);
    expect(f.separation).toEqual({ kind: 'complete', columns: [0] });
    expect(() => logitModel({ outcome: y, covariates: [x, z] })).toThrow(/complete separation: covariate 'x' predicts the outcome perfectly/);
  });
  it("quasi-complete separation (stage III: 6 events, 0 non-events): R's glm gives no warning; siilab refuses naming stage=III", async () => {
    expect(ref.separation.quasi.rWarnings).toEqual([]);
    expect(ref.separation.quasi.table).toEqual([[7, 10, 0], [4, 9, 6]]);
    const t = await readTable(`test/reference/${ref.separation.quasi.file}`);
    const y = binaryColumn(t, 'y', '--outcome', null, 'outcome');
    const covs = [readCovariate(t, 'stage', 'c'), readCovariate(t, 'age', 'c')];
    try {
      logitModel({ outcome: y, covariates: covs });
      throw new Error('not refused');
    } catch (e: any) {
      expect(e.exitCode).toBe(4);
      expect(e.message).toMatch(/quasi-complete separation: covariate 'stage'.*'stage=III'/);
    }
  });
});

describe('Hosmer–Lemeshow grouping by hand', () => {
  it('ties stay together, duplicate breaks merge, empty intervals are dropped (R: cut at unique type-7 deciles)', () => {
    // fitted values in 4 tied blocks of 5: R's unique(quantile(p, 0:10/10)) = 0.1 0.3 0.4 0.5 0.7, so the
    // groups are [0.1, 0.3] (10 rows), (0.3, 0.4] (empty), (0.4, 0.5] (5), (0.5, 0.7] (5)
    const p = Float64Array.from({ length: 20 }, (_, i) => [0.1, 0.3, 0.5, 0.7][Math.floor(i / 5)]);
    const y = Float64Array.from([0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 0]);
    const h = hosmerLemeshow(y, p);
    expect(h.groups.map((g) => g.n)).toEqual([10, 5, 5]);
    expect(h.groups.map((g) => g.observed)).toEqual([2, 2, 4]);
    expect(h.df).toBe(1);
    // O − E = 0, −0.5, +0.5: 0 + 0.25/2.5 + 0.25/2.5 + 0.25/3.5 + 0.25/1.5
    expect(h.chisq).toBeCloseTo(0.25 / 2.5 + 0.25 / 2.5 + 0.25 / 3.5 + 0.25 / 1.5, 12);
  });
});

describe('coverage of the R comparison', () => {
  it('checked every quantity', () => {
    console.log(`logit R parity: ${checked} quantities, max rel. error ${maxErr.toExponential(2)} (${worst})`);
    expect(checked).toBeGreaterThan(1000);
    expect(maxErr).toBeLessThan(TOL);
  });
});
