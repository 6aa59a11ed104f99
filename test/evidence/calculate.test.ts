import { describe, expect, it } from 'vitest';
import { calculate } from '../../src/evidence/calculate.js';
import { publishedModelCheck } from '../../src/evidence/publishedModelCheck.js';
import { treatmentTags } from '../../src/evidence/treatmentTags.js';
import { study, registry } from '../../src/evidence/registry.js';
import type { StudyRecord } from '../../src/evidence/types.js';

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

describe('publishedModelCheck', () => {
  it('yu2023 Table 4: intercept and all coefficients printed, but inconsistent with 112/272 events', () => {
    const c = publishedModelCheck(study('yu2023'));
    expect(c).toMatchObject({ kind: 'logistic', interceptOrBaselineGiven: true, allCoefficientsGiven: true, usable: false });
    expect(c.predictedRange![0]).toBeCloseTo(logistic(-5.31), 14);
    expect(c.predictedRange![0]).toBeCloseTo(0.0049176, 7);
    expect(c.predictedRange![1]).toBeCloseTo(logistic(-5.31 + 0.829 + 0.935 + 0.365 + 1.152), 14);
    expect(c.predictedRange![1]).toBeCloseTo(0.1161916, 7);
    expect(c.observedRate).toBeCloseTo(112 / 272, 14);
    // Coded 1/2 the range would contain 41 %: said, but still no probability.
    const sum = 0.829 + 0.935 + 0.365 + 1.152;
    expect(c.coded12Range![0]).toBeCloseTo(logistic(-5.31 + sum), 14);
    expect(c.coded12Range![1]).toBeCloseTo(logistic(-5.31 + 2 * sum), 14);
    expect(c.reason).toContain('With the yes/no factors coded 1/2 instead of 0/1 the range would be 11.6 % to 77.8 % and could fit');
  });
  it('Cox models without baseline survival and models with ratios only are not usable', () => {
    expect(publishedModelCheck(study('deng2025'))).toMatchObject({ kind: 'cox', usable: false });
    expect(publishedModelCheck(study('hong2021'))).toMatchObject({ kind: 'cox', allCoefficientsGiven: false, usable: false });
  });
  it('a consistent printed logistic model passes (the check can succeed)', () => {
    const y = study('yu2023');
    // With intercept −1.5 the range is 18 % to 77 %, which contains 41 %.
    const ok: StudyRecord = { ...y, model: { ...y.model!, intercept: -1.5 } };
    const c = publishedModelCheck(ok);
    expect(c.usable).toBe(true);
    expect(c.reason).toContain('can average the observed rate 41.2 %');
    const r = calculate({ raw: { neutrophils: 4, lymphocytes: 2, platelets: 200 }, studies: [ok] });
    expect(r.model.note).toContain('yu2023: the model also needs number of lesions ≥ 2, vascular invasion, albumin < 35 g/L, SII > 405.08');
    expect(r.model.probability).toBeNull();
  });
  it('a model with a missing intercept is refused with its reason', () => {
    const y = study('yu2023');
    const c = publishedModelCheck({ ...y, model: { ...y.model!, intercept: null, interceptOrBaselineGiven: false } });
    expect(c.reason).toBe("yu2023: the paper does not print the model's intercept; only categories are shown.");
  });
});

describe('treatmentTags', () => {
  it('the @examples and more', () => {
    expect(treatmentTags('DEB-TACE')).toEqual(['TACE']);
    expect(treatmentTags('TACE + radiofrequency ablation')).toEqual(['TACE', 'RFA']);
    expect(treatmentTags('atezolizumab-bevacizumab')).toEqual(['atezolizumab', 'bevacizumab']);
    expect(treatmentTags('Transarterial chemoembolisation')).toEqual(['TACE']);
    expect(treatmentTags('sorafenib then regorafenib')).toEqual(['regorafenib', 'sorafenib']);
    expect(treatmentTags('herbal tea')).toEqual([]);
  });
});

describe('calculate (engine)', () => {
  it('the @example', () => {
    const r = calculate({ raw: { neutrophils: 4.2, lymphocytes: 1.5, platelets: 180 }, treatment: 'TACE' });
    expect(r.indices.sii).toBe(504);
    expect(r.evidence.find((e) => e.study === 'yu2023')?.category).toBe('high');
  });
  it('one entry per cut-off of every study, plus the SII+AFP four groups', () => {
    const r = calculate({ raw: { neutrophils: 4.2, lymphocytes: 1.5, platelets: 180, afp: 10 } });
    const expected = registry().reduce((k, s) => k + s.cutoffs.length + (s.combined ? 1 : 0), 0);
    expect(r.evidence).toHaveLength(expected);
    expect(r.evidence.map((e) => `${e.study}:${e.marker}`)).toEqual([
      'deng2025:SII', 'deng2025:AFP', 'yu2023:SII', 'hong2021:SII', 'hong2021:NLR', 'hong2021:PLR', 'hong2021:AFP', 'hong2021:SII+AFP',
    ]);
    expect(r.evidence.every((e) => e.category !== null && e.finding !== null)).toBe(true);
  });
  it('the finding is the study\'s text for the patient\'s category', () => {
    const hi = calculate({ raw: { neutrophils: 4.2, lymphocytes: 1.5, platelets: 180 } });
    const lo = calculate({ raw: { neutrophils: 2, lymphocytes: 2, platelets: 150 } });
    const y = study('yu2023').cutoffs[0];
    expect(hi.evidence.find((e) => e.study === 'yu2023')!.finding).toBe(y.findings.high);
    expect(lo.evidence.find((e) => e.study === 'yu2023')!.finding).toBe(y.findings.low);
  });
});

describe('agreement with the paper audit (src/audit, calibration check)', () => {
  it('a published logistic model is refused exactly when the audit has a calibration error or warning', async () => {
    const { auditPaper } = await import('../../src/audit/auditPaper.js');
    const { builtinPaper } = await import('../../src/audit/loadPaper.js');
    let compared = 0;
    for (const s of registry()) {
      if (s.model?.kind !== 'logistic') continue;
      compared++;
      const audit = auditPaper(builtinPaper(s.id as 'deng2025' | 'yu2023' | 'hong2021'));
      const calibrationProblem = audit.findings.some((f) => f.check === 'calibration' && (f.severity === 'error' || f.severity === 'warning'));
      expect(publishedModelCheck(s).usable).toBe(!calibrationProblem);
    }
    expect(compared).toBe(1); // yu2023
  });
});
