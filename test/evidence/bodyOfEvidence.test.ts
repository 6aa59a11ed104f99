/**
 * The calculator's body of evidence: the seed SII hazard ratios pooled equal metafor
 * (rma(method = "REML") on the same two log HRs, test/reference/meta/meta.R case sii_seed_hrs_REML),
 * the ratios are the registry's (whose numbers registry.test.ts finds printed in the seed papers),
 * and every number of a published meta-analysis is printed in the abstract sentence quoted beside it.
 */
import { describe, expect, it } from 'vitest';
import { bodyOfEvidence } from '../../src/evidence/bodyOfEvidence.js';
import { study } from '../../src/evidence/registry.js';
import { qnorm } from '../../src/stats/dist/index.js';
import { close, reference } from '../stats/meta/reference.js';
import { runCli } from '../helpers/runCli.js';

describe('bodyOfEvidence', () => {
  const b = bodyOfEvidence();
  it('pools the seed SII hazard ratios as metafor does', () => {
    const c = reference.cases.find((x: { id: string }) => x.id === 'sii_seed_hrs_REML');
    const p = b.seedPool!;
    expect(p.studies.map((s) => s.study)).toEqual(['deng2025', 'hong2021']);
    close(Math.log(p.hr), c.fit.estimate);
    close(Math.log(p.lower), c.fit.ciLower);
    close(Math.log(p.upper), c.fit.ciUpper);
    close(p.tau2, c.fit.tau2);
    close(p.I2, c.fit.I2);
    close(p.Q, c.fit.QE);
    close(p.Qp, c.fit.QEp);
    close(Math.log(p.predictionLower!), c.fit.pred.piLower);
    close(p.I2Ci![1], c.confint.I2[2]);
    expect(p.plain).toContain('disagree');
    expect(p.plain).toContain('different outcomes');
  });
  it("uses the registry's multivariable SII ratios (Table rows), and keeps yu2023's odds ratio apart", () => {
    const hong = study('hong2021').reported.find((r) => r.about === 'SII ≥ 340, multivariable Cox (with AFP)')!;
    const s = b.seedPool!.studies.find((x) => x.study === 'hong2021')!;
    expect([s.hr, s.lower, s.upper]).toEqual([hong.value, hong.lower, hong.upper]);
    expect(s.where).toBe("Table 2, row 'SII ≥ 340'");
    expect(b.notPooled.map((x) => [x.study, x.quantity, x.value])).toEqual([['yu2023', 'odds ratio', 3.164]]);
    // SE from the CI: the weights follow 1/(SE² + τ²)
    const se = (l: number, u: number) => (Math.log(u) - Math.log(l)) / (2 * qnorm(0.975));
    const w = b.seedPool!.studies.map((x) => 1 / (se(x.lower, x.upper) ** 2 + b.seedPool!.tau2));
    close(b.seedPool!.studies[0].weight, (100 * w[0]) / (w[0] + w[1]), 1e-12);
  });
  it('every published number is printed in its quoted abstract sentence', () => {
    expect(b.published.length).toBeGreaterThanOrEqual(4);
    for (const m of b.published) {
      const printed = (m.quote.match(/\d+(\.\d+)?/g) ?? []).map(Number);
      const need = [m.patients, ...m.results.flatMap((r) => [r.hr, r.lower, r.upper, r.i2])].filter((x): x is number => x !== null);
      for (const x of need) expect(printed, `${m.id}: ${x}`).toContain(x);
      expect(m.doi).toMatch(/^10\.\d{4,}\//);
      expect(m.url).toMatch(/^https:\/\//);
    }
  });
  it('siilab calc shows it beside each seed study and in --json', async () => {
    const r = await runCli(['calc', '--neutrophils', '4.2', '--lymphocytes', '1.5', '--platelets', '180']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The body of evidence on SII');
    expect(r.stdout).toMatch(/Evidence: SII HR 2\.211 \(95% CI 1\.089–4\.489; Table 2/);
    expect(r.stdout).toContain('substantial heterogeneity');
    const j = await runCli(['calc', '--neutrophils', '4.2', '--lymphocytes', '1.5', '--platelets', '180', '--json']);
    expect(j.json().bodyOfEvidence.seedPool.studies).toHaveLength(2);
  });
});
