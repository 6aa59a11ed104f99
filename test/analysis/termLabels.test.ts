/** Categorical model terms are named as journals print them, never R's "sex=1". */
import { describe, expect, it } from 'vitest';
import { journalTerm } from '../../src/analysis/termLabels.js';
import { logisticAnalysis } from '../../src/analysis/logisticAnalysis.js';
import type { AnalysisDataset } from '../../src/analysis/dataset.js';

describe('journal term names', () => {
  it('level vs reference', () => {
    expect(journalTerm({ term: 'ageGroup=>=60', covariate: 'Age group', level: '≥ 60', reference: '< 60' })).toBe('Age group: ≥ 60 vs < 60');
    expect(journalTerm({ term: 'ageGroup=>=60', covariate: 'Age', level: '>=60', reference: '<60' })).toBe('Age: ≥ 60 vs < 60');
    expect(journalTerm({ term: 'PIVKA=>=1000', covariate: 'PIVKA-II', level: '>= 1000', reference: '<=1000' })).toBe('PIVKA-II: ≥ 1000 vs ≤ 1000');
    expect(journalTerm({ term: 'BCLC=C', covariate: 'BCLC stage', level: 'C', reference: 'B' })).toBe('BCLC stage: C vs B');
    expect(journalTerm({ term: 'SII ≥ 340', covariate: 'SII ≥ 340', level: null, reference: null })).toBe('SII ≥ 340');
  });
  it('in a fitted model', () => {
    const sex = ['male', 'female', 'male', 'female', 'male', 'female', 'male', 'female', 'male', 'male'];
    const y = Float64Array.of(1, 0, 1, 0, 0, 1, 1, 0, 0, 1);
    const ds: AnalysisDataset = { n: 10, ids: sex.map((_, i) => String(i)), columns: new Map([['sex', { kind: 'categorical', values: sex, label: 'Sex' }]]), endpoints: new Map([['y', { kind: 'binary', values: y }]]) };
    const r = logisticAnalysis(ds, 'l', 'y', ['sex'], new Map());
    expect(r.univariable[0].model!.terms.map((t) => t.term)).toEqual(['(Intercept)', 'Sex: male vs female']);
  });
});
