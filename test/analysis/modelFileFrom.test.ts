import { describe, expect, it } from 'vitest';
import { loadProfile } from '../../src/simulate/loadProfile.js';
import { simulateCohort } from '../../src/simulate/simulateCohort.js';
import { datasetFromTable } from '../../src/analysis/datasetFromTable.js';
import { runAnalyses } from '../../src/analysis/runAnalyses.js';
import { modelFileFrom } from '../../src/analysis/modelFileFrom.js';
import { parseModelFile, predict } from '../../src/model/modelFile.js';
import type { StudySpec } from '../../src/study/types.js';

describe('model file from a study', () => {
  it('writes the multivariable Cox model (SII split + continuous AFP) that calc can load and predict with', () => {
    const sim = simulateCohort(loadProfile('examples/deng2025/profile.yaml'));
    const ds = datasetFromTable(sim.wide.columns, sim.wide.rows, 'id', { os: { survival: { time: 'os_time', event: 'os_event', unit: 'months' } } });
    const spec = { version: 1, sources: [{ file: 'cohort.csv' }], variables: {}, derived: [{ name: 'sii', index: 'SII' }], endpoints: { os: { type: 'survival', events: ['death'] } } } as unknown as StudySpec;
    const results = runAnalyses(ds, { cox: [{ endpoint: 'os', candidates: ['sii', 'afp'], multivariable: { rule: 'declared', variables: ['sii', 'afp'] } }] }, { sii: { value: 375.56 } });
    const { model, reason } = modelFileFrom(spec, results, { file: 'cohort.csv', sha256: 'a'.repeat(64), rows: 186 });
    expect(reason).toBeNull();
    const m = parseModelFile(JSON.parse(JSON.stringify(model)), 'model.json');
    expect(m.terms.map((t) => [t.variable, t.transform ?? null])).toEqual([['sii', '>= 375.56'], ['afp', null]]);
    // Only horizons inside the follow-up (deng2025's deaths end before 36 months): 1 year.
    expect(m.baselineSurvival!.map((b) => b.time)).toEqual([12]);
    const cox = results.analyses[0];
    if (cox.kind !== 'cox' || !cox.multivariable) throw new Error('cox expected');
    const [b1, b2] = cox.multivariable.result.coefficients.map((c) => c.coef);
    // Prediction = baseline survival at the centre raised to exp((x − centre)·β).
    const p = predict(m, { sii: 500, afp: 300 });
    const lp = b1 * (1 - m.terms[0].center!) + b2 * (300 - m.terms[1].center!);
    expect(p.linearPredictor).toBeCloseTo(lp, 12);
    expect(p.survival![0].survival).toBeCloseTo(m.baselineSurvival![0].surv ** Math.exp(lp), 12);
  });
});
