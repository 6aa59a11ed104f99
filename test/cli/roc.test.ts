import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli } from '../helpers/runCli.js';
import { ref, relErr } from '../stats/roc/referenceData.js';

const REF = resolve(__dirname, '../reference/roc');
const ASAH = join(REF, 'aSAH.csv');
const LUNG = join(REF, 'lung1y.csv');
const TMP = resolve(__dirname, '../tmp/roc-cli');

const rel = (a: number, b: number, tol = 1e-6) => expect(relErr(a, b)).toBeLessThan(tol);

beforeAll(() => {
  mkdirSync(TMP, { recursive: true });
  writeFileSync(join(TMP, 'text.csv'), 'y,sii\n0,1.5\n1,2.5\n0,high\n1,3\n');
  writeFileSync(join(TMP, 'oneclass.csv'), 'y,sii\n1,1.5\n1,2.5\n,3\n');
  writeFileSync(join(TMP, 'flat.csv'), 'y,sii,afp\n0,4,1\n1,4,2\n0,4,3\n1,4,5\n');
  writeFileSync(join(TMP, 'labels.csv'), 'status,sii,afp\nGood,1,5\nPoor,3,4\nGood,2,NA\nPoor,5,7\nGood,2.5,1\nPoor,4,3\n');
});
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('siilab roc on pROC::aSAH', () => {
  it('reproduces pROC for each marker and every paired comparison', async () => {
    const r = await runCli(['roc', ASAH, '--outcome', 'outcome', '--markers', 's100b,ndka,wfns', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = r.json();
    const e = ref.aSAH;
    expect([j.nCases, j.nControls, j.nDropped]).toEqual([41, 72, 0]);
    expect(j.markers.map((m: any) => m.marker)).toEqual(['s100b', 'ndka', 'wfns']);
    for (const m of j.markers) {
      const w = e.results[m.marker];
      expect(m.pROCDirection).toBe(w.direction);
      rel(m.auc, w.auc);
      rel(m.se, w.se);
      rel(m.lower, w.lower);
      rel(m.upper, w.upper);
      rel(m.p, w.pMannWhitney);
      rel(m.cutoff, [w.youden.threshold].flat()[0], 1e-12);
      rel(m.sensitivity, [w.youden.sensitivity].flat()[0]);
      rel(m.specificity, [w.youden.specificity].flat()[0]);
      rel(m.ppv, [w.youden.ppv].flat()[0]);
      rel(m.npv, [w.youden.npv].flat()[0]);
      rel(m.youden + 1, [w.youden.youden].flat()[0]);
      rel(m.topLeft.cutoff, [w.topleft.threshold].flat()[0], 1e-12);
    }
    expect(j.comparisons.map((c: any) => [c.a, c.b])).toEqual([['s100b', 'ndka'], ['s100b', 'wfns'], ['ndka', 'wfns']]);
    j.comparisons.forEach((c: any, k: number) => {
      const w = e.comparisons[k];
      rel(c.diff, w.diff);
      rel(c.z, w.z);
      rel(c.p, w.p);
      rel(c.lower, w.lower);
      rel(c.upper, w.upper);
    });
    expect(j.combined).toBeNull();
  });

  it('fits the combined logistic marker and compares it with each marker', async () => {
    const r = await runCli(['roc', ASAH, '--outcome', 'outcome', '--markers', 's100b,ndka,wfns', '--combine', '--json']);
    expect(r.stderr).toBe('');
    const c = r.json().combined;
    const w = ref.aSAH.combined;
    expect(c.model.terms).toEqual(w.terms);
    c.model.coefficients.forEach((b: number, k: number) => rel(b, w.coefficients[k], 1e-6));
    c.model.se.forEach((s: number, k: number) => rel(s, w.se[k], 1e-6));
    rel(c.auc, w.result.auc);
    rel(c.se, w.result.se);
    rel(c.lower, w.result.lower);
    rel(c.upper, w.result.upper);
    rel(c.cutoff, w.result.youden.threshold, 1e-6);
    rel(c.sensitivity, w.result.youden.sensitivity);
    c.vsMarkers.forEach((v: any, k: number) => {
      expect(v.marker).toBe(w.vsMarkers[k].marker);
      rel(v.diff, w.vsMarkers[k].diff);
      rel(v.z, w.vsMarkers[k].z);
      rel(v.p, w.vsMarkers[k].p);
    });
  });

  it('prints readable tables with the notes, and the thresholds table on request', async () => {
    const r = await runCli(['roc', ASAH, '--outcome', 'outcome', '--markers', 's100b,wfns', '--thresholds']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ROC analysis of .*aSAH\.csv: outcome outcome, 41 cases, 72 controls/);
    expect(r.stdout).toMatch(/s100b\s+> cutoff\s+0\.7314/);
    expect(r.stdout).toMatch(/Paired DeLong tests/);
    expect(r.stdout).toMatch(/Thresholds of wfns/);
    expect(r.stdout).toMatch(/Mann–Whitney/);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
  });

  it('gives the same AUC with --direction lower as pROC direction ">"', async () => {
    const r = await runCli(['roc', ASAH, '--outcome', 'outcome', '--markers', 's100b,ndka', '--direction', 'lower', '--json']);
    const j = r.json();
    rel(j.markers[0].auc, ref.aSAH_lower.results.s100b.auc);
    rel(j.markers[1].upper, ref.aSAH_lower.results.ndka.upper);
    expect(j.markers[0].positiveIf).toBe('< cutoff');
  });
});

describe('siilab roc on survival::lung (dead within a year)', () => {
  it('drops incomplete rows, picks direction lower for ph.karno and matches pROC', async () => {
    const r = await runCli(['roc', LUNG, '--outcome', 'dead1y', '--markers', 'ph.karno,age,wt.loss', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    const e = ref.lung1y;
    expect(j.nDropped).toBe(e.nDropped);
    expect(j.nCases + j.nControls).toBe(e.nComplete);
    expect(j.markers[0].direction).toBe('lower');
    for (const m of j.markers) {
      const w = e.results[m.marker];
      rel(m.auc, w.auc);
      rel(m.se, w.se);
      rel(m.p, w.pMannWhitney);
      rel(m.cutoff, [w.youden.threshold].flat()[0], 1e-12);
    }
    j.comparisons.forEach((c: any, k: number) => rel(c.p, e.comparisons[k].p));
    expect(j.notes.join(' ')).toMatch(/different directions/);
  });
});

describe('siilab roc options', () => {
  it('reads a text outcome with --positive', async () => {
    const r = await runCli(['roc', join(TMP, 'labels.csv'), '--outcome', 'status', '--positive', 'Poor', '--markers', 'sii,afp', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect([j.nCases, j.nControls, j.nDropped]).toEqual([3, 2, 1]);
    // complete rows: Good 1/5, Poor 3/4, Poor 5/7, Good 2.5/1, Poor 4/3 → sii AUC: cases 3,5,4 vs controls 1,2.5 → 6/6
    expect(j.markers[0].auc).toBe(1);
  });

  it('bootstrap CI is reproducible for a seed and close to the DeLong CI', async () => {
    const args = ['roc', ASAH, '--outcome', 'outcome', '--markers', 's100b', '--bootstrap', '2000', '--seed', '11', '--json'];
    const a = (await runCli(args)).json().markers[0];
    const b = (await runCli(args)).json().markers[0];
    expect(a.bootstrap).toEqual(b.bootstrap);
    expect(Math.abs(a.bootstrap.lower - a.lower)).toBeLessThan(0.02);
    expect(Math.abs(a.bootstrap.upper - a.upper)).toBeLessThan(0.02);
    // and close to pROC's own bootstrap (different random draws)
    expect(Math.abs(a.bootstrap.lower - ref.bootstrap_s100b.lower)).toBeLessThan(0.02);
    expect(Math.abs(a.bootstrap.upper - ref.bootstrap_s100b.upper)).toBeLessThan(0.02);
  });
});

describe('siilab roc refusals', () => {
  const run = (args: string[]) => runCli(['roc', ...args]);
  it('usage errors (exit 2)', async () => {
    expect((await run([ASAH, '--markers', 's100b'])).code).toBe(2);
    expect((await run([ASAH, '--outcome', 'outcome'])).code).toBe(2);
    const one = await run([ASAH, '--outcome', 'outcome', '--markers', 's100b', '--combine']);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/--combine needs at least two markers/);
    const boot = await run([ASAH, '--outcome', 'outcome', '--markers', 's100b', '--bootstrap', '500']);
    expect(boot.code).toBe(2);
    expect(boot.stderr).toMatch(/--seed/);
    expect((await run([ASAH, '--outcome', 'outcome', '--markers', 's100b,s100b'])).stderr).toMatch(/twice/);
    expect((await run([ASAH, '--outcome', 'outcome', '--markers', 'outcome'])).stderr).toMatch(/is the outcome/);
    expect((await run([ASAH, '--outcome', 'outcome', '--markers', 's100b', '--direction', 'up'])).stderr).toMatch(/auto, higher, lower/);
  });
  it('data errors name file, row and column (exit 3)', async () => {
    const t = await run([join(TMP, 'text.csv'), '--outcome', 'y', '--markers', 'sii']);
    expect(t.code).toBe(3);
    expect(t.stderr).toMatch(/text\.csv, row 4, column 'sii': 'high' is not a number/);
    const c = await run([ASAH, '--outcome', 'outcme', '--markers', 's100b']);
    expect(c.code).toBe(3);
    expect(c.stderr).toMatch(/Did you mean 'outcome'/);
  });
  it('analysis impossible (exit 4): one class, no variance', async () => {
    const o = await run([join(TMP, 'oneclass.csv'), '--outcome', 'y', '--markers', 'sii']);
    expect(o.code).toBe(4);
    expect(o.stderr).toMatch(/column 'y' has 2 case\(s\) and 0 control\(s\)/);
    const f = await run([join(TMP, 'flat.csv'), '--outcome', 'y', '--markers', 'afp,sii', '--json']);
    expect(f.code).toBe(4);
    expect(f.stderr).toMatch(/marker 'sii' has the same value \(4\)/);
    expect(f.stdout).toBe('');
  });
});

describe('siilab roc thresholds table', () => {
  it('lists every threshold with ±∞ at the ends, in JSON as null', async () => {
    const r = await runCli(['roc', join(REF, 'tiny.csv'), '--outcome', 'y', '--markers', 'a,b', '--thresholds', '--json']);
    const [a, b] = r.json().markers;
    const e = ref.tiny.results;
    expect(a.thresholds.length).toBe(e.a.curve.threshold.length);
    expect(a.thresholds[0].threshold).toBeNull();
    expect(a.thresholds[1].threshold).toBe(Number(e.a.curve.threshold[1]));
    expect(b.thresholds.map((t: any) => t.sensitivity)).toEqual(e.b.curve.sensitivity);
    expect(a.cutoffTies.length).toBe([e.a.youden.threshold].flat().length);
    const text = (await runCli(['roc', join(REF, 'tiny.csv'), '--outcome', 'y', '--markers', 'a,b', '--thresholds'])).stdout;
    expect(text).toMatch(/Thresholds of a \(case if > cutoff\):\n.*\n.*\n−∞ /);
    expect(text).toMatch(/Thresholds of b \(case if < cutoff\):\n.*\n.*\n\+∞ /);
  });
});
