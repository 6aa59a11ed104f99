// Issue #12 on a real cohort: the hepatobiliary patients of Chowell et al. 2021 (52 patients treated
// with immune checkpoint inhibitors; SII = platelets × NLR), every prognostic-model analysis from the
// study spec through the results bundle to the report. The time-dependent AUC is recomputed here
// from the raw CSV with the engine (independently of the pipeline's derivation and filtering), and
// every new analysis must have its tables and figures in the report. Skips without ../shared.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyzeStudy } from '../../src/analysis/analyzeStudy.js';
import { buildReport } from '../../src/report/build/buildReport.js';
import { readTable } from '../../src/io/readTable.js';
import { timeRoc } from '../../src/stats/timeroc/timeRoc.js';

const CHOWELL = resolve('..', 'shared', 'data', 'real', 'chowell2021_ici_pancancer.csv');
const have = existsSync(CHOWELL);

const SPEC = `version: 1
title: SII and survival on immunotherapy, hepatobiliary cancers (Chowell et al. 2021)
sources: [{ file: ${JSON.stringify(CHOWELL)} }]
variables:
  patientId: SAMPLE_ID
  platelets: Platelets
  nlr: NLR
  albumin: { column: Albumin, unit: g/dL }
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
  timeRoc: [{ endpoint: os, markers: [SII, nlr], times: [6, 12] }]
  splines: [{ endpoint: os, marker: SII, knots: 3 }]
  nomogram: [{ endpoint: os, predictors: [{ variable: SII, continuous: true }, albumin], horizons: [6, 12] }]
  calibration: [{ endpoint: os, predictors: [{ variable: SII, continuous: true }, albumin], horizon: 12, groups: 4 }]
  validation: [{ endpoint: os, predictors: [{ variable: SII, continuous: true }, albumin], horizon: 12, bootstrap: 200, seed: 2021 }]
  decisionCurve:
    - endpoint: os
      horizon: 12
      models:
        - { name: SII + albumin, predictors: [{ variable: SII, continuous: true }, albumin] }
        - { name: SII alone, predictors: [{ variable: SII, continuous: true }] }
`;

describe.skipIf(!have)('Chowell hepatobiliary subset: every prognostic-model analysis, spec → bundle → report', () => {
  it('runs, agrees with the engine on the raw rows, and reports every new table and figure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-chowell-'));
    const spec = join(dir, 'study.yaml');
    writeFileSync(spec, SPEC);
    const { bundle } = await analyzeStudy(spec);
    expect(bundle.flow.analysed).toBe(52);
    const kinds = bundle.analyses.map((a) => (a as { kind: string }).kind);
    for (const k of ['timeRoc', 'spline', 'nomogram', 'calibration', 'validation', 'decisionCurve']) expect(kinds).toContain(k);

    // AUC(t) from the raw CSV: hepatobiliary rows, SII = Platelets × NLR.
    const t = await readTable(CHOWELL);
    const c = (n: string) => t.columns.indexOf(n);
    const rows = t.rows.filter((r) => r[c('Cancer_type_grouped_2')] === 'Hepatobiliary');
    const num = (r: readonly unknown[], n: string) => Number(r[c(n)]);
    const direct = timeRoc({
      time: Float64Array.from(rows, (r) => num(r, 'OS_Months')),
      event: Uint8Array.from(rows, (r) => num(r, 'OS_Event')),
      markers: [{ name: 'SII', values: Float64Array.from(rows, (r) => num(r, 'Platelets') * num(r, 'NLR')) }, { name: 'NLR', values: Float64Array.from(rows, (r) => num(r, 'NLR')) }],
      times: [6, 12],
      tau: 12,
    });
    const tr = bundle.analyses.find((a) => (a as { kind: string }).kind === 'timeRoc') as any;
    expect(tr.n).toBe(52);
    for (let k = 0; k < 2; k++)
      direct.markers[k].at.forEach((p, i) => {
        expect(tr.markers[k].at[i].auc).toBeCloseTo(p.auc!, 12);
        expect(tr.markers[k].at[i].se).toBeCloseTo(p.se!, 12);
      });
    expect(tr.markers[0].at[1].auc).toBeGreaterThan(0.3);

    const v = bundle.analyses.find((a) => (a as { kind: string }).kind === 'validation') as any;
    expect(v.validation.requested).toBe(200);
    expect(v.validation.successful).toBeGreaterThanOrEqual(190);
    expect(v.validation.seed).toBe(2021);

    // The report: each analysis's table(s) and figure(s).
    const doc = buildReport(bundle);
    const ids = doc.sections.flatMap((s) => s.blocks.flatMap((b: any) => (b.kind === 'table' ? [b.table.id] : b.kind === 'figure' ? [b.figure.id] : [])));
    for (const a of bundle.analyses as any[]) {
      if (!['timeRoc', 'spline', 'nomogram', 'calibration', 'validation', 'decisionCurve'].includes(a.kind)) continue;
      expect(ids.filter((id: string) => id.includes(a.id)).length, `${a.kind} ${a.id} in the report`).toBeGreaterThanOrEqual(a.kind === 'validation' ? 1 : 2);
    }
    const methods = JSON.stringify(doc.sections.find((s) => /method/i.test(s.heading)) ?? doc.sections);
    for (const ref of ['Uno', 'Harrell', 'Vickers']) expect(methods).toContain(ref);
  }, 300_000);
});
