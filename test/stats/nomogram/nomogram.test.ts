/**
 * Nomogram points against rms::nomogram(cph(...), fun = survival at horizons, lp = TRUE) on survival::pbc
 * (test/reference/splines/splines.R): predictor points, the positions of the linear-predictor and
 * survival axes' values on the total-points scale. Tolerance 1e-4 relative (1e-6 absolute on points).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { coxph } from '../../../src/stats/survival/cox/coxph.js';
import { baselineCumHazardAt } from '../../../src/stats/survival/cox/baseline.js';
import type { CoxCovariateInput } from '../../../src/stats/survival/cox/types.js';
import { lpToPoints, nomogram, nomogramScore, survivalToPoints } from '../../../src/stats/nomogram/nomogram.js';
import { nomogramFromCox } from '../../../src/stats/nomogram/nomogramFromCox.js';
import { labelColumn } from '../../../src/io/columns.js';
import { arr, col, complete, close, closeAll, ref, stats, sub, table } from '../design/splineReference.js';

afterAll(() => console.log(`nomogram R parity: ${stats.count} values, worst relative error ${stats.worst.toExponential(2)}`));

describe('nomogram vs rms::nomogram', () => {
  for (const c of ref.nomogram as any[]) {
    it(c.id, () => {
      const rows = complete('pbc', ['time', 'death', ...c.covariates.filter((v: string) => v !== 'sex')]);
      const spline = c.spline ?? {};
      const covariates: CoxCovariateInput[] = c.covariates.map((v: string): CoxCovariateInput => {
        if (v === 'sex') {
          const s = labelColumn(table('pbc'), 'sex', 'sex');
          return { name: v, kind: 'categorical', values: Array.from(rows, (i) => s[i]) };
        }
        const x = sub(col('pbc', v), rows);
        return spline[v] ? { name: v, kind: 'spline', values: x, knots: spline[v] } : { name: v, kind: 'numeric', values: x };
      });
      const fit = coxph({ time: sub(col('pbc', 'time'), rows), event: sub(col('pbc', 'death'), rows), covariates, skipZph: true });
      closeAll(fit.coefficients.map((x) => x.coef), c.coef, 'coef');
      const horizons = arr<number>(c.horizons);
      const nomo = nomogramFromCox(
        fit,
        covariates,
        c.predictors.map((p: any) => ({ covariate: p.name, values: arr(p.values) })),
        horizons,
      );
      nomo.predictors.forEach((p, i) => closeAll(p.points, arr(c.predictors[i].points), `${c.id} ${p.covariate} points`, 1e-4));
      c.lp.value.forEach((v: number, i: number) => close(lpToPoints(nomo, v), c.lp.points[i], `lp ${v}`, 1e-4));
      horizons.forEach((_, h) => {
        const f = arr<any>(c.fun)[h];
        arr<number>(f.value).forEach((s, i) => close(survivalToPoints(nomo, h, s), arr<number>(f.points)[i], `S(${f.horizon}) = ${s}`, 1e-4));
      });
      // baseline survival at rms's centre equals ours at lp = 0
      horizons.forEach((t, h) => {
        const s0 = Math.exp(-baselineCumHazardAt(fit.baseline, t) * Math.exp(nomo.lpCentre - nomo.baselineLp));
        close(s0, arr<number>(c.baselineSurv)[h], `baseline S(${t})`, 1e-6);
      });
    });
  }
});

describe('hand case', () => {
  const terms = [
    { term: 'a', covariate: 'a', level: null, reference: null },
    { term: 'g=y', covariate: 'g', level: 'y', reference: 'x' },
  ];
  it('the widest predictor gets 100 points; total points map to lp and survival', () => {
    // a ∈ {0, 10}, β = 0.2: range 2; g: β = −0.5, range 0.5 → 25 points for level x
    const input = {
      terms,
      splines: [],
      coef: [0.2, -0.5],
      predictors: [
        { covariate: 'a', values: [0, 5, 10] },
        { covariate: 'g', values: ['x', 'y'] },
      ],
      survival: { horizons: [5], cumHazard: [0.1], baselineLp: 0 },
    };
    const n = nomogram(input);
    expect(n.predictors[0].points).toEqual([0, 50, 100]);
    expect(n.predictors[1].points).toEqual([25, 0]);
    expect(n.totalPoints).toEqual([0, 125]);
    expect(n.lpAtZero).toBe(-0.5);
    const s = nomogramScore(n, input, (c) => (c === 'a' ? 5 : 'x'))!;
    expect(s.total).toBe(75);
    expect(s.lp).toBeCloseTo(1, 15); // 0.2·5 + 0 (x is the reference level)
    expect(s.survival[0].surv).toBeCloseTo(Math.exp(-0.1 * Math.exp(1)), 15);
    expect(survivalToPoints(n, 0, s.survival[0].surv)).toBeCloseTo(75, 10);
  });
  it('refuses a nomogram without predictors or without any spread', () => {
    expect(() => nomogram({ terms, splines: [], coef: [0, 0], predictors: [] })).toThrow(/at least one predictor/);
    expect(() => nomogram({ terms, splines: [], coef: [0, 0], predictors: [{ covariate: 'a', values: [1, 2] }] })).toThrow(/same linear predictor/);
  });
});
