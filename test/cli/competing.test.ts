import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';
import { reference } from '../stats/competing/reference.js';

const MGUS = 'test/reference/competing/competing_mgus2.csv';
const LIVER = 'test/reference/competing/competing_liver.csv';
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

function tmpCsv(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'siilab-cif-'));
  const f = join(dir, 'd.csv');
  writeFileSync(f, text);
  return f;
}

describe('siilab cif', () => {
  it('--json: the issue contract, with values equal to cuminc/timepoints', async () => {
    const r = await runCli(['cif', MGUS, '--time', 'etime', '--status', 'event', '--group', 'sex', '--times', '60,120,240', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.causes).toEqual([1, 2]);
    expect(j.groups.map((g: any) => `${g.group}/${g.cause}`)).toEqual(['F/1', 'F/2', 'M/1', 'M/2']);
    const ref = reference.cif.find((c: any) => c.id === 'mgus2_sex');
    for (const tp of ref.timepoints) {
      const [g, cause] = tp.name.split(' ');
      const cur = j.groups.find((x: any) => x.group === g && x.cause === Number(cause));
      tp.est.forEach((e: number, i: number) => {
        expect(rel(cur.at[i].cif, e)).toBeLessThan(1e-9);
        expect(rel(cur.at[i].se, Math.sqrt(tp.var[i]))).toBeLessThan(1e-6);
        expect(cur.at[i].lower).toBeLessThan(cur.at[i].cif);
        expect(cur.at[i].upper).toBeGreaterThan(cur.at[i].cif);
      });
      expect(Object.keys(cur.table[0])).toEqual(['time', 'cif', 'variance']);
    }
    expect(j.gray.map((g: any) => Object.keys(g))).toEqual([
      ['cause', 'chisq', 'df', 'p'],
      ['cause', 'chisq', 'df', 'p'],
    ]);
  });

  it('text output names groups, causes and Gray', async () => {
    const r = await runCli(['cif', LIVER, '--time', 'months', '--status', 'status', '--group', 'sii_group', '--times', '12,36']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/CIF\(12\)/);
    expect(r.stdout).toMatch(/Gray's test/);
  });

  it('bad input: non-integer status (exit 3, names the row), no event (exit 4), a cause absent from a group (warning)', async () => {
    const f = tmpCsv('t,s,g\n1,1,a\n2,1.5,a\n3,0,b\n');
    const r1 = await runCli(['cif', f, '--time', 't', '--status', 's']);
    expect(r1.code).toBe(3);
    expect(r1.stderr).toMatch(/row 3.*'s'.*not a whole number/);
    const f2 = tmpCsv('t,s\n1,0\n2,0\n');
    const r2 = await runCli(['cif', f2, '--time', 't', '--status', 's']);
    expect(r2.code).toBe(4);
    expect(r2.stderr).toMatch(/no event/);
    const f3 = tmpCsv('t,s,g\n1,1,a\n2,2,a\n3,1,b\n4,0,b\n5,1,a\n6,0,b\n');
    const r3 = await runCli(['cif', f3, '--time', 't', '--status', 's', '--group', 'g', '--json']);
    expect(r3.code).toBe(0);
    expect(r3.json().warnings.join(' ')).toMatch(/group 'b'.*no event of cause 2/);
    expect(r3.stderr).toMatch(/warning/);
    const r4 = await runCli(['cif', f3, '--time', 't', '--status', 's', '--censor-value', 'x']);
    expect(r4.code).toBe(2);
  });
});

describe('siilab finegray', () => {
  it('--json: the issue contract, values equal to crr, cause-specific Cox beside it', async () => {
    const r = await runCli(['finegray', LIVER, '--time', 'months', '--status', 'status', '--cause', '1', '--covariates', 'sii_group,age,child_pugh', '--ref', 'sii_group=low', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    const ref = reference.finegray.find((c: any) => c.id === 'liver_recurrence');
    for (const k of ['n', 'nDropped', 'events', 'competing', 'coefficients', 'loglik', 'converged', 'warnings']) expect(j).toHaveProperty(k);
    expect(j.n).toBe(ref.n);
    expect(j.nDropped).toBe(ref.nMissing);
    expect(j.coefficients.map((c: any) => c.term)).toEqual(ref.terms);
    j.coefficients.forEach((c: any, i: number) => {
      expect(rel(c.coef, ref.coef[i])).toBeLessThan(1e-6);
      expect(rel(c.se, ref.se[i])).toBeLessThan(1e-6);
      expect(rel(c.shr, Math.exp(ref.coef[i]))).toBeLessThan(1e-6);
      expect(rel(j.causeSpecific.coefficients[i].coef, ref.causeSpecific[0].coef[i])).toBeLessThan(1e-6);
    });
    expect(rel(j.loglik, ref.loglik)).toBeLessThan(1e-9);
  });

  it('bad input: a cause with no events (exit 4), non-integer --cause (exit 2), missing --covariates (exit 2)', async () => {
    const base = ['finegray', LIVER, '--time', 'months', '--status', 'status'];
    const r1 = await runCli([...base, '--cause', '3', '--covariates', 'age']);
    expect(r1.code).toBe(4);
    expect(r1.stderr).toMatch(/no event of cause 3.*causes present: 1, 2/);
    expect((await runCli([...base, '--cause', '1.5', '--covariates', 'age'])).code).toBe(2);
    expect((await runCli([...base, '--cause', '1'])).code).toBe(2);
    expect((await runCli([...base, '--cause', '0', '--covariates', 'age'])).code).toBe(2);
  });
});
