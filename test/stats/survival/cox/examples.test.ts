// The @example lines of src/stats/survival/cox/*.ts, run: their stated outputs are real.
import { describe, expect, it } from 'vitest';
import { coxph } from '../../../../src/stats/survival/cox/coxph.js';
import { baselineCumHazardAt, baselineSurvivalAt, coxSurvival } from '../../../../src/stats/survival/cox/baseline.js';
import { coxSortedData } from '../../../../src/stats/survival/cox/sortedData.js';
import { coxConcordance } from '../../../../src/stats/survival/cox/concordance.js';
import { denseRanks } from '../../../../src/stats/survival/cox/denseRanks.js';
import { coxDerivatives } from '../../../../src/stats/survival/cox/partialLikelihood.js';
import { newtonRaphson } from '../../../../src/stats/survival/cox/newton.js';
import { coxFit } from '../../../../src/stats/survival/cox/fit.js';

const tiny = () =>
  coxSortedData({ stop: new Float64Array([1, 2, 3, 4, 5]), start: null, event: new Uint8Array([1, 1, 1, 0, 1]), columns: [new Float64Array([1, 0, 1, 0, 0])], strata: null, nStrata: 1 });
const fit = () =>
  coxph({ time: new Float64Array([1, 2, 3, 4, 5]), event: new Float64Array([1, 1, 1, 0, 1]), covariates: [{ name: 'x', kind: 'numeric', values: new Float64Array([1, 0, 1, 0, 0]) }] });

describe('@example outputs (checked against R 4.2.2 / survival 3.5.3 where stated)', () => {
  it('coxph, coxFit', () => {
    expect(fit().coefficients[0].term).toBe('x');
    expect(coxFit(tiny(), { ties: 'efron' }).beta[0]).toBeCloseTo(1.43875604735478, 13);
  });
  it('baseline', () => {
    const f = fit();
    expect(baselineCumHazardAt(f.baseline, 3)).toBeCloseTo(0.386963143105, 11);
    const s = coxSurvival(f.baseline, [f.coefficients[0].coef], [1], [2, 5]);
    expect(s[0]).toBeCloseTo(0.38558170962173216, 13);
    expect(s[1]).toBeCloseTo(0.0028894993481494687, 15);
    const b = baselineSurvivalAt(f.baseline, [3]);
    expect(b).toHaveLength(1);
    expect(b[0].stratum).toBeNull();
    expect(b[0].survival[0]).toBeCloseTo(Math.exp(-0.386963143105), 11);
  });
  it('concordance', () => {
    const r = coxConcordance(tiny(), new Float64Array([1, 0, 1, 0, 0]));
    expect([r.concordant, r.discordant, r.tiedX]).toEqual([5, 1, 3]);
    expect(r.c).toBeCloseTo(0.7222222222, 10);
    expect(r.se).toBeCloseTo(0.1377525531, 10);
    const c = coxConcordance(tiny(), new Float64Array([1, 0, 1, 0, 0]), false);
    expect([c.c, c.se]).toEqual([r.c, null]);
  });
  it('denseRanks', () => {
    const rank = new Int32Array(5);
    expect(denseRanks(new Float64Array([0.5, -1, 0.5, 2, -0]), rank)).toBe(4);
    expect(Array.from(rank)).toEqual([3, 1, 3, 4, 2]);
  });
  it('partial likelihood', () => {
    const u = new Float64Array(1);
    const imat = new Float64Array(1);
    expect(coxDerivatives(tiny(), new Float64Array(1), true, u, imat, new Float64Array(0))).toBeCloseTo(-Math.log(60), 13);
    expect(u[0]).toBeCloseTo((61 / 60) * 2.5, 13);
    expect(imat[0]).toBeCloseTo((2339 / 3600) * 6.25, 13);
  });
  it('newton', () => {
    const r = newtonRaphson(
      (b, u, imat) => {
        u[0] = -2 * (b[0] - 3);
        imat[0] = 2;
        return -((b[0] - 3) ** 2) - 1;
      },
      1,
      { eps: 1e-9, maxIter: 20, tolerChol: 1e-12 },
    );
    expect([r.beta[0], r.iterations, r.loglik, r.score]).toEqual([3, 2, -1, 18]);
  });
  it('zph', () => {
    const g = fit().proportionalHazards!.global;
    expect(g.chisq).toBeCloseTo(0.00856783521, 11);
    expect(g.p).toBeCloseTo(0.9262510558, 10);
    expect(g.df).toBe(1);
  });
});
