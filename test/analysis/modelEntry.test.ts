/**
 * Candidates on a usable scale: per N units, log/log2/log10/sqrt and standardise give the exact
 * relations to the raw fit (β per 100 = 100·β; z and P unchanged; standardised β = SD·β), names that
 * say the scale and unit, continuous in Cox while split in Kaplan–Meier, and refusals.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { AnalysisDataset, DatasetColumn } from '../../src/analysis/dataset.js';
import { coxAnalysis } from '../../src/analysis/coxAnalysis.js';
import { logisticAnalysis } from '../../src/analysis/logisticAnalysis.js';
import { modelEntry } from '../../src/analysis/modelEntry.js';
import { resolveCutoff } from '../../src/analysis/cutoffs.js';
import { modelFileFrom } from '../../src/analysis/modelFileFrom.js';
import { parseModelFile, predict } from '../../src/model/modelFile.js';

const csv = readFileSync('test/reference/survival/cox_lung.csv', 'utf8').trim().split('\n');
const head = csv[0].split(',').map((h) => h.replace(/"/g, ''));
const rows = csv.slice(1).map((l) => l.split(',').map((v) => (v === 'NA' || v === '' ? NaN : Number(v))));
const col = (n: string) => Float64Array.from(rows, (r) => r[head.indexOf(n)]);

function lung(extra: Record<string, DatasetColumn> = {}): AnalysisDataset {
  const time = col('time'), status = col('status');
  return {
    n: rows.length,
    ids: rows.map((_, i) => String(i + 1)),
    columns: new Map<string, DatasetColumn>([
      ['age', { kind: 'numeric', values: col('age'), unit: 'years', label: 'Age' }],
      ['wtloss', { kind: 'numeric', values: col('wt.loss'), unit: 'kg', label: 'Weight loss' }],
      ['albumin', { kind: 'numeric', values: col('age').map((a) => a / 20), unit: 'g/L', convertedFrom: 'g/dL', label: 'Albumin' }],
      ['meal', { kind: 'numeric', values: col('meal.cal'), label: 'Meal calories' }],
      ...Object.entries(extra),
    ]),
    endpoints: new Map([
      ['os', { kind: 'survival' as const, time, event: status.map((s) => (s === 2 ? 1 : 0)), unit: 'days' }],
      ['dead', { kind: 'binary' as const, values: status.map((s) => (s === 2 ? 1 : 0)) }],
    ]),
  };
}
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const none = new Map();

describe('model candidates on a usable scale', () => {
  it('per 100 multiplies β and SE by 100 and leaves z and P unchanged (Cox and logistic)', () => {
    const ds = lung();
    const raw = coxAnalysis(ds, 'c', 'os', ['meal'], none).univariable[0].result!.coefficients[0];
    const per = coxAnalysis(ds, 'c', 'os', [{ variable: 'meal', per: 100 }], none).univariable[0].result!.coefficients[0];
    expect(per.term).toBe('Meal calories (per 100)');
    expect(rel(per.coef, 100 * raw.coef)).toBeLessThan(1e-9);
    expect(rel(per.se, 100 * raw.se)).toBeLessThan(1e-9);
    expect(rel(per.z, raw.z)).toBeLessThan(1e-9);
    expect(rel(per.p, raw.p)).toBeLessThan(1e-9);
    const lraw = logisticAnalysis(ds, 'l', 'dead', ['meal'], none).univariable[0].model!.terms[1];
    const lper = logisticAnalysis(ds, 'l', 'dead', [{ variable: 'meal', per: 100 }], none).univariable[0].model!.terms[1];
    expect(rel(lper.coef, 100 * lraw.coef)).toBeLessThan(1e-7);
    expect(rel(lper.p, lraw.p)).toBeLessThan(1e-7);
  });

  it('standardise: β per SD = SD × β per unit, named with the SD; log names the transform and unit', () => {
    const ds = lung();
    const age = Array.from(col('age'));
    const mean = age.reduce((s, x) => s + x, 0) / age.length;
    const sd = Math.sqrt(age.reduce((s, x) => s + (x - mean) ** 2, 0) / (age.length - 1));
    const raw = coxAnalysis(ds, 'c', 'os', ['age'], none).univariable[0].result!.coefficients[0];
    const z = coxAnalysis(ds, 'c', 'os', [{ variable: 'age', transform: 'standardise' }], none).univariable[0].result!.coefficients[0];
    expect(z.term).toBe(`Age, years (per SD = ${Number(sd.toPrecision(4))})`);
    expect(rel(z.coef, sd * raw.coef)).toBeLessThan(1e-9);
    const lg = modelEntry(ds, { variable: 'age', transform: 'log10' }, none, 'w');
    expect(lg.covariate.name).toBe('log₁₀ Age, years');
    expect(lg.covariate.kind === 'numeric' && lg.covariate.values[0]).toBeCloseTo(Math.log10(age[0]), 12);
  });

  it('the row says the unit the number is in and that siilab converted it', () => {
    expect(modelEntry(lung(), 'albumin', none, 'w').covariate.name).toBe('Albumin, g/L (converted from g/dL)');
  });

  it('a variable with a cut-off is split by name and continuous with continuous: true — no second definition', () => {
    const ds = lung();
    const cut = resolveCutoff(ds, 'age', { method: 'median' }, 'cutoffs.age');
    const cuts = new Map([['age', cut]]);
    const r = coxAnalysis(ds, 'c', 'os', ['age', { variable: 'age', continuous: true, per: 10, label: 'Age (per 10 years)' }], cuts);
    expect(r.univariable.map((u) => u.result!.coefficients[0].term)).toEqual(['Age ≥ 63', 'Age (per 10 years)']);
  });

  it('refuses log of values ≤ 0, naming the variable and the count', () => {
    const ds = lung({ z: { kind: 'numeric', values: Float64Array.from(rows, (_, i) => i - 2), label: 'Z' } });
    const r = coxAnalysis(ds, 'c', 'os', [{ variable: 'z', transform: 'log' }], none);
    expect(r.univariable[0].result).toBeNull();
    expect(r.univariable[0].error).toMatch(/log of 'z' needs positive values, but 3 patients have a value ≤ 0/);
  });

  it('without a declared rule only univariable models are fitted and the table says so', () => {
    const r = coxAnalysis(lung(), 'c', 'os', ['age', 'wtloss'], none);
    expect(r.multivariable).toBeNull();
    expect(r.multivariableRule).toBeNull();
    expect(r.warnings).toEqual([]);
  });

  it('the model file carries the scale, unit, population and "not externally validated", and calc applies the scale', () => {
    const ds = lung();
    const res = coxAnalysis(ds, 'c', 'os', [{ variable: 'meal', per: 100 }, 'age'], none, { rule: 'declared', variables: ['meal', 'age'] });
    const spec = { version: 1 as const, sources: [{ file: 'x.csv' }], variables: {}, endpoints: { os: { type: 'survival' as const, events: ['death'], unit: 'days' as const } } };
    const { model, reason } = modelFileFrom(spec, { cutoffs: [], analyses: [res], warnings: [] }, { file: 'x.csv', sha256: 'a'.repeat(64), rows: 228 });
    expect(reason).toBeNull();
    const m = parseModelFile(JSON.parse(JSON.stringify(model)), 'model.json');
    expect(m.terms[0]).toMatchObject({ term: 'Meal calories (per 100)', variable: 'meal', scale: 100 });
    expect(m.terms[1]).toMatchObject({ term: 'Age, years', unit: 'years' });
    expect(m.validation).toBe('not externally validated');
    expect(m.population).toBe(`${res.multivariable!.result.n} patients, ${res.multivariable!.result.events} events`);
    const b = res.multivariable!.result.coefficients;
    const p = predict(m, { meal: 1000, age: 60 });
    const lp = b[0].coef * (1000 / 100 - m.terms[0].center!) + b[1].coef * (60 - m.terms[1].center!);
    expect(p.linearPredictor).toBeCloseTo(lp, 10);
  });
});
