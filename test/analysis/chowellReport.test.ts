/**
 * The real Chowell hepatobiliary subset (52 patients; skipped without ../shared): SII per 100 and
 * albumin per g/dL equal R's coxph (R 4.2.2, survival 3.5.3: values below, from
 * coxph(Surv(OS_Months, OS_Event) ~ I(SII/100)) and ~ Albumin on the subset), no multivariable model
 * unrequested, exclusions counted by reason with the patient list in the appendix and excluded.csv.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REAL, hasReal } from '../helpers/shared.js';
import { analyzeStudy } from '../../src/analysis/analyzeStudy.js';
import { buildReport } from '../../src/report/build/buildReport.js';

const R = { siiPer100: { coef: 0.03600683506, se: 0.01020895104 }, albumin: { coef: -0.8433140394, se: 0.2819173173 } };
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe.skipIf(!hasReal)('Chowell hepatobiliary report', () => {
  it('SII per 100 and albumin per g/dL equal R; the report is what a journal accepts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'siilab-chowell-'));
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
cutoffs:
  SII: { method: median }
analyses:
  cox: [{ endpoint: os, candidates: [SII, { variable: SII, continuous: true, per: 100 }, albumin] }]
  km: [{ endpoint: os, by: [SII] }]
`);
    const { bundle } = await analyzeStudy(join(dir, 'study.yaml'));
    expect(bundle.flow.analysed).toBe(52);
    const cox = bundle.analyses.find((a) => a.kind === 'cox');
    if (cox?.kind !== 'cox') throw new Error('no Cox');
    expect(cox.multivariable).toBeNull();
    const [, sii, alb] = cox.univariable.map((u) => u.result!.coefficients[0]);
    expect(sii.term).toBe('SII (per 100)');
    expect(alb.term).toBe('Albumin, g/dL');
    expect(rel(sii.coef, R.siiPer100.coef)).toBeLessThan(1e-6);
    expect(rel(sii.se, R.siiPer100.se)).toBeLessThan(1e-6);
    expect(rel(alb.coef, R.albumin.coef)).toBeLessThan(1e-6);
    expect(rel(alb.se, R.albumin.se)).toBeLessThan(1e-6);
    expect(bundle.model).toBeNull();
    const doc = buildReport(bundle);
    const flow = doc.sections.find((s) => s.id === 'flow')!;
    const counts = flow.blocks.find((b) => b.kind === 'table');
    expect(counts?.kind === 'table' && counts.table.rows.length).toBe(2);
    const appendix = doc.sections.find((s) => s.id === 'appendix-excluded')!;
    expect(appendix.blocks[0].kind === 'table' && appendix.blocks[0].table.rows.length).toBe(1);
    expect(doc.attachments?.['excluded.csv'].trimEnd().split('\r\n')).toHaveLength(1 + 1427);
    const coxTable = doc.sections.find((s) => s.id === 'section-cox-1')!.blocks[0];
    const cells = coxTable.kind === 'table' ? coxTable.table.rows.flatMap((r) => r.cells) : [];
    expect(cells).toContain('1.037 (1.016–1.058)');
    expect(cells).toContain('0.430 (0.248–0.748)');
    expect(cells.join(' ')).not.toMatch(/1\.000 \(1\.000–1\.000\)|0\.000 /);
  });
});
