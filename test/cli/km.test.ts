import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/runCli.js';
import { REF_DIR, close, loadReference } from '../stats/survival/reference.js';

const km = loadReference('km_reference.json');
const lr = loadReference('logrank_reference.json');
const lung = join(REF_DIR, 'km_lung.csv');
const dir = mkdtempSync(join(tmpdir(), 'siilab-km-'));
const write = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};

describe('siilab km --json: the contract, checked against R', () => {
  it('lung by sex (status 2 = dead): every field of the contract', async () => {
    const r = await runCli(['km', lung, '--time', 'time', '--event', 'status', '--event-value', '2', '--group', 'sex', '--times', '180,365,730', '--rmst-tau', '1000', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = r.json();
    const R = km.cases.find((c: any) => c.data === 'lung' && c.group === 'sex' && c.confType === 'log');
    const L = lr.cases.find((c: any) => c.data === 'lung' && c.group === 'sex' && !c.strata);
    expect(j.n).toBe(228);
    expect(j.nDropped).toBe(0);
    expect(j.events).toBe(165);
    expect(j.confType).toBe('log');
    expect(j.groups.map((g: any) => g.group)).toEqual(['1', '2']);
    for (let k = 0; k < 2; k++) {
      const g = j.groups[k];
      const Rg = R.groups[k];
      expect(g.n).toBe(Rg.n);
      expect(g.events).toBe(Rg.events);
      close(g.median, Rg.median, 'median');
      close(g.medianLower, Rg.medianLower, 'medianLower');
      close(g.medianUpper, Rg.medianUpper, 'medianUpper');
      close(g.rmst, Rg.rmst, 'rmst');
      close(g.rmstSe, Rg.rmstSe, 'rmstSe');
      expect(g.at.map((a: any) => a.time)).toEqual([180, 365, 730]);
      g.at.forEach((a: any, i: number) => {
        close(a.surv, Rg.at.surv[i], 'at.surv');
        close(a.lower, Rg.at.lower[i], 'at.lower');
        close(a.upper, Rg.at.upper[i], 'at.upper');
      });
      expect(g.table.length).toBe(Rg.table.time.length);
      g.table.forEach((row: any, i: number) => {
        expect(Object.keys(row)).toEqual(['time', 'nRisk', 'nEvent', 'nCensor', 'surv', 'stdErr', 'lower', 'upper']);
        expect(row.time).toBe(Rg.table.time[i]);
        expect(row.nRisk).toBe(Rg.table.nRisk[i]);
        expect(row.nEvent).toBe(Rg.table.nEvent[i]);
        expect(row.nCensor).toBe(Rg.table.nCensor[i]);
        close(row.surv, Rg.table.surv[i], 'surv');
        close(row.stdErr, Rg.table.stdErr[i], 'stdErr');
        close(row.lower, Rg.table.lower[i], 'lower');
        close(row.upper, Rg.table.upper[i], 'upper');
      });
      expect(g.medianCISymmetric.method).toMatch(/SPSS/);
    }
    close(j.logrank.chisq, L.chisq, 'chisq');
    expect(j.logrank.df).toBe(1);
    close(j.logrank.p, L.p, 'p');
    j.logrank.observed.forEach((o: number, i: number) => close(o, L.observed[i], 'O'));
    j.logrank.expected.forEach((e: number, i: number) => close(e, L.expected[i], 'E'));
  });
  it('missing values: lung by ph.ecog drops one row; stratified and trend tests', async () => {
    const r = await runCli(['km', lung, '--time', 'time', '--event', 'status', '--event-value', '2', '--group', 'ph.ecog', '--trend', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.nDropped).toBe(1);
    expect(j.groups.map((g: any) => g.group)).toEqual(['0', '1', '2', '3']);
    const L = lr.cases.find((c: any) => c.data === 'lung' && c.group === 'ph.ecog');
    close(j.logrank.chisq, L.chisq, 'chisq');
    expect(j.logrank.df).toBe(3);
    close(j.logrank.trend.chisq, L.trend.chisq, 'trend');
    const s = (await runCli(['km', lung, '--time', 'time', '--event', 'status', '--event-value', '2', '--group', 'sex', '--strata', 'ph.ecog', '--json'])).json();
    const S = lr.cases.find((c: any) => c.data === 'lung' && c.group === 'sex' && c.strata === 'ph.ecog');
    close(s.logrank.chisq, S.chisq, 'stratified chisq');
    close(s.logrank.p, S.p, 'stratified p');
    expect(s.nDropped).toBe(1);
  });
  it('log-log CI at 90% and no group: one curve "all", no logrank', async () => {
    const r = await runCli(['km', lung, '--time', 'time', '--event', 'status', '--event-value', '2', '--conf-type', 'log-log', '--conf-level', '0.9', '--json']);
    const j = r.json();
    const R = km.cases.find((c: any) => c.data === 'lung' && !c.group && c.confType === 'log-log' && c.confLevel === 0.9);
    expect(j.groups.map((g: any) => g.group)).toEqual(['all']);
    expect(j.logrank).toBeUndefined();
    close(j.groups[0].medianLower, R.groups[0].medianLower, 'medianLower');
    close(j.groups[0].table[50].lower, R.groups[0].table.lower[50], 'lower');
  });
  it('labels sorted alphabetically when not all numeric; true/false events; null for undefined limits', async () => {
    const f = write('tf.csv', 'time,dead,arm\n1,true,b\n2,true,b\n3,true,b\n2,false,a\n4,true,a\n5,false,a\n');
    const j = (await runCli(['km', f, '--time', 'time', '--event', 'dead', '--group', 'arm', '--json'])).json();
    expect(j.groups.map((g: any) => g.group)).toEqual(['a', 'b']);
    const b = j.groups[1];
    expect(b.table[2].surv).toBe(0);
    expect(b.table[2].stdErr).toBeNull();
    expect(b.table[2].lower).toBeNull();
  });
  it('readable text without --json, full table with --table', async () => {
    const r = await runCli(['km', lung, '--time', 'time', '--event', 'status', '--event-value', '2', '--group', 'sex', '--times', '365']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Kaplan–Meier/);
    expect(r.stdout).toMatch(/Chisq = 10\.327 on 1 df, p = 0\.00131/);
    expect(r.stdout).not.toMatch(/n\.risk/);
    const t = await runCli(['km', lung, '--time', 'time', '--event', 'status', '--event-value', '2', '--table']);
    expect(t.stdout).toMatch(/n\.risk/);
  });
});

describe('siilab km refusals: one message, exit code', () => {
  const ok = write('ok.csv', 'time,status,g\n1,1,a\n2,0,a\n3,1,b\n4,1,b\n');
  const cases: [string, string[], number, RegExp][] = [
    ['no --time', ['km', ok, '--event', 'status'], 2, /--time is required/],
    ['bad conf type', ['km', ok, '--time', 'time', '--event', 'status', '--conf-type', 'foo'], 2, /--conf-type must be one of/],
    ['bad conf level', ['km', ok, '--time', 'time', '--event', 'status', '--conf-level', '95'], 2, /between 0 and 1/],
    ['bad times', ['km', ok, '--time', 'time', '--event', 'status', '--times', '1,x'], 2, /--times must be a number/],
    ['strata without group', ['km', ok, '--time', 'time', '--event', 'status', '--strata', 'g'], 2, /need --group/],
    ['missing file', ['km', join(dir, 'nope.csv'), '--time', 'time', '--event', 'status'], 3, /no such file/],
    ['missing column', ['km', ok, '--time', 'tme', '--event', 'status'], 3, /no column 'tme'.*Did you mean 'time'/],
    ['text in time', ['km', write('tx.csv', 'time,status\n1,1\nabc,0\n'), '--time', 'time', '--event', 'status'], 3, /row 3, column 'time': 'abc' is not a number/],
    ['event not 0/1', ['km', write('ev.csv', 'time,status\n1,1\n2,2\n'), '--time', 'time', '--event', 'status'], 3, /row 3, column 'status'.*--event-value/],
    ['negative time', ['km', write('neg.csv', 'time,status\n1,1\n-2,1\n'), '--time', 'time', '--event', 'status'], 3, /row 3, column 'time': -2 is negative/],
    ['zero events', ['km', write('z.csv', 'time,status\n1,0\n2,0\n'), '--time', 'time', '--event', 'status'], 4, /no events/],
    ['empty group', ['km', write('eg.csv', 'time,status,g\n1,1,a\n2,1,a\nNA,1,b\n'), '--time', 'time', '--event', 'status', '--group', 'g'], 4, /group 'b' of g has no patients/],
    ['one group', ['km', write('og.csv', 'time,status,g\n1,1,a\n2,1,a\n'), '--time', 'time', '--event', 'status', '--group', 'g'], 4, /single group/],
  ];
  for (const [name, argv, code, msg] of cases) {
    it(name, async () => {
      const r = await runCli(argv);
      expect(r.code).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    });
  }
});

describe('siilab km --cutoff-scan', () => {
  it('lung age: maxstat cutoff, M and Lau94 P as R; the naive P is labelled', async () => {
    const ms = loadReference('maxstat_reference.json').cases.find((c: any) => c.data === 'lung' && c.marker === 'age');
    const r = await runCli(['km', lung, '--time', 'time', '--event', 'status', '--event-value', '2', '--cutoff-scan', 'age', '--json']);
    expect(r.code).toBe(0);
    const c = r.json().cutoffScan;
    expect(c.marker).toBe('age');
    close(c.cutoff, ms.cutoff, 'cutoff');
    close(c.statistic, ms.statistic, 'M');
    close(c.p, ms.pLau94, 'p');
    close(c.naiveLogRank.p, ms.naiveLogRankP, 'naive p');
    expect(c.method).toMatch(/Lau94/);
    const t = await runCli(['km', lung, '--time', 'time', '--event', 'status', '--event-value', '2', '--cutoff-scan', 'age']);
    expect(t.stdout).toMatch(/cutoff 70 .*P corrected for the search = 0\.427/s);
    expect(t.stdout).toMatch(/do not report it alone/);
  });
  it('refuses bad proportions (exit 2)', async () => {
    const r = await runCli(['km', lung, '--time', 'time', '--event', 'status', '--event-value', '2', '--cutoff-scan', 'age', '--minprop', '0.95']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/minprop and maxprop/);
  });
});

describe('usage errors name the command once', () => {
  it('an unknown option and a missing option: "siilab km: …" once, exit 2', async () => {
    for (const args of [['km', 'x.csv', '--nope'], ['km', 'x.csv', '--event', 'status']]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr.match(/siilab km:/g)?.length).toBe(1);
    }
  });
});
