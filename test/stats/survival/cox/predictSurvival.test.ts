/**
 * Survival predictions for new rows against R: summary(survfit(coxph(...), newdata = nd), times, extend = TRUE)
 * surv, std.err, lower, upper (conf.type "log") and cumhaz on survival::pbc and survival::lung, Efron and
 * Breslow ties (test/reference/splines/splines.R). Tolerance 1e-6 relative.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { coxph } from '../../../../src/stats/survival/cox/coxph.js';
import { baselineCumHazardAt } from '../../../../src/stats/survival/cox/baseline.js';
import { coxPredictor, coxSurvivalCurve, predictAt } from '../../../../src/stats/survival/cox/predictSurvival.js';
import { col, complete, close, closeAll, ref, stats, sub } from '../../design/splineReference.js';

afterAll(() => console.log(`predictSurvival R parity: ${stats.count} values, worst relative error ${stats.worst.toExponential(2)}`));

describe('predicted survival vs summary(survfit(coxph, newdata), times)', () => {
  for (const c of ref.predictions as any[]) {
    it(c.id, () => {
      const rows = complete(c.data, [c.time, c.event, ...c.covariates, ...(c.strata ? [c.strata] : [])]);
      const input = {
        time: sub(col(c.data, c.time), rows),
        event: sub(col(c.data, c.event), rows),
        covariates: c.covariates.map((a: string) => ({ name: a, kind: 'numeric' as const, values: sub(col(c.data, a), rows) })),
        ties: c.ties,
        skipZph: true,
        strata: c.strata ? Array.from(sub(col(c.data, c.strata), rows), String) : null,
      };
      const fit = coxph(input);
      closeAll(fit.coefficients.map((x) => x.coef), c.coef, 'coef');
      const curve = coxPredictor(input, fit);
      // the curve's baseline equals the fit's (R basehaz)
      if (!c.strata) for (const t of c.times) close(curve.strata[0].cumHazard[Array.from(curve.strata[0].time).filter((u) => u <= t).length - 1], baselineCumHazardAt(fit.baseline, t), `H0(${t})`, 1e-12);
      for (const row of c.rows) {
        const x = c.covariates.map((a: string) => row.values[a]);
        const s = c.strata ? fit.strata!.indexOf(String(row.values[c.strata])) : 0;
        expect(s).toBeGreaterThanOrEqual(0);
        const pr = predictAt(curve, x, c.times, s);
        const w = `${c.id} row ${row.row}`;
        closeAll(pr.map((q) => q.surv), row.surv, `${w} surv`);
        closeAll(pr.map((q) => q.cumHazard), row.cumhaz, `${w} cumhaz`);
        closeAll(pr.map((q) => q.stdErr), row.stdErr, `${w} std.err`);
        closeAll(pr.map((q) => q.lower), row.lower, `${w} lower`);
        closeAll(pr.map((q) => q.upper), row.upper, `${w} upper`);
      }
    });
  }
});

describe('hand case', () => {
  it('two subjects, no covariate effect: S = Kaplan–Meier-like Nelson–Aalen product, SE from d/S0²', () => {
    // times 1 (death), 2 (death); one term with β = 0, V = 0: H(1) = 1/2, H(2) = 1/2 + 1/1; Var H = 1/4, 1/4 + 1
    const curve = coxSurvivalCurve({
      time: Float64Array.of(1, 2),
      event: [1, 1],
      design: Float64Array.of(0, 1),
      p: 1,
      beta: [0],
      variance: [[0]],
      centre: [0.5],
      ties: 'breslow',
    });
    const [a, b, early] = predictAt(curve, [0], [1, 2, 0.5]);
    expect(a.cumHazard).toBeCloseTo(0.5, 15);
    expect(b.cumHazard).toBeCloseTo(1.5, 15);
    expect(a.seCumHazard).toBeCloseTo(0.5, 15);
    expect(b.seCumHazard).toBeCloseTo(Math.sqrt(1.25), 15);
    expect(a.surv).toBeCloseTo(Math.exp(-0.5), 15);
    expect(a.lower).toBeCloseTo(Math.exp(-0.5 - 1.959963984540054 * 0.5), 12);
    expect(early).toMatchObject({ surv: 1, stdErr: 0, lower: 1, upper: 1 });
  });
});
