// `siilab compare` end to end (in-process): the JSON contract, R parity through the CLI, options and refusals.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';

const ref = JSON.parse(readFileSync('test/reference/compare/compare_reference.json', 'utf8'));
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const tmp = mkdtempSync(join(tmpdir(), 'siilab-compare-'));
function csv(name: string, text: string): string {
  const f = join(tmp, name);
  writeFileSync(f, text);
  return f;
}

describe('siilab compare', () => {
  it('aSAH by outcome: numeric and categorical variables equal R (t.test, wilcox.test, chisq.test, fisher.test)', async () => {
    const r = await runCli(['compare', 'test/reference/compare/asah.csv', '--group', 'outcome', '--vars', 'age,gender,wfns,s100b', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.group).toBe('outcome');
    expect(j.groups).toEqual(['Good', 'Poor']);
    expect(j.n).toEqual([72, 41]);
    expect(j.chiSquareCorrection).toBe('none');
    expect(j.variables.map((v: any) => [v.name, v.type, v.test])).toEqual([
      ['age', 'numeric', 't'],
      ['gender', 'categorical', 'chisq'],
      ['wfns', 'categorical', 'chisq'], // numeric with 5 distinct values → categorical
      ['s100b', 'numeric', 't'],
    ]);
    const age = j.variables[0];
    const ra = ref.numeric.find((c: any) => c.set === 'asah' && c.variable === 'age' && c.group === 'outcome');
    expect(rel(age.statistic, ra.student.statistic)).toBeLessThan(1e-9);
    expect(rel(age.p, ra.student.p)).toBeLessThan(1e-9);
    expect(rel(age.welch.statistic, ra.welch.statistic)).toBeLessThan(1e-9);
    expect(rel(age.welch.df, ra.welch.df)).toBeLessThan(1e-9);
    expect(rel(age.levene.statistic, ra.levene.statistic)).toBeLessThan(1e-9);
    expect(rel(age.mannWhitney.statistic, ra.wilcox.statistic)).toBeLessThan(1e-12);
    expect(rel(age.mannWhitney.p, ra.wilcox.p)).toBeLessThan(1e-9);
    expect(age.fisherP).toBeNull();
    expect(rel(age.summaries[1].mean, ra.summaries[1].mean)).toBeLessThan(1e-12);
    const g = j.variables[1];
    const rg = ref.categorical.find((c: any) => c.variable === 'gender' && c.group === 'outcome');
    expect(g.levels).toEqual(['Female', 'Male']);
    expect(g.summaries.map((s: any) => s.counts)).toEqual([[rg.counts[0][0], rg.counts[1][0]], [rg.counts[0][1], rg.counts[1][1]]]);
    expect(rel(g.statistic, rg.chisq.statistic)).toBeLessThan(1e-9);
    expect(rel(g.fisherP, rg.fisherP)).toBeLessThan(1e-9);
    expect(g.correction).toBe('none');
    expect(g.welch).toBeNull();
    const w = j.variables[2];
    expect(w.warnings[0]).toMatch(/expected count below 5/);
    expect(j.warnings.join('\n')).toMatch(/'wfns'.*expected count below 5/);
  });

  it('--yates gives the corrected 2×2 chi-square and says so; the text output names the correction', async () => {
    const r = await runCli(['compare', 'test/reference/compare/asah.csv', '--group', 'outcome', '--vars', 'gender', '--yates', '--json']);
    const j = r.json();
    const rg = ref.categorical.find((c: any) => c.variable === 'gender' && c.group === 'outcome');
    expect(j.chiSquareCorrection).toBe('yates');
    expect(j.variables[0].correction).toBe('yates');
    expect(rel(j.variables[0].statistic, rg.chisqYates.statistic)).toBeLessThan(1e-9);
    const t = await runCli(['compare', 'test/reference/compare/asah.csv', '--group', 'outcome', '--vars', 'gender']);
    expect(t.stdout).toMatch(/without continuity correction/);
    expect(t.stdout).toMatch(/Pearson χ²/);
    // two groups: Mann–Whitney, not Kruskal–Wallis, in the text table
    const n = await runCli(['compare', 'test/reference/compare/asah.csv', '--group', 'outcome', '--vars', 'age']);
    expect(n.stdout).toMatch(/Mann–Whitney/);
    expect(n.stdout).not.toMatch(/Kruskal/);
  });

  it('k groups: ANOVA with Welch and Kruskal–Wallis; --quantile-type 6; --numeric overrides the ≤5-values rule', async () => {
    const r = await runCli(['compare', 'test/reference/compare/mtcars.csv', '--group', 'cyl', '--vars', 'mpg,carb', '--numeric', 'carb', '--quantile-type', '6', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.groups).toEqual(['4', '6', '8']);
    expect(j.quantileType).toBe(6);
    const mpg = j.variables[0];
    const rm = ref.numeric.find((c: any) => c.set === 'mtcars' && c.variable === 'mpg' && c.group === 'cyl');
    expect(mpg.test).toBe('anova');
    expect(mpg.df).toBe(2);
    expect(mpg.df2).toBe(29);
    expect(rel(mpg.statistic, rm.anova.statistic)).toBeLessThan(1e-9);
    expect(rel(mpg.welch.statistic, rm.welchAnova.statistic)).toBeLessThan(1e-9);
    expect(rel(mpg.kruskalWallis.statistic, rm.kruskal.statistic)).toBeLessThan(1e-9);
    expect(mpg.mannWhitney).toBeNull();
    mpg.summaries.forEach((s: any, k: number) => {
      expect(rel(s.q1, rm.summaries[k].q1_6)).toBeLessThan(1e-12);
      expect(rel(s.q3, rm.summaries[k].q3_6)).toBeLessThan(1e-12);
    });
    expect(j.variables[1].type).toBe('numeric');
  });

  it('missing values: a missing group leaves the row out; a missing value only that variable', async () => {
    const f = csv('miss.csv', 'g,x,s\nA,1,m\nA,2,f\nA,NA,m\n,4,f\nB,5,m\nB,6,f\nB,8,\n');
    const j = (await runCli(['compare', f, '--group', 'g', '--vars', 'x,s', '--numeric', 'x', '--json'])).json();
    expect(j.n).toEqual([3, 3]);
    expect(j.nNoGroup).toBe(1);
    expect(j.variables[0].summaries.map((s: any) => s.n)).toEqual([2, 3]);
    expect(j.variables[0].nMissing).toBe(1);
    expect(j.variables[1].nMissing).toBe(1);
  });

  it('refuses: one group (4), a group with < 2 values (4), no variance (4), text in --numeric (3), unknown column (3), bad options (2)', async () => {
    const one = csv('one.csv', 'g,x\nA,1\nA,2\nA,3\n');
    let r = await runCli(['compare', one, '--group', 'g', '--vars', 'x']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/group column 'g' has the single value 'A'/);
    const few = csv('few.csv', 'g,x\nA,1.5\nA,2.5\nA,3.5\nA,4.5\nA,5.5\nA,6.5\nB,7.5\n');
    r = await runCli(['compare', few, '--group', 'g', '--vars', 'x']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/'x' has 1 non-missing value\(s\) in group 'B'/);
    const flat = csv('flat.csv', 'g,x\nA,2\nA,2\nB,2\nB,2\n');
    r = await runCli(['compare', flat, '--group', 'g', '--vars', 'x', '--numeric', 'x']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/'x' has the same value \(2\) in every row/);
    const txt = csv('txt.csv', 'g,x\nA,1\nA,high\nB,3\nB,4\n');
    r = await runCli(['compare', txt, '--group', 'g', '--vars', 'x', '--numeric', 'x']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/row 3.*'x'/);
    r = await runCli(['compare', txt, '--group', 'g', '--vars', 'y']);
    expect(r.code).toBe(3);
    r = await runCli(['compare', txt, '--group', 'g', '--vars', 'g']);
    expect(r.code).toBe(2);
    r = await runCli(['compare', txt, '--group', 'g', '--vars', 'x', '--categorical', 'x', '--numeric', 'x']);
    expect(r.code).toBe(2);
    r = await runCli(['compare', txt, '--group', 'g', '--vars', 'x', '--quantile-type', '5']);
    expect(r.code).toBe(2);
    r = await runCli(['compare', txt, '--vars', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--group/);
  });

  it('never prints NaN: an empty group cell in a categorical table gives null percentages', async () => {
    const f = csv('emptycat.csv', 'g,x,s\nA,1,\nA,2,\nB,5,m\nB,6,f\n');
    const r = await runCli(['compare', f, '--group', 'g', '--vars', 's', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
    expect(r.json().variables[0].summaries[0].percents).toEqual([null, null]);
    expect(r.json().variables[0].statistic).toBeNull();
    expect(r.json().variables[0].warnings[0]).toMatch(/group 'A' has no non-missing value/);
  });
});
