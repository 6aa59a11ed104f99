/** wald, ratio-from-beta, ratio-ci, p-from-ci, calibration, effect-measure on hand-made models. */
import { describe, expect, it } from 'vitest';
import { wald } from '../../../src/audit/checks/wald.js';
import { ratioFromBeta } from '../../../src/audit/checks/ratioFromBeta.js';
import { ratioCi } from '../../../src/audit/checks/ratioCi.js';
import { altmanBlandP, pFromCi } from '../../../src/audit/checks/pFromCi.js';
import { calibration, calibrationOf, covariateIn, meanExpitNormal, meanPredicted } from '../../../src/audit/checks/calibration.js';
import { effectMeasure, measureKind } from '../../../src/audit/checks/effectMeasure.js';
import { seBound } from '../../../src/audit/checks/seBound.js';
import { effectDirection, effectSign } from '../../../src/audit/checks/effectDirection.js';
import { indexPaper } from '../../../src/audit/auditPaper.js';
import type { Model, ModelTerm, PaperDoc } from '../../../src/audit/types.js';
import { doc, loc, run, sev } from '../helpers.js';

const model = (terms: Partial<ModelTerm>[], extra: Partial<Model> = {}): Partial<PaperDoc> => ({
  models: [{ id: 'm', location: loc, kind: 'cox', measureLabel: 'HR', terms: terms.map((t) => ({ location: loc, label: 'x', ...t })), ...extra }],
});

describe('wald', () => {
  // β = 1.000, SE = 0.500: (β/SE)² over the rounding is 3.988–4.012
  const d = (w: string) => doc(model([{ beta: '1.000', se: '0.500', wald: w }]));
  it('passes (β/SE)², notes |β/SE|, warns one unit off, errs beyond', () => {
    expect(run(wald, d('4.000')).findings).toEqual([]);
    expect(sev(run(wald, d('2.000')).findings)).toEqual(['info']);
    expect(sev(run(wald, d('4.013')).findings)).toEqual(['warning']);
    expect(sev(run(wald, d('4.100')).findings)).toEqual(['error']);
  });
});

describe('ratio-from-beta', () => {
  // exp(0.693) = 1.9997; over β's rounding 1.9987–2.0007
  const d = (r: string) => doc(model([{ beta: '0.693', ratio: r }]));
  it('passes exp(β), warns one unit off, errs beyond', () => {
    expect(run(ratioFromBeta, d('2.000')).findings).toEqual([]);
    expect(sev(run(ratioFromBeta, d('2.002')).findings)).toEqual(['warning']);
    expect(sev(run(ratioFromBeta, d('2.100')).findings)).toEqual(['error']);
  });
});

describe('ratio-ci', () => {
  // exp(0.693 ± 1.96·0.2) = 1.3512, 2.9594
  it('limits against exp(β ± 1.96·SE)', () => {
    expect(run(ratioCi, doc(model([{ beta: '0.693', se: '0.200', ratio: '2.000', ci: ['1.351', '2.959'] }]))).findings).toEqual([]);
    expect(sev(run(ratioCi, doc(model([{ beta: '0.693', se: '0.200', ratio: '2.000', ci: ['1.300', '2.959'] }]))).findings)).toEqual(['error']);
  });
  it('without β: the ratio is the geometric mean of the limits; outside the CI is an error', () => {
    expect(run(ratioCi, doc(model([{ ratio: '2.000', ci: ['1.351', '2.959'] }]))).findings).toEqual([]);
    expect(sev(run(ratioCi, doc(model([{ ratio: '2.500', ci: ['1.351', '2.959'] }]))).findings)).toEqual(['warning']);
    expect(sev(run(ratioCi, doc(model([{ ratio: '3.500', ci: ['1.351', '2.959'] }]))).findings)).toEqual(['error']);
  });
});

describe('p-from-ci (Altman & Bland 2011)', () => {
  it('matches R: ratio 2, CI 1.351–2.959 → SE 0.2000, P = 0.000529', () => {
    const P = { text: '2', value: 2, decimals: Infinity, half: 0, lo: 2, hi: 2, relation: '=' as const };
    const L = { ...P, value: 1.351, lo: 1.351, hi: 1.351 }, U = { ...P, value: 2.959, lo: 2.959, hi: 2.959 };
    const r = altmanBlandP(L, U, P);
    expect(r.lo).toBeCloseTo(0.0005289626, 9);
    expect(r.hi).toBeCloseTo(0.0005289626, 9);
  });
  it('passes a consistent P; a P that contradicts the CI is an error; a mismatch that agrees on significance a warning', () => {
    const d = (p: string) => doc(model([{ ratio: '2.000', ci: ['1.351', '2.959'], p }]));
    expect(run(pFromCi, d('0.001')).findings).toEqual([]);
    expect(run(pFromCi, d('<0.001')).findings).toEqual([]);
    expect(sev(run(pFromCi, d('0.200')).findings)).toEqual(['error']);
    expect(sev(run(pFromCi, d('0.010')).findings)).toEqual(['warning']);
  });
});

describe('calibration', () => {
  // 50 events, 50 non-events; x = 1 in 30 events and 10 non-events. ML logistic fit by hand:
  // P(event | x=0) = 20/60 → β0 = ln(1/2) = −0.693; P(event | x=1) = 30/40 → β1 = ln 3 − ln(1/2) = 1.792.
  const d = (b0: string, b1: string) =>
    doc({
      models: [
        {
          id: 'm', location: loc, kind: 'logistic', measureLabel: 'OR', eventGroup: 'a', nonEventGroup: 'b',
          terms: [{ location: loc, label: 'x', beta: b1, covariate: { kind: 'binary-counts', counts: { a: 30, b: 10 } } }],
          intercept: { location: loc, label: 'Constant', beta: b0 },
        },
      ],
    }, 50, 50);
  it('the maximum-likelihood fit reproduces the event rate', () => {
    const c = calibrationOf(indexPaper(d('-0.693', '1.792')), d('-0.693', '1.792').models![0])!;
    expect(c.observed).toBe(0.5);
    expect(c.meanPredicted).toBeCloseTo(0.5, 3);
    expect(run(calibration, d('-0.693', '1.792')).findings).toEqual([]);
  });
  it('an event rate outside every possible prediction is an error', () => {
    const r = run(calibration, d('-5.000', '1.792'));
    expect(sev(r.findings)).toEqual(['error']);
  });
  it('an intercept that fits only with the factor coded 1/2 → warning saying so', () => {
    // the same fit with x coded 1/2: intercept −0.693 − 1.792 = −2.485
    const r = run(calibration, d('-2.485', '1.792'));
    expect(sev(r.findings)).toEqual(['warning']);
    expect(r.findings[0].message).toContain('coded 1/2');
  });
  it('a mean prediction far from the event rate is a warning', () => {
    // expit(1) = 0.731 in 40 patients, expit(−2) = 0.119 in 60: mean 0.364 vs 0.5
    expect(sev(run(calibration, d('-2.000', '3.000')).findings)).toEqual(['warning']);
  });
  it('numerics: E[expit(a + σZ)] and covariate distributions', () => {
    expect(meanExpitNormal(0, 2)).toBeCloseTo(0.5, 12);
    expect(meanExpitNormal(1, 0)).toBeCloseTo(1 / (1 + Math.exp(-1)), 15);
    // E[expit(σZ + a)] < expit(a) for a > 0 (expit concave there)
    expect(meanExpitNormal(1, 1)).toBeLessThan(1 / (1 + Math.exp(-1)));
    expect(meanPredicted(0, [1], [{ kind: 'binary', p: 0.5 }])).toBeCloseTo(0.5 * 0.5 + 0.5 / (1 + Math.exp(-1)), 12);
    const p = indexPaper(doc({
      continuous: [{ location: loc, variable: 'alb', groups: ['a', 'b'], summaries: { a: { mean: '35.0', sd: '5.0' }, b: { mean: '40.0', sd: '5.0' } } }],
      roc: [{ location: loc, marker: 'SII', positive: 'a', negative: 'b', auc: '0.8', sensitivity: '0.768', specificity: '0.675' }],
    }));
    expect(covariateIn(p, { kind: 'threshold', variable: 'alb', side: 'below', threshold: 35 }, 'a')).toEqual({ kind: 'binary', p: 0.5 });
    expect(covariateIn(p, { kind: 'roc-cutoff', marker: 'SII' }, 'a')).toEqual({ kind: 'binary', p: 0.768 });
    expect((covariateIn(p, { kind: 'roc-cutoff', marker: 'SII' }, 'b') as { p: number }).p).toBeCloseTo(0.325, 12);
  });
});

describe('effect-measure', () => {
  it('names', () => {
    expect(measureKind('Relative risk (95% CI)')).toBe('risk');
    expect(measureKind('OR')).toBe('odds');
    expect(measureKind('HR(95% CI)')).toBe('hazard');
    expect(measureKind('Exp(B)')).toBe('generic');
  });
  it('logistic: OR passes, relative risk is a warning; Cox: HR passes, OR a warning, relative risk a note', () => {
    const d = (kind: Model['kind'], measureLabel: string) => doc(model([{ ratio: '2.0' }], { kind, measureLabel, eventGroup: 'a', nonEventGroup: 'b' }));
    expect(run(effectMeasure, d('logistic', 'OR')).findings).toEqual([]);
    expect(sev(run(effectMeasure, d('logistic', 'Relative risk')).findings)).toEqual(['warning']);
    expect(run(effectMeasure, d('cox', 'HR')).findings).toEqual([]);
    expect(sev(run(effectMeasure, d('cox', 'OR')).findings)).toEqual(['warning']);
    expect(sev(run(effectMeasure, d('cox', 'relative risk')).findings)).toEqual(['info']);
    expect(run(effectMeasure, d('logistic', 'Exp(B)')).findings).toEqual([]);
  });
});

describe('se-bound', () => {
  it('Cox: SE ≥ 2/√events for a 0/1 covariate (100 events: 0.200)', () => {
    const d = (se: string) => doc(model([{ se, binary: true }], { eventGroup: 'a' }), 100, 50);
    expect(run(seBound, d('0.200')).findings).toEqual([]);
    expect(sev(run(seBound, d('0.19')).findings)).toEqual(['error']);
    expect(sev(run(seBound, d('0.150')).findings)).toEqual(['error']);
    // not marked 0/1 → not evaluated
    expect(run(seBound, doc(model([{ se: '0.010' }], { eventGroup: 'a' }))).evaluated).toBe(0);
  });
  it('logistic: SE ≥ 2√(1/n₁ + 1/n₀) (35 and 237 patients: 0.362), else 4/√N', () => {
    const d = (se: string, counts = true) =>
      doc({ models: [{ id: 'm', location: loc, kind: 'logistic', eventGroup: 'a', nonEventGroup: 'b', terms: [{ location: loc, label: 'x', se, ...(counts ? { covariate: { kind: 'binary-counts', counts: { a: 22, b: 13 } } } : { binary: true }) }] }] }, 112, 160);
    expect(run(seBound, d('0.393')).findings).toEqual([]);
    expect(sev(run(seBound, d('0.300')).findings)).toEqual(['error']);
    expect(run(seBound, d('0.243', false)).findings).toEqual([]);
    expect(sev(run(seBound, d('0.200', false)).findings)).toEqual(['error']);
  });
});

describe('effect-direction', () => {
  it('the sign of β (or the ratio against 1) against the direction the text claims', () => {
    const d = (t: Partial<ModelTerm>) => doc(model([t]));
    expect(run(effectDirection, d({ beta: '0.282', claimedDirection: 'higher-risk' })).findings).toEqual([]);
    expect(sev(run(effectDirection, d({ beta: '0.282', claimedDirection: 'lower-risk' })).findings)).toEqual(['warning']);
    expect(sev(run(effectDirection, d({ ratio: '0.684', claimedDirection: 'higher-risk' })).findings)).toEqual(['warning']);
    expect(run(effectDirection, d({ ratio: '1.000', claimedDirection: 'lower-risk' })).evaluated).toBe(0);
    expect(effectSign('0.000', undefined)).toBe(0);
    expect(effectSign('-0.001', undefined)).toBe(-1);
  });
});
