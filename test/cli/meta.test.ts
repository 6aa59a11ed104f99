/**
 * `siilab meta`: the JSON equals metafor's numbers on dat.bcg (through the CLI's input path), the
 * report is written in every format, and each kind of bad input gets one clear message that names
 * the file, row and column (exit 3 data, 4 analysis impossible, 2 usage).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.js';
import { close, reference, REF_DIR } from '../stats/meta/reference.js';

const dir = mkdtempSync(join(tmpdir(), 'siilab-meta-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const refCase = (id: string) => reference.cases.find((c: { id: string }) => c.id === id);

describe('siilab meta', () => {
  it('dat.bcg (yi, vi) with REML, moderator and subgroups equals metafor', async () => {
    const r = await runCli(['meta', join(REF_DIR, 'meta_bcg.csv'), '--moderator', 'ablat', '--by', 'alloc', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    const c = refCase('bcg_REML');
    close(j.model.estimate, c.fit.estimate);
    close(j.model.se, c.fit.se);
    close(j.model.tau2, c.fit.tau2);
    close(j.model.I2, c.fit.I2);
    close(j.tau2Ci.tau2[1], c.confint.tau2[2]);
    close(j.prediction.lower, c.fit.pred.piLower);
    close(j.egger.statistic, c.regtest.zval);
    close(j.metaRegression.slope.estimate, c.metaRegression.b[1]);
    close(j.metaRegression.QM, c.metaRegression.QM);
    close(j.subgroups.Qbetween, c.subgroups.Qbetween);
    expect(j.leaveOneOut).toHaveLength(13);
    close(j.leaveOneOut[7].estimate, c.leave1out.estimate[7]);
    expect(j.remlTolerance).toBe(1e-12);
  });

  it('2×2 counts as log RR (--measure RR) and --hksj with DL equal metafor', async () => {
    const r = await runCli(['meta', join(REF_DIR, 'meta_bcg_counts.csv'), '--measure', 'RR', '--method', 'DL', '--hksj', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    const c = refCase('bcg_DL_knha');
    expect(j.measure).toBe('RR');
    close(j.model.estimate, c.fit.estimate);
    close(j.model.se, c.fit.se);
    expect(j.model.df).toBe(12);
    close(j.model.ciUpper, c.fit.ciUpper);
    close(j.prediction.upper, c.fit.pred.piUpper);
  });

  it('HRs with 95% CIs from a YAML file: SE from the CI, the same as metafor on the seed ratios', async () => {
    const y = file('seeds.yaml', `measure: HR
studies:
  - { study: hong2021, hr: 2.211, lower: 1.089, upper: 4.489, n: 58 }
  - { study: deng2025, hr: 12.13, lower: 2.442, upper: 60.24, n: 186 }
  - { study: yu2023, hr: 3.164, lower: 1.878, upper: 5.329, n: 272 }
`);
    const r = await runCli(['meta', y, '--method', 'PM', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    const c = refCase('sii_seeds_PM');
    close(j.model.estimate, c.fit.estimate);
    close(j.model.tau2, c.fit.tau2);
    close(j.tau2Ci.tau2[1], c.confint.tau2[2]);
    expect(j.studies.map((s: { input: string }) => s.input)).toEqual(['ci', 'ci', 'ci']);
  });

  it('writes the report (HTML, Word, Markdown, figures, tables, results.json) and a text summary', async () => {
    const out = join(dir, 'report');
    const r = await runCli(['meta', join(REF_DIR, 'meta_bcg.csv'), '--out', out]);
    expect(r.code).toBe(0);
    for (const f of ['report.html', 'report.docx', 'report.md', 'results.json', 'figures/figure-meta-forest.svg', 'figures/figure-meta-forest.png', 'figures/figure-meta-funnel.png', 'tables/meta-studies.csv', 'tables/meta-leave-one-out.csv'])
      expect(existsSync(join(out, f)), f).toBe(true);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('Statistical methods');
    expect(md).toContain('Q-profile');
    expect(md).toContain('prediction interval');
    expect(r.stdout).toContain('Random effects (REML)');
    expect(r.stdout).toMatch(/I² = 92\.22%/);
  });

  describe('bad input', () => {
    const bad = async (name: string, text: string, args: string[] = []) => {
      const p = file(name, text);
      return { p, r: await runCli(['meta', p, ...args]) };
    };
    it('a study with a ratio but neither SE nor CI names file, row and column', async () => {
      const { p, r } = await bad('nose.csv', 'study,hr,lower,upper\nA,2.0,1.2,3.3\nB,1.5,,\n');
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`${p}, row 3 (study 'B')`);
      expect(r.stderr).toContain("'hr' is given but neither a standard error");
    });
    it('a log ratio without SE', async () => {
      const { r } = await bad('noyi.csv', 'study,yi,se\nA,0.5,0.2\nB,0.3,\n');
      expect(r.code).toBe(3);
      expect(r.stderr).toContain("row 3 (study 'B'): 'yi' is given but neither");
    });
    it('half a CI', async () => {
      const { r } = await bad('half.csv', 'study,hr,lower,upper\nA,2.0,1.2,3.3\nB,1.5,1.1,\n');
      expect(r.code).toBe(3);
      expect(r.stderr).toContain('has no upper limit');
    });
    it('a CI not symmetric on the log scale is flagged (a warning naming the row), not refused', async () => {
      const { r } = await bad('asym.csv', 'study,hr,lower,upper\nA,2.00,1.20,3.30\nB,3.10,1.20,4.80\nC,1.38,0.90,2.10\n', ['--json']);
      expect(r.code).toBe(0);
      const j = r.json();
      expect(j.studies[1].asymmetricCi).toBe(true);
      expect(j.studies[0].asymmetricCi).toBe(false);
      expect(j.warnings).toHaveLength(1);
      expect(j.warnings[0]).toContain("row 3 (study 'B'): the HR 3.10 is not in the middle of its confidence interval 1.20–4.80 on the log scale");
    });
    it('a ratio outside its CI', async () => {
      const { r } = await bad('outside.csv', 'study,hr,lower,upper\nA,2.0,1.2,3.3\nB,5.0,1.1,2.0\n');
      expect(r.code).toBe(3);
      expect(r.stderr).toContain("row 3 (study 'B'): the HR 5.0 lies outside its own confidence interval");
    });
    it('a single study', async () => {
      const { r } = await bad('one.csv', 'study,hr,lower,upper\nA,2.0,1.2,3.3\n');
      expect(r.code).toBe(4);
      expect(r.stderr).toContain('only one study');
    });
    it('a row with no effect at all, bad counts, a missing moderator, a constant moderator, an unknown column', async () => {
      expect((await bad('none.csv', 'study,n\nA,10\nB,20\n')).r.stderr).toContain("row 2 (study 'A'): no effect size");
      expect((await bad('counts.csv', 'study,events1,total1,events2,total2\nA,5,4,3,10\nB,1,10,2,10\n')).r.stderr).toContain("row 2 (study 'A'): events and totals");
      const mod = await bad('mod.csv', 'study,yi,se,cutoff\nA,0.5,0.2,300\nB,0.3,0.1,\nC,0.1,0.3,400\n', ['--moderator', 'cutoff']);
      expect(mod.r.code).toBe(3);
      expect(mod.r.stderr).toContain("row 3 (study 'B'), column 'cutoff': no value for the moderator");
      expect((await bad('modc.csv', 'study,yi,se,cutoff\nA,0.5,0.2,300\nB,0.3,0.1,300\nC,0.1,0.3,300\n', ['--moderator', 'cutoff'])).r.stderr).toContain('the same value in every study');
      expect((await bad('col.csv', 'study,yi,se\nA,0.5,0.2\nB,0.3,0.1\n', ['--by', 'region'])).r.stderr).toContain("--by names column 'region', which is not there");
    });
    it('mixed measures and a bad --method', async () => {
      const mixed = await bad('mixed.csv', 'study,hr,or,lower,upper\nA,2.0,,1.2,3.3\nB,,1.5,1.1,2.0\n');
      expect(mixed.r.code).toBe(3);
      const m = await runCli(['meta', join(REF_DIR, 'meta_bcg.csv'), '--method', 'ML']);
      expect(m.code).toBe(2);
    });
    it('YAML without a studies list', async () => {
      const { r } = await bad('x.yaml', 'measure: HR\n');
      expect(r.code).toBe(3);
      expect(r.stderr).toContain("needs a list 'studies:'");
    });
  });
});
