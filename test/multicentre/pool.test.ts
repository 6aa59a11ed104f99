/**
 * Multi-centre pooling: three centres of survival::lung (test/reference/multicentre/pool.R) run the
 * same study with `siilab analyze --share`; `siilab pool` on their bundles equals R on the pooled
 * rows — survfit(Surv(time, dead) ~ sex) and survdiff(... ~ sex + strata(site)) at 1e-9 — and
 * metafor's inverse-variance pools of the centres' coxph coefficients (and the multivariate GLS
 * pool) at 1e-6. Default small-cell suppression withholds risk sets under 5 and says so; bundles
 * of different studies or siilab versions are refused with one message.
 */
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';
import { close } from '../stats/meta/reference.js';

const REF = join(process.cwd(), 'test', 'reference', 'multicentre');
const ref = JSON.parse(readFileSync(join(REF, 'pool_reference.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'siilab-pool-'));
const SITES = ['A', 'B', 'C'];

async function share(site: string, out: string, extra: string[] = []): Promise<string> {
  const r = await runCli(['analyze', join(REF, `study_${site}.yaml`), '--out', out, '--format', 'md', '--share', '--site', site, ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return join(out, 'site-bundle.json');
}

describe('siilab analyze --share and siilab pool', () => {
  const exact: string[] = [];
  const suppressed: string[] = [];
  beforeAll(async () => {
    for (const s of SITES) exact.push(await share(s, join(dir, `exact_${s}`), ['--min-cell', '1']));
    for (const s of SITES) suppressed.push(await share(s, join(dir, `default_${s}`)));
  }, 120000);

  it('pooled Kaplan–Meier and log-rank tests equal survfit / survdiff on the pooled rows (1e-9)', async () => {
    const r = await runCli(['pool', ...exact, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = r.json();
    expect(j.patients).toBe(227);
    expect(j.sites.map((s: { site: string; analysed: number }) => [s.site, s.analysed])).toEqual([['A', 60], ['B', 80], ['C', 87]]);
    const k = j.km[0];
    expect(k.exactUntil).toBeNull();
    let compared = 0;
    for (const rg of ref.km) {
      const g = k.groups.find((x: { group: string }) => x.group === `sex ${rg.group}`);
      expect(g.table.time).toEqual(rg.time);
      expect(g.table.nRisk).toEqual(rg.nRisk);
      expect(g.table.nEvent).toEqual(rg.nEvent);
      rg.surv.forEach((v: number, i: number) => {
        close(g.table.surv[i], v, 1e-9, 1e-12);
        if (rg.stdErr[i] !== null) close(g.table.stdErr[i], rg.stdErr[i], 1e-9, 1e-12);
        if (rg.lower[i] !== null) close(g.table.lower[i], rg.lower[i], 1e-9, 1e-12);
        if (rg.upper[i] !== null) close(g.table.upper[i], rg.upper[i], 1e-9, 1e-12);
        compared += 4;
      });
    }
    expect(compared).toBeGreaterThan(600);
    close(k.logrankStratified.chisq, ref.logrankStratified.chisq, 1e-9);
    k.logrankStratified.observed.forEach((o: number, i: number) => close(o, ref.logrankStratified.observed[i], 1e-9));
    k.logrankStratified.expected.forEach((e: number, i: number) => close(e, ref.logrankStratified.expected[i], 1e-9));
    close(k.logrank.chisq, ref.logrank.chisq, 1e-9);
    k.logrank.expected.forEach((e: number, i: number) => close(e, ref.logrank.expected[i], 1e-9));
  });

  it("each centre's Cox estimates, their inverse-variance pools and the GLS pool equal R / metafor (1e-6)", async () => {
    const j = (await runCli(['pool', ...exact, '--json'])).json();
    const m = j.models.find((x: { model: string }) => x.model === 'multivariable');
    expect(m.n).toBe(227);
    m.terms.forEach((t: { sites: { coef: number; se: number }[]; fixed: { estimate: number; se: number; Q: number }; random: { estimate: number; se: number; tau2: number } }, jx: number) => {
      t.sites.forEach((s, i) => {
        close(s.coef, ref.sites[i].coef[jx]);
        close(s.se, ref.sites[i].se[jx]);
      });
      close(t.fixed.estimate, ref.pooled[jx].fe.estimate);
      close(t.fixed.se, ref.pooled[jx].fe.se);
      close(t.fixed.Q, ref.pooled[jx].fe.QE);
      close(t.random.estimate, ref.pooled[jx].reml.estimate);
      close(t.random.se, ref.pooled[jx].reml.se);
      close(t.random.tau2, ref.pooled[jx].reml.tau2, 1e-6, 1e-10);
    });
    m.gls.coef.forEach((c: number, i: number) => close(c, ref.gls.coef[i]));
    m.gls.se.forEach((c: number, i: number) => close(c, ref.gls.se[i]));
  });

  it('the bundle holds aggregates only; the default minimum of 5 withholds small risk sets and the pool says so', async () => {
    const text = readFileSync(suppressed[0], 'utf8');
    const b = JSON.parse(text);
    expect(b.format).toBe('siilab-site-bundle');
    expect(b.minCell).toBe(5);
    expect(text).not.toMatch(/"(rows|linearPredictors|patientId|age|time_)"\s*:/);
    for (const g of b.km[0].groups) {
      const c = g.counts;
      let atRisk = g.n;
      for (let i = 0; i < c.time.length; i++) {
        expect(atRisk).toBeGreaterThanOrEqual(5);
        atRisk -= c.events[i] + c.censored[i];
      }
      expect(atRisk).toBe(g.remaining);
    }
    expect(b.withheld.length).toBeGreaterThan(0);
    const r = await runCli(['pool', ...suppressed, '--json']);
    const j = r.json();
    const k = j.km[0];
    expect(k.exactUntil).not.toBeNull();
    expect(j.warnings.join(' ')).toContain('exact up to');
    // up to exactUntil the pooled curve equals R's on all rows
    for (const rg of ref.km) {
      const g = k.groups.find((x: { group: string }) => x.group === `sex ${rg.group}`);
      rg.time.forEach((t: number, i: number) => {
        if (t > k.exactUntil) return;
        const at = g.table.time.indexOf(t);
        close(g.table.surv[at], rg.surv[i], 1e-9, 1e-12);
      });
    }
    const txt = await runCli(['pool', ...suppressed]);
    expect(txt.stdout).toContain('Pooled from 3 centres (227 patients');
  });

  describe('refusals', () => {
    it('bundles of different studies', async () => {
      const d = mkdtempSync(join(tmpdir(), 'siilab-pool-spec-'));
      copyFileSync(join(REF, 'site_C.csv'), join(d, 'site_C.csv'));
      writeFileSync(join(d, 'study.yaml'), readFileSync(join(REF, 'study_C.yaml'), 'utf8').replace('candidates: [age, sex]', 'candidates: [sex]'));
      const r0 = await runCli(['analyze', join(d, 'study.yaml'), '--out', join(d, 'out'), '--format', 'md', '--share', '--site', 'C']);
      expect(r0.code, r0.stderr).toBe(0);
      const r = await runCli(['pool', exact[0], exact[1], join(d, 'out', 'site-bundle.json')]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('was made from a different study specification');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    });
    it('bundles of different siilab versions, the same site twice, one bundle, not a bundle', async () => {
      const b = JSON.parse(readFileSync(exact[2], 'utf8'));
      const v = join(dir, 'v.json');
      writeFileSync(v, JSON.stringify({ ...b, siilabVersion: '0.0.9' }));
      const r = await runCli(['pool', exact[0], v]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('siilab 0.0.9');
      expect((await runCli(['pool', exact[0], exact[0]])).stderr).toContain("both call their site 'A'");
      expect((await runCli(['pool', exact[0]])).code).toBe(4);
      const nb = join(dir, 'nb.json');
      writeFileSync(nb, '{"format":"siilab-results"}');
      expect((await runCli(['pool', exact[0], nb])).stderr).toContain('not a siilab site bundle');
      expect((await runCli(['analyze', join(REF, 'study_A.yaml'), '--share', '--min-cell', '0'])).code).toBe(2);
    });
  });
});
