// Tiny logistic regressions checked by hand against R 4.2.2 glm(y ~ x, family = binomial)
// (values printed with digits = 10 in R; see the comment at each case).
import { describe, expect, it } from 'vitest';
import { logisticRegression } from '../../../src/stats/regression/logistic.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('logisticRegression (hand-sized cases)', () => {
  it('equals glm on x = 1..6, y = 0,0,1,0,1,1', () => {
    // R, glm.control(epsilon = 1e-14): coef -4.24909655048 1.21402758585; se 3.387850220608 0.912585559884;
    // deviance 4.9559736701 (R's default epsilon 1e-8 stops one step earlier: SE 3.3878477096, 7e-7 away)
    const f = logisticRegression([new Float64Array([1, 2, 3, 4, 5, 6])], new Float64Array([0, 0, 1, 0, 1, 1]));
    expect(rel(f.coefficients[0], -4.24909655048)).toBeLessThan(1e-8);
    expect(rel(f.coefficients[1], 1.21402758585)).toBeLessThan(1e-8);
    expect(rel(f.se[0], 3.387850220608)).toBeLessThan(1e-8);
    expect(rel(f.se[1], 0.912585559884)).toBeLessThan(1e-8);
    expect(rel(f.deviance, 4.9559736701)).toBeLessThan(1e-8);
    // null deviance of 3 events in 6: −2·6·log(1/2)
    expect(rel(f.nullDeviance, 12 * Math.log(2))).toBeLessThan(1e-14);
    expect(f.converged).toBe(true);
    expect(f.separation).toBeNull();
    expect(f.fitted.length).toBe(6);
  });

  it('certifies complete separation on x = 1..4, y = 0,0,1,1', () => {
    const f = logisticRegression([new Float64Array([1, 2, 3, 4])], new Float64Array([0, 0, 1, 1]));
    expect(f.separation).toEqual({ kind: 'complete', columns: [0] });
  });

  it('certifies quasi-complete separation when one x value holds both outcomes', () => {
    const f = logisticRegression([new Float64Array([1, 2, 3, 3, 4])], new Float64Array([0, 0, 0, 1, 1]));
    expect(f.separation?.kind).toBe('quasi');
    expect(f.separation?.columns).toEqual([0]);
  });

  it('names the separating indicator among other covariates', () => {
    // level b of a factor is all events; x is unrelated noise
    const x = new Float64Array([0.3, -1.2, 0.8, 1.5, -0.4, 0.1, 2.0, -0.7, 0.6, -1.1, 0.9, 0.2]);
    const b = new Float64Array([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
    const y = new Float64Array([0, 1, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1]);
    const f = logisticRegression([x, b], y);
    expect(f.separation?.kind).toBe('quasi');
    expect(f.separation?.columns).toEqual([1]);
  });

  it('certifies separation by a combination when no single covariate separates (y = 1 iff x1 + x2 > 0.4)', () => {
    const x1 = new Float64Array([-2, -1, 0.5, 1, 2, -0.5, 1.5, -1.5, 0.2, 3]);
    const x2 = new Float64Array([1, 2, -1, 0.5, -1.5, 1.8, -0.2, 2.5, 0.3, -2]);
    const y = Float64Array.from(x1, (v, i) => (v + x2[i] > 0.4 ? 1 : 0));
    // each column alone overlaps between the outcomes
    expect(Math.max(...x1.filter((_, i) => y[i] === 0))).toBeGreaterThan(Math.min(...x1.filter((_, i) => y[i] === 1)));
    expect(Math.max(...x2.filter((_, i) => y[i] === 0))).toBeGreaterThan(Math.min(...x2.filter((_, i) => y[i] === 1)));
    const f = logisticRegression([x1, x2], y);
    expect(f.separation).toEqual({ kind: 'complete', columns: [0, 1] });
  });

  it('does not depend on the units: a covariate ~1e11 (platelets per litre) beside a rare indicator', () => {
    // before Jacobi scaling of XᵀWX this marked the intercept and the indicator as aliased
    const n = 2000;
    let seed = 1;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const perLitre = Float64Array.from({ length: n }, () => (rnd() * 2 + 1) * 1e11);
    const rare = Float64Array.from({ length: n }, (_, i) => (i % 400 === 0 ? 1 : 0));
    const y = Float64Array.from({ length: n }, (_, i) => (rnd() < (rare[i] ? 0.5 : 0.3) ? 1 : 0));
    const big = logisticRegression([perLitre, rare], y);
    const small = logisticRegression([Float64Array.from(perLitre, (v) => v / 1e11), rare], y);
    expect(big.aliased).toEqual([]);
    expect(rel(big.coefficients[0], small.coefficients[0])).toBeLessThan(1e-9);
    expect(rel(big.coefficients[1] * 1e11, small.coefficients[1])).toBeLessThan(1e-9);
    expect(rel(big.se[1] * 1e11, small.se[1])).toBeLessThan(1e-9);
    expect(rel(big.coefficients[2], small.coefficients[2])).toBeLessThan(1e-9);
    expect(rel(big.se[2], small.se[2])).toBeLessThan(1e-9);
  });

  it('refuses an outcome with one class and a non-binary outcome', () => {
    expect(() => logisticRegression([new Float64Array([1, 2, 3])], new Float64Array([1, 1, 1]))).toThrow(/positive in all 3/);
    expect(() => logisticRegression([new Float64Array([1, 2, 3])], new Float64Array([0, 2, 1]))).toThrow(/not 0 or 1/);
  });

  it('marks a duplicated column as aliased', () => {
    const x = new Float64Array([1, 2, 3, 4, 5, 6]);
    const f = logisticRegression([x, x], new Float64Array([0, 0, 1, 0, 1, 1]));
    expect(f.aliased).toEqual([2]);
    expect(Number.isNaN(f.coefficients[2])).toBe(true);
    expect(rel(f.coefficients[1], 1.214027586)).toBeLessThan(1e-8);
  });
});
