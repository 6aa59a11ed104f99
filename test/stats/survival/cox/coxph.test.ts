import { describe, expect, it } from 'vitest';
import { coxph } from '../../../../src/stats/survival/cox/coxph.js';
import { baselineCumHazardAt, coxSurvival } from '../../../../src/stats/survival/cox/baseline.js';
import { SiilabError } from '../../../../src/errors.js';
import { caseInput, expectClose, reference } from './reference.js';

// R parity: every reported quantity of summary(coxph), coxph's concordance, cox.zph (terms = TRUE,
// transform "km") and basehaz, on survival::lung, lung in months (many ties), veteran (categorical,
// strata), heart (counting process), ovarian and a monotone-likelihood set; Efron and Breslow.
describe(`coxph vs ${reference.R}, survival ${reference.survival}`, () => {
  reference.cases.forEach((c, k) => {
    const R = reference.results[k];
    it(c.id, () => {
      const r = coxph(caseInput(c));
      // the monotone case's "infinite" coefficient is wherever R's iterations stopped: agree closely, not to 1e-6
      const tol = c.id === 'monotone' ? 1e-5 : 1e-6;
      expect(r.n).toBe(R.n);
      expect(r.nDropped).toBe(R.nDropped);
      expect(r.events).toBe(R.events);
      expect(r.iterations).toBe(R.iter);
      expect(r.converged).toBe(true);
      expect(r.coefficients.map((x) => x.term)).toEqual(R.terms);
      r.coefficients.forEach((x, j) => {
        expectClose(`${x.term} coef`, x.coef, R.coef[j], tol);
        expectClose(`${x.term} hr`, x.hr, R.hr[j], tol);
        expectClose(`${x.term} se`, x.se, R.se[j], tol);
        expectClose(`${x.term} z`, x.z, R.z[j], tol);
        expectClose(`${x.term} p`, x.p, R.p[j], tol);
        if (R.lower[j] === null) expect(x.lower).toBeNull();
        else expectClose(`${x.term} lower`, x.lower, R.lower[j], tol);
        if (R.upper[j] === null) expect(x.upper).toBeNull();
        else expectClose(`${x.term} upper`, x.upper, R.upper[j], tol);
        expectClose(`${x.term} waldChisq`, x.waldChisq, R.z[j] ** 2, tol);
      });
      expectClose('loglik null', r.loglik.null, R.loglik[0]);
      expectClose('loglik model', r.loglik.model, R.loglik[1]);
      const tests = [
        ['likelihoodRatio', R.lr],
        ['wald', R.wald],
        ['score', R.score],
      ] as const;
      for (const [name, ref] of tests) {
        const t = r.tests[name];
        expectClose(`${name} statistic`, t.statistic, ref[0], tol);
        expect(t.df).toBe(ref[1]);
        expectClose(`${name} p`, t.p, ref[2], tol);
      }
      expectClose('concordance', r.concordance.c, R.concordance);
      expectClose('concordance se', r.concordance.se, R.concordanceSe);
      expect([r.concordance.concordant, r.concordance.discordant, r.concordance.tiedRisk, r.concordance.tiedTime, r.concordance.tiedBoth]).toEqual([
        R.concordanceCounts.concordant,
        R.concordanceCounts.discordant,
        R.concordanceCounts['tied.x'],
        R.concordanceCounts['tied.y'],
        R.concordanceCounts['tied.xy'],
      ]);
      const ph = r.proportionalHazards!;
      expect(ph.terms.map((t) => t.term)).toEqual(R.zph.terms);
      ph.terms.forEach((t, j) => {
        expectClose(`zph ${t.term} chisq`, t.chisq, R.zph.chisq[j], tol);
        expect(t.df).toBe(R.zph.df[j]);
        expectClose(`zph ${t.term} p`, t.p, R.zph.p[j], tol);
      });
      expectClose('zph global chisq', ph.global.chisq, R.zph.global[0], tol);
      expect(ph.global.df).toBe(R.zph.global[1]);
      expectClose('zph global p', ph.global.p, R.zph.global[2], tol);
      // linear predictors (centred at the means) and the baseline hazard at the means
      r.baseline.centre.forEach((m, j) => expectClose(`mean ${j}`, m, R.means[j], 1e-12, 1e-12));
      r.linearPredictors.forEach((lp, i) => expectClose(`lp ${i}`, lp, R.linearPredictors[i], tol, 1e-9));
      R.baseline.time.forEach((t, i) => {
        const s = R.baseline.strata ? r.strata!.indexOf(R.baseline.strata[i]) : 0;
        expectClose(`basehaz ${t}`, baselineCumHazardAt(r.baseline, t, s), R.baseline.hazard[i], tol, 1e-300);
        // centered = FALSE: H at x = 0 is H(centre)·exp(−centre·β); survival at x = 0 through coxSurvival
        const s0 = coxSurvival(r.baseline, r.coefficients.map((x) => x.coef), new Array(r.terms.length).fill(0), [t], s)[0];
        // (monotone: H at x = 0 is ~1e-12, the product of a huge and a tiny factor; 1e-4 there)
        expectClose(`basehaz(centered = FALSE) ${t}`, -Math.log(s0), R.baseline.hazardZero[i], c.id === 'monotone' ? 1e-4 : tol, 1e-300);
      });
      const rWarnings = R.warnings;
      if (rWarnings.length) {
        expect(rWarnings[0]).toMatch(/^Loglik converged before variable {2}1 ; coefficient may be infinite/);
        expect(r.warnings.length).toBe(rWarnings.length);
        expect(r.warnings[0]).toMatch(/^Loglik converged before variable 1 \(x\); coefficient may be infinite\./);
        expect(r.coefficients[0].possiblyInfinite).toBe(true);
        expect(r.coefficients[1].possiblyInfinite).toBe(false);
      } else expect(r.warnings).toEqual([]);
    });
  });
});

const num = (...v: number[]) => new Float64Array(v);

describe('coxph: tiny cases by hand', () => {
  // (t, event, x): (1,1,1) (2,1,0) (3,1,1) (4,0,0) (5,1,0). At β = 0: U = 0.6 − 0.25 + 2/3 = 61/60,
  // I = 6/25 + 3/16 + 2/9 = 2339/3600, score test U²/I = 3721/2339 (= the log-rank statistic, no ties),
  // loglik(0) = −log(5·4·3·1). Concordance (β > 0): 5 concordant, 1 discordant, 3 tied on x.
  const small = { time: num(1, 2, 3, 4, 5), event: num(1, 1, 1, 0, 1), covariates: [{ name: 'x', kind: 'numeric' as const, values: num(1, 0, 1, 0, 0) }] };
  it('score test equals the log-rank statistic; null loglik; concordance counts', () => {
    const r = coxph(small);
    expectClose('score', r.tests.score.statistic, 3721 / 2339, 1e-12);
    expectClose('loglik null', r.loglik.null, -Math.log(60), 1e-12);
    expect(r.coefficients[0].coef).toBeGreaterThan(0);
    expect([r.concordance.concordant, r.concordance.discordant, r.concordance.tiedRisk]).toEqual([5, 1, 3]);
    expectClose('c', r.concordance.c, 6.5 / 9, 1e-12);
  });
  // (1,1,1) (1,1,0) (2,1,1) (3,0,0): Efron ℓ(β) = 2β − 3·log(e^β + 1) − log 3, Breslow ℓ(β) = 2β − 3·log(e^β + 1) − 2·log 2.
  // Both are maximised at e^β = 2 (β = log 2) with information 3·(2/3)(1/3) = 2/3.
  const tied = { time: num(1, 1, 2, 3), event: num(1, 1, 1, 0), covariates: [{ name: 'x', kind: 'numeric' as const, values: num(1, 0, 1, 0) }] };
  it('Efron and Breslow with two tied deaths', () => {
    const e = coxph({ ...tied, ties: 'efron' });
    const b = coxph({ ...tied, ties: 'breslow' });
    for (const r of [e, b]) {
      expectClose('coef', r.coefficients[0].coef, Math.log(2), 1e-6);
      expectClose('se', r.coefficients[0].se, Math.sqrt(1.5), 1e-6);
    }
    expectClose('efron null', e.loglik.null, -3 * Math.log(2) - Math.log(3), 1e-12);
    expectClose('efron model', e.loglik.model, 2 * Math.log(2) - 4 * Math.log(3), 1e-10);
    expectClose('efron LR', e.tests.likelihoodRatio.statistic, 2 * (5 * Math.log(2) - 3 * Math.log(3)), 1e-8);
    expectClose('breslow null', b.loglik.null, -5 * Math.log(2), 1e-12);
    expectClose('breslow model', b.loglik.model, 2 * Math.log(2) - 3 * Math.log(3) - 2 * Math.log(2), 1e-10);
  });
  it('a categorical covariate gives indicator terms against its first sorted level or --ref', () => {
    const cov = { name: 'g', kind: 'categorical' as const, values: ['b', 'a', 'b', 'a', 'c', 'c'] };
    const base = { time: num(1, 2, 3, 4, 5, 6), event: num(1, 1, 0, 1, 1, 0), covariates: [cov] };
    expect(coxph(base).coefficients.map((c) => c.term)).toEqual(['g=b', 'g=c']);
    expect(coxph({ ...base, reference: new Map([['g', 'c']]) }).coefficients.map((c) => c.term)).toEqual(['g=a', 'g=b']);
  });
  it('drops and counts rows with a missing value', () => {
    const r = coxph({ ...small, time: num(1, 2, 3, 4, 5), event: num(1, 1, 1, 0, NaN) });
    expect(r.n).toBe(4);
    expect(r.nDropped).toBe(1);
  });
});

describe('coxph: refusals', () => {
  const x = { name: 'x', kind: 'numeric' as const, values: num(1, 0, 1, 0) };
  const refuse = (f: () => unknown, code: number, re: RegExp) => {
    try {
      f();
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SiilabError);
      expect((e as SiilabError).exitCode).toBe(code);
      expect((e as Error).message).toMatch(re);
    }
  };
  const source = { file: 'f.csv', time: 'stop', event: 'dead', start: 'start' };
  it('zero events → 4', () => refuse(() => coxph({ time: num(1, 2, 3, 4), event: num(0, 0, 0, 0), covariates: [x], source }), 4, /f\.csv: column 'dead' has no event/));
  it('no variance → 4', () =>
    refuse(() => coxph({ time: num(1, 2, 3, 4), event: num(1, 1, 0, 1), covariates: [{ ...x, values: num(2, 2, 2, 2) }] }), 4, /term 'x' has the same value \(2\)/));
  it('collinear terms → 4', () =>
    refuse(
      () => coxph({ time: num(1, 2, 3, 4, 5), event: num(1, 1, 0, 1, 1), covariates: [{ ...x, values: num(1, 0, 1, 0, 2) }, { name: 'y', kind: 'numeric', values: num(2, 0, 2, 0, 4) }] }),
      4,
      /singular: 'y'/,
    ));
  it('event not 0/1 → 3 naming file, row and column', () => refuse(() => coxph({ time: num(1, 2, 3, 4), event: num(1, 2, 0, 1), covariates: [x], source }), 3, /f\.csv, row 3, column 'dead': event value 2/));
  it('an infinite time → 3', () => refuse(() => coxph({ time: num(1, Infinity, 3, 4), event: num(1, 1, 0, 1), covariates: [x], source }), 3, /f\.csv, row 3, column 'stop': time Infinity is not a finite number/));
  it('start ≥ stop → 3', () =>
    refuse(() => coxph({ start: num(0, 2, 0, 0), time: num(1, 2, 3, 4), event: num(1, 1, 0, 1), covariates: [x], source }), 3, /f\.csv, row 3, column 'start': the interval start 2 is not before its end 2/));
});
