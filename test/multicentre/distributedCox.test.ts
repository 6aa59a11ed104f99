/**
 * Distributed Newton–Raphson: each centre answers `siilab site-step` at the proposed β (score and
 * information only), `siilab pool --rounds` sums them and proposes the next β; iterated from 0 it
 * converges to coxph(Surv(time, dead) ~ age + sex + strata(site)) on the pooled rows (1e-6), with
 * the same log partial likelihood. Steps of different β or studies are refused.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';
import { close } from '../stats/meta/reference.js';
import { coxScoreAt } from '../../src/multicentre/coxScoreAt.js';

const REF = join(process.cwd(), 'test', 'reference', 'multicentre');
const ref = JSON.parse(readFileSync(join(REF, 'pool_reference.json'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'siilab-newton-'));

describe('distributed Cox stratified by centre', () => {
  it('score and information at β by hand (times 1..5, x = 1,0,1,0,0, β = 0)', () => {
    const r = coxScoreAt({ time: new Float64Array([1, 2, 3, 4, 5]), event: new Float64Array([1, 1, 1, 0, 1]), covariates: [{ name: 'x', kind: 'numeric', values: new Float64Array([1, 0, 1, 0, 0]) }] }, [0]);
    close(r.loglik, -Math.log(5 * 4 * 3 * 1), 1e-14);
    close(r.score[0], 61 / 60, 1e-14);
    close(r.information[0][0], 2339 / 3600, 1e-14);
  });

  it('converges to coxph(... + strata(site)) on the pooled rows', async () => {
    let beta = '0,0';
    let last: any = null;
    for (let round = 0; round < 20; round++) {
      const files: string[] = [];
      for (const s of ['A', 'B', 'C']) {
        const f = join(dir, `step_${s}.json`);
        const r = await runCli(['site-step', join(REF, `study_${s}.yaml`), '--beta', beta, '--site', s, '--out', f, '--json']);
        expect(r.code, r.stderr).toBe(0);
        expect(Object.keys(r.json()).sort()).toEqual(['analysis', 'beta', 'events', 'format', 'information', 'loglik', 'n', 'score', 'siilabVersion', 'site', 'specHash', 'terms']);
        files.push(f);
      }
      const p = await runCli(['pool', '--rounds', ...files, '--json']);
      expect(p.code, p.stderr).toBe(0);
      last = p.json();
      if (last.converged) break;
      beta = last.next.map((x: number) => String(x)).join(',');
    }
    expect(last.converged).toBe(true);
    last.beta.forEach((b: number, j: number) => close(b, ref.stratifiedCox.coef[j]));
    last.se.forEach((s: number, j: number) => close(s, ref.stratifiedCox.se[j]));
    close(last.loglik, ref.stratifiedCox.loglik[1], 1e-9);
    expect(last.sites.map((s: { n: number }) => s.n)).toEqual([60, 80, 87]);
    const txt = await runCli(['pool', '--rounds', join(dir, 'step_A.json'), join(dir, 'step_B.json'), join(dir, 'step_C.json')]);
    expect(txt.stdout).toContain('Converged');
  }, 120000);

  it('refuses steps at different β', async () => {
    const a = JSON.parse(readFileSync(join(dir, 'step_A.json'), 'utf8'));
    const f = join(dir, 'other.json');
    writeFileSync(f, JSON.stringify({ ...a, site: 'Z', beta: [0, 0] }));
    const r = await runCli(['pool', '--rounds', join(dir, 'step_A.json'), f]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('their β differ');
    expect((await runCli(['site-step', join(REF, 'study_A.yaml'), '--beta', '0'])).stderr).toContain('has 2 terms');
  });
});
