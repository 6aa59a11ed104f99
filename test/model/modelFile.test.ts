import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadModelFile, parseModelFile, predict, parseTransform } from '../../src/model/modelFile.js';

const FIX = join(__dirname, 'fixtures');

describe('model file: the @example', () => {
  it('logistic with an indicator term', () => {
    const m = parseModelFile({ kind: 'logistic', siilabVersion: '0.1.0', createdFrom: { file: 'c.csv', sha256: 'a'.repeat(64), n: 100, events: 40 },
      outcome: { description: 'recurrence' }, terms: [{ term: 'SII > 400', variable: 'sii', coef: Math.log(3), transform: '>400' }], intercept: Math.log(0.25) }, 'm.json');
    expect(predict(m, { sii: 500 }, 'm.json').probability).toBeCloseTo(0.75 / 1.75, 15);
    expect(predict(m, { sii: 400 }, 'm.json').probability).toBeCloseTo(0.2, 15);
  });
});

describe('hand-made logistic model file', () => {
  const m = loadModelFile(join(FIX, 'logistic.json'));
  it('loads with provenance', () => {
    expect(m.kind).toBe('logistic');
    expect(m.createdFrom).toMatchObject({ file: 'my_cohort.csv', n: 200, events: 80 });
  });
  it('predicts by hand: −9.5 + 1.5·ln(500) + 0.7', () => {
    const lp = -9.5 + 1.5 * Math.log(500) + 0.7;
    const p = predict(m, { sii: 500, afp: 450 });
    expect(p.linearPredictor).toBeCloseTo(lp, 12);
    expect(p.probability).toBeCloseTo(1 / (1 + Math.exp(-lp)), 14);
    expect(p.terms.map((t) => t.value)).toEqual([Math.log(500), 1]);
    const q = predict(m, { sii: 500, afp: 399.9 });
    expect(q.linearPredictor).toBeCloseTo(lp - 0.7, 12);
  });
  it('extreme linear predictors stay finite and in [0, 1]', () => {
    const big = parseModelFile({ ...m, intercept: 800 }, 'x');
    expect(predict(big, { sii: 500, afp: 1 }).probability).toBe(1);
    const small = parseModelFile({ ...m, intercept: -800 }, 'x');
    expect(predict(small, { sii: 500, afp: 1 }).probability).toBe(0);
  });
  it('refuses a missing input, and log of zero', () => {
    expect(() => predict(m, { sii: 500 }, 'logistic.json')).toThrow("logistic.json: term 'AFP ≥ 400 ng/mL' needs 'afp', which was not given; give it (e.g. --afp) to use this model.");
    expect(() => predict(m, { sii: 0, afp: 1 }, 'logistic.json')).toThrow("term 'log(SII)' takes log(sii), but sii = 0 is not above zero.");
  });
});

describe('hand-made Cox model file', () => {
  const m = loadModelFile(join(FIX, 'cox.json'));
  it('S(t|x) = S0(t)^exp(Σ coef·(x − center))', () => {
    const lp = 0.8 * (1 - 0.5) + -0.05 * (30 - 38);
    const p = predict(m, { sii: 500, albumin: 30 });
    expect(p.linearPredictor).toBeCloseTo(lp, 14);
    expect(p.probability).toBeNull();
    expect(p.survival![0].time).toBe(6);
    expect(p.survival![0].survival).toBeCloseTo(Math.pow(0.8, Math.exp(lp)), 14);
    expect(p.survival![1].risk).toBeCloseTo(1 - Math.pow(0.6, Math.exp(lp)), 14);
  });
  it('a patient at the centre has the baseline survival', () => {
    const centred = parseModelFile({ ...m, terms: [{ term: 'albumin', variable: 'albumin', coef: -0.05, center: 38 }] }, 'x');
    expect(predict(centred, { albumin: 38 }).survival!.map((s) => s.survival)).toEqual([0.8, 0.6]);
  });
});

describe('validating loader: clear messages naming the field', () => {
  const base = () => JSON.parse(JSON.stringify(loadModelFile(join(FIX, 'logistic.json'))));
  const cox = () => JSON.parse(JSON.stringify(loadModelFile(join(FIX, 'cox.json'))));
  const cases: [string, () => unknown, string][] = [
    ['kind', () => ({ ...base(), kind: 'probit' }), "field 'kind' must be 'logistic' or 'cox'."],
    ['version', () => ({ ...base(), siilabVersion: 1 }), "field 'siilabVersion' must be non-empty text."],
    ['sha', () => { const j = base(); j.createdFrom.sha256 = 'abc'; return j; }, "field 'createdFrom.sha256' must be the 64 hexadecimal digits"],
    ['events > n', () => { const j = base(); j.createdFrom.events = 300; return j; }, "field 'createdFrom.events' (300) cannot exceed createdFrom.n (200)."],
    ['no terms', () => ({ ...base(), terms: [] }), "field 'terms' must be a non-empty list."],
    ['coef', () => { const j = base(); j.terms[1].coef = 'big'; return j; }, "field 'terms[1].coef' must be a finite number."],
    ['transform', () => { const j = base(); j.terms[0].transform = 'logg'; return j; }, "field 'terms[0].transform' 'logg' is not one of identity, log"],
    ['repeated term', () => { const j = base(); j.terms[1].term = 'log(SII)'; return j; }, "field 'terms[1].term' repeats 'log(SII)'."],
    ['intercept', () => { const j = base(); delete j.intercept; return j; }, "field 'intercept' is required for a logistic model."],
    ['outcome', () => { const j = base(); delete j.outcome; return j; }, "field 'outcome' must be an object."],
    ['cox center', () => { const j = cox(); delete j.terms[0].center; return j; }, "field 'terms[0].center' must be a finite number."],
    ['cox baseline', () => { const j = cox(); delete j.baselineSurvival; return j; }, "field 'baselineSurvival' is required for a Cox model"],
    ['cox surv', () => { const j = cox(); j.baselineSurvival[1].surv = 1.2; return j; }, "field 'baselineSurvival[1].surv' must be a survival probability in (0, 1]."],
    ['cox times', () => { const j = cox(); j.baselineSurvival[1].time = 6; return j; }, "field 'baselineSurvival[1].time' must be larger than the time before it"],
    ['cox time unit', () => { const j = cox(); j.timeUnit = 'fortnights'; return j; }, "field 'timeUnit' must be one of days, weeks, months, years"],
  ];
  for (const [name, make, msg] of cases) it(name, () => expect(() => parseModelFile(make(), 'm.json')).toThrow(`m.json: ${msg}`));
  it('unreadable files and bad JSON (exit 3)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-model-'));
    expect(() => loadModelFile(join(dir, 'none.json'), 'none.json')).toThrow('none.json: the model file cannot be read (no such file).');
    writeFileSync(join(dir, 'bad.json'), '{ "kind": ');
    expect(() => loadModelFile(join(dir, 'bad.json'), 'bad.json')).toThrow(/bad.json: the model file cannot be read \(not valid JSON/);
    try {
      loadModelFile(join(dir, 'none.json'));
    } catch (e) {
      expect((e as { exitCode: number }).exitCode).toBe(3);
    }
  });
  it('transforms', () => {
    expect(parseTransform(undefined)).toEqual({ kind: 'identity' });
    expect(parseTransform('>= 405.08')).toEqual({ kind: 'indicator', op: '>=', cut: 405.08 });
    expect(parseTransform('<35')).toEqual({ kind: 'indicator', op: '<', cut: 35 });
    expect(parseTransform('exp')).toBeNull();
  });
});
