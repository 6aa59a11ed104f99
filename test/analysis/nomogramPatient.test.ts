/**
 * One patient scored on the bundle's nomogram (src/analysis/nomogramPatient.ts), on the bundle of
 * examples/hong2021 as the pipeline writes it (run here, JSON round-tripped as the server sends it):
 * the points per predictor equal the report's nomogram table at every axis value, and the predicted
 * survival equals the Cox model's own prediction for the patient (survfit(coxph, newdata) logic,
 * src/stats/survival/cox/predictSurvival.ts, refitted here from the same data) — including a raw
 * value outside the axis, a cut-off split, a log₁₀ transform and a per-100 scale.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { analyzeStudy } from '../../src/analysis/analyzeStudy.js';
import { loadStudy } from '../../src/cohort/loadStudy.js';
import { fromCohortDataset } from '../../src/analysis/fromCohortDataset.js';
import { runAnalyses } from '../../src/analysis/runAnalyses.js';
import { toPlain, type Plain } from '../../src/analysis/plain.js';
import type { NomogramAnalysisResult } from '../../src/analysis/nomogramAnalysis.js';
import type { AnalysisDataset } from '../../src/analysis/dataset.js';
import { buildReport } from '../../src/report/build/buildReport.js';
import { coxph } from '../../src/stats/survival/cox/coxph.js';
import { coxPredictor, predictAt } from '../../src/stats/survival/cox/predictSurvival.js';
import type { CoxCovariateInput } from '../../src/stats/survival/cox/types.js';
import { termRow } from '../../src/stats/design/termRow.js';
import { nomogramFields, nomogramPatient } from '../../src/analysis/nomogramPatient.js';

const spec = join(process.cwd(), 'examples', 'hong2021', 'study.yaml');
type Nomo = Plain<NomogramAnalysisResult>;
let nomo: Nomo;
let report: ReturnType<typeof buildReport>;
let ds: AnalysisDataset;
let cutoffs: Record<string, any>;

beforeAll(async () => {
  const { bundle } = await analyzeStudy(spec);
  const plain = JSON.parse(JSON.stringify(bundle));
  nomo = plain.analyses.find((a: { kind: string }) => a.kind === 'nomogram');
  report = buildReport(plain);
  const load = await loadStudy(spec);
  ds = fromCohortDataset(load.dataset, load.labels);
  cutoffs = load.spec.cutoffs ?? {};
}, 120000);

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

/** The Cox model's predicted survival for one patient, refitted from the dataset: covariates built here, not by the pipeline. */
function coxSurvival(covs: { name: string; build: () => CoxCovariateInput; value: number | string }[], horizons: number[]) {
  const ep = ds.endpoints.get('os') as any;
  const covariates = covs.map((c) => c.build());
  const input = { time: ep.time, event: ep.event, covariates };
  const fit = coxph({ ...input, skipZph: true });
  const row = termRow(fit.terms, fit.splines, (name) => covs.find((c) => c.name === name)!.value);
  if (!('values' in row)) throw new Error('bad row');
  return predictAt(coxPredictor(input, fit), row.values, horizons).map((p) => p.surv);
}
const numeric = (name: string, f: (x: number) => number) => (): CoxCovariateInput => ({ name, kind: 'numeric', values: (ds.columns.get(name.split(':')[0]) as any).values.map((x: number) => (Number.isFinite(x) ? f(x) : NaN)) });
const categorical = (name: string) => (): CoxCovariateInput => ({ name, kind: 'categorical', values: (ds.columns.get(name) as any).values });

describe('nomogram of hong2021 (SII continuous, AFP split at 400, BCLC stage)', () => {
  it('asks for SII and AFP as numbers, BCLC as its levels', () => {
    const f = nomogramFields(nomo);
    expect(f.map((x) => [x.label, x.input])).toEqual([['SII', 'number'], ['AFP', 'number'], ['BCLC stage', 'choice']]);
    expect(f[1].hint).toMatch(/AFP ≥ 400 or AFP < 400/);
    expect(f[2].choices.map((c) => c.value)).toEqual(nomo.nomogram.predictors[2].values.map(String));
  });

  it('points at every axis value equal the report\'s nomogram table', () => {
    const table = report.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'table' && b.table.id === `table-${nomo.id}`) as any;
    const rows: string[][] = table.table.rows.map((r: any) => r.cells);
    const preds = nomo.nomogram.predictors;
    const base: Record<string, string> = { [preds[0].covariate]: String(preds[0].values[0]), [preds[1].covariate]: '10', [preds[2].covariate]: String(preds[2].values[0]) };
    let checked = 0;
    preds.forEach((p, k) => {
      p.values.forEach((v, i) => {
        // a split is entered as a raw value on the side: the cut-off itself (≥ 400 is high) or below it
        const raw = k === 1 ? (v === 1 ? '400' : '399.9') : String(v);
        const r = nomogramPatient(nomo, { ...base, [p.covariate]: raw }).result!;
        const label = nomo.valueLabels[k][i];
        const start = rows.findIndex((c) => c[0] === p.label);
        const cell = rows.slice(start + 1).find((c) => c[0] === label)!;
        expect(r.points[k].points.toFixed(1)).toBe(cell[1]);
        expect(rel(r.points[k].points + 1, (p.points[i] as number) + 1)).toBeLessThan(1e-9);
        checked++;
      });
    });
    expect(checked).toBeGreaterThan(8);
  });

  it('predicted survival = the Cox model\'s prediction for the patient, inside and outside the axis', () => {
    const preds = nomo.nomogram.predictors;
    const levels = preds[2].values.map(String);
    for (const [sii, afp, bclc] of [[120, 50, levels[0]], [504, 500, levels[levels.length - 1]], [5000, 400, levels[1]]] as const) {
      const r = nomogramPatient(nomo, { [preds[0].covariate]: String(sii), [preds[1].covariate]: String(afp), [preds[2].covariate]: bclc }).result!;
      const want = coxSurvival(
        [
          { name: 'SII', build: numeric('SII', (x) => x), value: sii },
          { name: 'afp', build: numeric('afp', (x) => (x >= cutoffs.afp.value ? 1 : 0)), value: afp >= cutoffs.afp.value ? 1 : 0 },
          { name: 'BCLC', build: categorical('BCLC'), value: bclc },
        ],
        [...nomo.horizons],
      );
      expect(r.survival.map((s) => s.horizon)).toEqual([6, 12, 24]);
      r.survival.forEach((s, h) => expect(rel(s.surv, want[h])).toBeLessThan(1e-9));
      expect(r.total).toBeCloseTo(r.points.reduce((s, p) => s + p.points, 0), 12);
      if (sii === 5000) expect(r.notes.join(' ')).toMatch(/outside the nomogram's axis/);
      else expect(r.notes).toEqual([]);
    }
  });

  it('names what is missing or wrong instead of scoring', () => {
    const [s, a, b] = nomogramFields(nomo).map((f) => f.key);
    const level = String(nomo.nomogram.predictors[2].values[0]);
    expect(nomogramPatient(nomo, { [s]: '', [a]: '500', [b]: level }).errors).toEqual(['SII: enter a value.']);
    expect(nomogramPatient(nomo, { [s]: '5o4', [a]: '500', [b]: 'Z' }).errors).toEqual([`SII: '5o4' is not a number.`, expect.stringMatching(/BCLC stage: 'Z' is not one of the model's values/)]);
  });

  it('a bundle without entries (older siilab) is scored on the axis scale, the split as its two sides', () => {
    const old = { ...nomo, entries: undefined } as unknown as Nomo;
    const f = nomogramFields(old);
    expect(f.map((x) => x.input)).toEqual(['number', 'choice', 'choice']);
    const r = nomogramPatient(old, { [f[0].key]: '504', [f[1].key]: '1', [f[2].key]: String(nomo.nomogram.predictors[2].values[1]) }).result!;
    const now = nomogramPatient(nomo, { [f[0].key]: '504', [f[1].key]: '500', [f[2].key]: String(nomo.nomogram.predictors[2].values[1]) }).result!;
    expect(rel(r.survival[1].surv, now.survival[1].surv)).toBeLessThan(1e-12);
  });
});

describe('transformed and scaled predictors', () => {
  it('log₁₀ AFP and SII per 100: the raw values are transformed as the model did; survival = the Cox prediction', () => {
    const res = runAnalyses(ds, { nomogram: [{ endpoint: 'os', predictors: [{ variable: 'afp', transform: 'log10' }, { variable: 'SII', continuous: true, per: 100 }], horizons: [12] }] }, cutoffs);
    const n = toPlain(res.analyses.find((a) => a.kind === 'nomogram')!) as unknown as Nomo;
    const f = nomogramFields(n);
    expect(f.map((x) => x.label)).toEqual(['afp', 'SII']);
    expect(f[0].hint).toMatch(/log₁₀/);
    expect(f[1].hint).toMatch(/per 100/);
    const r = nomogramPatient(n, { [f[0].key]: '500', [f[1].key]: '504' }).result!;
    const want = coxSurvival(
      [
        { name: 'afp', build: numeric('afp', Math.log10), value: Math.log10(500) },
        { name: 'SII', build: numeric('SII', (x) => x / 100), value: 5.04 },
      ],
      [12],
    );
    expect(rel(r.survival[0].surv, want[0])).toBeLessThan(1e-9);
    expect(nomogramPatient(n, { [f[0].key]: '0', [f[1].key]: '504' }).errors[0]).toMatch(/cannot be transformed by log₁₀/);
  });
});
