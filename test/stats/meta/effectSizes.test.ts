/** Effect sizes from the inputs a meta-analysis gets: 2×2 counts (escalc parity) and ratios with CIs. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDelimited } from '../../../src/io/readTable.js';
import { numericColumn } from '../../../src/io/columns.js';
import { binaryEffectSize } from '../../../src/stats/meta/binaryEffectSize.js';
import { seFromRatioCi } from '../../../src/stats/meta/seFromRatioCi.js';
import { close, loadSet, REF_DIR, reference } from './reference.js';

describe('binaryEffectSize vs escalc (dat.bcg)', () => {
  const t = parseDelimited('meta_bcg_counts.csv', readFileSync(join(REF_DIR, 'meta_bcg_counts.csv'), 'utf8'));
  const [e1, n1, e2, n2] = ['events1', 'total1', 'events2', 'total2'].map((c) => numericColumn(t, c, c));
  for (const [m, ref] of [['RR', reference.escalc.bcgRR], ['OR', reference.escalc.bcgOR]] as const) {
    it(`log ${m} and its variance for all 13 trials (1e-12)`, () => {
      for (let i = 0; i < e1.length; i++) {
        const r = binaryEffectSize(e1[i], n1[i], e2[i], n2[i], m)!;
        close(r.yi, ref.yi[i], 1e-12);
        close(r.vi, ref.vi[i], 1e-12);
        expect(r.corrected).toBe(false);
      }
    });
  }
  it('adds 1/2 to every cell of a table with a zero cell (escalc add = 1/2, to = "only0"), by hand', () => {
    // a = 0, b = 10, c = 5, d = 5 → (0.5·5.5)/(10.5·5.5) = 0.047619…
    const r = binaryEffectSize(0, 10, 5, 10, 'OR')!;
    expect(r.corrected).toBe(true);
    close(r.yi, Math.log((0.5 * 5.5) / (10.5 * 5.5)), 1e-14);
    close(r.vi, 1 / 0.5 + 1 / 10.5 + 1 / 5.5 + 1 / 5.5, 1e-14);
  });
  it('refuses a table without events in either group', () => {
    expect(binaryEffectSize(0, 10, 0, 12, 'RR')).toBeNull();
    expect(binaryEffectSize(3, 2, 1, 5, 'RR')).toBeNull();
  });
});

describe('seFromRatioCi', () => {
  it('SE = (log U − log L)/(2·1.959964) (hong2021 HR 2.211, 1.089–4.489), by hand', () => {
    const r = seFromRatioCi('2.211', '1.089', '4.489')!;
    close(r.se, (Math.log(4.489) - Math.log(1.089)) / (2 * 1.959963984540054), 1e-14);
    close(r.yi, Math.log(2.211), 1e-15);
    expect(r.symmetric).toBe(true);
    expect(r.inside).toBe(true);
  });
  it('agrees with the vi metafor got for the seeds (the R script derives them the same way)', () => {
    const seeds: [string, string, string][] = [['2.211', '1.089', '4.489'], ['12.13', '2.442', '60.24'], ['3.164', '1.878', '5.329']];
    const d = loadSet('sii_seeds');
    seeds.forEach(([r, l, u], i) => {
      const e = seFromRatioCi(r, l, u)!;
      close(e.yi, d.yi[i], 1e-12);
      close(e.se * e.se, d.vi[i], 1e-12);
    });
  });
  it('flags a ratio that is not the geometric mean of its limits beyond rounding', () => {
    // √(1.2·4.8) = 2.4: 2.4 is symmetric, 3.1 is not
    expect(seFromRatioCi('2.40', '1.20', '4.80')!.symmetric).toBe(true);
    expect(seFromRatioCi('3.10', '1.20', '4.80')!.symmetric).toBe(false);
    // rounding: √(1.089·4.489) = 2.2110 (the printed 2.211 within half a unit of the third decimal)
    expect(seFromRatioCi('2.21', '1.09', '4.49')!.symmetric).toBe(true);
  });
  it('a ratio outside its CI and impossible limits', () => {
    expect(seFromRatioCi('5.0', '1.0', '4.0')!.inside).toBe(false);
    expect(seFromRatioCi('2', '3', '1')).toBeNull();
    expect(seFromRatioCi('2', '0', '4')).toBeNull();
    expect(seFromRatioCi('2', 'NA', '4')).toBeNull();
  });
});
