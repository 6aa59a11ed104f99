/**
 * The real Chowell hepatobiliary subset (52 patients, 32 deaths; skipped without ../shared): the study's
 * timeRoc analysis of SII (platelets × NLR) and albumin (lower = higher risk) at 6, 12 and 24 months
 * equals R (R 4.2.2, riskRegression 2022.11.28, survival 3.5.3) on the same patients:
 *   Score(list(SII = SII, negalb = -Albumin), Hist(OS_Months, OS_Event) ~ 1, times = c(6, 12, 24),
 *         metrics = "auc", cens.model = "marginal", se.fit = TRUE)
 *   concordance(Surv(OS_Months, OS_Event) ~ SII, timewt = "n/G2", ymax = 24, reverse = TRUE), and without timewt;
 * the report shows the table and the figure.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REAL, hasReal } from '../helpers/shared.js';
import { analyzeStudy } from '../../src/analysis/analyzeStudy.js';
import { buildReport } from '../../src/report/build/buildReport.js';

const R = {
  SII: [[0.749201367643, 0.0734651384949], [0.753004582, 0.0727355377994], [0.669977327489, 0.108485310946]],
  albumin: [[0.718166689179, 0.077239576208], [0.796502929995, 0.0714119475045], [0.828455951357, 0.0977772982941]],
  // Score's contrast is albumin − SII; siilab reports SII − albumin
  diff: [[0.031034678464, 0.101540197427, 0.759879267359], [-0.0434983479955, 0.105672081349, 0.680606829733], [-0.158478623867, 0.158033556782, 0.315949511373]],
  uno: [0.657830146956, 0.0485318480191],
  harrell: [0.668241965974, 0.0505509309703],
};
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe.skipIf(!hasReal)('Chowell hepatobiliary time-dependent ROC', () => {
  it('AUC(t), SE, the paired difference, Uno and Harrell C equal R; the report has the table and the figure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-chowell-tdroc-'));
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
  timeRoc: [{ endpoint: os, markers: [SII, albumin], lower: [albumin], times: [6, 12, 24] }]
`);
    const { bundle } = await analyzeStudy(join(dir, 'study.yaml'));
    const a = bundle.analyses.find((x) => x.kind === 'timeRoc');
    if (a?.kind !== 'timeRoc') throw new Error('no timeRoc');
    expect([a.n, a.events]).toEqual([52, 32]);
    a.markers.forEach((m, k) => {
      const ref = k === 0 ? R.SII : R.albumin;
      m.at.forEach((p, i) => {
        expect(rel(p.auc!, ref[i][0])).toBeLessThan(1e-6);
        expect(rel(p.se!, ref[i][1])).toBeLessThan(1e-4);
      });
    });
    a.comparisons[0].at.forEach((x, i) => {
      expect(Math.abs(x.diff! - R.diff[i][0])).toBeLessThan(1e-8);
      expect(rel(x.se!, R.diff[i][1])).toBeLessThan(1e-4);
      expect(rel(x.p!, R.diff[i][2])).toBeLessThan(1e-4);
    });
    expect(rel(a.markers[0].uno.c!, R.uno[0])).toBeLessThan(1e-6);
    expect(rel(a.markers[0].uno.se!, R.uno[1])).toBeLessThan(1e-6);
    expect(rel(a.markers[0].harrell.c!, R.harrell[0])).toBeLessThan(1e-6);
    expect(rel(a.markers[0].harrell.se!, R.harrell[1])).toBeLessThan(1e-6);
    const doc = buildReport(bundle);
    const sec = doc.sections.find((s) => s.heading === 'Time-dependent ROC: Overall survival')!;
    expect(sec.blocks.map((b) => b.kind)).toEqual(['table', 'figure']);
    const t = sec.blocks[0].kind === 'table' ? sec.blocks[0].table : null;
    expect(t!.rows.map((r) => r.cells[0])).toEqual(['SII', 'Albumin (lower = higher risk)', 'P, SII vs Albumin']);
  });
});
