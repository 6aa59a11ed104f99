/** The study pipeline end to end: R's lung data (numbers equal R), the three example studies (byte-identical bundles), the real Chowell cohort. */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyzeStudy } from '../../src/analysis/analyzeStudy.js';
import { toJson } from '../../src/cli/output.js';
import { REAL, hasReal } from '../helpers/shared.js';
import { tongjiStudy } from '../helpers/tongji.js';
import { buildReport } from '../../src/report/build/buildReport.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const ref = JSON.parse(readFileSync('test/reference/survival/cox_reference.json', 'utf8'));

describe('analyzeStudy', () => {
  it('on survival::lung gives R coxph numbers through the whole pipeline', async () => {
    const { bundle } = await analyzeStudy('test/analysis/fixtures/lung.yaml');
    const r = ref.results.find((x: any) => x.id === 'lung_efron');
    const cox = bundle.analyses.find((a) => a.kind === 'cox');
    if (cox?.kind !== 'cox' || !cox.multivariable) throw new Error('no multivariable Cox');
    const m = cox.multivariable.result;
    expect(m.n).toBe(r.n);
    expect(m.events).toBe(r.events);
    m.coefficients.forEach((c, k) => {
      expect(rel(c.coef, r.coef[k])).toBeLessThan(1e-6);
      expect(rel(c.se, r.se[k])).toBeLessThan(1e-6);
      expect(rel(c.p, r.p[k])).toBeLessThan(1e-6);
    });
    expect(bundle.flow.screened).toBe(228);
  });

  for (const paper of ['deng2025', 'yu2023', 'hong2021']) {
    it(`${paper}: runs every declared analysis, accounts for every patient, and is byte-identical on a rerun`, async () => {
      const a = await analyzeStudy(`examples/${paper}/study.yaml`);
      const b = await analyzeStudy(`examples/${paper}/study.yaml`);
      expect(toJson(a.bundle)).toBe(toJson(b.bundle));
      const spec = a.bundle.spec as any;
      const declared = Object.entries(spec.analyses).reduce((s, [k, v]) => s + (k === 'survivalAt' ? 0 : Array.isArray(v) ? v.length : 1), 0);
      expect(a.bundle.analyses.length).toBe(declared);
      expect(a.bundle.flow.analysed + a.bundle.flow.excluded.length).toBe(a.bundle.flow.screened);
      const doc = buildReport(a.bundle);
      expect(doc.sections.map((s) => s.id)).toEqual(expect.arrayContaining(['summary', 'methods', 'flow']));
    }, 60000);
  }

  it('accounts for excluded patients by reason with their rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-excl-'));
    writeFileSync(join(dir, 'd.csv'), 'id,neut,lymph,plt,time,dead\nA,4,1.5,200,10,1\nB,4,0,200,12,0\nC,4,1.2,,8,1\nA,4,1.5,200,10,1\nD,5,1.1,180,3,1\nE,3,2,150,20,0\n');
    writeFileSync(join(dir, 'study.yaml'), `version: 1
sources: [{ file: d.csv }]
variables:
  patientId: id
  neutrophils: { column: neut, unit: 10^9/L }
  lymphocytes: { column: lymph, unit: 10^9/L }
  platelets: { column: plt, unit: 10^9/L }
  followUpTime: { column: time, unit: months }
  death: dead
derived: [{ name: SII, index: SII }]
endpoints:
  os: { type: survival, events: [death], time: followUpTime }
analyses:
  km: [{ endpoint: os, by: [] }]
`);
    const { bundle } = await analyzeStudy(join(dir, 'study.yaml'));
    expect(bundle.flow.screened).toBeGreaterThanOrEqual(5);
    const reasons = bundle.flow.excluded.map((e) => e.reason).sort();
    expect(reasons).toEqual(expect.arrayContaining(['zero-lymphocytes']));
    for (const e of bundle.flow.excluded) expect(e.rows.length).toBeGreaterThan(0);
  });

  it.skipIf(!hasReal)('on the real Chowell hepatobiliary cohort: SII = platelets × NLR, KM by median SII, Cox, maxstat', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-chowell-'));
    writeFileSync(join(dir, 'study.yaml'), `version: 1
sources: [{ file: ${JSON.stringify(resolve(REAL, 'chowell2021_ici_pancancer.csv'))} }]
variables:
  patientId: SAMPLE_ID
  platelets: Platelets
  nlr: NLR
  albumin: { column: Albumin, unit: g/dL }
  age: Age
  followUpTime: { column: OS_Months, unit: months }
  death: OS_Event
covariates:
  cancerGroup: { column: Cancer_type_grouped_2, type: category }
population:
  include: [{ variable: cancerGroup, in: [Hepatobiliary], label: not hepatobiliary }]
derived: [{ name: SII, index: SII }]
endpoints:
  os: { type: survival, events: [death], time: followUpTime }
cutoffs:
  SII: { method: median }
analyses:
  cox: [{ endpoint: os, candidates: [SII, age, albumin] }]
  km: [{ endpoint: os, by: [SII] }]
  maxstat: [{ endpoint: os, markers: [SII] }]
`);
    const { bundle } = await analyzeStudy(join(dir, 'study.yaml'));
    expect(bundle.flow.screened).toBe(1479);
    expect(bundle.flow.analysed).toBe(52);
    const km = bundle.analyses.find((a) => a.kind === 'km');
    if (km?.kind !== 'km') throw new Error('km expected');
    expect(km.km.groups.reduce((s, g) => s + g.n, 0)).toBe(52);
    expect(km.logrank!.p).toBeGreaterThan(0);
    const ms = bundle.analyses.find((a) => a.kind === 'maxstat');
    if (ms?.kind !== 'maxstat') throw new Error('maxstat expected');
    expect(ms.markers[0].result.p).toBeGreaterThanOrEqual(ms.markers[0].result.naiveLogRank.p);
  }, 60000);
});

describe('analyzeStudy on the real Tongji long-format export', () => {
  it.skipIf(!hasReal)('SII from each draw, per-patient baseline (first draw), death: KM by median SII, Cox with SII as time-varying', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-tongji-'));
    writeFileSync(join(dir, 'study.yaml'), tongjiStudy(`cutoffs:
  SII_first: { method: median }
analyses:
  km: [{ endpoint: death, by: [SII_first] }]
  cox:
    - { endpoint: death, candidates: [SII_first], timeVarying: [SII] }
    - { endpoint: death, candidates: [SII_first], timeVarying: [SII], timeVaryingPer: { SII: 100 } }
`));
    const { bundle } = await analyzeStudy(join(dir, 'study.yaml'));
    expect(bundle.flow.screened).toBe(375);
    expect(bundle.flow.analysed + bundle.flow.excluded.length).toBe(375);
    const km = bundle.analyses.find((a) => a.kind === 'km');
    if (km?.kind !== 'km') throw new Error('km expected');
    expect(km.km.groups.length).toBe(2);
    expect(km.logrank!.p).toBeLessThan(0.05); // high SII at admission: more deaths
    const cox = bundle.analyses.find((a) => a.kind === 'cox');
    if (cox?.kind !== 'cox') throw new Error('cox expected');
    expect(cox.timeVarying).not.toBeNull();
    expect(cox.timeVarying!.result.coefficients[0].hr).toBeGreaterThan(1);
    const per100 = bundle.analyses.filter((a) => a.kind === 'cox')[1];
    if (per100?.kind !== 'cox' || !per100.timeVarying) throw new Error('second cox expected');
    const [b1, b100] = [cox.timeVarying!.result.coefficients[0], per100.timeVarying.result.coefficients[0]];
    expect(b100.term).toMatch(/per 100\), time-varying$/);
    expect(b100.coef / b1.coef).toBeCloseTo(100, 6); // the same model, β per 100 units
    expect(b100.z).toBeCloseTo(b1.z, 6);
  }, 120000);
});
