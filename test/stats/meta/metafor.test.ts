/**
 * R parity of the meta-analysis engine against metafor (test/reference/meta/meta.R, versions in
 * meta_reference.json): rma() with FE/DL/REML/PM, test z and knha; confint() Q-profile; predict();
 * regtest() (model rma and lm); leave1out(); meta-regression on one moderator; subgroups.
 * Tolerance 1e-6 relative (absolute floor 1e-8 for values at 0; I² in % and τ² at the boundary
 * with floor 1e-7). REML here is metafor run to threshold 1e-12 (siilab stops at |Δτ²| < 1e-12);
 * metafor's default (threshold 1e-5 on |Δτ²|) is compared with τ² at 1e-5 absolute.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { fitMetaModel } from '../../../src/stats/meta/fitMetaModel.js';
import { qProfileCi } from '../../../src/stats/meta/qProfileCi.js';
import { predictionInterval } from '../../../src/stats/meta/predictionInterval.js';
import { leaveOneOut } from '../../../src/stats/meta/leaveOneOut.js';
import { eggerTest } from '../../../src/stats/meta/eggerTest.js';
import { metaRegression } from '../../../src/stats/meta/metaRegression.js';
import { subgroupAnalysis } from '../../../src/stats/meta/subgroupAnalysis.js';
import type { MetaOptions } from '../../../src/stats/meta/types.js';
import { closeCount as close, counter, loadSet, reference } from './reference.js';

const FLOOR = 1e-7;

describe('metafor rma parity', () => {
  for (const c of reference.cases) {
    const opts: MetaOptions = { method: c.method, test: c.test };
    const d = loadSet(c.data);
    describe(c.id, () => {
      const fit = fitMetaModel(d.yi, d.vi, null, opts)!;
      it('estimate, SE, test, CI, τ², Q, I², H²', () => {
        const r = c.fit;
        expect(fit.k).toBe(r.k);
        close(fit.b[0], r.estimate);
        close(fit.se[0], r.se);
        close(fit.stat[0], r.zval);
        close(fit.pValue[0], r.pval, 1e-6, 1e-300);
        close(fit.ciLower[0], r.ciLower);
        close(fit.ciUpper[0], r.ciUpper);
        close(fit.tau2, r.tau2, 1e-6, FLOOR);
        close(fit.Q, r.QE);
        close(fit.Qp, r.QEp, 1e-6, 1e-300);
        close(fit.I2, r.I2, 1e-6, FLOOR);
        close(fit.H2, r.H2);
        if (c.method === 'REML' && r.tau2 > 1e-6) close(fit.seTau2, r.seTau2);
        if (r.dfs !== null) expect(fit.df).toBe(r.dfs);
      });
      it('prediction interval (predict)', () => {
        const pi = predictionInterval(fit);
        if (r0(c.fit.pred.piLower) === null) expect(pi).toBeNull();
        else {
          close(pi!.lower, c.fit.pred.piLower);
          close(pi!.upper, c.fit.pred.piUpper);
        }
        if (c.piHTS && c.piHTS[0] === null) expect(predictionInterval(fit, 'hts')).toBeNull(); // k = 2: no t(k − 2)
        else if (c.piHTS) {
          const h = predictionInterval(fit, 'hts')!;
          close(h.lower, c.piHTS[0]);
          close(h.upper, c.piHTS[1]);
        }
      });
      if (c.remlDefault) {
        it("REML against metafor's default threshold (τ² within its 1e-5 absolute threshold, estimate and SE 1e-4 relative)", () => {
          // metafor's threshold is on the absolute change of τ²
          close(fit.tau2, c.remlDefault.tau2, 0, c.remlDefault.threshold);
          // an early stop moves μ̂ and its SE by O(Δτ²): sii_seeds stops at τ² = 2.3e-6 instead of 0 (SE 1.3e-5 relative)
          close(fit.b[0], c.remlDefault.estimate, 1e-4);
          close(fit.se[0], c.remlDefault.se, 1e-4);
        });
      }
      if (c.confint) {
        it('Q-profile CI of τ², τ, I², H² (confint)', () => {
          const ci = qProfileCi(d.yi, d.vi, null)!;
          for (const [mine, theirs] of [[ci.tau2, c.confint.tau2], [ci.tau, c.confint.tau], [ci.I2, c.confint.I2], [ci.H2, c.confint.H2]] as const) {
            close(mine[0], theirs[1], 1e-6, FLOOR);
            close(mine[1], theirs[2], 1e-6, FLOOR);
          }
        });
      }
      if (c.leave1out) {
        it('leave-one-out (leave1out)', () => {
          const l = leaveOneOut(d.yi, d.vi, opts);
          const r = c.leave1out;
          expect(l.length).toBe(r.estimate.length);
          l.forEach((f, i) => {
            close(f.b[0], r.estimate[i]);
            close(f.se[0], r.se[i]);
            close(f.stat[0], r.zval[i]);
            close(f.pValue[0], r.pval[i], 1e-6, 1e-300);
            close(f.ciLower[0], r.ciLower[i]);
            close(f.ciUpper[0], r.ciUpper[i]);
            close(f.Q, r.Q[i]);
            close(f.Qp, r.Qp[i], 1e-6, 1e-300);
            if (c.method !== 'FE') close(f.tau2, r.tau2[i], 1e-6, FLOOR);
            close(f.I2, r.I2[i], 1e-6, FLOOR);
            close(f.H2, r.H2[i]);
          });
        });
      }
      if (c.regtest) {
        it("Egger's test (regtest, model rma and lm)", () => {
          for (const [model, r] of [['rma', c.regtest], ['lm', c.regtestLm]] as const) {
            const e = eggerTest(d.yi, d.vi, opts, model)!;
            close(e.statistic, r.zval);
            close(e.p, r.pval, 1e-6, 1e-300);
            expect(e.df).toBe(r.dfs);
            close(e.limitEstimate, r.limitEstimate);
            close(e.limitLower, r.limitLower);
            close(e.limitUpper, r.limitUpper);
          }
        });
      }
      if (c.metaRegression) {
        it(`meta-regression on ${c.metaRegression.moderator}`, () => {
          const r = c.metaRegression;
          const m = metaRegression(d.yi, d.vi, d.column(r.moderator), opts)!;
          for (let j = 0; j < 2; j++) {
            close(m.fit.b[j], r.b[j]);
            close(m.fit.se[j], r.se[j]);
            close(m.fit.stat[j], r.zval[j]);
            close(m.fit.pValue[j], r.pval[j], 1e-6, 1e-300);
            close(m.fit.ciLower[j], r.ciLower[j]);
            close(m.fit.ciUpper[j], r.ciUpper[j]);
          }
          close(m.QM, r.QM);
          close(m.QMp, r.QMp, 1e-6, 1e-300);
          expect(m.QMdf[1]).toBe(r.QMdf[1]);
          close(m.fit.Q, r.QE);
          close(m.fit.Qp, r.QEp, 1e-6, 1e-300);
          close(m.fit.tau2, r.tau2, 1e-6, FLOOR);
          close(m.fit.I2, r.I2, 1e-6, FLOOR);
          close(m.fit.H2, r.H2);
          if (c.method !== 'FE') close(m.R2 ?? 0, r.R2, 1e-6, FLOOR);
        });
      }
      if (c.subgroups) {
        it(`subgroups by ${c.subgroups.by} and the test between them`, () => {
          const r = c.subgroups;
          const s = subgroupAnalysis(d.yi, d.vi, d.labels(r.by), opts)!;
          expect(s.groups.map((g) => g.level)).toEqual(r.levels);
          s.groups.forEach((g, i) => {
            const rg = r.groups[i];
            expect(g.fit.k).toBe(rg.k);
            close(g.fit.b[0], rg.estimate);
            close(g.fit.se[0], rg.se);
            close(g.fit.ciLower[0], rg.ciLower);
            close(g.fit.ciUpper[0], rg.ciUpper);
            close(g.fit.pValue[0], rg.pval, 1e-6, 1e-300);
            close(g.fit.tau2, rg.tau2, 1e-6, FLOOR);
            close(g.fit.Q, rg.QE);
            if (rg.QEp !== null) close(g.fit.Qp, rg.QEp, 1e-6, 1e-300);
          });
          close(s.Qbetween, r.Qbetween);
          expect(s.df).toBe(r.df);
          close(s.p, r.pBetween, 1e-6, 1e-300);
        });
      }
    });
  }
  afterAll(() => {
    if (process.env.SIILAB_COUNT) console.log(`metafor values compared: ${counter.n}`);
  });
});

function r0(x: unknown): number | null {
  return typeof x === 'number' ? x : null;
}
