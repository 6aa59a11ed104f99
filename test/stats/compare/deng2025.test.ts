// The seed paper's own baseline numbers, recomputed from what it prints (deng2025, "Systemic
// immune-inflammation index ... TACE ... recurrence", Table 1 counts and Table 2 mean ± SD with n;
// SPSS 22: "t test", "χ² test"). Each published statistic is checked to the printed decimals.
// A published number that does not reproduce is a finding about the paper, not a failure of siilab:
// it is recorded below as an expectation that it does NOT match, with the recomputed value.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chiSquareTest } from '../../../src/stats/compare/chiSquareTest.js';
import { studentTFromSummary, welchTFromSummary } from '../../../src/stats/compare/tTestFromSummary.js';
import { compareCategorical } from '../../../src/stats/compare/compareCategorical.js';
import { SEEDS, hasSeeds } from '../../helpers/shared.js';

const printed = (x: number, d: number) => x.toFixed(d);
const N_REC = 110;
const N_NON = 76;

/** Table 1 rows: [recurrence, non-recurrence] counts per level, printed χ² and P. */
const TABLE1 = [
  { name: 'Age (years)', rows: [[53, 46], [57, 30]], chi: '2.751', p: '0.097' },
  { name: 'Gender', rows: [[61, 37], [49, 39]], chi: '0.827', p: '0.363' },
  { name: 'Hepatitis B', rows: [[45, 33], [65, 43]], chi: '0.117', p: '0.733' },
  { name: 'Tumor size', rows: [[70, 35], [40, 41]], chi: '5.653', p: '0.017' },
  { name: 'Child-Pugh grade', rows: [[63, 42], [47, 34]], chi: '0.074', p: '0.784' },
  { name: 'Number of lesions', rows: [[58, 35], [52, 41]], chi: '0.801', p: '0.371' },
  { name: 'Vascular tumor thrombus', rows: [[50, 23], [60, 53]], chi: '4.350', p: '0.037' },
  { name: 'Vascular invasion', rows: [[44, 18], [66, 58]], chi: '5.384', p: '0.020' },
  { name: 'Tumor capsule', rows: [[58, 55], [42, 15], [10, 6]], chi: '7.919', p: '0.019' },
];

/** Published values that do not reproduce from the printed counts (uncorrected or Yates). */
const NOT_REPRODUCED: Record<string, { chi?: string; p?: string }> = {
  // recomputed Pearson χ² = 0.826477 → 0.826 (printed 0.827); P = 0.3633 matches. Yates gives 0.577.
  Gender: { chi: '0.826' },
  // recomputed χ² = 0.116473 → 0.116 (printed 0.117); P = 0.7329 matches. Yates gives 0.036.
  'Hepatitis B': { chi: '0.116' },
  // χ² = 0.073833 → 0.074 matches, but its P is 0.7858 → 0.786 (printed 0.784); Yates gives P 0.903.
  'Child-Pugh grade': { p: '0.786' },
};

describe('deng2025 Table 1: chi-square tests recomputed from the printed counts', () => {
  for (const row of TABLE1) {
    const bad = NOT_REPRODUCED[row.name] ?? {};
    const r = chiSquareTest(row.rows);
    it(`${row.name}: uncorrected Pearson χ² (as SPSS prints first)${bad.chi ? ' — published χ² does NOT reproduce' : ''}`, () => {
      expect(r.correction).toBe('none');
      if (bad.chi) {
        expect(printed(r.statistic, 3)).not.toBe(row.chi);
        expect(printed(r.statistic, 3)).toBe(bad.chi);
        expect(Math.abs(r.statistic - Number(row.chi))).toBeLessThan(0.001); // off by one in the last digit
      } else expect(printed(r.statistic, 3)).toBe(row.chi);
    });
    it(`${row.name}: P${bad.p ? ' — published P does NOT reproduce' : ''}`, () => {
      if (bad.p) {
        expect(printed(r.p, 3)).not.toBe(row.p);
        expect(printed(r.p, 3)).toBe(bad.p);
      } else expect(printed(r.p, 3)).toBe(row.p);
    });
    it(`${row.name}: the published χ² is not the Yates-corrected one`, () => {
      if (row.rows.length === 2) expect(printed(chiSquareTest(row.rows, { correct: true }).statistic, 3)).not.toBe(row.chi);
    });
  }

  it('the printed percentages are column percentages of the group sizes (to 2 decimals)', () => {
    // Tumor capsule, as printed: 58(52.73) 42(38.18) 10(9.09) | 55(72.37) 15(19.74) 6(7.89)
    const values: string[] = [];
    const groups: number[] = [];
    const levels = ['Absence', 'Complete', 'Incomplete'];
    const counts = [[10, 6], [58, 55], [42, 15]];
    counts.forEach((row, k) => row.forEach((n, j) => {
      for (let i = 0; i < n; i++) {
        values.push(levels[k]);
        groups.push(j);
      }
    }));
    const c = compareCategorical('capsule', ['rec', 'non'], values, Int32Array.from(groups));
    expect(c.summaries.map((s) => s.n)).toEqual([N_REC, N_NON]);
    expect(c.summaries[0].percents.map((x) => printed(x, 2))).toEqual(['9.09', '52.73', '38.18']);
    expect(c.summaries[1].percents.map((x) => printed(x, 2))).toEqual(['7.89', '72.37', '19.74']);
    expect(printed(c.statistic, 3)).toBe('7.919');
    expect(c.df).toBe(2);
  });
});

describe("deng2025 t values from mean ± SD and n (Student's pooled t, as SPSS's first row)", () => {
  const cases = [
    // Table 1 BMI: 23.25 ± 1.87 vs 23.88 ± 4.26 → printed t 1.373 (sign dropped), P 0.172
    { name: 'BMI (Table 1)', a: [23.25, 1.87], b: [23.88, 4.26], t: '1.373', p: '0.172' },
    // Table 2 SII: 420.76 ± 253.30 vs 283.36 ± 101.56 → t 4.483, P < 0.001
    { name: 'SII (Table 2)', a: [420.76, 253.3], b: [283.36, 101.56], t: '4.483', p: '<0.001' },
    // Table 2 AFP: 344.25 ± 98.33 vs 198.25 ± 72.30 → t 11.042, P < 0.001
    { name: 'AFP (Table 2)', a: [344.25, 98.33], b: [198.25, 72.3], t: '11.042', p: '<0.001' },
  ];
  for (const c of cases) {
    it(`${c.name}: |t| = ${c.t} reproduces with pooled variance, not with Welch's`, () => {
      const s = studentTFromSummary(c.a[0], c.a[1], N_REC, c.b[0], c.b[1], N_NON);
      const w = welchTFromSummary(c.a[0], c.a[1], N_REC, c.b[0], c.b[1], N_NON);
      expect(printed(Math.abs(s.statistic), 3)).toBe(c.t);
      expect(s.df).toBe(184);
      if (c.p === '<0.001') expect(s.p).toBeLessThan(0.001);
      else expect(printed(s.p, 3)).toBe(c.p);
      expect(printed(Math.abs(w.statistic), 3)).not.toBe(c.t);
    });
  }
});

describe('the transcribed numbers are the ones in the seed text', () => {
  const file = resolve(SEEDS, 'deng2025_sii_tace_recurrence.txt');
  it.skipIf(!hasSeeds || !existsSync(file))('every printed statistic above appears in the paper', () => {
    const text = readFileSync(file, 'utf8');
    for (const row of TABLE1) {
      expect(text).toContain(`| ${row.chi} | ${row.p} |`);
    }
    for (const s of ['420.76 ± 253.30', '283.36 ± 101.56', '344.25 ± 98.33', '198.25 ± 72.30', '| 4.483 | 11.042 |', '23.25 ± 1.87 | 23.88 ± 4.26 | 1.373 | 0.172']) {
      expect(text).toContain(s);
    }
  });
});
