import { afterAll, describe, expect, it } from 'vitest';
import { fineGray } from '../../../src/stats/competing/fineGray.js';
import { coxph } from '../../../src/stats/survival/cox/coxph.js';
import type { CoxCovariateInput } from '../../../src/stats/survival/cox/types.js';
import { close, lab, num, reference, tally } from './reference.js';

const covariatesOf = (c: any): CoxCovariateInput[] =>
  c.covariates.map((v: string) =>
    c.categorical.includes(v) ? { name: v, kind: 'categorical', values: lab(c.data, v) } : { name: v, kind: 'numeric', values: num(c.data, v) },
  );
const refOf = (c: any) => new Map<string, string>(Object.entries(c.ref ?? {}) as [string, string][]);
// survival::finegray() resolves tied censoring and failure times differently from crr (its weights
// step after the failures), so coxph on finegray data equals crr only on data without ties.
const untied = new Set(['crr_example']);

describe('Fine–Gray vs cmprsk::crr (gtol 1e-10)', () => {
  for (const c of reference.finegray) {
    it(`${c.id}: coefficients, robust SEs, variance matrix, log pseudo-likelihood, n`, () => {
      const r = fineGray({ time: num(c.data, c.time), status: num(c.data, c.status), cause: c.cause, covariates: covariatesOf(c), reference: refOf(c) });
      expect(r.n).toBe(c.n);
      expect(r.nDropped).toBe(c.nMissing);
      expect(r.coefficients.map((x) => x.term)).toEqual(c.terms);
      expect(r.converged).toBe(true);
      r.coefficients.forEach((x, j) => {
        close(x.coef, c.coef[j], `${c.id} coef ${x.term}`, 1e-7);
        close(x.se, c.se[j], `${c.id} se ${x.term}`, 1e-6);
      });
      c.var.forEach((row: number[], i: number) => row.forEach((v, j) => close(r.variance[i][j], v, `${c.id} var[${i},${j}]`, 1e-5, 1e-8)));
      close(r.loglik.model, c.loglik, `${c.id} loglik`, 1e-9);
      close(r.loglik.null, c.loglikNull, `${c.id} loglik at 0`, 1e-9);
      if (untied.has(c.id)) {
        r.coefficients.forEach((x, j) => close(x.coef, c.finegray.coef[j], `${c.id} finegray+coxph coef ${x.term}`, 1e-6));
        // coxph(..., cluster(id)) on finegray data: its robust SE ignores the censoring-weight term ψ, so it is close to crr's but not equal
        r.coefficients.forEach((x, j) => expect(Math.abs(x.se / c.finegray.seRobust[j] - 1)).toBeLessThan(0.01));
      }
    });
    it(`${c.id}: cause-specific Cox = coxph with the other causes censored`, () => {
      const status = num(c.data, c.status);
      for (const cs of c.causeSpecific) {
        const event = status.map((s) => (Number.isNaN(s) ? NaN : s === cs.cause ? 1 : 0));
        const fit = coxph({ time: num(c.data, c.time), event, covariates: covariatesOf(c), reference: refOf(c), skipZph: true });
        fit.coefficients.forEach((x, j) => {
          close(x.coef, cs.coef[j], `${c.id} cause ${cs.cause} coef ${x.term}`, 1e-6);
          close(x.se, cs.se[j], `${c.id} cause ${cs.cause} se ${x.term}`, 1e-6);
        });
      }
    });
  }
});

describe('Fine–Gray input checks', () => {
  const time = [1, 2, 3, 4, 5, 6];
  const x: CoxCovariateInput = { name: 'x', kind: 'numeric', values: new Float64Array([0, 1, 0, 1, 0, 1]) };
  it('refuses a cause with no events, a non-integer status, a constant covariate', () => {
    expect(() => fineGray({ time, status: [1, 2, 0, 1, 2, 0], cause: 3, covariates: [x] })).toThrow(/no event of cause 3/);
    expect(() => fineGray({ time, status: [1, 2, 0.5, 1, 2, 0], cause: 1, covariates: [x] })).toThrow(/not a whole number/);
    expect(() => fineGray({ time, status: [1, 2, 0, 1, 2, 0], cause: 1, covariates: [{ name: 'c', kind: 'numeric', values: new Float64Array(6).fill(2) }] })).toThrow(/same value/);
  });
  it('without competing events and censoring Fine–Gray is the Breslow Cox model', () => {
    const t = [1, 2, 3, 4, 5, 6, 7, 8];
    const s = [1, 1, 1, 1, 1, 1, 1, 1];
    const v = new Float64Array([0, 1, 0, 1, 1, 0, 1, 0]);
    const fg = fineGray({ time: t, status: s, cause: 1, covariates: [{ name: 'x', kind: 'numeric', values: v }] });
    const cx = coxph({ time: new Float64Array(t), event: new Float64Array(s), covariates: [{ name: 'x', kind: 'numeric', values: v }], ties: 'breslow', skipZph: true });
    expect(fg.coefficients[0].coef).toBeCloseTo(cx.coefficients[0].coef, 8);
    expect(Math.sqrt(fg.naiveVariance[0][0])).toBeCloseTo(cx.coefficients[0].se, 8);
  });
});

afterAll(() => {
  console.log(`crr parity: ${tally.count} values, worst relative error ${tally.worst.toExponential(2)} (${tally.where})`);
});
