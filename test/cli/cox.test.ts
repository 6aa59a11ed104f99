import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/runCli.js';
import { caseArgs, csvPath, expectClose, reference } from '../stats/survival/cox/reference.js';

const dir = mkdtempSync(join(tmpdir(), 'siilab-cox-'));
const write = (name: string, text: string): string => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const lung = csvPath(reference.cases[0]);

describe('siilab cox --json: every contract field equals R', () => {
  reference.cases.forEach((c, k) => {
    const R = reference.results[k];
    it(c.id, async () => {
      const res = await runCli(caseArgs(c));
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      const j = res.json();
      const tol = c.id === 'monotone' ? 1e-5 : 1e-6;
      expect([j.n, j.nDropped, j.events, j.ties, j.iterations, j.converged]).toEqual([R.n, R.nDropped, R.events, c.ties, R.iter, true]);
      expect(j.coefficients.map((x: any) => x.term)).toEqual(R.terms);
      j.coefficients.forEach((x: any, i: number) => {
        for (const f of ['coef', 'hr', 'se', 'z', 'p', 'lower', 'upper'] as const) {
          const ref = (R as any)[f][i];
          if (ref === null) expect(x[f]).toBeNull();
          else expectClose(`${x.term} ${f}`, x[f], ref, tol);
        }
        expectClose(`${x.term} waldChisq`, x.waldChisq, R.z[i] ** 2, tol);
      });
      expectClose('loglik null', j.loglik.null, R.loglik[0]);
      expectClose('loglik model', j.loglik.model, R.loglik[1]);
      expectClose('-2LL', j.minus2LogLikelihood, -2 * R.loglik[1]);
      for (const [name, ref] of [['likelihoodRatio', R.lr], ['wald', R.wald], ['score', R.score]] as const) {
        expectClose(`${name}`, j.tests[name].statistic, ref[0], tol);
        expect(j.tests[name].df).toBe(ref[1]);
        expectClose(`${name} p`, j.tests[name].p, ref[2], tol);
      }
      expectClose('c', j.concordance.c, R.concordance);
      expectClose('c se', j.concordance.se, R.concordanceSe);
      expect(j.proportionalHazards.terms.map((t: any) => t.term)).toEqual(R.zph.terms);
      j.proportionalHazards.terms.forEach((t: any, i: number) => {
        expectClose(`zph ${t.term}`, t.chisq, R.zph.chisq[i], tol);
        expect(t.df).toBe(R.zph.df[i]);
        expectClose(`zph ${t.term} p`, t.p, R.zph.p[i], tol);
      });
      expectClose('zph global', j.proportionalHazards.global.chisq, R.zph.global[0], tol);
      expect(j.proportionalHazards.global.df).toBe(R.zph.global[1]);
      expectClose('zph global p', j.proportionalHazards.global.p, R.zph.global[2], tol);
      expect(j.warnings.length).toBe(R.warnings.length);
    });
  });
});

describe('siilab cox: text output and options', () => {
  it('prints a readable table like print.coxph', async () => {
    const res = await runCli(['cox', lung, '--time', 'time', '--event', 'status', '--event-value', '2', '--covariates', 'age,sex,ph.ecog']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/n = 227 \(1 row\(s\) dropped for missing values\), events = 164, ties = efron/);
    expect(res.stdout).toMatch(/^sex\s+-0\.55261\s+0\.57544\s+0\.16774/m);
    expect(res.stdout).toMatch(/Concordance = 0\.6371/);
    expect(res.stdout).toMatch(/Likelihood ratio test = 30\.5\d* on 3 df/);
    expect(res.stdout).toMatch(/GLOBAL\s+4\.464\s+3/);
  });
  it('reports the monotone-likelihood warning in JSON and text', async () => {
    const f = csvPath(reference.cases.find((c) => c.id === 'monotone')!);
    const j = (await runCli(['cox', f, '--time', 'time', '--event', 'status', '--covariates', 'x,age', '--json'])).json();
    expect(j.warnings[0]).toMatch(/^Loglik converged before variable 1 \(x\); coefficient may be infinite/);
    expect(j.coefficients[0].possiblyInfinite).toBe(true);
    const t = await runCli(['cox', f, '--time', 'time', '--event', 'status', '--covariates', 'x,age']);
    expect(t.stdout).toMatch(/Warning: Loglik converged before variable 1 \(x\)/);
  });
  it('an overflowing hazard ratio is null in JSON and NA in text, never Infinity', async () => {
    // the monotone data set with x in units of 1e-5: the "infinite" coefficient is ~2e6, exp() overflows
    const rows = readFileSync(csvPath(reference.cases.find((c) => c.id === 'monotone')!), 'utf8').trim().split('\n');
    const f = write('tiny_scale.csv', [rows[0], ...rows.slice(1).map((r) => r.replace(/^(\d+),(\d+),(\d+)/, (_, t, s, x) => `${t},${s},${Number(x) * 1e-5}`))].join('\n'));
    const res = await runCli(['cox', f, '--time', 'time', '--event', 'status', '--covariates', 'x,age', '--json']);
    expect(res.code).toBe(0);
    const j = res.json();
    expect(j.coefficients[0].coef).toBeGreaterThan(1e5);
    expect(j.coefficients[0].hr).toBeNull();
    expect(j.warnings[0]).toMatch(/Loglik converged before variable 1 \(x\)/);
    const t = await runCli(['cox', f, '--time', 'time', '--event', 'status', '--covariates', 'x,age']);
    expect(t.stdout).not.toMatch(/Infinity|NaN/);
  });
  it('accepts true/false events', async () => {
    const f = write('tf.csv', 'time,dead,x\n1,true,1\n2,true,0\n3,true,1\n4,false,0\n5,true,0\n');
    const j = (await runCli(['cox', f, '--time', 'time', '--event', 'dead', '--covariates', 'x', '--json'])).json();
    expectClose('score', j.tests.score.statistic, 3721 / 2339, 1e-12);
  });
});

describe('siilab cox: refusals and exit codes', () => {
  const base = ['--time', 'time', '--event', 'status', '--event-value', '2', '--covariates', 'age,sex'];
  const expectFail = async (argv: string[], code: number, re: RegExp) => {
    const r = await runCli(argv);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(re);
    expect(r.code).toBe(code);
  };
  it('usage: missing option → 2', () => expectFail(['cox', lung, '--time', 'time', '--covariates', 'age'], 2, /--event is required/));
  it('usage: bad --ties → 2', () => expectFail(['cox', lung, ...base, '--ties', 'exact'], 2, /--ties must be one of efron, breslow, got 'exact'/));
  it('usage: --ref names an unknown level → 2', () =>
    expectFail(['cox', lung, ...base.slice(0, -1), 'age,ph.ecog', '--categorical', 'ph.ecog', '--ref', 'ph.ecog=7'], 2, /'ph.ecog' has no level '7'/));
  it('usage: covariate repeated → 2', () => expectFail(['cox', lung, ...base.slice(0, -1), 'age,age'], 2, /names 'age' twice/));
  it('data: missing file → 3', () => expectFail(['cox', join(dir, 'none.csv'), ...base], 3, /none\.csv: no such file/));
  it('data: missing column → 3', () => expectFail(['cox', lung, ...base.slice(0, -1), 'age,sexx'], 3, /no column 'sexx' \(given by --covariates\)\. Did you mean 'sex'\?/));
  it('data: text in the time column → 3', async () => {
    const f = write('txt.csv', 'time,status,x\n1,1,0\nsoon,0,1\n3,1,1\n');
    await expectFail(['cox', f, '--time', 'time', '--event', 'status', '--covariates', 'x'], 3, /txt\.csv, row 3, column 'time': 'soon' is not a number/);
  });
  it('data: event not 0/1 → 3', () => expectFail(['cox', lung, '--time', 'time', '--event', 'status', '--covariates', 'age'], 3, /row 2, column 'status': event value '2' is not 0\/1/));
  it('data: start ≥ stop → 3', async () => {
    const f = write('cp.csv', 'id,start,stop,event,x\n1,0,5,1,0\n2,0,3,0,1\n2,3,3,1,1\n');
    await expectFail(['cox', f, '--start', 'start', '--time', 'stop', '--event', 'event', '--covariates', 'x'], 3, /cp\.csv, row 4, column 'start': the interval start 3 is not before its end 3/);
  });
  it('analysis: zero events → 4', async () => {
    const f = write('noev.csv', 'time,status,x\n1,0,0\n2,0,1\n3,0,1\n');
    await expectFail(['cox', f, '--time', 'time', '--event', 'status', '--covariates', 'x'], 4, /no event among the 3 complete row/);
  });
  it('analysis: covariate with no variance → 4', async () => {
    const f = write('novar.csv', 'time,status,x,y\n1,1,5,0\n2,1,5,1\n3,0,5,1\n4,1,5,0\n');
    await expectFail(['cox', f, '--time', 'time', '--event', 'status', '--covariates', 'y,x'], 4, /term 'x' has the same value \(5\) in every complete row/);
  });
  it('analysis: collinear covariates (singular information) → 4', async () => {
    const f = write('coll.csv', 'time,status,x,y\n1,1,1,2\n2,1,0,0\n3,0,1,2\n4,1,0,0\n5,1,2,4\n');
    await expectFail(['cox', f, '--time', 'time', '--event', 'status', '--covariates', 'x,y'], 4, /information matrix is singular: 'y'/);
  });
});
