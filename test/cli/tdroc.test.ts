/** `siilab tdroc`: the JSON contract against R (riskRegression::Score, survival::concordance), missing values, times outside follow-up, refusals. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/runCli.js';
import { REF_DIR, readCsv, ref, relErr } from '../stats/timeroc/referenceData.js';

const dir = mkdtempSync(join(tmpdir(), 'siilab-tdroc-'));
const write = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const pbc = join(REF_DIR, 'timeroc_pbc.csv');
const lung = join(REF_DIR, 'timeroc_lung.csv');

describe('siilab tdroc --json', () => {
  it('pbc: bili and albumin (lower = risk) equal R at 1, 3, 5 years, with the comparison', async () => {
    const R = ref.cases.find((c) => c.id === 'pbc_bili_albumin')!;
    const r = await runCli(['tdroc', pbc, '--time', 'time', '--event', 'status', '--markers', 'bili,albumin', '--lower', 'albumin',
      '--times', R.times.join(','), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = r.json();
    expect([j.n, j.nDropped, j.events, j.tau]).toEqual([418, 0, 161, R.times[2]]);
    expect(j.markers.map((m: any) => [m.marker, m.direction])).toEqual([['bili', 'higher'], ['albumin', 'lower']]);
    for (const [k, name] of [[0, 'bili'], [1, 'neg_albumin']] as const) {
      const m = j.markers[k];
      expect(Object.keys(m.at[0])).toEqual(['time', 'auc', 'se', 'lower', 'upper', 'cases', 'controls']);
      R.times.forEach((t, i) => {
        const x = R.auc.find((a) => a.marker === name && a.time === t)!;
        expect(m.at[i].time).toBe(t);
        expect(relErr(m.at[i].auc, x.auc)).toBeLessThan(1e-6);
        expect(relErr(m.at[i].se, x.se)).toBeLessThan(1e-4);
        expect(m.at[i].lower).toBeCloseTo(x.lower, 5);
        expect(m.at[i].upper).toBeCloseTo(Math.min(1, x.upper), 5);
        expect(m.at[i].cases + m.at[i].controls).toBeLessThanOrEqual(418);
      });
      const c = R.concordance.find((x) => x.marker === name)!;
      expect(relErr(m.harrellC.c, c.harrell)).toBeLessThan(1e-6);
      expect(relErr(m.unoC.c, c.uno)).toBeLessThan(1e-6);
      expect(relErr(m.unoC.se, c.unoSe)).toBeLessThan(1e-6);
    }
    expect(j.comparisons).toHaveLength(1);
    const cmp = j.comparisons[0];
    expect([cmp.a, cmp.b]).toEqual(['bili', 'albumin']);
    R.times.forEach((t, i) => {
      const x = R.contrasts.find((y) => y.a === 'bili' && y.b === 'neg_albumin' && y.time === t)!;
      expect(cmp.at[i].diff).toBeCloseTo(x.diff, 7);
      expect(relErr(cmp.at[i].se, x.se)).toBeLessThan(1e-4);
      expect(relErr(cmp.at[i].p, x.p)).toBeLessThan(1e-4);
    });
    // cases and controls at 1 year counted from the file
    const d = readCsv('timeroc_pbc.csv');
    const cases = d.time.filter((t, i) => t <= R.times[0] && d.status[i] === 1).length;
    const controls = d.time.filter((t) => t > R.times[0]).length;
    expect([j.markers[0].at[0].cases, j.markers[0].at[0].controls]).toEqual([cases, controls]);
    expect(j.warnings).toEqual([]);
  });

  it('lung: rows missing wt.loss are dropped and counted, as R na.omit', async () => {
    const R = ref.cases.find((c) => c.id === 'lung')!;
    const r = await runCli(['tdroc', lung, '--time', 'time', '--event', 'status', '--markers', 'age,wt.loss', '--times', '180,365', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    // R's case also drops ph.karno (1 more row); recompute the expected count from the file
    expect(j.nRows).toBe(228);
    expect(j.nDropped).toBe(14);
    expect(j.n).toBe(214);
    expect(j.notes[0]).toMatch(/14 row\(s\) dropped/);
    expect(R.n).toBeLessThanOrEqual(j.n);
  });

  it('a time beyond follow-up or before the first event: null entries and a warning, the others estimated', async () => {
    const r = await runCli(['tdroc', pbc, '--time', 'time', '--event', 'status', '--markers', 'bili,protime', '--times', '10,1000,5000', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.nDropped).toBe(2);
    const [early, mid, late] = j.markers[0].at;
    expect(early).toMatchObject({ time: 10, auc: null, se: null, lower: null, upper: null, cases: 0 });
    expect(late).toMatchObject({ time: 5000, auc: null, se: null, controls: 0 });
    expect(mid.auc).toBeGreaterThan(0.5);
    expect(j.comparisons[0].at[0]).toMatchObject({ diff: null, se: null, p: null });
    expect(j.comparisons[0].at[1].p).toBeGreaterThan(0);
    expect(j.warnings).toHaveLength(2);
    expect(j.warnings[0]).toMatch(/time 10 not estimated: no event/);
    expect(j.warnings[1]).toMatch(/time 5000 not estimated: no patient is followed beyond it .*4795/);
    expect(r.stderr).toMatch(/warning: AUC at time 5000/);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
  });

  it('no time inside follow-up: exit 4 naming the last follow-up time', async () => {
    const r = await runCli(['tdroc', pbc, '--time', 'time', '--event', 'status', '--markers', 'bili', '--times', '6000,7000']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/no AUC\(t\) can be estimated at 6000, 7000.*last follow-up time is 4795/);
  });

  it('default times: the quartiles of the event times, said in a note', async () => {
    const r = await runCli(['tdroc', pbc, '--time', 'time', '--event', 'status', '--markers', 'bili', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.markers[0].at).toHaveLength(3);
    expect(j.notes.some((n: string) => /quartiles of the event times/.test(n))).toBe(true);
    expect(j.tau).toBe(j.markers[0].at[2].time);
  });

  it('text output: the AUC table, the C table, the comparisons', async () => {
    const r = await runCli(['tdroc', pbc, '--time', 'time', '--event', 'status', '--markers', 'bili,albumin', '--lower', 'albumin', '--times', '365.25,1826.25']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/AUC\(t\)/);
    expect(r.stdout).toMatch(/albumin \(lower = risk\)/);
    expect(r.stdout).toMatch(/Uno's C, τ = 1826.25/);
    expect(r.stdout).toMatch(/Paired differences/);
    expect(r.stdout).toMatch(/0\.823/); // bili AUC(1 year) = 0.82298
  });

  it('refusals: usage errors (exit 2) and a file without events (exit 4)', async () => {
    const f = write('noevents.csv', 'time,status,x\n1,0,1\n2,0,2\n3,0,3\n');
    expect((await runCli(['tdroc', pbc, '--time', 'time', '--event', 'status'])).code).toBe(2);
    expect((await runCli(['tdroc', pbc, '--time', 'time', '--event', 'status', '--markers', 'bili,bili'])).stderr).toMatch(/names 'bili' twice/);
    expect((await runCli(['tdroc', pbc, '--time', 'time', '--event', 'status', '--markers', 'bili', '--lower', 'albumin'])).code).toBe(2);
    expect((await runCli(['tdroc', pbc, '--time', 'time', '--event', 'status', '--markers', 'bili', '--times', '0,12'])).code).toBe(2);
    const r = await runCli(['tdroc', f, '--time', 'time', '--event', 'status', '--markers', 'x', '--times', '2']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/no event/);
    expect((await runCli(['tdroc', pbc, '--time', 'time', '--event', 'status', '--markers', 'nosuch'])).code).toBe(3);
  });
});
