/**
 * The real Chowell hepatobiliary subset (52 patients, 32 deaths; skipped without ../shared): the
 * Cox model of SII and albumin checked at 12 months through the study spec — calibration, bootstrap
 * validation and decision curves. R 4.2.2 (survival 3.5.3, rms 6.5.0, riskRegression 2022.11.28) on
 * the same subset: apparent Dxy from rms::validate(cph(Surv(OS_Months, OS_Event) ~ SII + Albumin)),
 * Brier at 12 from riskRegression::Score(cens.model = "km") on survfit(coxph) risks, ICI from coxph on
 * rms::rcs(cll, quantile(cll, c(.1, .5, .9))) (Austin et al. 2020).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REAL, hasReal } from '../helpers/shared.js';
import { analyzeStudy } from '../../src/analysis/analyzeStudy.js';
import { buildReport } from '../../src/report/build/buildReport.js';

const R = { dxy: 0.4253308129, brier: 0.1815109745, ici: 0.0478116978 };

describe.skipIf(!hasReal)('Chowell hepatobiliary: calibration, validation, decision curve', () => {
  it('apparent Dxy, Brier and ICI equal R (1e-6); the report shows the tables and figures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-chowell-val-'));
    writeFileSync(join(dir, 'study.yaml'), `version: 1
sources: [{ file: ${join(REAL, 'chowell2021_ici_pancancer.csv')} }]
variables:
  patientId: SAMPLE_ID
  nlr: NLR
  platelets: { column: Platelets, unit: 10^9/L }
  albumin: { column: Albumin, unit: g/dL, keepUnit: true, label: Albumin }
  followUpTime: { column: OS_Months, unit: months }
  death: OS_Event
covariates:
  cancer: Cancer_type_grouped_2
population:
  include: [{ variable: cancer, in: [Hepatobiliary] }]
derived:
  - { name: SII, index: SII }
endpoints:
  os: { type: survival, label: Overall survival, events: [death], time: followUpTime }
analyses:
  calibration: [{ endpoint: os, predictors: [{ variable: SII, continuous: true }, albumin], horizon: 12, groups: 4 }]
  validation: [{ endpoint: os, predictors: [{ variable: SII, continuous: true }, albumin], horizon: 12, bootstrap: 200, seed: 7 }]
  decisionCurve: [{ endpoint: os, horizon: 12, models: [{ name: SII + albumin, predictors: [{ variable: SII, continuous: true }, albumin] }, { name: albumin, predictors: [albumin] }] }]
`);
    const { bundle } = await analyzeStudy(join(dir, 'study.yaml'));
    const cal = bundle.analyses.find((a) => a.kind === 'calibration');
    const val = bundle.analyses.find((a) => a.kind === 'validation');
    const dca = bundle.analyses.find((a) => a.kind === 'decisionCurve');
    if (cal?.kind !== 'calibration' || val?.kind !== 'validation' || dca?.kind !== 'decisionCurve') throw new Error('missing analyses');
    expect(val.validation.n).toBe(52);
    expect(val.validation.events).toBe(32);
    expect(Math.abs(val.validation.dxy.apparent - R.dxy)).toBeLessThan(1e-6);
    expect(Math.abs(val.validation.brier!.apparent! - R.brier)).toBeLessThan(1e-6);
    expect(Math.abs(cal.calibration.smooth!.ici - R.ici)).toBeLessThan(1e-6);
    expect(val.validation.successful + val.validation.failed).toBe(200);
    expect(val.validation.dxy.optimism).toBeGreaterThan(0);
    expect(dca.curve.thresholds).toHaveLength(99);
    const doc = buildReport(bundle);
    const ids = doc.sections.flatMap((s) => s.blocks.map((b) => (b.kind === 'table' ? b.table.id : b.kind === 'figure' ? b.figure.id : '')));
    for (const id of ['table-calibration-1', 'figure-calibration-1', 'table-validation-1', 'table-decision-curve-1', 'figure-decision-curve-1']) expect(ids).toContain(id);
  });
});
